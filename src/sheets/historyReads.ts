/**
 * Reads of the History tab for the calls that need part of it: one customer's events (getCustomer) and the
 * status rows with their times (the Pipeline rebuild). One read of the tab (readTab), header checked; only what
 * the call uses is built (History holds ~5 rows per customer).
 */

import { HISTORY_COLUMNS } from '../domain/columns';
import type { HistoryEvent } from '../domain/customer';
import type { PipelineEvent } from '../domain/pipeline';
import { readTime } from './cells';
import { HISTORY_WIDTH, cellOf, readHistoryField, rowToHistory } from './customerRows';
import { checkHeader, readTab, requireSheet } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function readHistoryGrid(ss: Spreadsheet): unknown[][] {
  const values = readTab(requireSheet(ss, TAB.history), HISTORY_WIDTH);
  checkHeader(values[0], HISTORY_COLUMNS.headers, TAB.history);
  return values;
}

/** The events of one customer, in sheet order: only the rows with that Customer ID become events. */
export function historyOf(ss: Spreadsheet, customerId: string): HistoryEvent[] {
  return historyOfCustomers(ss, new Set([customerId]));
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
 * Every History row as the pipeline reads it (the texts of rowToHistory; a row with neither a time nor a Customer
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
