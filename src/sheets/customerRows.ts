/**
 * One row ⇄ one object, for the `Customers` and `History` tabs: how each kind of cell in the column maps
 * (src/domain/columns.ts) is written and read. The sheets and server code index a row only here: they ask for a
 * field by its key (readField, cellOf) or take whole rows from here. (CRM ▸ Check data, src/domain/integrity.ts,
 * judges raw cells and finds them through the same map.)
 */

import {
  type Column,
  type ColumnMap,
  columnMap,
  CUSTOMER_COLUMNS,
  type CellKind,
  type CellKindValue,
  HISTORY_COLUMNS,
} from '../domain/columns';
import { stampedKeys } from '../domain/change';
import {
  type CustomColumnsLayout,
  customColumnsLayout,
  customFieldKey,
  customValuesOf,
  type CustomFieldDefinition,
  ownCustomValue,
} from '../domain/customFields';
import type { Customer, CustomerKey, HistoryEvent } from '../domain/customer';
import type { RowToMove } from '../domain/moveCheck';
import type { Status } from '../domain/statuses';
import { isStatus, parseStatus } from '../domain/statuses';
import {
  type CellValue,
  dateCell,
  dayCell,
  numberCell,
  readDate,
  readDay,
  readNumber,
  readText,
  rewritable,
  textCell,
} from './cells';

export const CUSTOMER_WIDTH = CUSTOMER_COLUMNS.width;
export const HISTORY_WIDTH = HISTORY_COLUMNS.width;

/**
 * The Customers row as one tab holds it: the fixed columns, then the custom fields' columns found by name in its
 * header row (and columns no definition names, kept as they are). `definitions` are the fields that have a column:
 * a field defined in Settings after the last Set up has none yet, so it is neither read nor written.
 */
export interface CustomerLayout {
  readonly map: CustomColumnsLayout['map'];
  readonly definitions: readonly CustomFieldDefinition[];
  /** Fields defined in Settings that have no column yet (Set up adds them). */
  readonly missing: CustomColumnsLayout['append'];
  readonly kept: CustomColumnsLayout['kept'];
}

/** The layout of a tab whose header row is `headers` for the fields defined in Settings. */
export function customerLayout(
  headers: readonly unknown[],
  definitions: readonly CustomFieldDefinition[],
): CustomerLayout {
  const found = customColumnsLayout(headers, definitions);
  const missing = new Set(found.append.map((spec) => spec.key));
  return {
    // The row as the tab holds it now: the columns Set up has not added yet are not part of it.
    map: customerColumnsWithout(found.map, missing),
    definitions: definitions.filter((d) => !missing.has(customFieldKey(d.name))),
    missing: found.append,
    kept: found.kept,
  };
}

function customerColumnsWithout(
  map: CustomColumnsLayout['map'],
  keys: ReadonlySet<string>,
): CustomColumnsLayout['map'] {
  if (keys.size === 0) return map;
  return columnMap(map.list.filter((c) => !keys.has(c.key)).map(({ key, header, kind }) => ({ key, header, kind })));
}

/** The first version's row: no custom field (a tab whose header row was not read, or a CRM without custom fields). */
export const FIXED_LAYOUT: CustomerLayout = { map: CUSTOMER_COLUMNS, definitions: [], missing: [], kept: [] };

/**
 * A Status cell: its label, or, for text typed by hand that is not a status, that text as it is (CRM ▸ Check data
 * reports it) rather than silently rewritten.
 */
export function readStatus(cell: unknown): Status {
  const raw = readText(cell);
  return parseStatus(raw) ?? (raw as Status);
}

/** An ID cell (Customers' ID, History's Customer ID) as its codec reads it: text, trimmed. */
export function readIdCell(cell: unknown): string {
  return (typeof cell === 'string' ? cell : readText(cell)).trim();
}

interface Codec<V> {
  write(value: V): CellValue;
  read(cell: unknown): V;
}

/** How each kind of cell is written (so the sheet stores exactly the value) and read back. */
const CODECS: { [K in CellKind]: Codec<CellKindValue[K]> } = {
  id: { write: textCell, read: readIdCell },
  text: { write: textCell, read: readText },
  // A stage label is written as is (the dropdown's value); anything else read from the sheet stays text.
  status: { write: (status) => (isStatus(status) ? status : textCell(status)), read: readStatus },
  number: { write: numberCell, read: readNumber },
  dateTime: { write: dateCell, read: readDate },
  date: { write: dayCell, read: readDay },
  integer: { write: (n) => n, read: (cell) => readNumber(cell) ?? 0 },
  label: { write: (label) => label, read: readText },
};

/**
 * The codec of a column, seen through `unknown`: TypeScript cannot tie a column's kind to its field's type through
 * a map lookup, but the maps are typed so that each field's kind fits its type (KindFor in columns.ts).
 */
function codecOf(column: Column): Codec<unknown> {
  return CODECS[column.kind] as Codec<unknown>;
}

/** The raw cell of `column` in a row as getValues returned it. */
export function cellOf(row: readonly unknown[], column: Column): unknown {
  return row[column.index];
}

/** The cell of `column` in `row`, read as its kind is read. */
function readColumn(row: readonly unknown[], column: Column): unknown {
  return codecOf(column).read(row[column.index]);
}

/**
 * A row of Customers or Archive (both start with the Customers columns; custom ones found by header in `layout`) as
 * moveBlockers checks it before the row moves to the other tab.
 */
export function rowToMove(
  cells: readonly unknown[],
  layout: CustomerLayout,
  place: Pick<RowToMove, 'tab' | 'row' | 'action'>,
): RowToMove {
  const customCells = layout.definitions.flatMap((definition) => {
    const column = layout.map.of[customFieldKey(definition.name)];
    return column === undefined ? [] : [{ definition, value: cells[column.index] }];
  });
  return { statusCell: cellOf(cells, CUSTOMER_COLUMNS.of.status), customCells, ...place };
}

/** One field of a Customers row, read as rowToCustomer reads it (for readers that need only a few fields). */
export function readField<K extends CustomerKey>(row: readonly unknown[], key: K): Customer[K] {
  return readColumn(row, CUSTOMER_COLUMNS.of[key]) as Customer[K];
}

/** readField for one key, with its column and codec looked up once (for reading the same field of many rows). */
export function fieldReader<K extends CustomerKey>(key: K): (row: readonly unknown[]) => Customer[K] {
  const column = CUSTOMER_COLUMNS.of[key];
  const { read } = codecOf(column);
  return (row) => read(row[column.index]) as Customer[K];
}

/** One field of a History row, read as rowToHistory reads it. */
export function readHistoryField<K extends keyof HistoryEvent>(row: readonly unknown[], key: K): HistoryEvent[K] {
  return readColumn(row, HISTORY_COLUMNS.of[key]) as HistoryEvent[K];
}

/** A field's value encoded for its cell. */
export function encodeField<K extends CustomerKey>(key: K, value: Customer[K]): CellValue {
  return codecOf(CUSTOMER_COLUMNS.of[key]).write(value);
}

function toRow<K extends string>(map: ColumnMap<K>, record: Readonly<Record<K, unknown>>): CellValue[] {
  return map.list.map((column) => codecOf(column).write(record[column.key]));
}

function fromRow<K extends string>(map: ColumnMap<K>, row: readonly unknown[]): Record<K, unknown> {
  const record = {} as Record<K, unknown>;
  for (const column of map.list) record[column.key] = readColumn(row, column);
  return record;
}

/** The value `customer` holds for a column of `layout` ('' for a kept column: the CRM never fills one). */
function customerCell(customer: Customer, column: Column): unknown {
  if (column.key.startsWith('custom:')) return ownCustomValue(customer.custom, column.header) ?? null;
  if (column.key.startsWith('kept:')) return '';
  return customer[column.key as CustomerKey];
}

export function customerToRow(c: Customer, layout: CustomerLayout = FIXED_LAYOUT): CellValue[] {
  if (layout === FIXED_LAYOUT) return toRow(CUSTOMER_COLUMNS, c);
  return layout.map.list.map((column) => {
    const value = customerCell(c, column);
    // A Number field with no value is an empty cell, as Deal value is; a Text/Date one is '' already.
    return value === null && column.kind !== 'number' ? '' : codecOf(column).write(value);
  });
}

export function rowToCustomer(row: readonly unknown[], layout: CustomerLayout = FIXED_LAYOUT): Customer {
  // Every key of Customer is a column (checked at compile time in columns.ts), each read as its type.
  const customer = fromRow(CUSTOMER_COLUMNS, row) as unknown as Customer;
  const record: Record<string, unknown> = {};
  for (const definition of layout.definitions) {
    const column = layout.map.of[customFieldKey(definition.name)];
    if (column !== undefined) record[column.key] = readColumn(row, column);
  }
  customer.custom = customValuesOf(record, layout.definitions);
  return customer;
}

export function historyToRow(e: HistoryEvent): CellValue[] {
  return toRow(HISTORY_COLUMNS, e);
}

export function rowToHistory(row: readonly unknown[]): HistoryEvent {
  // As for rowToCustomer: every History field is a column.
  return fromRow(HISTORY_COLUMNS, row) as unknown as HistoryEvent;
}

/**
 * The cells that turn a row read as `raw` (which held `before`) into `after`, by 1-based column: the fields
 * that changed, encoded afresh, and the change's stamp (stampedKeys), each with its value as read for an undo. No other cell is written, not even as it
 * was read: a person may have typed there since the read, and an old value the Status dropdown now rejects
 * would make the write throw.
 */
export function changedCells(
  raw: readonly unknown[],
  before: Customer,
  after: Customer,
  layout: CustomerLayout = FIXED_LAYOUT,
): Map<number, { value: CellValue; previous: CellValue }> {
  const cells = new Map<number, { value: CellValue; previous: CellValue }>();
  const stamped: readonly string[] = stampedKeys(before.status !== after.status);
  for (const column of layout.map.list) {
    if (column.key.startsWith('kept:')) continue; // a column no definition names: never the CRM's to write
    const from = customerCell(before, column);
    const to = customerCell(after, column);
    if (from === to && !stamped.includes(column.key)) continue;
    if (column.key.startsWith('custom:') && (from ?? '') === (to ?? '')) continue; // absent = empty
    cells.set(column.column, { value: codecOf(column).write(to), previous: rewritable(raw[column.index]) });
  }
  return cells;
}

/** True for a row with nothing in any customer column (a blank line left by a user). */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < CUSTOMER_WIDTH; i++) {
    const cell = row[i];
    if (cell !== '' && cell !== null && cell !== undefined) return false;
  }
  return true;
}
