/**
 * Structural edits of a sheet: inserting/deleting rows and columns (moving every per-cell grid
 * together and adjusting protections and chart ranges, as Sheets does) and sorting whole rows (moving
 * values, formulas, formats, validations, notes and styles together).
 * 1-based positions in the API, 0-based arrays inside.
 */
import type { Rect } from './a1';
import type { CellValue, SheetData, SheetRect, Workbook } from './model';

type Rows<T> = (T | undefined)[];

/** Array splice that copes with huge insert counts (spread arguments overflow the stack). */
function spliceSparse<T>(arr: Rows<T>, start: number, deleteCount: number, insertCount: number): Rows<T> {
  if (start >= arr.length) return arr;
  if (insertCount < 5_000) {
    const filler: undefined[] = new Array<undefined>(insertCount).fill(undefined);
    arr.splice(start, deleteCount, ...filler);
    return arr;
  }
  const head = arr.slice(0, start);
  const tail = arr.slice(start + deleteCount);
  const out: Rows<T> = head;
  for (let i = 0; i < insertCount; i++) out.push(undefined);
  for (const v of tail) out.push(v);
  return out;
}

function gridRows(sheet: SheetData, start0: number, deleteCount: number, insertCount: number): void {
  sheet.values = spliceSparse(sheet.values, start0, deleteCount, insertCount);
  for (const grid of sheet.grids()) grid.rows = spliceSparse(grid.rows, start0, deleteCount, insertCount);
  sheet.hiddenRows = spliceSparse(sheet.hiddenRows, start0, deleteCount, insertCount);
}

function gridColumns(sheet: SheetData, start0: number, deleteCount: number, insertCount: number): void {
  const fix = <T>(row: (T | undefined)[] | undefined): void => {
    if (row === undefined || start0 >= row.length) return;
    row.splice(start0, deleteCount, ...new Array<undefined>(insertCount).fill(undefined));
  };
  for (const row of sheet.values) {
    if (row === undefined || start0 >= row.length) continue;
    row.splice(start0, deleteCount, ...new Array<CellValue>(insertCount).fill(''));
  }
  for (const grid of sheet.grids()) for (const row of grid.rows) fix(row);
  sheet.columnWidths = spliceSparse(sheet.columnWidths, start0, deleteCount, insertCount);
  sheet.hiddenColumns = spliceSparse(sheet.hiddenColumns, start0, deleteCount, insertCount);
}

/** Rect after inserting `count` lines at 1-based `at` along rows (axis 'row') or columns. */
function shiftInsert(rect: Rect, axis: 'row' | 'col', at: number, count: number): Rect {
  const start = axis === 'row' ? rect.row : rect.col;
  const size = axis === 'row' ? rect.numRows : rect.numCols;
  let newStart = start;
  let newSize = size;
  if (at <= start) newStart = start + count;
  else if (at <= start + size - 1) newSize = size + count;
  return axis === 'row' ? { ...rect, row: newStart, numRows: newSize } : { ...rect, col: newStart, numCols: newSize };
}

/** Rect after deleting `count` lines from 1-based `at`; null when nothing of it is left. */
function shiftDelete(rect: Rect, axis: 'row' | 'col', at: number, count: number): Rect | null {
  const start = axis === 'row' ? rect.row : rect.col;
  const end = start + (axis === 'row' ? rect.numRows : rect.numCols) - 1;
  const delEnd = at + count - 1;
  const removedBefore = Math.max(0, Math.min(delEnd, start - 1) - at + 1);
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at) + 1);
  const size = end - start + 1 - overlap;
  if (size <= 0) return null;
  const s = start - removedBefore;
  return axis === 'row' ? { ...rect, row: s, numRows: size } : { ...rect, col: s, numCols: size };
}

function adjustReferences(wb: Workbook, sheet: SheetData, map: (r: Rect) => Rect | null): void {
  const kept = [];
  for (const p of wb.protections) {
    if (p.sheetId !== sheet.sheetId) {
      kept.push(p);
      continue;
    }
    if (p.rect) {
      const moved = map(p.rect);
      if (!moved) continue; // its whole range was deleted: the protection goes with it
      p.rect = moved;
    }
    kept.push(p);
  }
  wb.protections = kept;
  for (const s of wb.sheets) {
    for (const chart of s.charts) {
      chart.ranges = chart.ranges
        .map((r) => (r.sheetId === sheet.sheetId ? (map(r) as SheetRect | null) : r))
        .filter((r): r is SheetRect => r !== null);
    }
  }
  // Validation rules pointing at ranges (requireValueInRange) keep their coordinates: not adjusted.
}

export function insertRows(wb: Workbook, sheet: SheetData, beforeRow: number, count: number): void {
  gridRows(sheet, beforeRow - 1, 0, count);
  sheet.maxRows += count;
  adjustReferences(wb, sheet, (r) => shiftInsert(r, 'row', beforeRow, count));
  sheet.touch();
}

export function deleteRows(wb: Workbook, sheet: SheetData, fromRow: number, count: number): void {
  gridRows(sheet, fromRow - 1, count, 0);
  sheet.maxRows -= count;
  adjustReferences(wb, sheet, (r) => shiftDelete(r, 'row', fromRow, count));
  sheet.touch();
}

export function insertColumns(wb: Workbook, sheet: SheetData, beforeColumn: number, count: number): void {
  gridColumns(sheet, beforeColumn - 1, 0, count);
  sheet.maxColumns += count;
  adjustReferences(wb, sheet, (r) => shiftInsert(r, 'col', beforeColumn, count));
  sheet.touch();
}

export function deleteColumns(wb: Workbook, sheet: SheetData, fromColumn: number, count: number): void {
  gridColumns(sheet, fromColumn - 1, count, 0);
  sheet.maxColumns -= count;
  adjustReferences(wb, sheet, (r) => shiftDelete(r, 'col', fromColumn, count));
  sheet.touch();
}

/**
 * Sheets' ascending order: numbers (dates too) < text (case-insensitive) < booleans (FALSE < TRUE);
 * empty cells always go last, in either direction. Stable.
 */
function compareCells(a: CellValue | undefined, b: CellValue | undefined, ascending: boolean): number {
  const rank = (v: CellValue | undefined): number =>
    v === undefined || v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 3 || rb === 3) return ra === rb ? 0 : ra === 3 ? 1 : -1;
  let d: number;
  if (ra !== rb) d = ra - rb;
  else if (ra === 1) {
    const x = (a as string).toLowerCase();
    const y = (b as string).toLowerCase();
    d = x < y ? -1 : x > y ? 1 : 0;
  } else d = Number(a) - Number(b);
  return ascending ? d : -d;
}

/** Sort `count` whole rows from 1-based `firstRow` by one 1-based column, moving every per-cell grid with them. */
export function sortRows(sheet: SheetData, firstRow: number, count: number, column: number, ascending: boolean): void {
  const r0 = firstRow - 1;
  const key = (i: number): CellValue | undefined => sheet.values[r0 + i]?.[column - 1];
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (i, j) => compareCells(key(i), key(j), ascending) || i - j,
  );
  if (order.every((v, i) => v === i)) return;
  const permute = <T>(rows: (T | undefined)[]): void => {
    while (rows.length < r0 + count) rows.push(undefined);
    const slice = rows.slice(r0, r0 + count);
    for (let i = 0; i < count; i++) rows[r0 + i] = slice[order[i] as number];
  };
  permute(sheet.values);
  for (const grid of sheet.grids()) permute(grid.rows);
  sheet.touch();
}
