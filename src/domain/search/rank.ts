/**
 * Whether a loaded row matches a planned query, and how well (its rank, lower is better), with the cheap lower
 * bounds that let search skip ranking a row that cannot make the results. Loops and tests are written out rather
 * than factored into helpers on purpose (see Row).
 */

import { phoneDigits, plainFoldedCode } from '../text';
import {
  FIELD_COMPANY,
  FIELD_COUNT,
  FIELD_CUSTOM,
  FIELD_EMAIL,
  FIELD_NAME,
  FIELD_PHONE,
  KIND_EXACT,
  KIND_PREFIX,
  KIND_SUBSTRING,
  KIND_WORD_PREFIX,
  type Row,
  SPREAD_RANK_BASE,
} from './fields';
import { PHONE_COMPARE_DIGITS, type QueryPlan, type Word } from './query';

/** True when some custom value of the row has the word (see matches for `exact`). */
function customHas(row: Row, word: Word): boolean {
  const { pattern, exact, text } = word;
  for (let i = 0; i < row.customCount; i++) {
    if (pattern.test(row.custom[i] as string) && (exact || row.foldedCustomValue(i).includes(text))) return true;
  }
  return false;
}

/**
 * Every word found in some field, or the whole query found as a phone number.
 *
 * Each word is tested with its pattern on the raw fields (foldedWordSource). For a word that is ASCII after
 * folding (nearly all) a hit is exactly "the folded field contains it", so nothing is folded. For any other
 * word (ß, 北京, emoji) the pattern only filters: a field it matches is folded and compared.
 */
export function matches(plan: QueryPlan, row: Row): boolean {
  const { name, company, email, phone } = row;
  if (plan.phonePattern?.test(phone)) return true;
  const words = plan.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const pattern = word.pattern;
    if (word.exact) {
      if (pattern.test(name) || pattern.test(company) || pattern.test(email) || pattern.test(phone)) continue;
      if (word.phonePattern?.test(phone)) continue;
      if (row.customCount > 0 && customHas(row, word)) continue;
      return false;
    }
    if (word.phonePattern?.test(phone)) continue;
    const text = word.text;
    if (pattern.test(name) && row.folded(FIELD_NAME).includes(text)) continue;
    if (pattern.test(company) && row.folded(FIELD_COMPANY).includes(text)) continue;
    if (pattern.test(email) && row.folded(FIELD_EMAIL).includes(text)) continue;
    if (pattern.test(phone) && row.folded(FIELD_PHONE).includes(text)) continue;
    if (row.customCount > 0 && customHas(row, word)) continue;
    return false;
  }
  return true;
}

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
export function customerRankFloor(plan: QueryPlan, row: Row): number {
  const first = plan.whole.charCodeAt(0);
  const last = plan.whole.charCodeAt(plan.whole.length - 1);
  let floor = rankFloor(row.name, FIELD_NAME, first, last);
  if (floor > FIELD_COMPANY) floor = Math.min(floor, rankFloor(row.company, FIELD_COMPANY, first, last));
  if (floor > FIELD_EMAIL) floor = Math.min(floor, rankFloor(row.email, FIELD_EMAIL, first, last));
  if (floor > FIELD_PHONE) floor = Math.min(floor, rankFloor(row.phone, FIELD_PHONE, first, last));
  for (let i = 0; i < row.customCount && floor > FIELD_CUSTOM; i++) {
    floor = Math.min(floor, rankFloor(row.custom[i] as string, FIELD_CUSTOM, first, last));
  }
  if (plan.phoneDigits !== null) floor = Math.min(floor, KIND_EXACT * FIELD_COUNT + FIELD_PHONE);
  return floor;
}

/** Best rank of `needle` over the fields (kind * FIELD_COUNT + field), or Infinity. Folds only fields that could win. */
function bestRank(row: Row, needle: string): number {
  const first = needle.charCodeAt(0);
  const last = needle.charCodeAt(needle.length - 1);
  let best = Infinity;
  for (let field = 0; field < FIELD_CUSTOM; field++) {
    if (rankFloor(row.raw(field), field, first, last) >= best) continue;
    const kind = kindOf(row.folded(field), needle);
    if (kind >= 0) best = Math.min(best, kind * FIELD_COUNT + field);
  }
  for (let i = 0; i < row.customCount; i++) {
    if (rankFloor(row.custom[i] as string, FIELD_CUSTOM, first, last) >= best) continue;
    const kind = kindOf(row.foldedCustomValue(i), needle);
    if (kind >= 0) best = Math.min(best, kind * FIELD_COUNT + FIELD_CUSTOM);
  }
  return best;
}

/**
 * Rank of a matched customer, lower is better. The whole query inside one field ranks by kind of match
 * (exact > prefix > word prefix > substring), then by field (name > company > e-mail > phone > custom fields). A
 * query whose words are spread over several fields ranks after those, by its weakest word.
 */
export function rank(plan: QueryPlan, row: Row): number {
  let best = bestRank(row, plan.whole);
  if (plan.phoneDigits !== null) {
    const kind = phoneDigitsKind(row.phone, plan.phoneDigits);
    if (kind >= 0) best = Math.min(best, kind * FIELD_COUNT + FIELD_PHONE);
  }
  if (best !== Infinity) return best;
  let worstKind = KIND_EXACT;
  let bestField = FIELD_CUSTOM;
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
export function nameSortsAfter(rawName: string, foldedName: string): boolean {
  const head = plainFoldedCode(rawName.charCodeAt(0));
  if (head === -1) return false;
  return foldedName === '' || head > foldedName.charCodeAt(0);
}
