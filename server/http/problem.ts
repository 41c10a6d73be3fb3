import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { $ZodError } from 'zod/v4/core';
import type { FieldIssue, Problem, ProblemCode } from '../../src/contract/problem.ts';
import type { TextIssue } from '../../src/contract/text.ts';
import { fieldErrors, type SchemaIssue } from '../../src/core/field-errors.ts';

/** Thrown anywhere in a route; `app.onError` turns it into `application/problem+json`. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }

  toJSON(): Problem {
    return {
      type: `https://community-led-widgets.dev/problems/${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

export function problemResponse(c: Context, problem: HttpProblem): Response {
  for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
  return c.body(JSON.stringify(problem.toJSON()), problem.status, { 'Content-Type': 'application/problem+json' });
}

/** A 422 listing every failing field, with the same codes the elements use for their messages. */
export function validationProblem(error: Pick<$ZodError, 'issues'> | { issues: readonly TextIssue[] }, input: unknown, where: 'body' | 'query'): HttpProblem {
  const messages = new Map<string, string>(error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]));
  const errors = fieldErrors(error.issues as readonly SchemaIssue[], input).map((issue) => ({
    path: issue.field,
    code: issue.code,
    message: messages.get(issue.field) ?? issue.code,
  }));
  return new HttpProblem(422, 'validation-failed', `The request ${where} is not valid`, undefined, errors);
}

/** 409 for an Idempotency-Key already used with a different body. `what` names the thing, e.g. "booking". */
export function idempotencyConflict(what: string): HttpProblem {
  return new HttpProblem(409, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request', `Use a new key for a new ${what}.`);
}
