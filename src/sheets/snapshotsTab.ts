/**
 * The `Snapshots` tab (SPEC "Manager's Pipeline tab"): `Week, Stage, Customers, Deal value, Weighted value,
 * Taken at`, 8 rows per ISO week. A rebuild reads it once and writes it back once (its earlier weeks as they were,
 * this week's rows replaced): a few hundred rows a year, so rewriting it whole is cheaper than finding the week.
 * Calls per rebuild: getSheetValues and getMaxRows with the other reads, then one setValues (and insertRowsAfter
 * only when it grows past its grid), whatever the number of customers.
 */

import { readSnapshots, SNAPSHOT_HEADERS, type SnapshotRow } from '../domain/pipeline';
import { textCell } from './cells';
import { readTab } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = SNAPSHOT_HEADERS.length;
const FORMATS = ['', '', '0', '#,##0.00', '#,##0.00', 'yyyy-mm-dd hh:mm'];

export interface SnapshotsRead {
  sheet: Sheet | null;
  rows: SnapshotRow[];
  /** Data rows the tab held (scribbles included), so a shorter rewrite blanks what it no longer needs. */
  heldRows: number;
  /** The grid's height, asked with the read (before any write, so the rebuild's writes stay one batch). */
  maxRows: number;
}

export function readSnapshotsTab(ss: Spreadsheet): SnapshotsRead {
  const sheet = ss.getSheetByName(TAB.snapshots);
  if (!sheet) return { sheet: null, rows: [], heldRows: 0, maxRows: 0 };
  const values = readTab(sheet, WIDTH);
  return {
    sheet,
    rows: readSnapshots(values.slice(1)),
    heldRows: Math.max(0, values.length - 1),
    maxRows: sheet.getMaxRows(),
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
  const maxRows = read.sheet === null ? sheet.getMaxRows() : read.maxRows;
  if (height + 1 > maxRows) sheet.insertRowsAfter(maxRows, height + 1 - maxRows);
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
  if (grid.length > 0) sheet.getRange(2, 1, grid.length, WIDTH).setValues(grid);
}
