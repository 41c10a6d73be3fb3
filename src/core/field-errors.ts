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

/**
 * The part of `path` that exists in what was sent, and the value there. A
 * schema may parse a string into an object (`near=52.4,-3.1` → {lat, lng})
 * and then report `near.lat`; the sender only knows `near`.
 */
function locate(input: unknown, path: readonly PropertyKey[]): { path: readonly PropertyKey[]; value: unknown } {
  let value: unknown = input;
  for (let index = 0; index < path.length; index++) {
    if (value === null || typeof value !== 'object') {
      return index === 0 ? { path, value: undefined } : { path: path.slice(0, index), value };
    }
    value = (value as Record<PropertyKey, unknown>)[path[index] as PropertyKey];
  }
  return { path, value };
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
    const found = locate(input, issue.path);
    const field = found.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const code = found.path.length < issue.path.length ? (issue.code === 'too_big' ? 'too-big' : issue.code === 'too_small' ? 'too-small' : 'invalid') : codeFor(issue, found.value);
    errors.push({ field, code });
  }
  return errors;
}
