/**
 * Customer listing: filter by status/owner, sort by any customer key, page with offset/limit.
 * Sorting is deterministic everywhere (folded code-unit comparison, not localeCompare, whose result depends on
 * the runtime's ICU data) and stable: equal keys are ordered by ID.
 */

import * as z from 'zod/mini';
import { CUSTOMER_KEYS, type Customer, type CustomerKey, type FieldErrors } from './customer';
import { BestOf } from './bestOf';
import { compareIdKeys, customerIdNumber } from './ids';
import type { ListResult } from './results';
import { passesFilters } from './search';
import { STATUSES, type Status } from './statuses';
import { foldText, plainFoldedCode } from './text';
import {
  checkedField,
  integerOptionSchema,
  issue,
  ownerFilterSchema,
  parseOptions,
  quote,
  statusFilterSchema,
} from './validation';

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 500;
export const LIST_SORT_DEFAULT: CustomerKey = 'name';

export interface SortSpec {
  key: CustomerKey;
  descending: boolean;
}

export const sortSchema = checkedField((raw, ctx): SortSpec => {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return { key: LIST_SORT_DEFAULT, descending: false };
  }
  const text = typeof raw === 'string' ? raw.trim() : '';
  const descending = text.startsWith('-');
  const key = descending ? text.slice(1) : text;
  if (!(CUSTOMER_KEYS as readonly string[]).includes(key)) {
    const shown = typeof raw === 'string' ? ` ${quote(text)}` : '';
    return issue(
      ctx,
      `Sort${shown} is not a customer field. Use one of ${CUSTOMER_KEYS.join(', ')}, with "-" in front for descending.`,
    );
  }
  return { key: key as CustomerKey, descending };
});

export const listOptionsSchema = z.strictObject({
  status: statusFilterSchema,
  owner: ownerFilterSchema,
  offset: integerOptionSchema('Offset', 0, Number.MAX_SAFE_INTEGER, 0),
  limit: integerOptionSchema('Limit', 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT),
  sort: sortSchema,
});

/** A comparable sort value: folded text, a number, or null for "no value" (always sorted last). */
type SortValue = string | number | null;

const STATUS_ORDER: ReadonlyMap<string, number> = new Map(STATUSES.map((s, i) => [s, i]));

/**
 * Status sorts in pipeline order (Lead … Dormant), which is what a rep means by "sort by status";
 * IDs by their number ("C-99999" before "C-100000"); numbers numerically; other text folded (case and accents ignored); blanks and nulls last.
 */
function sortValue(value: unknown, key: CustomerKey): SortValue {
  if (key === 'status') return STATUS_ORDER.get(String(value)) ?? null;
  if (key === 'id') return customerIdNumber(String(value)) ?? (String(value).trim() || null);
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value === null || value === undefined) return null;
  const folded = foldText(String(value));
  return folded === '' ? null : folded;
}

function compareValues(a: SortValue, b: SortValue, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1; // nulls last in both directions
  if (b === null) return -1;
  let order: number;
  if (typeof a === 'number' && typeof b === 'number') order = a - b;
  else if (typeof a === typeof b) order = a < b ? -1 : 1;
  else order = typeof a === 'number' ? -1 : 1; // a hand-typed mix of numbers and text: numbers first
  return descending ? -order : order;
}

/**
 * What listRows lists: the rows (customers, or raw sheet rows), how a row's field is read (as the customer would
 * hold it), and the customer of a row, built only for the rows on the page returned.
 */
export interface ListSource<R> {
  rows: readonly R[];
  /**
   * The reader of one field, asked once per field a list needs (the sort key, the filters', the ID): whatever is
   * looked up to read that field (its column, how its cells are read) is looked up once, not once per row.
   */
  reader(key: CustomerKey): (row: R) => unknown;
  result(row: R): Customer;
}

interface SortRow<R> {
  row: R;
  value: SortValue;
  id: string;
  idNumber: number | null;
}

/**
 * Up to this many rows (offset + limit) are picked by a bounded insertion instead of sorting every customer:
 * the common first pages then cost one pass. Deeper pages sort everything.
 */
const SELECT_MAX = 1000;

/** Keys sorted as folded text (status and id have their own order, numbers are not text). */
const TEXT_KEYS: ReadonlySet<CustomerKey> = new Set<CustomerKey>(
  CUSTOMER_KEYS.filter((key) => key !== 'status' && key !== 'id' && key !== 'dealValue' && key !== 'version'),
);

/**
 * True when the customer's text value certainly sorts after `worst` (so cannot enter a full page), judged
 * from its first raw character without folding; false when unsure.
 */
function certainlyAfter(raw: unknown, worst: SortValue, descending: boolean): boolean {
  if (typeof raw !== 'string' || typeof worst !== 'string') return false;
  const head = plainFoldedCode(raw.charCodeAt(0));
  if (head === -1) return false;
  const first = worst.charCodeAt(0);
  return descending ? head < first : head > first;
}

export function listCustomers(
  customers: readonly Customer[],
  options?: unknown,
): ListResult | { ok: false; errors: FieldErrors } {
  return listRows(
    { rows: customers, reader: (key) => (customer) => customer[key], result: (customer) => customer },
    options,
  );
}

/** listCustomers over any ListSource: filters, sorts and pages the rows; builds customers only for the page. */
export function listRows<R>(source: ListSource<R>, options?: unknown): ListResult | { ok: false; errors: FieldErrors } {
  const parsed = parseOptions(listOptionsSchema, options);
  if (!parsed.ok) return parsed;
  const { status, owner, offset, limit, sort } = parsed.value;
  const sortKey = source.reader(sort.key);
  const idOf = source.reader('id');
  const statusOf = source.reader('status');
  const ownerOf = source.reader('owner');
  const compare = (a: SortRow<R>, b: SortRow<R>): number =>
    compareValues(a.value, b.value, sort.descending) || compareIdKeys(a.idNumber, a.id, b.idNumber, b.id);
  const passes = (row: R): boolean =>
    (status === null && owner === null) ||
    passesFilters({ status: statusOf(row) as Status, owner: ownerOf(row) as string }, status, owner);
  const sortRow = (row: R, value: SortValue): SortRow<R> => {
    const id = String(idOf(row));
    return { row, value, id, idNumber: customerIdNumber(id) };
  };
  const page = (rows: readonly SortRow<R>[]): Customer[] => rows.map((entry) => source.result(entry.row));

  const needed = offset + limit;
  if (needed > SELECT_MAX) {
    // Decorate once (one fold per customer), then sort: a comparator that folded on every call would fold
    // each customer ~log2(n) times.
    const rows: SortRow<R>[] = [];
    for (const row of source.rows) {
      if (passes(row)) rows.push(sortRow(row, sortValue(sortKey(row), sort.key)));
    }
    rows.sort(compare);
    return { customers: page(rows.slice(offset, needed)), total: rows.length };
  }

  const top = new BestOf<SortRow<R>>(needed, compare);
  const textKey = TEXT_KEYS.has(sort.key);
  let total = 0;
  for (const row of source.rows) {
    if (!passes(row)) continue;
    total++;
    const raw = sortKey(row);
    const worst = top.worstWhenFull();
    if (worst === undefined) {
      top.offer(sortRow(row, sortValue(raw, sort.key)));
      continue;
    }
    if (textKey && certainlyAfter(raw, worst.value, sort.descending)) continue;
    // A value that sorts after the page's last cannot get in whatever its ID: the entry (its ID read and parsed)
    // is built only for a row that can, instead of for every row as a sort by deal value or date did.
    const value = sortValue(raw, sort.key);
    if (compareValues(value, worst.value, sort.descending) > 0) continue;
    top.offer(sortRow(row, value));
  }
  return { customers: page(top.values().slice(offset)), total };
}
