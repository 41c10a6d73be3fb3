/**
 * Text no field of the contract may carry, whatever its schema says: C0
 * control characters other than tab, line feed and carriage return, DEL, and
 * unpaired UTF-16 surrogates. None is anything a person types; PostgreSQL
 * cannot store NUL at all, and a lone surrogate is not valid UTF-8. Checked
 * on every request body and query (keys too: answers are keyed by question
 * id) before the route's own schema, so bad input is a 422 naming the
 * field, never a 500.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds a character no field may carry. */
export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** An issue in zod's shape, so it reads like a schema's own (see core/field-errors.ts). */
export interface TextIssue {
  code: 'custom';
  path: PropertyKey[];
  message: string;
}

/** Every place in a parsed JSON value (or query) whose text, or key, holds an unstorable character. */
export function unstorableText(value: unknown, path: PropertyKey[] = []): TextIssue[] {
  const issue = (at: PropertyKey[]): TextIssue => ({ code: 'custom', path: at, message: 'must not contain control characters' });
  if (typeof value === 'string') return hasUnstorableCharacter(value) ? [issue(path)] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableText(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      hasUnstorableCharacter(key) ? [issue([...path, key])] : unstorableText(item, [...path, key]),
    );
  }
  return [];
}

/** The largest value a PostgreSQL `integer` column holds: numbers the contract stores as one stay at or below it. */
export const INT32_MAX = 2_147_483_647;
