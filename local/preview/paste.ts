/**
 * Where a pasted block lands: the rows of text the page read from the clipboard, squared (a short row is
 * padded with empty cells, as a spreadsheet pastes ragged text), placed with its top-left at the selected cell.
 * A block that does not fit in the sheet is refused whole with a message saying why: Google Sheets would add
 * the missing rows and columns, the preview does not, and it never pastes only part of what was copied.
 */

import { rectToA1 } from '../gas/spreadsheet';

/** At most this many cells in one paste (the page's request would be megabytes long well before). */
export const MAX_PASTED_CELLS = 100_000;

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** "3 rows × 2 columns". */
export function blockSize(numRows: number, numCols: number): string {
  return `${count(numRows, 'row')} × ${count(numCols, 'column')}`;
}

export type PastePlan =
  | { ok: true; a1: string; values: string[][]; numRows: number; numCols: number }
  | { ok: false; error: string };

export function planPaste(
  sheet: { name: string; maxRows: number; maxColumns: number },
  anchor: { row: number; col: number },
  rows: string[][],
): PastePlan {
  const numRows = rows.length;
  const numCols = Math.max(0, ...rows.map((r) => r.length));
  if (numRows === 0 || numCols === 0) return { ok: false, error: 'There is nothing to paste.' };
  if (numRows * numCols > MAX_PASTED_CELLS) {
    return {
      ok: false,
      error: `The pasted block has ${numRows * numCols} cells; the local preview pastes at most ${MAX_PASTED_CELLS} at once. Nothing was pasted.`,
    };
  }
  const lastRow = anchor.row + numRows - 1;
  const lastCol = anchor.col + numCols - 1;
  if (lastRow > sheet.maxRows || lastCol > sheet.maxColumns) {
    const from = rectToA1({ row: anchor.row, col: anchor.col, numRows: 1, numCols: 1 });
    return {
      ok: false,
      error:
        `The pasted block (${blockSize(numRows, numCols)} from ${from}) does not fit in ${sheet.name}, which has ` +
        `${count(sheet.maxRows, 'row')} and ${count(sheet.maxColumns, 'column')}. Nothing was pasted. ` +
        '(Google Sheets would add the missing rows and columns; the local preview does not.)',
    };
  }
  const values = rows.map((r) => Array.from({ length: numCols }, (_, j) => r[j] ?? ''));
  return { ok: true, a1: rectToA1({ row: anchor.row, col: anchor.col, numRows, numCols }), values, numRows, numCols };
}
