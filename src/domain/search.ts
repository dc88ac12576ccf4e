/**
 * Customer search: name, company, e-mail, phone and the Text/Choice custom fields, case- and accent-insensitive,
 * phone also by digits, best matches first. Every google.script.run call is a fresh execution, so nothing
 * pre-folded survives between searches: this runs over the raw rows read from the sheet (a SearchSource: the values
 * and the column of each field) and folds only what it must; result objects are built only for the customers
 * returned.
 *
 * Speed (50,000 customers, in Node): a query word is matched with one RegExp on the raw field whose characters are
 * classes of everything that folds to them (foldedWordSource: "e" → [eEéèê…], combining marks skipped), so matching
 * an ASCII word never folds and never allocates. Phone digits are matched with a "digits with anything between"
 * RegExp instead of building a digit string per customer. A first pass over the raw cells (candidates.ts) keeps
 * only the rows that have the query's longest word; everything else runs for those rows only. Only a word with
 * characters that are not ASCII after folding (ß, 北京, emoji) folds the fields it is tested on. Only the best
 * `limit` matches are kept in order (a bounded insertion), so no full sort of all matches; and once that list is
 * full, a match whose best possible rank (judged from the first and last raw character of each field) cannot beat
 * the last entry is counted but neither folded nor ranked. tests/domain/search.test.ts checks all of this against a
 * naive fold-everything reference.
 */

import * as z from 'zod/mini';
import { BestOf } from './bestOf';
import type { Customer, FieldErrors } from './customer';
import { compareCustomerIds } from './ids';
import { candidateRows } from './search/candidates';
import { FIELD_NAME, Row, type SearchColumns } from './search/fields';
import { type QueryPlan, planQuery } from './search/query';
import { customerRankFloor, matches, nameSortsAfter, rank } from './search/rank';
import type { Status } from './statuses';
import {
  checkText,
  formatCount,
  integerOptionSchema,
  ownerFilterSchema,
  parseOptions,
  setFieldError,
  statusFilterSchema,
} from './validation';

export type { SearchColumns } from './search/fields';
export { PHONE_QUERY_MIN_DIGITS } from './search/query';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;

export const searchOptionsSchema = z.strictObject({
  status: statusFilterSchema,
  owner: ownerFilterSchema,
  limit: integerOptionSchema('Limit', 1, SEARCH_LIMIT_MAX, SEARCH_LIMIT_DEFAULT),
});

function asText(value: unknown): string {
  // Defensive: rows from a hand-edited sheet may carry numbers or blanks where text is expected.
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/**
 * The fields search reads (what the server's records of the Customers tab carry).
 */
export type SearchableCustomer = Pick<Customer, 'id' | 'name' | 'company' | 'email' | 'phone' | 'status' | 'owner'>;

/**
 * Rows to search as they were read (e.g. the Customers tab's getValues), so that no object is built per row:
 * search reads the cells it needs in place and asks for a result only for the rows it returns.
 */
export interface SearchSource<T> {
  rows: readonly (readonly unknown[])[];
  /** Index of the first row to search (1 to pass over a header row). */
  first: number;
  columns: SearchColumns;
  /** Text of a cell that is not a string (a number typed by hand, a blank): asked only for such cells. */
  text(cell: unknown): string;
  /** The row's status label, compared with the status filter (only asked when there is one). */
  status(cell: unknown): unknown;
  /** The row's ID, the last tie-breaker (only asked for rows that are ranked). */
  id(row: readonly unknown[]): string;
  /** True for a row that is not a customer (a blank row): asked only for rows that pass every test. */
  skip(row: readonly unknown[]): boolean;
  /** The result for a row, built only for the rows returned. */
  result(row: readonly unknown[]): T;
}

// ---------------------------------------------------------------------------------------------- best-N selection

interface RankedEntry {
  row: readonly unknown[];
  /** Lower is better. */
  rank: number;
  /** Tie-breaker: folded name, then ID (by number). */
  name: string;
  id: string;
}

function compareEntries(a: RankedEntry, b: RankedEntry): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return compareCustomerIds(a.id, b.id);
}

/** Would an entry with this rank and name get into `best`? Lets the search skip building it. */
function wouldAccept(best: BestOf<RankedEntry>, rank: number, name: string): boolean {
  const worst = best.worstWhenFull();
  return worst === undefined || rank < worst.rank || (rank === worst.rank && name <= worst.name);
}

// ---------------------------------------------------------------------------------------------- entry point

/**
 * The search text: a string (numbers accepted as their text), at most 200 characters after trimming.
 * Control characters are not refused here (unlike stored fields): they only become spaces in planQuery.
 */
function parseQuery(query: unknown): { ok: true; value: string } | { ok: false; message: string } {
  if (typeof query !== 'string') return checkText(query, { label: 'Search text', max: SEARCH_QUERY_MAX });
  const text = query.trim();
  if (text.length > SEARCH_QUERY_MAX) {
    return {
      ok: false,
      message: `Search text is too long: ${formatCount(text.length)} characters, the limit is ${SEARCH_QUERY_MAX}.`,
    };
  }
  return { ok: true, value: text };
}

/** A checked query and options, ready to run over rows (see prepareSearch). */
export interface PreparedSearch {
  ok: true;
  run<T>(source: SearchSource<T>): { results: T[]; total: number };
}

/**
 * Checks the query and options and plans the search (patterns, fold tables) before any row is read, so that a
 * bad query costs no read and the work after the read is only the pass over the rows.
 */
export function prepareSearch(query: unknown, options?: unknown): PreparedSearch | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const checkedQuery = parseQuery(query);
  if (!checkedQuery.ok) setFieldError(errors, 'query', checkedQuery.message);
  const parsedOptions = parseOptions(searchOptionsSchema, options);
  if (!parsedOptions.ok)
    for (const [key, message] of Object.entries(parsedOptions.errors)) setFieldError(errors, key, message);
  if (!checkedQuery.ok || !parsedOptions.ok) return { ok: false, errors };
  const plan = planQuery(checkedQuery.value);
  const { status, owner, limit } = parsedOptions.value;
  return { ok: true, run: (source) => runSearch(source, plan, status, owner, limit) };
}

/**
 * The status and owner filters as one test of a row's cells, or null when there is none. The verdicts are
 * remembered per cell value: a column holds a handful of distinct values.
 */
function filterOf<T>(
  source: SearchSource<T>,
  status: Status | null,
  owner: string | null,
): ((cells: readonly unknown[]) => boolean) | null {
  if (status === null && owner === null) return null;
  const { columns, text } = source;
  const statusPasses = new Map<unknown, boolean>();
  const ownerPasses = new Map<unknown, boolean>();
  return (cells) => {
    if (status !== null) {
      const cell = cells[columns.status];
      let pass = statusPasses.get(cell);
      if (pass === undefined) {
        pass = source.status(cell) === status;
        statusPasses.set(cell, pass);
      }
      if (!pass) return false;
    }
    if (owner !== null) {
      const cell = cells[columns.owner];
      let pass = ownerPasses.get(cell);
      if (pass === undefined) {
        pass = (typeof cell === 'string' ? cell : text(cell)).trim().toLowerCase() === owner;
        ownerPasses.set(cell, pass);
      }
      if (!pass) return false;
    }
    return true;
  };
}

function runSearch<T>(
  source: SearchSource<T>,
  plan: QueryPlan,
  status: Status | null,
  owner: string | null,
  limit: number,
): { results: T[]; total: number } {
  const hasWords = plan.words.length > 0;
  const best = new BestOf<RankedEntry>(limit, compareEntries);
  const row = new Row();
  const { rows, columns, text } = source;
  const keep = filterOf(source, status, owner);
  // The rows that pass the filters and have the first word (or the query in their phone digits); every row when
  // there is no word.
  const candidates = candidateRows(rows, source.first, columns, text, plan, keep);
  const count = candidates === null ? rows.length - source.first : candidates.length;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const cells = rows[candidates === null ? source.first + k : (candidates[k] as number)];
    if (cells === undefined) continue;
    if (candidates === null && keep !== null && !keep(cells)) continue;
    row.load(cells, columns, text);
    if (hasWords && !matches(plan, row)) continue;
    if (source.skip(cells)) continue;
    total++;
    // Skip ranking (and folding) a match that cannot make the results: most of them, for a broad query.
    const worst = best.worstWhenFull();
    if (worst !== undefined) {
      const floor = hasWords ? customerRankFloor(plan, row) : 0;
      if (floor > worst.rank) continue;
      if (floor === worst.rank && nameSortsAfter(row.name, worst.name)) continue;
    }
    const customerRank = hasWords ? rank(plan, row) : 0;
    const name = row.folded(FIELD_NAME);
    if (wouldAccept(best, customerRank, name))
      best.offer({ row: cells, rank: customerRank, name, id: source.id(cells) });
  }
  return { results: best.values().map((entry) => source.result(entry.row)), total };
}

/** Status and owner filters shared with listing. `owner` is already lowercase. */
export function passesFilters(
  customer: Pick<Customer, 'status' | 'owner'>,
  status: Status | null,
  owner: string | null,
): boolean {
  if (status !== null && customer.status !== status) return false;
  return owner === null || asText(customer.owner).trim().toLowerCase() === owner;
}
