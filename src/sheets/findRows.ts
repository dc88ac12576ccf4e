/**
 * Which rows of a tab may hold an ID, without reading the column: a TextFinder over the column's data rows (one
 * request on Google, no cells moved) instead of a read of rows × 1 cells. The finder sees what the cells show and
 * matches part of a cell, so its rows are candidates only: a superset of the rows whose trimmed ID is exactly the
 * one looked for (" C-00001 " and "C-000012" are found for "C-00001"). Callers read the rows and check the ID in
 * each, as they must anyway (people sort by hand).
 */

import { columnLetter } from '../domain/columns';
import { readIdCell } from './customerRows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Sorted 1-based row numbers (row 2 down) of the cells in `column` that show `text` (case as given), or null when
 * the tab cannot be searched that way (a tab of one row has no range below its header): then read the column.
 */
export function candidateRows(sheet: Sheet, column: number, text: string): number[] | null {
  const letter = columnLetter(column);
  let found: GoogleAppsScript.Spreadsheet.Range[];
  try {
    // An open-ended A1 range ("B2:B"): the finder searches to the grid's end without asking where the data ends.
    found = sheet.getRange(`${letter}2:${letter}`).createTextFinder(text).matchCase(true).findAll();
  } catch {
    return null;
  }
  const rows = found.map((cell) => cell.getRow());
  return rows.sort((a, b) => a - b);
}

/** 1-based rows (below the header) of a column read with readColumn whose cell holds `id` (the exact way). */
export function rowsHoldingId(cells: readonly unknown[][], id: string): number[] {
  const rows: number[] = [];
  for (let i = 1; i < cells.length; i++) if (readIdCell((cells[i] as unknown[])[0]) === id) rows.push(i + 1);
  return rows;
}
