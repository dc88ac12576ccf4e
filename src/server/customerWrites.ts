/**
 * The two-tab write of a customer change: the Customers row, then its History rows. What History needs read
 * (its header, and the last row for a batch of events) is read before anything is written; if History still refuses (protection, quota), the Customers rows are put
 * back as they were read, so no change is left without its log entry.
 */

import type { Customer, HistoryEvent } from '../domain/customer';
import { CustomersTable, type CustomersSnapshot } from '../sheets/customersTable';
import { HistoryTable } from '../sheets/historyTable';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function appendCustomers(
  ss: Spreadsheet,
  table: CustomersTable,
  snapshot: CustomersSnapshot,
  customers: readonly Customer[],
  events: readonly HistoryEvent[],
): void {
  const history = HistoryTable.open(ss);
  history.checkHeader();
  const lastRow = history.lastRowFor(events.length);
  const appended = table.append(snapshot, customers);
  try {
    history.append(events, { headerChecked: true, lastRow });
  } catch (error) {
    table.removeAppended(appended);
    throw error;
  }
}

/** Rewrites the customer at `index` of `snapshot` as `after` (unchanged cells as read) and logs `events`. */
export function replaceCustomer(
  ss: Spreadsheet,
  table: CustomersTable,
  snapshot: CustomersSnapshot,
  index: number,
  after: Customer,
  events: readonly HistoryEvent[],
): void {
  const history = HistoryTable.open(ss);
  history.checkHeader();
  const lastRow = history.lastRowFor(events.length);
  table.writeChange(snapshot, index, after);
  try {
    history.append(events, { headerChecked: true, lastRow });
  } catch (error) {
    table.restore(snapshot, index);
    throw error;
  }
}
