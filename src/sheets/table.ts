/**
 * Whole-range helpers shared by the tabs: find a tab, read it in one call, check its header, append rows in one
 * write, rewrite chosen cells of chosen rows in as few setValues as their shape allows, and undo those writes.
 */

import { type CellValue, readText } from './cells';
import { columnLetter } from '../domain/columns';
import { SchemaError } from './schemaError';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new SchemaError(`The ${name} tab is missing.`);
  return sheet;
}

/**
 * Every row of a tab, header included, in ONE call: getSheetValues with -1 rows reads down to the last row with
 * data (getDataRange().getValues() costs two: the range's extent, then its values). `columns` is the tab's fixed
 * width, or 'all' for a tab of unknown width (the Import tab). A tab with nothing in it has no last row, which
 * getSheetValues refuses; so does a tab cut narrower than `columns` by hand: both are read as getDataRange reads
 * them, and the header check that follows reports what is wrong.
 */
export function readTab(sheet: Sheet, columns: number | 'all'): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, columns === 'all' ? -1 : columns);
  } catch {
    return sheet.getDataRange().getValues();
  }
}

/**
 * One column of a tab, header included, down to the last row with content in any column: one read of rows × 1 cells
 * (the rows as readTab reads them, each a list of one cell).
 */
export function readColumn(sheet: Sheet, column: number): unknown[][] {
  try {
    return sheet.getSheetValues(1, column, -1, 1);
  } catch {
    return sheet
      .getDataRange()
      .getValues()
      .map((row) => [row[column - 1] ?? '']);
  }
}

/** Throws unless the first cells of `headerRow` are exactly `headers` (a sorted or renamed column must never be written). */
export function checkHeader(headerRow: readonly unknown[] | undefined, headers: readonly string[], tab: string): void {
  for (let i = 0; i < headers.length; i++) {
    const found = readText(headerRow?.[i]).trim();
    if (found !== headers[i]) {
      const shown = found === '' ? 'empty' : `"${found.slice(0, 40)}"`;
      throw new SchemaError(
        `The ${tab} tab's columns have changed: column ${columnLetter(i + 1)} is ${shown}, expected "${headers[i]}".`,
      );
    }
  }
}

/** Where appendRows put its rows, so that a failed two-tab write can take them out again. */
export interface AppendedRows {
  first: number;
  count: number;
  /** True when the rows were inserted into the grid (so taking them out deletes them). */
  inserted: boolean;
}

/**
 * Writes `rows` below row `lastRow` (the last row with content, as read under the lock). One row: appendRow, which
 * finds the end itself. More (or `batch`): insertRowsAfter(lastRow) then one setValues — two writes, no read, so
 * they go to Google in the same batch as the rest of the call's writes, and the new rows take the formats and
 * Status dropdown of the data row above them. Below the header alone (an empty tab) new rows would take the
 * header's look instead, so there the grid's spare rows are used and it grows at its end.
 */
export function appendRows(
  sheet: Sheet,
  lastRow: number,
  rows: CellValue[][],
  width: number,
  options: { batch?: boolean } = {},
): AppendedRows {
  const appended = { first: lastRow + 1, count: rows.length, inserted: false };
  if (rows.length === 0) return appended;
  // `batch`: the same calls whatever the count (an import batch keeps its calls constant).
  if (rows.length === 1 && options.batch !== true) {
    sheet.appendRow(rows[0] as CellValue[]);
    return appended;
  }
  if (lastRow >= 2) {
    sheet.insertRowsAfter(lastRow, rows.length);
    appended.inserted = true;
  } else {
    const needed = lastRow + rows.length;
    const maxRows = sheet.getMaxRows();
    if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  }
  try {
    sheet.getRange(lastRow + 1, 1, rows.length, width).setValues(rows);
  } catch (error) {
    removeAppendedRows(sheet, appended); // no blank rows left behind by a refused write
    throw error;
  }
  return appended;
}

/** Takes out rows appendRows wrote: deleted if they were inserted, emptied if they filled spare rows. */
export function removeAppendedRows(sheet: Sheet, appended: AppendedRows): void {
  if (appended.count === 0) return;
  if (appended.inserted) sheet.deleteRows(appended.first, appended.count);
  else sheet.getRange(appended.first, 1, appended.count, sheet.getMaxColumns()).clearContent();
}

/** One sheet row's cells to rewrite: 1-based column → the value to write and the value as read (for the undo). */
export interface RowCells {
  row: number;
  cells: ReadonlyMap<number, { value: CellValue; previous: CellValue }>;
}

/** A rectangle written by one setValues: its top-left cell (1-based), the values, and the values it replaced. */
export interface CellBlock {
  row: number;
  column: number;
  values: CellValue[][];
  previous: CellValue[][];
}

/** Adjacent columns of one row as runs: [first column, cells] each, left to right. */
function columnRuns(cells: RowCells['cells']): Array<{ column: number; values: CellValue[]; previous: CellValue[] }> {
  const runs: Array<{ column: number; values: CellValue[]; previous: CellValue[] }> = [];
  for (const column of [...cells.keys()].sort((a, b) => a - b)) {
    const cell = cells.get(column) as { value: CellValue; previous: CellValue };
    const last = runs[runs.length - 1];
    if (last !== undefined && last.column + last.values.length === column) {
      last.values.push(cell.value);
      last.previous.push(cell.previous);
    } else {
      runs.push({ column, values: [cell.value], previous: [cell.previous] });
    }
  }
  return runs;
}

/**
 * The blocks that write exactly `rows`' cells and no other: in each row, one per run of adjacent columns, and a
 * run directly below a run of the same columns joins its block (merged customers in consecutive rows that fill
 * the same fields cost one setValues, not one each). A cell between two runs is never rewritten: writing it back
 * as read could undo what a person typed there meanwhile, or be refused by a rule its old value breaks.
 * Each row may appear once.
 */
export function cellBlocks(rows: readonly RowCells[]): CellBlock[] {
  const blocks: CellBlock[] = [];
  let open = new Map<string, CellBlock>(); // blocks that reach the row just handled, by "column:width"
  let openRow = Number.NaN;
  for (const { row, cells } of [...rows].sort((a, b) => a.row - b.row)) {
    const reaching = new Map<string, CellBlock>();
    for (const run of columnRuns(cells)) {
      const key = `${run.column}:${run.values.length}`;
      const above = row === openRow + 1 ? open.get(key) : undefined;
      if (above !== undefined) {
        above.values.push(run.values);
        above.previous.push(run.previous);
        reaching.set(key, above);
      } else {
        const block = { row, column: run.column, values: [run.values], previous: [run.previous] };
        blocks.push(block);
        reaching.set(key, block);
      }
    }
    open = reaching;
    openRow = row;
  }
  return blocks;
}

function blockRange(sheet: Sheet, block: CellBlock): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(block.row, block.column, block.values.length, (block.values[0] ?? []).length);
}

/** Writes `blocks`, one setValues each; if one is refused, those already written are put back, then it rethrows. */
export function writeBlocks(sheet: Sheet, blocks: readonly CellBlock[]): void {
  for (let i = 0; i < blocks.length; i++) {
    try {
      blockRange(sheet, blocks[i] as CellBlock).setValues((blocks[i] as CellBlock).values);
    } catch (error) {
      rollBack(error, [() => restoreBlocks(sheet, blocks.slice(0, i))]);
    }
  }
}

/**
 * Puts back what `blocks` replaced, last block first. A value read before a data-validation rule existed (an old
 * out-of-list Status) is refused by that rule when a script writes it back: such a block is written with its
 * cells' rules taken off and then put on again, so the undo restores the row exactly. Every block is tried; the
 * first failure is thrown at the end.
 */
export function restoreBlocks(sheet: Sheet, blocks: readonly CellBlock[]): void {
  let failed: unknown = null;
  for (const block of [...blocks].reverse()) {
    const range = blockRange(sheet, block);
    try {
      range.setValues(block.previous);
    } catch {
      try {
        const rules = range.getDataValidations();
        range.clearDataValidations();
        try {
          range.setValues(block.previous);
        } finally {
          range.setDataValidations(rules);
        }
      } catch (error) {
        if (failed === null) failed = error;
      }
    }
  }
  if (failed !== null) throw failed;
}

/**
 * Ends a multi-step write that failed after its first write: runs each undo step (all of them, even if one
 * fails), then rethrows `error`. If an undo step failed too, the error says so, since the sheet may now hold half
 * a change.
 */
export function rollBack(error: unknown, undo: ReadonlyArray<() => void>): never {
  const undoFailures: string[] = [];
  for (const step of undo) {
    try {
      step();
    } catch (undoError) {
      undoFailures.push(undoError instanceof Error ? undoError.message : String(undoError));
    }
  }
  if (undoFailures.length === 0) throw error;
  const first = error instanceof Error ? error.message : String(error);
  throw new Error(
    `${first} Putting back what was already written also failed (${undoFailures.join('; ')}): run CRM ▸ Check data.`,
  );
}
