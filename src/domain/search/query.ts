/**
 * A search query planned once per call, before any row is read: the folded query, its words with the RegExps that
 * find each in raw text without folding it (foldedWordSource), and the digits a phone-like query is compared on.
 */

import { foldText, foldedWordSource, phoneDigits } from '../text';

/** A query needs this many digits before it is also compared with phone numbers digit by digit. */
export const PHONE_QUERY_MIN_DIGITS = 3;
/** Long phone queries are compared on their last 10 digits, so a country code does not prevent a match. */
export const PHONE_COMPARE_DIGITS = 10;

export interface Word {
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

export interface QueryPlan {
  /** Folded query, single-spaced. */
  whole: string;
  /** The distinct words, longest (most selective) first. */
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

export function planQuery(query: string): QueryPlan {
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
