/**
 * The rows of cells in clipboard text as Google Sheets and Excel copy a block: cells separated by tabs, rows by
 * newlines (\n or \r\n), one trailing newline ignored; a cell holding a tab, a newline or a quote comes in double
 * quotes with its quotes doubled ("say ""hi""\nthere"). A quote that does not close such a cell is plain text.
 * Pure (no DOM): the page and the tests use it.
 */

/** A quoted cell starting at `start` (on its opening quote): its text and where it ends, or null if it is not one. */
function quotedCell(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '"') {
      value += ch;
      continue;
    }
    if (text[i + 1] === '"') {
      value += '"';
      i++;
      continue;
    }
    const after = text[i + 1];
    // A closing quote ends the cell only where a cell may end.
    if (after === undefined || after === '\t' || after === '\n' || after === '\r')
      return { value: value.replace(/\r\n/g, '\n'), end: i + 1 };
    return null;
  }
  return null;
}

export function parseClipboardText(text: string): string[][] {
  const body = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    const quoted = body[i] === '"' ? quotedCell(body, i) : null;
    if (quoted) {
      value = quoted.value;
      i = quoted.end;
    } else {
      let end = i;
      while (end < body.length && body[end] !== '\t' && body[end] !== '\n' && body[end] !== '\r') end++;
      value = body.slice(i, end);
      i = end;
    }
    row.push(value);
    if (i >= body.length) break;
    if (body[i] === '\t') {
      i++;
      continue;
    }
    // A row ends at \n or \r\n (a lone \r as well).
    i += body[i] === '\r' && body[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
  rows.push(row);
  return rows;
}
