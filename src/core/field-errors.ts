/**
 * Turns schema issues into one error per field, in a small vocabulary that
 * both the server (problem+json `errors[].code`) and the elements (i18n keys)
 * share. Kept DOM-free and independent of zod's own message text, which is
 * English-only and may change between versions.
 */

export type FieldErrorCode = 'required' | 'too-long' | 'too-short' | 'too-big' | 'too-small' | 'invalid';

export interface FieldError {
  /** Dotted path of the field, e.g. `comment` or `answers.q3`. */
  field: string;
  code: FieldErrorCode;
}

/** The part of a zod issue this module reads (zod v4 shape). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function codeFor(issue: SchemaIssue, value: unknown): FieldErrorCode {
  if (isBlank(value)) return 'required';
  const textual = issue.origin === 'string' || issue.origin === 'array';
  switch (issue.code) {
    case 'too_big':
      return textual ? 'too-long' : 'too-big';
    case 'too_small':
      return textual ? 'too-short' : 'too-small';
    default:
      return 'invalid';
  }
}

/**
 * One {@link FieldError} per field, in the order the issues name them (which
 * follows the schema's field order, and so the page's).
 */
export function fieldErrors(issues: readonly SchemaIssue[], input: unknown): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, code: codeFor(issue, valueAt(input, issue.path)) });
  }
  return errors;
}
