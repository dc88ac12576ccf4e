/**
 * The two-tab write of a customer change: the Customers row, then its History rows. If History refuses
 * (protection, quota), the Customers row is put back so no change is left without its log entry.
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
  table.append(snapshot, customers);
  try {
    history.append(events);
  } catch (error) {
    const first = snapshot.lastRow + 1;
    table.sheet.getRange(first, 1, customers.length, table.sheet.getMaxColumns()).clearContent();
    throw error;
  }
}

export function replaceCustomer(
  ss: Spreadsheet,
  table: CustomersTable,
  rowNumber: number,
  before: Customer,
  after: Customer,
  events: readonly HistoryEvent[],
): void {
  const history = HistoryTable.open(ss);
  table.writeRow(rowNumber, after);
  try {
    history.append(events);
  } catch (error) {
    table.writeRow(rowNumber, before);
    throw error;
  }
}
