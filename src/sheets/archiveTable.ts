/**
 * The `Archive` tab: customers taken out of Customers (archived, or merged into another) with when, by whom and
 * why. One read of the whole tab, an append of one row, and the removal of one row (found by ID, checked again
 * just before it goes, since a person may sort the tab while the script runs). Also the row removal the Customers
 * tab uses when a customer moves here.
 */

import { ARCHIVE_COLUMNS, type ArchiveInfo } from '../domain/archive';
import type { Customer } from '../domain/customer';
import { type CellValue, dateCell, readDate, readText, rewritable, textCell } from './cells';
import { CUSTOMER_COLUMNS } from '../domain/columns';
import type { CustomFieldDefinition } from '../domain/customFields';
import type { RowToMove } from '../domain/moveCheck';
import {
  cellOf,
  type CustomerLayout,
  customerLayout,
  customerToRow,
  FIXED_LAYOUT,
  isBlankRow,
  readField,
  rowToCustomer,
  rowToMove,
} from './customerRows';
import { SchemaError } from './schemaError';
import { type AppendedRows, appendRows, checkHeader, readTab, removeAppendedRows } from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ARCHIVE_WIDTH = ARCHIVE_COLUMNS.width;

const A = ARCHIVE_COLUMNS.of;

/** One archived customer as read: its fields, the archive columns, and the sheet row it came from. */
export interface ArchivedEntry {
  customer: Customer;
  archived: ArchiveInfo;
  row: number;
  /** The row's cells as read: what moveBlockers checks (the customer is these, read as its fields' types). */
  cells: readonly unknown[];
}

export interface ArchiveSnapshot {
  entries: ArchivedEntry[];
  /** Last row with content (the header counts). */
  lastRow: number;
}

/**
 * The Archive row of `customer` archived with `info`: the Customers row, then Archived at, by, reason, then its
 * custom fields in the Archive tab's own custom columns (`layout`, found there by header as on Customers).
 */
export function archiveRow(customer: Customer, info: ArchiveInfo, layout: CustomerLayout = FIXED_LAYOUT): CellValue[] {
  const row = customerToRow(customer, layout).slice(0, CUSTOMER_COLUMNS.width);
  const custom = layout === FIXED_LAYOUT ? [] : customerToRow(customer, layout).slice(ARCHIVE_WIDTH);
  return [...row, dateCell(info.at), textCell(info.by), textCell(info.reason), ...custom];
}

/** A row taken out by removeCustomerRow: where it was, its values as read, and whether it was deleted or emptied. */
export interface RemovedRow {
  row: number;
  values: unknown[];
  deleted: boolean;
}

/**
 * Deletes sheet row `row` after checking that it still holds customer `id` (one cell read: a person may have sorted
 * the tab since it was read under the lock). The last row below a frozen header cannot be deleted (Google: "Sorry,
 * it is not possible to delete all non-frozen rows."), so that one is emptied instead. Returns the row's values as
 * read, for an undo.
 */
export function removeCustomerRow(sheet: Sheet, row: number, id: string, width: number): RemovedRow {
  const range = sheet.getRange(row, 1, 1, width);
  const values = range.getValues()[0] as unknown[];
  if (readField(values, 'id') !== id) {
    throw new SchemaError(
      `Customer ${id} moved while it was being changed (was the tab sorted?). Nothing was changed: try again.`,
    );
  }
  const deleted = sheet.getMaxRows() - 1 > sheet.getFrozenRows();
  if (deleted) sheet.deleteRow(row);
  else range.clearContent();
  return { row, values, deleted };
}

/** Undo of removeCustomerRow: the row inserted again where it was (or refilled), every cell as read. */
export function putBackRow(sheet: Sheet, removed: RemovedRow): void {
  if (removed.deleted) {
    if (removed.row > sheet.getMaxRows()) sheet.insertRowsAfter(removed.row - 1, 1);
    else sheet.insertRowsBefore(removed.row, 1);
  }
  sheet.getRange(removed.row, 1, 1, removed.values.length).setValues([removed.values.map(rewritable)]);
}

export class ArchiveTable {
  /** The row layout the last read saw: custom columns follow the three archive columns, found by header. */
  private layout: CustomerLayout = FIXED_LAYOUT;

  constructor(
    readonly sheet: Sheet,
    private readonly definitions: readonly CustomFieldDefinition[] = [],
  ) {}

  static open(ss: Spreadsheet, definitions: readonly CustomFieldDefinition[] = []): ArchiveTable {
    const sheet = ss.getSheetByName(TAB.archive);
    if (!sheet) throw new SchemaError('The Archive tab is missing: the owner must run CRM ▸ Set up / repair once.');
    return new ArchiveTable(sheet, definitions);
  }

  /** The tab if it exists (reads that only look for archived customers work without it). */
  static openIfPresent(ss: Spreadsheet, definitions: readonly CustomFieldDefinition[] = []): ArchiveTable | null {
    const sheet = ss.getSheetByName(TAB.archive);
    return sheet ? new ArchiveTable(sheet, definitions) : null;
  }

  /** Every archived customer, with one read of the tab (every column), header checked. */
  read(): ArchiveSnapshot {
    const values = readTab(this.sheet, this.definitions.length === 0 ? ARCHIVE_WIDTH : 'all');
    checkHeader(values[0], ARCHIVE_COLUMNS.headers, TAB.archive);
    this.layout = this.definitions.length === 0 ? FIXED_LAYOUT : customerLayout(values[0] ?? [], this.definitions);
    const layout = this.layout;
    const entries: ArchivedEntry[] = [];
    for (let i = 1; i < values.length; i++) {
      const row = values[i] as unknown[];
      if (isBlankRow(row)) continue;
      entries.push({
        customer: rowToCustomer(row, layout),
        archived: {
          at: readDate(cellOf(row, A.archivedAt)),
          by: readText(cellOf(row, A.archivedBy)),
          reason: readText(cellOf(row, A.archiveReason)),
        },
        row: i + 1,
        cells: row,
      });
    }
    return { entries, lastRow: values.length };
  }

  /** The archived entry of `id`, or null; an ID archived twice is refused rather than guessed. */
  static find(snapshot: ArchiveSnapshot, id: string): ArchivedEntry | null {
    const found = snapshot.entries.filter((entry) => entry.customer.id === id);
    if (found.length > 1) {
      throw new SchemaError(
        `Customer ${id} appears on rows ${found.map((e) => e.row).join(' and ')} of the Archive tab; nothing was changed.`,
      );
    }
    return found[0] ?? null;
  }

  /** Appends `customer` archived with `info` below the last row read. */
  append(snapshot: ArchiveSnapshot, customer: Customer, info: ArchiveInfo): AppendedRows {
    const row = archiveRow(customer, info, this.layout);
    return appendRows(this.sheet, snapshot.lastRow, [row], row.length);
  }

  /** Undo of append. */
  removeAppended(appended: AppendedRows): void {
    removeAppendedRows(this.sheet, appended);
  }

  /** `entry`'s row as moveBlockers checks it before a restore. */
  rowToRestore(entry: ArchivedEntry): RowToMove {
    return rowToMove(entry.cells, this.layout, { tab: 'Archive', row: entry.row, action: 'restore' });
  }

  /** Takes `entry`'s row out of the tab (see removeCustomerRow). */
  remove(entry: ArchivedEntry): RemovedRow {
    return removeCustomerRow(this.sheet, entry.row, entry.customer.id, Math.max(ARCHIVE_WIDTH, this.layout.map.width));
  }
}
