/**
 * The two-tab write of a customer change: the Customers cells, then its History rows. What History needs read
 * (its header, and the last row for a batch of events) is read before anything is written. A failure after the
 * first write (History refusing: protection, quota) takes out what was written — new rows removed, rewritten
 * cells put back as read — then rethrows, so no change is left without its log entry.
 */

import type { Customer, HistoryEvent } from '../domain/customer';
import type { CustomersTable, CustomersSnapshot } from '../sheets/customersTable';
import { HistoryTable } from '../sheets/historyTable';
import { rollBack } from '../sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The History tab ready to take `count` events: header checked and last row read before anything is written. */
export function openHistory(ss: Spreadsheet, count: number): { history: HistoryTable; lastRow: number | null } {
  const history = HistoryTable.open(ss);
  history.checkHeader();
  return { history, lastRow: history.lastRowFor(count) };
}

export function appendCustomers(
  ss: Spreadsheet,
  table: CustomersTable,
  snapshot: CustomersSnapshot,
  customers: readonly Customer[],
  events: readonly HistoryEvent[],
): void {
  const { history, lastRow } = openHistory(ss, events.length);
  const appended = table.append(snapshot, customers); // takes out its own rows if its write is refused
  try {
    history.append(events, { headerChecked: true, lastRow });
  } catch (error) {
    rollBack(error, [() => table.removeAppended(appended)]);
  }
}

/** Writes the changed cells of the customer at `index` of `snapshot` (to make it `after`) and logs `events`. */
export function replaceCustomer(
  ss: Spreadsheet,
  table: CustomersTable,
  snapshot: CustomersSnapshot,
  index: number,
  after: Customer,
  events: readonly HistoryEvent[],
): void {
  const { history, lastRow } = openHistory(ss, events.length);
  const written = table.writeChange(snapshot, index, after); // puts back its own cells if one write is refused
  try {
    history.append(events, { headerChecked: true, lastRow });
  } catch (error) {
    rollBack(error, [() => table.undo(written)]);
  }
}
