import assert from 'node:assert/strict';
import { readCsv } from './csv-reader.ts';

/** Reads the export back as a spreadsheet would; the file must end with CRLF. */
export function parseCsv(text: string): string[][] {
  const { rows, rest } = readCsv(text);
  assert.equal(rest, '', 'the file ends with CRLF');
  return rows;
}
