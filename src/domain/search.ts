/**
 * Customer search: name, company, e-mail and phone, case- and accent-insensitive, phone also by digits,
 * best matches first. Every google.script.run call is a fresh execution, so nothing pre-folded survives
 * between searches: this runs over the raw rows read from the sheet (a SearchSource: the values and the column
 * of each field) and folds only what it must; result objects are built only for the customers returned.
 *
 * Speed (50,000 customers, in Node): an ASCII query word is matched with one RegExp on the raw field whose
 * characters are classes of everything that folds to them (foldedWordPattern: "e" → [eEéèê…], combining marks
 * skipped), so matching never folds and never allocates. Phone digits are matched with a "digits with anything
 * between" RegExp instead of building a digit string per customer. Only a word with characters that are not
 * ASCII after folding (ß, 北京, emoji) folds the non-ASCII fields it is tested on. Only the best `limit` matches
 * are kept in order (a bounded insertion), so no full sort of all matches; and once that list is full, a match
 * whose best possible rank (judged from the first and last raw character of each field) cannot beat the last
 * entry is counted but neither folded nor ranked. tests/domain/search.test.ts checks all of this against a
 * naive fold-everything reference.
 */

import { BestOf } from './bestOf';
import type { Customer, FieldErrors } from './customer';
import { compareCustomerIds } from './ids';
import type { Status } from './statuses';
import { foldText, foldedWordSource, phoneDigits, plainFoldedCode } from './text';
import * as z from 'zod/mini';
import {
  checkText,
  formatCount,
  integerOptionSchema,
  ownerFilterSchema,
  parseOptions,
  setFieldError,
  statusFilterSchema,
} from './validation';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
/** A query needs this many digits before it is also compared with phone numbers digit by digit. */
export const PHONE_QUERY_MIN_DIGITS = 3;
/** Long phone queries are compared on their last 10 digits, so a country code does not prevent a match. */
const PHONE_COMPARE_DIGITS = 10;

export const searchOptionsSchema = z.strictObject({
  status: statusFilterSchema,
  owner: ownerFilterSchema,
  limit: integerOptionSchema('Limit', 1, SEARCH_LIMIT_MAX, SEARCH_LIMIT_DEFAULT),
});

// ---------------------------------------------------------------------------------------------- fields

/** Field order is rank order for equal kinds of match: name, then company, then e-mail, then phone. */
const FIELD_NAME = 0;
const FIELD_COMPANY = 1;
const FIELD_EMAIL = 2;
const FIELD_PHONE = 3;
const FIELD_COUNT = 4;

/** Kinds of match, best first; a customer's rank is kind * FIELD_COUNT + field (lower is better). */
const KIND_EXACT = 0;
const KIND_PREFIX = 1;
const KIND_WORD_PREFIX = 2;
const KIND_SUBSTRING = 3;
/** Ranks from here on: the words were found spread over several fields, not the whole query in one. */
const SPREAD_RANK_BASE = (KIND_SUBSTRING + 1) * FIELD_COUNT;

function asText(value: unknown): string {
  // Defensive: rows from a hand-edited sheet may carry numbers or blanks where text is expected.
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/**
 * The fields search reads (what the server's records of the Customers tab carry).
 */
export type SearchableCustomer = Pick<Customer, 'id' | 'name' | 'company' | 'email' | 'phone' | 'status' | 'owner'>;

/** Where each searched field is in a row of a SearchSource. */
export interface SearchColumns {
  id: number;
  name: number;
  company: number;
  email: number;
  phone: number;
  status: number;
  owner: number;
  /**
   * The Text and Choice custom fields' columns (SPEC "Version 2": search matches them). They are searched as a
   * continuation of Company (one more line of it), so a word found there matches and ranks as a Company word.
   */
  extra?: readonly number[];
}

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

/**
 * The customer being examined: its four searched fields read once, folded forms computed on first use.
 * One instance is reused for every customer (reloaded, not reallocated), because most customers never need
 * any field folded. Plain properties rather than arrays and helper calls: each Apps Script call runs this loop
 * cold, mostly in V8's interpreter, where every function call per customer shows.
 */
class Row {
  name = '';
  company = '';
  email = '';
  phone = '';
  private folded0: string | undefined;
  private folded1: string | undefined;
  private folded2: string | undefined;
  private folded3: string | undefined;

  /** Reads the row's fields; a field that is not a string (rare) goes through `text`. */
  load(row: readonly unknown[], columns: SearchColumns, text: (cell: unknown) => string): void {
    const name = row[columns.name];
    const company = row[columns.company];
    const email = row[columns.email];
    const phone = row[columns.phone];
    this.name = typeof name === 'string' ? name : text(name);
    this.company = typeof company === 'string' ? company : text(company);
    const extra = columns.extra;
    if (extra !== undefined) {
      for (let i = 0; i < extra.length; i++) {
        const cell = row[extra[i] as number];
        const value = typeof cell === 'string' ? cell : text(cell);
        if (value !== '') this.company += `\n${value}`;
      }
    }
    this.email = typeof email === 'string' ? email : text(email);
    this.phone = typeof phone === 'string' ? phone : text(phone);
    this.folded0 = this.folded1 = this.folded2 = this.folded3 = undefined;
  }

  raw(field: number): string {
    return field === FIELD_NAME
      ? this.name
      : field === FIELD_COMPANY
        ? this.company
        : field === FIELD_EMAIL
          ? this.email
          : this.phone;
  }

  folded(field: number): string {
    switch (field) {
      case FIELD_NAME:
        this.folded0 ??= foldText(this.name);
        return this.folded0;
      case FIELD_COMPANY:
        this.folded1 ??= foldText(this.company);
        return this.folded1;
      case FIELD_EMAIL:
        this.folded2 ??= foldText(this.email);
        return this.folded2;
      default:
        this.folded3 ??= foldText(this.phone);
        return this.folded3;
    }
  }
}

// ---------------------------------------------------------------------------------------------- query plan

interface Word {
  text: string;
  /** Finds the word in a raw field without folding it (foldedWordSource): exactly, or as a filter. */
  pattern: RegExp;
  /** True when `pattern` is exact (the word is ASCII); otherwise a field it matches must still be folded. */
  exact: boolean;
  /** Shorter raw fields cannot match `pattern` (one character per letter, or per transliterated pair: ß, ü). */
  minLength: number;
  /** Digits of the word matched inside phone numbers, when the word has enough digits. */
  phonePattern: RegExp | null;
}

interface QueryPlan {
  /** Folded query, single-spaced. */
  whole: string;
  words: Word[];
  /** When the whole query looks like a phone number: its digits (last 10) matched in the phone field. */
  phoneDigits: string | null;
  phonePattern: RegExp | null;
}

/**
 * Matches `digits` inside a raw phone string with any non-digits in between: "5550102000" finds
 * "(555) 010-2000". Equivalent to phoneDigits(phone).includes(digits) without building a string per customer.
 * No catastrophic backtracking: each \D* is followed by a digit, which \D cannot match.
 */
function digitsPattern(digits: string): RegExp {
  return new RegExp(digits.split('').join('\\D*'));
}

const PHONE_LIKE = /^[0-9 +()./-]+$/;

function planQuery(query: string): QueryPlan {
  // Control characters are meaningless in a search box: treat them as spaces rather than refusing.
  const whole = foldText(query.replace(/[\u0000-\u001f\u007f]/g, ' '));
  const words: Word[] = [];
  if (whole !== '') {
    for (const text of new Set(whole.split(' '))) {
      const digits = phoneDigits(text);
      const { source, exact, minLength } = foldedWordSource(text);
      words.push({
        text,
        pattern: new RegExp(source, 'u'),
        exact,
        minLength,
        phonePattern: digits.length >= PHONE_QUERY_MIN_DIGITS ? digitsPattern(digits) : null,
      });
    }
    // Longest words first: they are the most selective, so most customers are ruled out by the first test.
    words.sort((a, b) => b.text.length - a.text.length);
  }
  const allDigits = phoneDigits(whole);
  const phoneQuery = PHONE_LIKE.test(whole) && allDigits.length >= PHONE_QUERY_MIN_DIGITS;
  const phoneTerm = phoneQuery ? allDigits.slice(-PHONE_COMPARE_DIGITS) : null;
  return {
    whole,
    words,
    phoneDigits: phoneTerm,
    phonePattern: phoneTerm === null ? null : digitsPattern(phoneTerm),
  };
}

/**
 * Every word found in some field, or the whole query found as a phone number.
 *
 * Each word is tested with its pattern on the raw fields (foldedWordSource). For a word that is ASCII after
 * folding (nearly all) a hit is exactly "the folded field contains it", so nothing is folded. For any other
 * word (ß, 北京, emoji) the pattern only filters: a field it matches is folded and compared.
 * Loops and tests are written out rather than factored into helpers on purpose (see Row).
 */
function matches(plan: QueryPlan, row: Row): boolean {
  const { name, company, email, phone } = row;
  if (plan.phonePattern?.test(phone)) return true;
  const words = plan.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const pattern = word.pattern;
    if (word.exact) {
      if (pattern.test(name) || pattern.test(company) || pattern.test(email) || pattern.test(phone)) continue;
      if (word.phonePattern?.test(phone)) continue;
      return false;
    }
    if (word.phonePattern?.test(phone)) continue;
    const text = word.text;
    if (pattern.test(name) && row.folded(FIELD_NAME).includes(text)) continue;
    if (pattern.test(company) && row.folded(FIELD_COMPANY).includes(text)) continue;
    if (pattern.test(email) && row.folded(FIELD_EMAIL).includes(text)) continue;
    if (pattern.test(phone) && row.folded(FIELD_PHONE).includes(text)) continue;
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------- ranking

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39); // folded: a-z, 0-9
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

/** How `needle` occurs in `haystack` (both folded): a KIND_* or -1. */
function kindOf(haystack: string, needle: string): number {
  let at = haystack.indexOf(needle);
  if (at < 0) return -1;
  if (at === 0) return haystack.length === needle.length ? KIND_EXACT : KIND_PREFIX;
  while (at >= 0) {
    if (!isWordChar(haystack.charCodeAt(at - 1))) return KIND_WORD_PREFIX;
    at = haystack.indexOf(needle, at + 1);
  }
  return KIND_SUBSTRING;
}

/** Kind of a digit match in a phone: same number (allowing a country code in front) > starts with > inside. */
function phoneDigitsKind(phone: string, term: string): number {
  const digits = phoneDigits(phone);
  if (digits === term || (term.length >= PHONE_COMPARE_DIGITS && digits.endsWith(term))) return KIND_EXACT;
  if (digits.startsWith(term)) return KIND_PREFIX;
  return digits.includes(term) ? KIND_SUBSTRING : -1;
}

/**
 * The best rank `raw` could possibly reach for a needle with these first and last (folded) character codes,
 * judged from the raw field's first and last characters only: folding keeps a printable ASCII character at
 * either end in place, lowercased (see plainFoldedCode; inlined here because it runs for every match).
 * Exact needs both ends to agree, a prefix the first; otherwise a word prefix is the best it can do.
 */
function rankFloor(raw: string, field: number, first: number, last: number): number {
  let head = raw.charCodeAt(0);
  if (head >= 65 && head <= 90) head += 32;
  else if (!(head > 32 && head < 127)) return KIND_EXACT * FIELD_COUNT + field; // unknown (also NaN: empty)
  if (head !== first) return KIND_WORD_PREFIX * FIELD_COUNT + field;
  let tail = raw.charCodeAt(raw.length - 1);
  if (tail >= 65 && tail <= 90) tail += 32;
  else if (!(tail > 32 && tail < 127)) return KIND_EXACT * FIELD_COUNT + field;
  return tail === last ? KIND_EXACT * FIELD_COUNT + field : KIND_PREFIX * FIELD_COUNT + field;
}

/** Lower bound of rank(): the customer cannot rank better than this. */
function customerRankFloor(plan: QueryPlan, row: Row): number {
  const first = plan.whole.charCodeAt(0);
  const last = plan.whole.charCodeAt(plan.whole.length - 1);
  let floor = rankFloor(row.name, FIELD_NAME, first, last);
  if (floor > FIELD_COMPANY) floor = Math.min(floor, rankFloor(row.company, FIELD_COMPANY, first, last));
  if (floor > FIELD_EMAIL) floor = Math.min(floor, rankFloor(row.email, FIELD_EMAIL, first, last));
  if (floor > FIELD_PHONE) floor = Math.min(floor, rankFloor(row.phone, FIELD_PHONE, first, last));
  if (plan.phoneDigits !== null) floor = Math.min(floor, KIND_EXACT * FIELD_COUNT + FIELD_PHONE);
  return floor;
}

/** Best rank of `needle` over the four fields (kind * 4 + field), or Infinity. Folds only fields that could win. */
function bestRank(row: Row, needle: string): number {
  const first = needle.charCodeAt(0);
  const last = needle.charCodeAt(needle.length - 1);
  let best = Infinity;
  for (let field = 0; field < FIELD_COUNT; field++) {
    if (rankFloor(row.raw(field), field, first, last) >= best) continue;
    const kind = kindOf(row.folded(field), needle);
    if (kind >= 0) best = Math.min(best, kind * FIELD_COUNT + field);
  }
  return best;
}

/**
 * Rank of a matched customer, lower is better. The whole query inside one field ranks by kind of match
 * (exact > prefix > word prefix > substring), then by field (name > company > e-mail > phone). A query whose
 * words are spread over several fields ranks after those, by its weakest word.
 */
function rank(plan: QueryPlan, row: Row): number {
  let best = bestRank(row, plan.whole);
  if (plan.phoneDigits !== null) {
    const kind = phoneDigitsKind(row.phone, plan.phoneDigits);
    if (kind >= 0) best = Math.min(best, kind * FIELD_COUNT + FIELD_PHONE);
  }
  if (best !== Infinity) return best;
  let worstKind = KIND_EXACT;
  let bestField = FIELD_PHONE;
  for (const word of plan.words) {
    let wordRank = bestRank(row, word.text);
    if (wordRank === Infinity) wordRank = KIND_SUBSTRING * FIELD_COUNT + FIELD_PHONE; // matched by phone digits
    worstKind = Math.max(worstKind, Math.floor(wordRank / FIELD_COUNT));
    bestField = Math.min(bestField, wordRank % FIELD_COUNT);
  }
  return SPREAD_RANK_BASE + worstKind * FIELD_COUNT + bestField;
}

/**
 * True when the customer's folded name certainly sorts after `foldedName`, judged from the first raw
 * character alone (see plainFoldedCode); false when unsure.
 */
function nameSortsAfter(rawName: string, foldedName: string): boolean {
  const head = plainFoldedCode(rawName.charCodeAt(0));
  if (head === -1) return false;
  return foldedName === '' || head > foldedName.charCodeAt(0);
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

/** The gate of runSearch over the custom fields' cells (searched as Company is: see SearchColumns.extra). */
function gateExtra(
  cells: readonly unknown[],
  columns: readonly number[],
  gate: RegExp,
  gateLength: number,
  text: (cell: unknown) => string,
): boolean {
  for (let i = 0; i < columns.length; i++) {
    const cell = cells[columns[i] as number];
    const value = typeof cell === 'string' ? cell : text(cell);
    if (value.length >= gateLength && gate.test(value)) return true;
  }
  return false;
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
  const { name: nameColumn, company: companyColumn, email: emailColumn, phone: phoneColumn } = columns;
  // The first (longest) word, when it is ASCII: tested on the raw cells before anything else, as most rows fail
  // it. A row passes only if it has that word (or the whole query in its phone digits), as in matches().
  const first = plan.words[0];
  const gate = first?.exact ? first.pattern : null;
  const gatePhone = first?.exact ? first.phonePattern : null;
  // Each character of an ASCII word (each pair a transliteration stands for) needs at least one character of the
  // raw field: shorter fields cannot have it.
  const gateLength = first !== undefined ? first.minLength : 0;
  const wholePhone = plan.phonePattern;
  const extraColumns = columns.extra !== undefined && columns.extra.length > 0 ? columns.extra : undefined;
  const statusPasses = new Map<unknown, boolean>();
  const ownerPasses = new Map<unknown, boolean>();
  let total = 0;
  for (let i = source.first; i < rows.length; i++) {
    const cells = rows[i];
    if (cells === undefined) continue;
    // The filters' verdicts are remembered per cell value: a column holds a handful of distinct values.
    if (status !== null) {
      const cell = cells[columns.status];
      let pass = statusPasses.get(cell);
      if (pass === undefined) {
        pass = source.status(cell) === status;
        statusPasses.set(cell, pass);
      }
      if (!pass) continue;
    }
    if (owner !== null) {
      const cell = cells[columns.owner];
      let pass = ownerPasses.get(cell);
      if (pass === undefined) {
        pass = (typeof cell === 'string' ? cell : text(cell)).trim().toLowerCase() === owner;
        ownerPasses.set(cell, pass);
      }
      if (!pass) continue;
    }
    if (gate !== null) {
      const nameCell = cells[nameColumn];
      const companyCell = cells[companyColumn];
      const emailCell = cells[emailColumn];
      const phoneCell = cells[phoneColumn];
      const name = typeof nameCell === 'string' ? nameCell : text(nameCell);
      const company = typeof companyCell === 'string' ? companyCell : text(companyCell);
      const email = typeof emailCell === 'string' ? emailCell : text(emailCell);
      const phone = typeof phoneCell === 'string' ? phoneCell : text(phoneCell);
      if (
        (name.length < gateLength || !gate.test(name)) &&
        (company.length < gateLength || !gate.test(company)) &&
        (email.length < gateLength || !gate.test(email)) &&
        (phone.length < gateLength || !gate.test(phone)) &&
        (gatePhone === null || !gatePhone.test(phone)) &&
        (wholePhone === null || !wholePhone.test(phone)) &&
        (extraColumns === undefined || !gateExtra(cells, extraColumns, gate, gateLength, text))
      ) {
        continue;
      }
    }
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
