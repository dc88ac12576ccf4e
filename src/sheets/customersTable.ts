/** The `Customers` tab as a table: one read of the whole range, writes of single rows or batches. */

import { CUSTOMER_HEADERS, type Customer } from '../domain/customer';
import { CUSTOMER_WIDTH, customerToRow, isBlankRow, rowAsRead, rowOver, rowToCustomer } from './customerRows';
import { SchemaError } from './schemaError';
import { type AppendedRows, appendRows, checkHeader, readTab, removeAppendedRows, requireSheet } from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What one read of the tab saw: customers in sheet order and the sheet row each came from. */
export interface CustomersSnapshot {
  customers: Customer[];
  /** rowNumbers[i] is the 1-based sheet row of customers[i]. */
  rowNumbers: number[];
  /** rows[i] is the row of customers[i] as getValues returned it (rewrites keep what they do not change). */
  rows: unknown[][];
  /** Last row with content (the header counts). */
  lastRow: number;
}

export class CustomersTable {
  constructor(readonly sheet: Sheet) {}

  static open(ss: Spreadsheet): CustomersTable {
    return new CustomersTable(requireSheet(ss, TAB.customers));
  }

  /** Reads every row with one call (readTab) and checks the header first. */
  read(): CustomersSnapshot {
    const values = readTab(this.sheet, CUSTOMER_WIDTH);
    checkHeader(values[0], CUSTOMER_HEADERS, TAB.customers);
    const customers: Customer[] = [];
    const rowNumbers: number[] = [];
    const rows: unknown[][] = [];
    for (let i = 1; i < values.length; i++) {
      const row = values[i] as unknown[];
      if (isBlankRow(row)) continue;
      customers.push(rowToCustomer(row));
      rowNumbers.push(i + 1);
      rows.push(row);
    }
    return { customers, rowNumbers, rows, lastRow: values.length === 1 && isBlankRow(values[0] as unknown[]) ? 0 : values.length };
  }

  /** Index in the snapshot of the customer with `id`; refuses ambiguous IDs rather than guess a row. */
  static indexOf(
    snapshot: { customers: readonly Pick<Customer, 'id'>[]; rowNumbers: readonly number[] },
    id: string,
  ): number {
    let found = -1;
    for (let i = 0; i < snapshot.customers.length; i++) {
      if ((snapshot.customers[i] as Pick<Customer, 'id'>).id !== id) continue;
      if (found >= 0) {
        throw new SchemaError(
          `Customer ${id} appears on rows ${snapshot.rowNumbers[found]} and ${snapshot.rowNumbers[i]}; nothing was changed. Run CRM ▸ Check data.`,
        );
      }
      found = i;
    }
    return found;
  }

  /**
   * Rewrites the customer at `snapshot` index `index` as `after` with one setValues: changed fields are encoded
   * afresh, every other cell is written back as it was read.
   */
  writeChange(snapshot: CustomersSnapshot, index: number, after: Customer): void {
    const raw = snapshot.rows[index] as unknown[];
    const row = rowOver(raw, snapshot.customers[index] as Customer, after);
    this.sheet.getRange(snapshot.rowNumbers[index] as number, 1, 1, CUSTOMER_WIDTH).setValues([row]);
  }

  /** Puts the customer at `snapshot` index `index` back exactly as it was read (undo of writeChange). */
  restore(snapshot: CustomersSnapshot, index: number): void {
    const raw = snapshot.rows[index] as unknown[];
    this.sheet.getRange(snapshot.rowNumbers[index] as number, 1, 1, CUSTOMER_WIDTH).setValues([rowAsRead(raw)]);
  }

  /** Appends below the last row read; `batch` keeps the same calls whatever the count (see appendRows). */
  append(snapshot: CustomersSnapshot, customers: readonly Customer[], options: { batch?: boolean } = {}): AppendedRows {
    return appendRows(this.sheet, snapshot.lastRow, customers.map(customerToRow), CUSTOMER_WIDTH, options);
  }

  /** Undo of append (a two-tab write whose History half failed). */
  removeAppended(appended: AppendedRows): void {
    removeAppendedRows(this.sheet, appended);
  }
}
