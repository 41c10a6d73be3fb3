import type { Context } from 'hono';
import type { Output, Schema } from '../../src/contract/schema.ts';
import { unstorableText } from '../../src/contract/text.ts';
import { IDEMPOTENCY_KEY_PATTERN } from '../../src/core/idempotency.ts';
import { HttpProblem, validationProblem } from './problem.ts';

/** Reads and validates a JSON body: 415 for another content type, 400 for broken JSON, 422 for invalid fields. */
export async function readBody<S extends Schema>(c: Context, schema: S): Promise<Output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpProblem(415, 'unsupported-media-type', 'Send the body as application/json', `Content-Type was "${type || 'missing'}".`);
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch (error) {
    // The client went away mid-upload (node's "aborted" ECONNRESET): nothing to answer, nothing to log.
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') {
      throw new HttpProblem(400, 'invalid-json', 'The request body did not arrive', 'The connection closed before the body was complete.');
    }
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, 'invalid-json', 'The request body is not valid JSON', (error as Error).message);
  }
  const unstorable = unstorableText(body);
  if (unstorable.length) throw validationProblem({ issues: unstorable }, body, 'body');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationProblem(parsed.error, body, 'body');
  return parsed.data;
}

/** Validates the query string. */
export function readQuery<S extends Schema>(c: Context, schema: S): Output<S> {
  const query = c.req.query();
  const unstorable = unstorableText(query);
  if (unstorable.length) throw validationProblem({ issues: unstorable }, query, 'query');
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationProblem(parsed.error, query, 'query');
  return parsed.data;
}

/** The Idempotency-Key header, required on public POST routes. */
export function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key');
  if (!key || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new HttpProblem(
      400,
      'idempotency-key-invalid',
      'An Idempotency-Key header is required',
      'Send 8–128 visible ASCII characters (a random UUID is ideal), and the same key when retrying the same request.',
    );
  }
  return key;
}
