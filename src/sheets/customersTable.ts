/**
 * The `Customers` tab as a table: one read of the whole range (or of only what a call needs: the header, the ID
 * column, the key columns, one row), appends of new rows, and rewrites of only the cells a change sets (with their
 * undo).
 */

import { CUSTOMER_COLUMNS } from '../domain/columns';
import type { Customer } from '../domain/customer';
import type { CustomFieldDefinition } from '../domain/customFields';
import type { RowToMove } from '../domain/moveCheck';
import {
  changedCells,
  type CustomerLayout,
  customerLayout,
  customerToRow,
  FIXED_LAYOUT,
  isBlankRow,
  readIdCell,
  rowToCustomer,
  rowToMove,
} from './customerRows';
import { candidateRows, rowsHoldingId } from './findRows';
import { SchemaError } from './schemaError';
import {
  type AppendedRows,
  type CellBlock,
  appendRows,
  cellBlocks,
  checkHeader,
  readColumn,
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

/** The leftmost columns, A to the last of the key fields: what a registration reads (its ID and duplicate checks). */
const KEY_FIELDS = ['id', 'name', 'company', 'email', 'phone'] as const;
export const KEY_WIDTH = Math.max(...KEY_FIELDS.map((key) => CUSTOMER_COLUMNS.of[key].column));

/** Columns A..KEY_WIDTH of every row (header row included) and the tab's last row with content. */
export interface KeyRows {
  rows: unknown[][];
  lastRow: number;
}

/** An ID on two rows: refused rather than guess which row a change means. */
function duplicateIdError(id: string, firstRow: number, secondRow: number): SchemaError {
  return new SchemaError(
    `Customer ${id} appears on rows ${firstRow} and ${secondRow}; nothing was changed. Run CRM ▸ Check data.`,
  );
}

export class CustomersTable {
  /** What writeChange wrote, by sheet row, so that restore(snapshot, index) can put back exactly those cells. */
  private readonly written = new Map<number, CellBlock[]>();
  /** The row layout, from the header row the last read saw (null before any read). */
  private seen: CustomerLayout | null = null;

  /** `definitions`: the custom fields defined in Settings (their columns are found by name in the header row). */
  constructor(
    readonly sheet: Sheet,
    private readonly definitions: readonly CustomFieldDefinition[] = [],
  ) {}

  static open(ss: Spreadsheet, definitions: readonly CustomFieldDefinition[] = []): CustomersTable {
    return new CustomersTable(requireSheet(ss, TAB.customers), definitions);
  }

  /** The fixed headers checked, and where each custom field's column is in this header row. */
  private useHeader(headerRow: readonly unknown[] | undefined): CustomerLayout {
    checkHeader(headerRow, CUSTOMER_COLUMNS.headers, TAB.customers);
    // No custom field: the first version's row exactly (a column further right is not the CRM's).
    this.seen = this.definitions.length === 0 ? FIXED_LAYOUT : customerLayout(headerRow ?? [], this.definitions);
    return this.seen;
  }

  /** The row layout: the one the last read saw, else row 1 read now (one call). */
  layout(): CustomerLayout {
    return this.seen ?? this.checkHeaderRow();
  }

  /** A customer from a row read from this tab (its custom fields included). */
  readonly toCustomer = (row: readonly unknown[]): Customer => rowToCustomer(row, this.layout());

  /**
   * The whole tab as getValues returns it, with one call (readTab, every column: the custom fields follow the fixed
   * ones), header checked.
   */
  readGrid(): unknown[][] {
    // Without custom fields, the fixed columns only (as before them): a stray column further right is not read.
    const values = readTab(this.sheet, this.definitions.length === 0 ? CUSTOMER_COLUMNS.width : 'all');
    this.useHeader(values[0]);
    return values;
  }

  /** Row 1 alone up to its last column with content (one read), checked against the column map. */
  checkHeaderRow(): CustomerLayout {
    if (this.definitions.length === 0) {
      return this.useHeader(this.sheet.getRange(1, 1, 1, CUSTOMER_COLUMNS.width).getValues()[0]);
    }
    return this.useHeader(this.sheet.getSheetValues(1, 1, 1, -1)[0]);
  }

  /**
   * What a registration needs: the header checked (one read of row 1) and columns A..KEY_WIDTH down to the last
   * row (one read): the IDs and the duplicate keys, KEY_WIDTH of the tab's columns instead of all of them.
   */
  readKeys(): KeyRows {
    this.layout(); // row 1 read and checked, unless this call read it already
    const rows = readTab(this.sheet, KEY_WIDTH);
    return { rows, lastRow: rows.length };
  }

  /**
   * The customer with `id` as a snapshot of its one row (index 0), or null when no row has the ID: the header
   * checked (one read of row 1), the rows that may hold the ID found by a TextFinder on column A (one request, no
   * cells), then that row (one read). When the finder gives no single row that turns out to hold the ID (none: the
   * row may be hidden, and Google does not say whether a finder sees hidden rows; two candidates, " C-00001 "
   * beside "C-00001"; a tab sorted meanwhile), the ID column is read instead (readCustomerByColumn), which refuses
   * an ID on two rows. A second row with the ID that the finder does not see (hidden) is not refused: the one row
   * it found holds the ID; CRM ▸ Check data reports IDs on two rows. People can sort the tab by hand while the lock is
   * held, so the row read must still hold the ID; if it does not, nothing is changed and the call says so.
   * `lastRow` of the snapshot is unknown (NaN): a one-row snapshot is rewritten, never appended below.
   */
  readCustomer(id: string): CustomersSnapshot | null {
    const layout = this.layout(); // row 1 read and checked, unless this call read it already
    const candidates = candidateRows(this.sheet, CUSTOMER_COLUMNS.of.id.column, id);
    if (candidates !== null && candidates.length === 1) {
      const rowNumber = candidates[0] as number;
      const row = this.readRow(rowNumber, layout);
      if (readIdCell(row[CUSTOMER_COLUMNS.of.id.index]) === id) {
        return { customers: [rowToCustomer(row, layout)], rowNumbers: [rowNumber], rows: [row], lastRow: Number.NaN };
      }
    }
    return this.readCustomerByColumn(id);
  }

  private readRow(rowNumber: number, layout: CustomerLayout): unknown[] {
    return this.sheet.getRange(rowNumber, 1, 1, layout.map.width).getValues()[0] as unknown[];
  }

  /**
   * readCustomer the exact way: the ID column (one read of column A: finds the row and, as indexOf, refuses an ID
   * on two rows), then that row (one read), which must still hold the ID.
   */
  private readCustomerByColumn(id: string): CustomersSnapshot | null {
    const ids = readColumn(this.sheet, CUSTOMER_COLUMNS.of.id.column);
    const [rowNumber, second] = rowsHoldingId(ids, id);
    if (rowNumber === undefined) return null;
    if (second !== undefined) throw duplicateIdError(id, rowNumber, second);
    const layout = this.layout();
    const row = this.readRow(rowNumber, layout);
    if (readIdCell(row[CUSTOMER_COLUMNS.of.id.index]) !== id) {
      throw new SchemaError(
        `The Customers tab changed while ${id} was being read (sorted or edited by hand); nothing was changed. Try again.`,
      );
    }
    return { customers: [rowToCustomer(row, layout)], rowNumbers: [rowNumber], rows: [row], lastRow: ids.length };
  }

  /** The customers on the rows at 0-based `indexes` of a grid read from row 1 (readGrid), blank rows left out. */
  customersAt(values: readonly (readonly unknown[])[], indexes: readonly number[]): Customer[] {
    return indexes
      .map((i) => values[i] as unknown[])
      .filter((row) => row !== undefined && !isBlankRow(row))
      .map(this.toCustomer);
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
      customers.push(this.toCustomer(row));
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

  /** The row of `snapshot.customers[index]` as moveBlockers checks it before it moves to Archive. */
  rowToMove(snapshot: CustomersSnapshot, index: number, action: RowToMove['action']): RowToMove {
    const cells = snapshot.rows[index] ?? [];
    return rowToMove(cells, this.layout(), { tab: 'Customers', row: snapshot.rowNumbers[index] ?? 0, action });
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
        throw duplicateIdError(id, snapshot.rowNumbers[found] as number, snapshot.rowNumbers[i] as number);
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
        cells: changedCells(
          snapshot.rows[index] as unknown[],
          snapshot.customers[index] as Customer,
          after,
          this.layout(),
        ),
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
    const layout = this.layout();
    const rows = customers.map((customer) => customerToRow(customer, layout));
    return appendRows(this.sheet, snapshot.lastRow, rows, layout.map.width, options);
  }

  /** Undo of append (a two-tab write whose History half failed). */
  removeAppended(appended: AppendedRows): void {
    removeAppendedRows(this.sheet, appended);
  }
}
