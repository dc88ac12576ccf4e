/**
 * The column maps of the `Customers` and `History` rows: for each field its key, header, 0-based index, 1-based
 * column and kind of cell. Every read, write, check and trigger finds a field's place here, so a column moved or
 * added (SPEC "Version 2": Next step, Next step due, Lost reason, then one column per custom field) changes this
 * file and nothing else. Maps are built by columnMap() from a field list, so a longer list gives a wider map.
 * How each kind of cell is written and read is src/sheets/customerRows.ts (the domain never encodes cells itself).
 */

import {
  CUSTOMER_HEADERS,
  CUSTOMER_KEYS,
  type Customer,
  type CustomerKey,
  HISTORY_HEADERS,
  HISTORY_KEYS,
  type HistoryEvent,
} from './customer';
import type { Status } from './statuses';

/** What a cell of a kind holds once read (and what it is written from). */
export interface CellKindValue {
  /** A customer ID: text, read trimmed (a stray space must not make another customer). */
  id: string;
  /** Free text: written guarded so the sheet stores exactly it (never a formula, number or date). */
  text: string;
  /** A pipeline stage: the dropdown's label as is; anything else typed by hand stays text. */
  status: Status;
  /** A number, null when the cell is empty. */
  number: number | null;
  /** A date-time cell, as an ISO-8601 string ('' when empty). */
  dateTime: string;
  /** A date cell (a calendar day in the spreadsheet's time zone), as 'YYYY-MM-DD' ('' when empty). */
  date: string;
  /** A whole number the CRM keeps (Version); 0 when the cell holds none. */
  integer: number;
  /** A word from the CRM's own fixed list (History's Action), written as is. */
  label: string;
}

export type CellKind = keyof CellKindValue;

/** The kinds a field of type T may be stored as (a number field cannot be a date-time cell, and so on). */
export type KindFor<T> = { [K in CellKind]: [T] extends [CellKindValue[K]] ? K : never }[CellKind];

/** A field as a map is built from it. */
export interface FieldSpec<K extends string = string> {
  key: K;
  header: string;
  kind: CellKind;
}

/** A field's place in the row. */
export interface Column<K extends string = string> extends FieldSpec<K> {
  /** 0-based, for a row array read with getValues. */
  index: number;
  /** 1-based, for getRange. */
  column: number;
}

export interface ColumnMap<K extends string = string> {
  /** Every column, in sheet order. */
  readonly list: readonly Column<K>[];
  /** Each column by its field key. */
  readonly of: Readonly<Record<K, Column<K>>>;
  /** The header row the tab must have. */
  readonly headers: readonly string[];
  /** How many columns the row has (what a read or an append spans). */
  readonly width: number;
}

/** A map from fields in sheet order; the order of `fields` is the order of the columns. */
export function columnMap<K extends string>(fields: readonly FieldSpec<K>[]): ColumnMap<K> {
  const list = fields.map((field, index): Column<K> => ({ ...field, index, column: index + 1 }));
  const of = {} as Record<K, Column<K>>;
  for (const column of list) {
    if (column.key in of) throw new Error(`Field ${column.key} appears twice in a column map.`);
    of[column.key] = column;
  }
  return { list, of, headers: list.map((c) => c.header), width: list.length };
}

/** A field list from a tab's keys and headers (spec contracts, in the same order) and how each field is stored. */
function fieldList<K extends string>(
  keys: readonly K[],
  headers: readonly string[],
  kinds: Record<K, CellKind>,
): FieldSpec<K>[] {
  return keys.map((key, i) => ({ key, header: headers[i] as string, kind: kinds[key] }));
}

export type HistoryKey = (typeof HISTORY_KEYS)[number];

/** Compile-time: the key lists name every field (custom fields excepted: their columns come from Settings) of the objects built from a row (rowToCustomer, rowToHistory). */
type Covers<Keys, All> = [Exclude<All, Keys>] extends [never] ? true : false;
type AssertTrue<T extends true> = T;
export type CustomerKeysComplete = AssertTrue<Covers<CustomerKey, keyof Omit<Customer, 'custom'>>>;
export type HistoryKeysComplete = AssertTrue<Covers<HistoryKey, keyof HistoryEvent>>;

/** How each customer field is stored; typed so that a new key without a kind, or a wrong kind, does not compile. */
const CUSTOMER_KINDS: { [K in CustomerKey]: KindFor<Customer[K]> } = {
  id: 'id',
  name: 'text',
  company: 'text',
  email: 'text',
  phone: 'text',
  status: 'status',
  dealValue: 'number',
  owner: 'text',
  source: 'text',
  notes: 'text',
  createdAt: 'dateTime',
  createdBy: 'text',
  updatedAt: 'dateTime',
  updatedBy: 'text',
  statusChangedAt: 'dateTime',
  version: 'integer',
  nextStep: 'text',
  nextStepDue: 'date',
  lostReason: 'text',
};

/** The `Customers` row, from the domain's field list (CUSTOMER_KEYS with CUSTOMER_HEADERS, the spec's order). */
export const CUSTOMER_COLUMNS: ColumnMap<CustomerKey> = columnMap(
  fieldList(CUSTOMER_KEYS, CUSTOMER_HEADERS, CUSTOMER_KINDS),
);

/**
 * The `Customers` row with `extra` fields after the fixed ones (Version 2: one column per custom field, built by
 * src/domain/customFields/columns.ts). The fixed part is CUSTOMER_COLUMNS' exactly, whatever follows it.
 */
export function customerColumnsWith<K extends string>(extra: readonly FieldSpec<K>[]): ColumnMap<CustomerKey | K> {
  const fixed = CUSTOMER_COLUMNS.list.map(
    ({ key, header, kind }): FieldSpec<CustomerKey | K> => ({ key, header, kind }),
  );
  return columnMap<CustomerKey | K>([...fixed, ...extra]);
}

/** How each History field is stored (typed as CUSTOMER_KINDS is). */
const HISTORY_KINDS: { [K in keyof HistoryEvent]: KindFor<HistoryEvent[K]> } = {
  at: 'dateTime',
  customerId: 'id',
  action: 'label',
  field: 'text',
  from: 'text',
  to: 'text',
  by: 'text',
};

/** The `History` row, from HISTORY_KEYS with HISTORY_HEADERS (the spec's order). */
export const HISTORY_COLUMNS: ColumnMap<HistoryKey> = columnMap(
  fieldList(HISTORY_KEYS, HISTORY_HEADERS, HISTORY_KINDS),
);

/** Spreadsheet column letters of a 1-based column (1 → A, 27 → AA): what a person sees above the grid. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A1 notation of a zero-based grid cell (row 3, column 3 → "D4"): how problem lines name a cell the admin can find. */
export function cellName(row: number, column: number): string {
  return columnLetter(column + 1) + String(row + 1);
}
