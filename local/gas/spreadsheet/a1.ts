/**
 * A1 notation: column letters, parsing "B2", "A2:P", "A:A", "2:2", "$A$1:$C$3", "Sheet 1!A1:B2"
 * and formatting back. Rows and columns are 1-based.
 */

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Which ends of a parsed A1 range were left open ("A2:P" has an open end row, "A:A" open rows). */
export interface A1Bounds {
  startRowOpen: boolean;
  endRowOpen: boolean;
  startColOpen: boolean;
  endColOpen: boolean;
}

export interface ParsedA1 {
  sheetName: string | null;
  /** null means "to the sheet's edge", resolved against the sheet size by `resolveA1`. */
  row1: number | null;
  col1: number | null;
  row2: number | null;
  col2: number | null;
}

export function columnToLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/;

interface Endpoint {
  col: number | null;
  row: number | null;
}

function parseEndpoint(text: string): Endpoint | null {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? lettersToColumn(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col, row };
}

/** Parse A1 text; null when it is not A1 notation. */
export function parseA1(text: string): ParsedA1 | null {
  let body = text.trim();
  let sheetName: string | null = null;
  const bang = body.lastIndexOf('!');
  if (bang >= 0) {
    let name = body.slice(0, bang);
    body = body.slice(bang + 1);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
    if (!name) return null;
    sheetName = name;
  }
  const parts = body.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const a = parseEndpoint(parts[0] ?? '');
  if (!a) return null;
  if (parts.length === 1) {
    // A single endpoint must be a full cell ("B2"); "B" or "2" alone are not ranges.
    if (a.col === null || a.row === null) return null;
    return { sheetName, row1: a.row, col1: a.col, row2: a.row, col2: a.col };
  }
  const b = parseEndpoint(parts[1] ?? '');
  if (!b) return null;
  // Allowed shapes: cell:cell, cell:col ("A2:P"), col:col ("A:A"), row:row ("2:2"), col:cell ("A:B5"? no).
  const aCell = a.col !== null && a.row !== null;
  const bCell = b.col !== null && b.row !== null;
  if (aCell && bCell) return order({ sheetName, row1: a.row, col1: a.col, row2: b.row, col2: b.col });
  if (aCell && b.col !== null && b.row === null)
    return order({ sheetName, row1: a.row, col1: a.col, row2: null, col2: b.col });
  if (aCell && b.row !== null && b.col === null)
    return order({ sheetName, row1: a.row, col1: a.col, row2: b.row, col2: null });
  if (a.row === null && b.row === null && a.col !== null && b.col !== null)
    return order({ sheetName, row1: null, col1: a.col, row2: null, col2: b.col });
  if (a.col === null && b.col === null && a.row !== null && b.row !== null)
    return order({ sheetName, row1: a.row, col1: null, row2: b.row, col2: null });
  return null;
}

function order(p: ParsedA1): ParsedA1 {
  let { row1, row2, col1, col2 } = p;
  if (row1 !== null && row2 !== null && row2 < row1) [row1, row2] = [row2, row1];
  if (col1 !== null && col2 !== null && col2 < col1) [col1, col2] = [col2, col1];
  return { sheetName: p.sheetName, row1, row2, col1, col2 };
}

/** Turn a parsed A1 into a rectangle on a sheet of the given size, plus which ends were open. */
export function resolveA1(p: ParsedA1, maxRows: number, maxCols: number): { rect: Rect; bounds: A1Bounds } {
  const row1 = p.row1 ?? 1;
  const col1 = p.col1 ?? 1;
  const row2 = p.row2 ?? maxRows;
  const col2 = p.col2 ?? maxCols;
  return {
    rect: { row: row1, col: col1, numRows: row2 - row1 + 1, numCols: col2 - col1 + 1 },
    bounds: {
      startRowOpen: p.row1 === null,
      endRowOpen: p.row2 === null,
      startColOpen: p.col1 === null,
      endColOpen: p.col2 === null,
    },
  };
}

export const CLOSED_BOUNDS: A1Bounds = Object.freeze({
  startRowOpen: false,
  endRowOpen: false,
  startColOpen: false,
  endColOpen: false,
});

/** A1 text of a rectangle; open ends print as Apps Script prints them ("A:A", "2:2", "A2:P"). */
export function rectToA1(rect: Rect, bounds: A1Bounds = CLOSED_BOUNDS): string {
  const c1 = columnToLetters(rect.col);
  const c2 = columnToLetters(rect.col + rect.numCols - 1);
  const r1 = String(rect.row);
  const r2 = String(rect.row + rect.numRows - 1);
  if (bounds.startRowOpen && bounds.endRowOpen) return `${c1}:${c2}`;
  if (bounds.startColOpen && bounds.endColOpen) return `${r1}:${r2}`;
  if (bounds.endRowOpen) return `${c1}${r1}:${c2}`;
  if (bounds.endColOpen) return `${c1}${r1}:${r2}`;
  if (rect.numRows === 1 && rect.numCols === 1) return `${c1}${r1}`;
  return `${c1}${r1}:${c2}${r2}`;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1
  );
}
