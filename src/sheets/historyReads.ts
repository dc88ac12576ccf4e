/**
 * Reads of the History tab for the calls that need part of it: one customer's events (getCustomer: a TextFinder
 * on its Customer ID column, then only the header and that customer's rows) and every row with its time as
 * milliseconds (Check data's customers deleted by hand: one read of the tab; the Pipeline rebuild has its own
 * narrower read, pipelineReads.ts). Only what the call uses is built (History holds ~5 rows per customer).
 */

import { HISTORY_COLUMNS } from '../domain/columns';
import type { HistoryEvent } from '../domain/customer';
import type { PipelineEvent } from '../domain/pipeline';
import { readTime } from './cells';
import { HISTORY_WIDTH, cellOf, readHistoryField, rowToHistory } from './customerRows';
import { candidateRows, rowsHoldingId } from './findRows';
import { checkHeader, readColumn, readTab, requireSheet } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function readHistoryGrid(ss: Spreadsheet): unknown[][] {
  const values = readTab(requireSheet(ss, TAB.history), HISTORY_WIDTH);
  checkHeader(values[0], HISTORY_COLUMNS.headers, TAB.history);
  return values;
}

/**
 * Adjacent runs of a customer's rows closer than this are read as one: a request costs about as much as this
 * many History rows of cells (costModel.ts: 160 ms per request, 0.0145 ms per cell, 7 cells a row).
 */
const MERGE_GAP_ROWS = 1500;
/**
 * At most this many reads of the header and the customer's rows together: beyond, the nearest runs are merged
 * (their gaps read too), so a get makes the same number of requests whatever the size of History.
 */
const MAX_ROW_READS = 2;

/**
 * The events of one customer, in sheet order, without reading all of History: the rows that may hold the ID
 * found by a TextFinder on the Customer ID column (one request, no cells; the whole column is read instead when
 * the tab has no row below its header, or when every event counts (`exact`: a rebuild from History), because
 * Google does not say whether a finder sees rows hidden by hand), then the header row and those rows as at most MAX_ROW_READS runs of
 * adjacent rows (the header shares the first run when it is near). The header is checked before any row is used,
 * and only rows that still hold the ID when read become events (people can sort by hand meanwhile).
 */
export function historyOf(ss: Spreadsheet, customerId: string, options: { exact?: boolean } = {}): HistoryEvent[] {
  const sheet = requireSheet(ss, TAB.history);
  const column = HISTORY_COLUMNS.of.customerId.column;
  const found =
    (options.exact === true ? null : candidateRows(sheet, column, customerId)) ??
    rowsHoldingId(readColumn(sheet, column), customerId);
  const read = rowRuns([1, ...found], MERGE_GAP_ROWS, MAX_ROW_READS).map(([first, last]) => ({
    first,
    rows: sheet.getRange(first, 1, last - first + 1, HISTORY_WIDTH).getValues(),
  }));
  checkHeader(read[0]?.rows[0], HISTORY_COLUMNS.headers, TAB.history);
  const events: HistoryEvent[] = [];
  for (const { first, rows } of read) {
    for (let i = first === 1 ? 1 : 0; i < rows.length; i++) {
      const row = rows[i] as unknown[];
      if (readHistoryField(row, 'customerId') === customerId) events.push(rowToHistory(row));
    }
  }
  return events;
}

/**
 * Sorted row numbers as [first, last] runs to read: adjacent rows, and rows at most `mergeGap` apart, share a run;
 * then the two runs with the smallest gap are merged until at most `maxRuns` remain.
 */
export function rowRuns(rows: readonly number[], mergeGap: number, maxRuns: number): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const current = runs[runs.length - 1];
    if (current !== undefined && row - current[1] - 1 <= mergeGap) current[1] = row;
    else runs.push([row, row]);
  }
  while (runs.length > Math.max(1, maxRuns)) {
    let nearest = 0;
    for (let i = 1; i < runs.length - 1; i++) {
      const gap = (runs[i + 1] as [number, number])[0] - (runs[i] as [number, number])[1];
      const best = (runs[nearest + 1] as [number, number])[0] - (runs[nearest] as [number, number])[1];
      if (gap < best) nearest = i;
    }
    const [left, right] = [runs[nearest] as [number, number], runs[nearest + 1] as [number, number]];
    runs.splice(nearest, 2, [left[0], right[1]]);
  }
  return runs;
}

/** The events of the customers in `ids`, in sheet order, with one read. */
export function historyOfCustomers(ss: Spreadsheet, ids: ReadonlySet<string>): HistoryEvent[] {
  const values = readHistoryGrid(ss);
  const events: HistoryEvent[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    if (ids.has(readHistoryField(row, 'customerId'))) events.push(rowToHistory(row));
  }
  return events;
}

/**
 * Every History row as its events (the texts of rowToHistory; a row with neither a time nor a Customer
 * ID is a blank line), with `at` in milliseconds ('' when the cell holds no date) instead of an ISO string.
 */
export function pipelineEvents(ss: Spreadsheet): PipelineEvent[] {
  const values = readHistoryGrid(ss);
  const events: PipelineEvent[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    const at = readTime(cellOf(row, HISTORY_COLUMNS.of.at));
    const customerId = readHistoryField(row, 'customerId');
    if (customerId === '' && at === null) continue; // a blank line
    events.push({
      at: at ?? '',
      customerId,
      action: readHistoryField(row, 'action'),
      field: readHistoryField(row, 'field'),
      from: readHistoryField(row, 'from'),
      to: readHistoryField(row, 'to'),
    });
  }
  return events;
}
