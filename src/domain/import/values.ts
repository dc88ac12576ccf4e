/**
 * Reading one cell of a pasted old sheet. getValues gives strings, numbers (a phone typed without "+", a value),
 * booleans, Dates, and formula RESULTS (never the formula); a text cell that merely looks like a formula
 * ("=HYPERLINK(…)" typed as text) is just text and stays text. Everything here is tolerant of the ways people
 * write things in spreadsheets, but never guesses: what cannot be read unambiguously is reported.
 */

import { isDate } from '../dates';
import { quote } from '../validation';

/** A value as getValues returns it (or as a test writes it). */
export type ImportCell = string | number | boolean | Date | null | undefined;

/** Turns a date cell into text; the server passes one that uses the spreadsheet's time zone. */
export type DateFormatter = (date: Date) => string;

/**
 * Without a time zone, a date is shown as its UTC calendar day when it is exactly midnight UTC, else as an ISO
 * timestamp. The server replaces this with the spreadsheet's zone, which is what the admin saw in the cell.
 */
export const isoDateText: DateFormatter = (date) => {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
};

/** The text of a cell: numbers as digits ("5550102000"), booleans as TRUE/FALSE, dates via `formatDate`. */
export function cellText(value: unknown, formatDate: DateFormatter = isoDateText): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return formatDate(value);
  return '';
}

/** True for an empty cell or one holding only spaces (a formula that returned "" reads as ""). */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * What getValues returns for a cell whose formula failed: the error's text. An old sheet may hold them (a
 * phone typed as "+1 (555) 010-2000" is a formula to Sheets, and shows #ERROR!; a lookup shows #N/A).
 */
const SPREADSHEET_ERRORS: ReadonlySet<string> = new Set([
  '#ERROR!',
  '#N/A',
  '#REF!',
  '#NAME?',
  '#VALUE!',
  '#DIV/0!',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
]);

/** The error a cell shows ("#REF!"), or null when it holds a value. Such a cell is reported, never imported as text. */
export function spreadsheetError(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return SPREADSHEET_ERRORS.has(text) ? text : null;
}

/**
 * Single-line fields: cells of old sheets often wrap a company or a name over two lines (Alt+Enter) or carry
 * a tab from a paste. Those become one space, so the row imports instead of failing on an invisible character.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * E-mail cells copied from mail clients or HYPERLINK results: "mailto:bob@x.com" and "Bob <bob@x.com>" both
 * give bob@x.com. Anything else is passed on as written, so validation reports it with the admin's own text.
 */
export function tidyEmail(text: string): string {
  const trimmed = text.trim();
  const angled = /^[^<>@]*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(trimmed);
  const inner = angled && angled[1] !== undefined ? angled[1] : trimmed;
  return inner.replace(/^mailto:/i, '').trim();
}

// ------------------------------------------------------------------------------------------ deal values

export type AmountRead = { ok: true; value: number | null } | { ok: false; message: string };

const CURRENCY_SYMBOLS = /[$€£¥₹₩₽¢₺₪]/g;
/** Codes and prefixes written next to amounts ("USD 1,200", "1.200 EUR", "US$ 5", "C$ 40"). */
const CURRENCY_CODES = new Set([
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
const HINT = 'write it like 1200, 1,200.50 or 1.200,50';

/**
 * A deal value cell → a number, or null when blank. Decisions (documented for the admin in the sidebar):
 * - numbers are taken as they are; currency symbols and codes around the amount are dropped, as are spaces and
 *   apostrophes used as thousands separators ("1 200", "1'200");
 * - "1,200" and "1,200.50" are the CRM's own form (comma thousands, dot decimals), as in registerCustomer;
 * - European forms are read when they cannot mean anything else: "1.200,50", "1.200.000", "1200,5";
 * - "1.200" alone is ambiguous (1.2 or 1200?) and is reported, not guessed; so are "12k", ranges and words;
 * - "-1,200" and "(1,200)" (accounting style) are negative, and refused like every negative deal value.
 */
export function readAmount(raw: unknown): AmountRead {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return { ok: true, value: raw };
  if (typeof raw === 'boolean') return { ok: false, message: 'Deal value must be an amount, not a yes/no value.' };
  if (isDate(raw)) return { ok: false, message: `Deal value must be an amount, not a date: ${HINT}.` };
  if (typeof raw !== 'string') return { ok: false, message: `Deal value must be an amount: ${HINT}.` };
  const shown = raw.trim();
  if (shown === '') return { ok: true, value: null };

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
      message: `Deal value ${quote(shown)} is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.`,
    };
  }
  if (n === null) return { ok: false, message: `Deal value ${quote(shown)} is not an amount: ${HINT}.` };
  // Said here with the admin's own text ("(300)"), which validation's message would show as -300.
  if (negative && n !== 0) return { ok: false, message: `Deal value cannot be negative (${quote(shown)}).` };
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
