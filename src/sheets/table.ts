/** Whole-range helpers shared by the fixed-layout tabs: find a tab, check its header, append rows in one write. */

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

/** Writes `rows` below row `lastRow` with one setValues, adding sheet rows first when the grid is too short. */
export function appendRows(sheet: Sheet, lastRow: number, rows: CellValue[][], width: number): void {
  if (rows.length === 0) return;
  if (rows.length === 1) {
    // appendRow finds the last row itself and grows the grid: one call.
    sheet.appendRow(rows[0] as CellValue[]);
    return;
  }
  const needed = lastRow + rows.length;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(lastRow + 1, 1, rows.length, width).setValues(rows);
}
