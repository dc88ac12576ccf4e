/**
 * The `Snapshots` tab (SPEC "Manager's Pipeline tab"): `Week, Stage, Customers, Deal value, Weighted value,
 * Taken at`, 8 rows per ISO week. A rebuild reads it once and writes it back once (its earlier weeks as they were,
 * this week's rows replaced): a few hundred rows a year, so rewriting it whole is cheaper than finding the week.
 * Calls per rebuild: getSheetValues with the other reads, then one setValues, whatever the number of customers. The
 * grid's height is not asked: a range past it is refused by getRange (no request), and only then is the grid grown,
 * by a year of weeks at a time (insertRowsAfter and the new rows' formats: writes, in the same batch).
 */

import { readSnapshots, SNAPSHOT_HEADERS, type SnapshotRow } from '../domain/pipeline';
import { textCell } from './cells';
import { readTab } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const WIDTH = SNAPSHOT_HEADERS.length;
const FORMATS = ['', '', '0', '#,##0.00', '#,##0.00', 'yyyy-mm-dd hh:mm'];
/** Rows added when the grid is full: a year of weeks (8 rows each), so growing is rare. */
const GROW_ROWS = 8 * 53;

export interface SnapshotsRead {
  sheet: Sheet | null;
  rows: SnapshotRow[];
  /** Data rows the tab held (scribbles included), so a shorter rewrite blanks what it no longer needs. */
  heldRows: number;
}

export function readSnapshotsTab(ss: Spreadsheet): SnapshotsRead {
  const sheet = ss.getSheetByName(TAB.snapshots);
  if (!sheet) return { sheet: null, rows: [], heldRows: 0 };
  const values = readTab(sheet, WIDTH);
  return {
    sheet,
    rows: readSnapshots(values.slice(1)),
    heldRows: Math.max(0, values.length - 1),
  };
}

/** Set up / repair: the header, bold and frozen, and the number formats of the figures (an existing tab keeps its rows). */
export function frameSnapshotsTab(sheet: Sheet): void {
  sheet
    .getRange(1, 1, 1, WIDTH)
    .setValues([[...SNAPSHOT_HEADERS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  sheet.getRange(2, 1, rows, WIDTH).setNumberFormats(Array.from({ length: rows }, () => [...FORMATS]));
}

/** Writes `rows` (all weeks) below the header in one setValues, blanking rows the tab held beyond them. */
export function writeSnapshotsTab(ss: Spreadsheet, read: SnapshotsRead, rows: readonly SnapshotRow[]): void {
  let sheet = read.sheet;
  if (sheet === null) {
    // A CRM set up before this tab existed: the first rebuild makes it; Set up / repair protects it.
    sheet = ss.insertSheet(TAB.snapshots);
    frameSnapshotsTab(sheet);
  }
  const height = Math.max(rows.length, read.heldRows);
  const blank = Array.from({ length: WIDTH }, () => '');
  const grid: unknown[][] = Array.from({ length: height }, (_, i) => {
    const row = rows[i];
    if (!row) return blank;
    const taken = Date.parse(row.takenAt);
    return [
      textCell(row.week),
      textCell(row.stage),
      row.customers,
      row.dealValue,
      row.weightedValue,
      Number.isFinite(taken) ? new Date(taken) : textCell(row.takenAt),
    ];
  });
  if (grid.length > 0) rowsBelowHeader(sheet, grid.length).setValues(grid);
}

/** Rows 2..count+1; a grid too short for them grows first, its new rows given the figures' formats. */
function rowsBelowHeader(sheet: Sheet, count: number): Range {
  try {
    return sheet.getRange(2, 1, count, WIDTH);
  } catch (error) {
    const maxRows = sheet.getMaxRows();
    if (count + 1 <= maxRows) throw error; // tall enough: the columns were cut by hand, which growing cannot fix
    const added = count + 1 - maxRows + GROW_ROWS;
    sheet.insertRowsAfter(maxRows, added);
    sheet.getRange(maxRows + 1, 1, added, WIDTH).setNumberFormats(Array.from({ length: added }, () => [...FORMATS]));
    return sheet.getRange(2, 1, count, WIDTH);
  }
}
