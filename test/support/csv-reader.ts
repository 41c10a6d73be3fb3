/**
 * A minimal RFC 4180 reader (rows end in CRLF; quoted cells may hold commas,
 * quotes and line breaks), with no Node imports so browser tests read the
 * export back with it too. `rest` is what followed the last CRLF.
 */
export function readCsv(text: string): { rows: string[][]; rest: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return { rows, rest: row.length ? [...row, cell].join(',') : cell };
}
