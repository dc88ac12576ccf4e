/**
 * The one amount parser of the CRM: a deal value typed in the sidebar, sent to registerCustomer/updateCustomer, or
 * read from a cell of an old sheet by the import goes through parseAmount, so "$15,000" means the same everywhere;
 * so does a custom Number field's text (with `negatives`: a margin or a temperature may be below zero).
 *
 * Decisions (the sidebar's hint and the README say the same):
 * - numbers are taken as they are; currency symbols and codes around the amount are dropped ("$15,000",
 *   "USD 1,200", "1.200 EUR"), as are spaces and apostrophes used as thousands separators ("1 200", "1'200");
 * - "1,200" and "1,200.50" are the CRM's own form (comma thousands, dot decimals);
 * - European forms are read when they cannot mean anything else: "15.000,50 €", "1.200.000", "1200,5";
 * - "1.200" alone is ambiguous (1.2 or 1200?) and is refused, not guessed; so are "12k", ranges, words and "1e3";
 * - "-1,200" and "(1,200)" (accounting style) are negative, and refused like every negative deal value; read as
 *   negative numbers with `negatives` (a custom Number field).
 */

import { isDate } from './dates';
import { quote } from './validation';

export type AmountRead = { ok: true; value: number | null } | { ok: false; message: string };

/** How to write an amount, quoted in every "not an amount" message. */
export const AMOUNT_HINT = 'write it like 1200, $1,200.50 or 1.200,50 €';
/** How to write a signed number (a custom Number field), quoted in every "not a number" message. */
export const SIGNED_NUMBER_HINT = 'write it like 1200, -3.5, 1,200.50 or 1.200,50';

export interface AmountOptions {
  /** The field the messages name (default "Deal value"). */
  label?: string;
  /**
   * Read a signed number (a custom Number field): "-3.5" and "(300)" are negative values instead of refused, and the
   * messages ask for "a number" instead of "an amount". Everything else is read exactly as a deal value is.
   */
  negatives?: boolean;
}

const CURRENCY_SYMBOLS = /[$€£¥₹₩₽¢₺₪]/g;
/** Codes and prefixes written next to amounts ("USD 1,200", "1.200 EUR", "US$ 5", "C$ 40"). */
const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'usd',
  'eur',
  'gbp',
  'chf',
  'cad',
  'aud',
  'nzd',
  'jpy',
  'cny',
  'inr',
  'sek',
  'nok',
  'dkk',
  'pln',
  'czk',
  'huf',
  'zar',
  'brl',
  'mxn',
  'sgd',
  'hkd',
  'us',
  'c',
  'a',
  'nz',
  'hk',
  's',
  'r',
  'kr',
  'zl',
  'zł',
  'fr',
]);

/**
 * An amount → a number (≥ 0 when written as text, unless `negatives`), or null when blank; `{ ok: false, message }`
 * naming the field (Deal value unless `label`) and the text as written otherwise. A number is passed on as it is:
 * the caller checks its range.
 */
export function parseAmount(raw: unknown, options: AmountOptions = {}): AmountRead {
  const label = options.label ?? 'Deal value';
  const negatives = options.negatives === true;
  const noun = negatives ? 'a number' : 'an amount';
  const hint = negatives ? SIGNED_NUMBER_HINT : AMOUNT_HINT;
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return { ok: true, value: raw };
  if (typeof raw === 'boolean') return { ok: false, message: `${label} must be ${noun}, not a yes/no value.` };
  if (isDate(raw)) return { ok: false, message: `${label} must be ${noun}, not a date: ${hint}.` };
  if (typeof raw !== 'string') return { ok: false, message: `${label} must be ${noun}: ${hint}.` };
  const shown = raw.trim();
  if (shown === '') return { ok: true, value: null };
  const notOne = `${label} ${quote(shown)} is not ${noun}: ${hint}.`;
  // Longer than any amount: refused before the RegExps run over it.
  if (shown.length > 60) return { ok: false, message: notOne };

  let text = shown.replace(/[\s\u00a0\u202f'’]+/g, '').replace(CURRENCY_SYMBOLS, '');
  let negative = false;
  const parens = /^\((.*)\)$/.exec(text);
  if (parens && parens[1] !== undefined) {
    negative = true;
    text = parens[1];
  }
  text = stripCurrencyCode(text);
  if (text.startsWith('-')) {
    negative = !negative;
    text = stripCurrencyCode(text.slice(1));
  }

  const n = readUnsigned(text);
  if (n === 'ambiguous') {
    return {
      ok: false,
      message: `${label} ${quote(shown)} is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.`,
    };
  }
  if (n === null) return { ok: false, message: notOne };
  if (negative && negatives) return { ok: true, value: n === 0 ? 0 : -n };
  // Said here with the text as written ("(300)"), which a check of the number would show as -300.
  if (negative && n !== 0) return { ok: false, message: `${label} cannot be negative (${quote(shown)}).` };
  return { ok: true, value: n };
}

function stripCurrencyCode(text: string): string {
  const lead = /^([a-zł]{1,3})(?=[\d.,(-])/i.exec(text);
  if (lead && lead[1] !== undefined && CURRENCY_CODES.has(lead[1].toLowerCase())) text = text.slice(lead[1].length);
  const trail = /(?<=[\d.,)])([a-zł]{1,3})$/i.exec(text);
  if (trail && trail[1] !== undefined && CURRENCY_CODES.has(trail[1].toLowerCase())) {
    text = text.slice(0, text.length - trail[1].length);
  }
  return text;
}

function readUnsigned(text: string): number | null | 'ambiguous' {
  if (/^\d+$/.test(text)) return Number(text);
  // One dot and exactly three digits after a 1–3 digit integer part: thousands or decimals, nobody can tell.
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(text)) return 'ambiguous';
  if (/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d{1,2}$/.test(text)) return Number(text.replace(',', '.'));
  return null;
}
