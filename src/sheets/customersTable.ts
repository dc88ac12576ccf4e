/** The `Customers` tab as a table: one read of the whole range, writes of single rows or batches. */

import { CUSTOMER_HEADERS, type Customer } from '../domain/customer';
import { CUSTOMER_WIDTH, customerToRow, isBlankRow, rowToCustomer } from './customerRows';
import { SchemaError } from './schemaError';
import { appendRows, checkHeader, requireSheet } from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What one read of the tab saw: customers in sheet order and the sheet row each came from. */
export interface CustomersSnapshot {
  customers: Customer[];
  /** rowNumbers[i] is the 1-based sheet row of customers[i]. */
  rowNumbers: number[];
  /** Last row with content (the header counts). */
  lastRow: number;
}

export class CustomersTable {
  constructor(readonly sheet: Sheet) {}

  static open(ss: Spreadsheet): CustomersTable {
    return new CustomersTable(requireSheet(ss, TAB.customers));
  }

  /** Reads every row with one getValues and checks the header first. */
  read(): CustomersSnapshot {
    const values = this.sheet.getDataRange().getValues();
    checkHeader(values[0], CUSTOMER_HEADERS, TAB.customers);
    const customers: Customer[] = [];
    const rowNumbers: number[] = [];
    for (let i = 1; i < values.length; i++) {
      const row = values[i] as unknown[];
      if (isBlankRow(row)) continue;
      customers.push(rowToCustomer(row));
      rowNumbers.push(i + 1);
    }
    return { customers, rowNumbers, lastRow: values.length === 1 && isBlankRow(values[0] as unknown[]) ? 0 : values.length };
  }

  /** Index in the snapshot of the customer with `id`; refuses ambiguous IDs rather than guess a row. */
  static indexOf(snapshot: CustomersSnapshot, id: string): number {
    let found = -1;
    for (let i = 0; i < snapshot.customers.length; i++) {
      if ((snapshot.customers[i] as Customer).id !== id) continue;
      if (found >= 0) {
        throw new SchemaError(
          `Customer ${id} appears on rows ${snapshot.rowNumbers[found]} and ${snapshot.rowNumbers[i]}; nothing was changed. Run CRM ▸ Check data.`,
        );
      }
      found = i;
    }
    return found;
  }

  writeRow(rowNumber: number, customer: Customer): void {
    this.sheet.getRange(rowNumber, 1, 1, CUSTOMER_WIDTH).setValues([customerToRow(customer)]);
  }

  append(snapshot: CustomersSnapshot, customers: readonly Customer[]): void {
    appendRows(this.sheet, snapshot.lastRow, customers.map(customerToRow), CUSTOMER_WIDTH);
  }
}
