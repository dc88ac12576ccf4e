/**
 * Customer search: name, company, e-mail and phone, case- and accent-insensitive, phone also by digits,
 * best matches first. Every google.script.run call is a fresh execution, so nothing pre-folded survives
 * between searches: this runs over the raw rows and folds only what it must.
 *
 * Speed (50,000 customers, well under 50 ms in Node): an ASCII query word is first tried with a
 * case-insensitive RegExp on the raw field (no allocation); a field is folded only when it contains non-ASCII
 * characters that could hide a match (é → e) or when a matched customer is ranked. Phone digits are matched
 * with a "digits with anything between" RegExp instead of building a digit string per customer. Only the best
 * `limit` matches are kept in order (a bounded insertion), so no full sort of all matches; and once that list
 * is full, a match whose best possible rank (judged from the first and last raw character of each field) cannot
 * beat the last entry is counted but neither folded nor ranked. tests/domain/search.test.ts checks all of this
 * against a naive fold-everything reference.
 */

import type { Customer, FieldErrors } from './customer';
import { compareCustomerIds } from './ids';
import type { Status } from './statuses';
import { foldText, isAscii, phoneDigits, plainFoldedCode } from './text';
import { z } from 'zod';
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

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The fields search reads. Any object with them can be searched (and is returned as given), so the server can
 * search light records built from the raw rows and turn only the results into full customers.
 */
export type SearchableCustomer = Pick<Customer, 'id' | 'name' | 'company' | 'email' | 'phone' | 'status' | 'owner'>;

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

  load(customer: SearchableCustomer): void {
    const { name, company, email, phone } = customer;
    this.name = typeof name === 'string' ? name : asText(name);
    this.company = typeof company === 'string' ? company : asText(company);
    this.email = typeof email === 'string' ? email : asText(email);
    this.phone = typeof phone === 'string' ? phone : asText(phone);
    this.folded0 = this.folded1 = this.folded2 = this.folded3 = undefined;
  }

  raw(field: number): string {
    return field === FIELD_NAME ? this.name : field === FIELD_COMPANY ? this.company : field === FIELD_EMAIL ? this.email : this.phone;
  }

  folded(field: number): string {
    switch (field) {
      case FIELD_NAME:
        return (this.folded0 ??= foldText(this.name));
      case FIELD_COMPANY:
        return (this.folded1 ??= foldText(this.company));
      case FIELD_EMAIL:
        return (this.folded2 ??= foldText(this.email));
      default:
        return (this.folded3 ??= foldText(this.phone));
    }
  }
}

// ---------------------------------------------------------------------------------------------- query plan

interface Word {
  text: string;
  /** Case-insensitive literal RegExp, only for ASCII words (see fieldContains for why that is exact). */
  asciiPattern: RegExp | null;
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Matches `digits` inside a raw phone string with any non-digits in between: "5550102000" finds
 * "(555) 010-2000". Equivalent to phoneDigits(phone).includes(digits) without building a string per customer.
 * No catastrophic backtracking: each \D* is followed by a digit, which \D cannot match.
 */
function digitsPattern(digits: string): RegExp {
  return new RegExp(digits.split('').join('\\D*'));
}

const PHONE_LIKE = /^[0-9 +().\/-]+$/;

function planQuery(query: string): QueryPlan {
  // Control characters are meaningless in a search box: treat them as spaces rather than refusing.
  const whole = foldText(query.replace(/[\u0000-\u001f\u007f]/g, ' '));
  const words: Word[] = [];
  if (whole !== '') {
    for (const text of new Set(whole.split(' '))) {
      const digits = phoneDigits(text);
      const ascii = isAscii(text);
      words.push({
        text,
        asciiPattern: ascii ? new RegExp(escapeRegExp(text), 'i') : null,
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
 * For an ASCII word the case-insensitive RegExp on the raw fields is exact for ASCII text (folding ASCII is
 * only lowercasing and spacing, and words hold no spaces), and a RegExp hit is always a real hit (a
 * non-Unicode /i pattern of ASCII characters only matches ASCII characters, which folding keeps in place).
 * So only a non-ASCII field the RegExp missed (e.g. "José" for "jose") has to be folded.
 * Loops and tests are written out rather than factored into helpers on purpose (see Row).
 */
function matches(plan: QueryPlan, row: Row): boolean {
  const { name, company, email, phone } = row;
  if (plan.phonePattern !== null && plan.phonePattern.test(phone)) return true;
  const words = plan.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const pattern = word.asciiPattern;
    if (pattern !== null && (pattern.test(name) || pattern.test(company) || pattern.test(email) || pattern.test(phone))) {
      continue;
    }
    if (word.phonePattern !== null && word.phonePattern.test(phone)) continue;
    // Fold only fields with non-ASCII characters. An ASCII word was already ruled out in the ASCII fields
    // above; a word with a non-ASCII character cannot be in them either, since folded ASCII stays ASCII.
    const text = word.text;
    if (NON_ASCII.test(name) && row.folded(FIELD_NAME).includes(text)) continue;
    if (NON_ASCII.test(company) && row.folded(FIELD_COMPANY).includes(text)) continue;
    if (NON_ASCII.test(email) && row.folded(FIELD_EMAIL).includes(text)) continue;
    if (NON_ASCII.test(phone) && row.folded(FIELD_PHONE).includes(text)) continue;
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

export interface RankedEntry<T extends SearchableCustomer = Customer> {
  customer: T;
  /** Lower is better. */
  rank: number;
  /** Tie-breaker: folded name, then ID (by number). */
  name: string;
}

function compareEntries<T extends SearchableCustomer>(a: RankedEntry<T>, b: RankedEntry<T>): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return compareCustomerIds(asText(a.customer.id), asText(b.customer.id));
}

/**
 * Keeps the best `capacity` entries in order. Offering n entries costs O(n) comparisons while most are
 * rejected against the current worst, instead of sorting every match.
 */
export class BestEntries<T extends SearchableCustomer = Customer> {
  private readonly entries: RankedEntry<T>[] = [];

  constructor(private readonly capacity: number) {}

  /** The last entry kept, once the list is full (until then anything gets in). */
  worstWhenFull(): RankedEntry<T> | undefined {
    return this.entries.length >= this.capacity ? this.entries[this.entries.length - 1] : undefined;
  }

  /** Would an entry with this rank and name get in? Lets callers skip building it. */
  wouldAccept(rank: number, name: string): boolean {
    const worst = this.worstWhenFull();
    return worst === undefined || rank < worst.rank || (rank === worst.rank && name <= worst.name);
  }

  offer(entry: RankedEntry<T>): void {
    if (this.capacity <= 0) return;
    const list = this.entries;
    const worst = list[list.length - 1];
    if (list.length >= this.capacity && worst !== undefined && compareEntries(entry, worst) >= 0) return;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = list[mid];
      if (probe !== undefined && compareEntries(probe, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, entry);
    if (list.length > this.capacity) list.pop();
  }

  customers(): T[] {
    return this.entries.map((entry) => entry.customer);
  }
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

export function searchCustomers<T extends SearchableCustomer = Customer>(
  customers: readonly T[],
  query: unknown,
  options?: unknown,
): { results: T[]; total: number } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const checkedQuery = parseQuery(query);
  if (!checkedQuery.ok) setFieldError(errors, 'query', checkedQuery.message);
  const parsedOptions = parseOptions(searchOptionsSchema, options);
  if (!parsedOptions.ok) for (const [key, message] of Object.entries(parsedOptions.errors)) setFieldError(errors, key, message);
  if (!checkedQuery.ok || !parsedOptions.ok) return { ok: false, errors };

  const { status, owner, limit } = parsedOptions.value;
  const plan = planQuery(checkedQuery.value);
  const hasWords = plan.words.length > 0;
  const best = new BestEntries<T>(limit);
  const row = new Row();
  let total = 0;
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i];
    if (customer === undefined) continue;
    if (status !== null && customer.status !== status) continue;
    if (owner !== null && asText(customer.owner).trim().toLowerCase() !== owner) continue;
    row.load(customer);
    if (hasWords && !matches(plan, row)) continue;
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
    if (best.wouldAccept(customerRank, name)) best.offer({ customer, rank: customerRank, name });
  }
  return { results: best.customers(), total };
}

/** Status and owner filters shared with listing. `owner` is already lowercase. */
export function passesFilters(customer: Pick<Customer, 'status' | 'owner'>, status: Status | null, owner: string | null): boolean {
  if (status !== null && customer.status !== status) return false;
  return owner === null || asText(customer.owner).trim().toLowerCase() === owner;
}
