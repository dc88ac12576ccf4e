/**
 * The `Customers` tab as a table: one read of the whole range, appends of new rows, and rewrites of only the
 * cells a change sets (with their undo).
 */

import { prepareDateReads } from './cells';
import { CUSTOMER_COLUMNS } from '../domain/columns';
import type { Customer } from '../domain/customer';
import { CUSTOMER_WIDTH, changedCells, customerToRow, isBlankRow, rowToCustomer } from './customerRows';
import { SchemaError } from './schemaError';
import {
  type AppendedRows,
  type CellBlock,
  appendRows,
  cellBlocks,
  checkHeader,
  readTab,
  removeAppendedRows,
  requireSheet,
  restoreBlocks,
  writeBlocks,
} from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What one read of the tab saw: customers in sheet order and the sheet row each came from. */
export interface CustomersSnapshot {
  customers: Customer[];
  /** rowNumbers[i] is the 1-based sheet row of customers[i]. */
  rowNumbers: number[];
  /** rows[i] is the row of customers[i] as getValues returned it (what an undo puts back). */
  rows: unknown[][];
  /** Last row with content (the header counts). */
  lastRow: number;
}

/** One customer's new state: `index` into the snapshot, `after` the whole customer as it is to be. */
export interface CustomerChange {
  index: number;
  after: Customer;
}

export class CustomersTable {
  /** What writeChange wrote, by sheet row, so that restore(snapshot, index) can put back exactly those cells. */
  private readonly written = new Map<number, CellBlock[]>();

  constructor(readonly sheet: Sheet) {}

  static open(ss: Spreadsheet): CustomersTable {
    return new CustomersTable(requireSheet(ss, TAB.customers));
  }

  /**
   * The whole tab as getValues returns it, with one call (readTab), header checked; date cells made readable (the
   * zone is asked up front, so every read makes the same calls whatever the rows hold).
   */
  readGrid(): unknown[][] {
    const values = readTab(this.sheet, CUSTOMER_WIDTH);
    prepareDateReads();
    checkHeader(values[0], CUSTOMER_COLUMNS.headers, TAB.customers);
    return values;
  }

  /** Reads every row (readGrid) into customers with their sheet rows. */
  read(): CustomersSnapshot {
    const values = this.readGrid();
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
    return {
      customers,
      rowNumbers,
      rows,
      lastRow: values.length === 1 && isBlankRow(values[0] as unknown[]) ? 0 : values.length,
    };
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
   * Writes the customer at `snapshot` index `index` as `after`: only the cells that change and the save's stamp
   * (see changedCells), one setValues per run of adjacent columns. Returns what it wrote, for restore.
   */
  writeChange(snapshot: CustomersSnapshot, index: number, after: Customer): CellBlock[] {
    const blocks = this.rewrite(snapshot, [{ index, after }]);
    this.written.set(snapshot.rowNumbers[index] as number, blocks);
    return blocks;
  }

  /** Undo of writeChange: puts back the cells it wrote, as they were read (no other cell is touched). */
  restore(snapshot: CustomersSnapshot, index: number): void {
    const row = snapshot.rowNumbers[index] as number;
    const blocks = this.written.get(row);
    if (blocks === undefined) return;
    this.written.delete(row);
    restoreBlocks(this.sheet, blocks);
  }

  /**
   * Writes many customers' changes (an import's merges): only the changed cells and stamps, grouped into blocks
   * (cellBlocks): customers in consecutive rows changing the same columns share one setValues. The number of
   * calls grows with the changes, never with the size of the tab. If a block is refused, the blocks already
   * written are put back before the error is rethrown. Returns the blocks, for undo().
   */
  rewrite(snapshot: CustomersSnapshot, changes: readonly CustomerChange[]): CellBlock[] {
    const blocks = cellBlocks(
      changes.map(({ index, after }) => ({
        row: snapshot.rowNumbers[index] as number,
        cells: changedCells(snapshot.rows[index] as unknown[], snapshot.customers[index] as Customer, after),
      })),
    );
    writeBlocks(this.sheet, blocks);
    return blocks;
  }

  /** Undo of rewrite: puts back the cells it wrote, as they were read. */
  undo(blocks: readonly CellBlock[]): void {
    restoreBlocks(this.sheet, blocks);
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
