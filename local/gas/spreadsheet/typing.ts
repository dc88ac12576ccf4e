/**
 * What Sheets makes of a string written by setValue/setValues/appendRow: the same as if a user typed
 * it (en_US locale). Result: a stored value, maybe a formula, maybe an automatic number format.
 *
 *   "'text"            → text "text" (apostrophe dropped, getFormula "")
 *   "=..."             → formula; value from the tiny evaluator below
 *   "12", "+12", "-3.5", "1,234.5", ".5", "1e3", "0012" → numbers (0012 → 12)
 *   "12%", "12.5%"     → 0.12 / 0.125, format "0%" / "0.00%"
 *   "$1,234.50", "-$5" → 1234.5 / -5, format "$#,##0.00"
 *   "TRUE", "false"    → booleans
 *   "2024-01-31", "2024/1/31", "2024-01-31 13:45[:20]"  → dates, format "yyyy-mm-dd[ H:mm[:ss]]"
 *   "1/31/2024", "1/31/24", "1/31" (this year), "1/31/2024 13:45" → dates, format "M/d/yyyy[ H:mm[:ss]]"
 *   "Jan 31, 2024", "31 Jan 2024" → dates, format "mmm d, yyyy" / "d mmm yyyy"
 *   "13:45", "1:45 PM", "13:45:20" → times (serial fraction), format "H:mm" / "h:mm AM/PM" / "H:mm:ss"
 *   "+44 20 7946 0000", "-abc", "- note" → a leading + or - that is not a number starts a formula:
 *       formula "=+44 20 7946 0000" with value "#ERROR!" (formula parse error), "=-abc" → "#NAME?".
 *       (An emulator whose author measured live Sheets reports "+57 301 ..." → #ERROR!; Sheets shows
 *       the typed text in the formula bar prefixed with "=".)
 *   anything else      → the string unchanged: ISO strings with "T"/"Z" (toISOString()), "@name",
 *                        "555-0102", "12,34", impossible dates like "2024-02-30" stay text.
 * Cells formatted as plain text ("@") keep strings as text, except that a leading apostrophe is still
 * dropped and "=..." still becomes a formula (reported as measured by that same emulator's author).
 *
 * Formulas are not evaluated (evaluateTrivialFormula gives the few values the stand-in can know). Reading typed
 * text is what `numfmt`'s parseValue does; until it is a devDependency, the en_US rules above are kept here.
 */
import type { CellValue } from './model';
import { serialFromWallParts } from './timezone';

export interface Typed {
  value: CellValue;
  formula: string | null;
  /** Number format the cell takes if its current one does not already fit (see `applies`). */
  format: string | null;
  formatKind: 'date' | 'percent' | 'currency' | null;
}

const TEXT: Typed = { value: '', formula: null, format: null, formatKind: null };

function text(value: string): Typed {
  return { value, formula: null, format: null, formatKind: null };
}

export function typeString(input: string, plainTextCell: boolean, currentYear: () => number): Typed {
  if (input === '') return TEXT;
  const first = input.charAt(0);
  if (first === "'") return text(input.slice(1));
  if (first === '=' && input.length > 1) return formula(input);
  if (plainTextCell) return text(input);
  // Fast path: no digit, no leading sign → only booleans can change it.
  if (!/\d/.test(input)) {
    const t = input.trim();
    if (/^true$/i.test(t)) return { value: true, formula: null, format: null, formatKind: null };
    if (/^false$/i.test(t)) return { value: false, formula: null, format: null, formatKind: null };
    if ((first === '+' || first === '-') && input.length > 1) return formula(`=${input}`);
    return text(input);
  }
  const t = input.trim();
  const num = parseNumber(t);
  if (num) return num;
  const date = parseDate(t, currentYear);
  if (date) return date;
  if ((first === '+' || first === '-') && input.length > 1) return formula(`=${input}`);
  return text(input);
}

const NUMBER = /^([+-])?(\$)?([+-])?((?:\d{1,3}(?:,\d{3})+)|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?(%)?$/;

function parseNumber(t: string): Typed | null {
  const m = NUMBER.exec(t);
  if (!m) return null;
  const [, sign1, dollar, sign2, intPart = '', fracPart, exp, pct] = m;
  if (sign1 && sign2) return null;
  if (!dollar && sign2) return null;
  if (intPart === '' && (fracPart === undefined || fracPart === '')) return null;
  if (dollar && (pct || exp)) return null;
  const sign = (sign1 ?? sign2) === '-' ? -1 : 1;
  let n = Number(`${intPart.replace(/,/g, '') || '0'}.${fracPart ?? ''}${exp ? `e${exp}` : ''}`);
  if (!Number.isFinite(n)) return null;
  n *= sign;
  if (pct) {
    const decimals = (fracPart ?? '').length;
    return {
      value: Number((n / 100).toPrecision(15)),
      formula: null,
      format: decimals > 0 ? '0.00%' : '0%',
      formatKind: 'percent',
    };
  }
  if (dollar) return { value: n, formula: null, format: '$#,##0.00', formatKind: 'currency' };
  return { value: n === 0 ? 0 : n, formula: null, format: null, formatKind: null };
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_FIRST = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1-12 for a month's name or its first three letters ("Sept" too); 0 otherwise. */
function monthFromName(name: string): number {
  const lower = name.toLowerCase();
  return lower === 'sept' ? 9 : MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower) + 1;
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

function validTime(h: number, mi: number, s: number): boolean {
  return h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60;
}

function dateTyped(serial: number, format: string): Typed {
  return { value: serial, formula: null, format, formatKind: 'date' };
}

function to24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase().startsWith('p');
  if (h < 1 || h > 12) return -1;
  return (h % 12) + (pm ? 12 : 0);
}

function parseDate(t: string, currentYear: () => number): Typed | null {
  let m = ISO.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s] = m;
    const Y = Number(y);
    const M = Number(mo);
    const D = Number(d);
    if (!validDate(Y, M, D)) return null;
    if (h === undefined) return dateTyped(serialFromWallParts(Y, M, D), 'yyyy-mm-dd');
    const H = Number(h);
    const MI = Number(mi);
    const S = Number(s ?? 0);
    if (!validTime(H, MI, S)) return null;
    return dateTyped(
      serialFromWallParts(Y, M, D, H, MI, S),
      s === undefined ? 'yyyy-mm-dd H:mm' : 'yyyy-mm-dd H:mm:ss',
    );
  }
  m = US.exec(t);
  if (m) {
    const [, mo, d, y, h, mi, s, ampm] = m;
    let Y = y === undefined ? currentYear() : Number(y);
    if (y !== undefined && y.length === 2) Y += Y < 30 ? 2000 : 1900;
    const M = Number(mo);
    const D = Number(d);
    if (!validDate(Y, M, D)) return null;
    const dateFormat = y === undefined ? 'M/d' : 'M/d/yyyy';
    if (h === undefined) return dateTyped(serialFromWallParts(Y, M, D), dateFormat);
    const H = to24(Number(h), ampm);
    const MI = Number(mi);
    const S = Number(s ?? 0);
    if (!validTime(H, MI, S)) return null;
    const timeFormat = ampm ? (s === undefined ? 'h:mm AM/PM' : 'h:mm:ss AM/PM') : s === undefined ? 'H:mm' : 'H:mm:ss';
    return dateTyped(serialFromWallParts(Y, M, D, H, MI, S), `${dateFormat} ${timeFormat}`);
  }
  m = TIME.exec(t);
  if (m) {
    const [, h, mi, s, ampm] = m;
    const H = to24(Number(h), ampm);
    const MI = Number(mi);
    const S = Number(s ?? 0);
    if (!validTime(H, MI, S)) return null;
    const format = ampm ? (s === undefined ? 'h:mm AM/PM' : 'h:mm:ss AM/PM') : s === undefined ? 'H:mm' : 'H:mm:ss';
    return dateTyped((H * 3600 + MI * 60 + S) / 86_400, format);
  }
  m = MONTH_FIRST.exec(t);
  if (m) {
    const M = monthFromName(m[1] ?? '');
    const D = Number(m[2]);
    const Y = Number(m[3]);
    if (M && validDate(Y, M, D)) return dateTyped(serialFromWallParts(Y, M, D), 'mmm d, yyyy');
    return null;
  }
  m = DAY_FIRST.exec(t);
  if (m) {
    const D = Number(m[1]);
    const M = monthFromName(m[2] ?? '');
    const Y = Number(m[3]);
    if (M && validDate(Y, M, D)) return dateTyped(serialFromWallParts(Y, M, D), 'd mmm yyyy');
    return null;
  }
  return null;
}

function formula(f: string): Typed {
  return { value: evaluateTrivialFormula(f), formula: f, format: null, formatKind: null };
}

/**
 * Value of a formula: its result when it is only number literals and arithmetic (=1+2*3, =-5, =(1+2)/4, =5%) or one
 * string literal (="x"); TRUE/FALSE for =TRUE/=FALSE; '#NAME?' for a lone name (=abc, =-abc); '#DIV/0!' for a
 * division by zero; otherwise '#ERROR!': a parse error (=+44 20 7946 0000) or a formula the stand-in cannot
 * evaluate (references, functions). Tests must not rely on formula results.
 */
export function evaluateTrivialFormula(f: string): CellValue {
  const src = f.slice(1).trim();
  const literal = /^"((?:[^"]|"")*)"$/.exec(src);
  if (literal) return (literal[1] ?? '').replace(/""/g, '"');
  if (/^[+-]*\s*[A-Za-z_][A-Za-z0-9_.]*$/.test(src)) {
    const name = src.replace(/[\s+-]/g, '');
    if (/^(true|false)$/i.test(name) && !src.includes('-')) return name.toUpperCase() === 'TRUE';
    return /^[A-Za-z]{1,3}\d+$/.test(name) ? '#ERROR!' : '#NAME?'; // a cell reference is not evaluated
  }
  // Numbers (12, 1.5, .5, 1e3, 5%), + - * / ^ and parentheses become a JavaScript expression; nothing else can.
  let expression = '';
  let consumed = 0;
  for (const [token, number] of src.matchAll(/\s*(?:((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?)|[-+*/^()])/gy)) {
    consumed += token.length;
    expression += number
      ? `(${Number(number.replace('%', ''))}${number.endsWith('%') ? '/100' : ''})`
      : token.trim().replace('^', '**');
  }
  if (consumed !== src.length) return '#ERROR!';
  try {
    const value: unknown = new Function(`"use strict"; return (${expression});`)();
    if (typeof value !== 'number') return '#ERROR!';
    return Number.isFinite(value) ? value : '#DIV/0!';
  } catch {
    return '#ERROR!';
  }
}
