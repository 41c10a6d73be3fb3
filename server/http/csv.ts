/**
 * CSV for staff exports (RFC 4180: CRLF rows, fields quoted when they hold
 * a comma, quote or line break, quotes doubled), opened safely by
 * spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with `'`, so text a resident typed (a name
 * such as `=HYPERLINK(…)`) is shown, never run as a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document, starting with a UTF-8 byte order mark so Excel reads accented letters (ŵ, ŷ) correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
