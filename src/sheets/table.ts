/** Whole-range helpers shared by the tabs: find a tab, read it in one call, check its header, append rows in one write. */

import { type CellValue, readText } from './cells';
import { columnLetter } from './tabs';
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
