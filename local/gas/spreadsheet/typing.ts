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
 * Formulas are not evaluated. The value of a formula is: its result when it is only number/boolean/
 * string literals and arithmetic (=1+2*3, =-5, ="x", =TRUE); "#NAME?" when it is only a name
 * (=abc, =-abc); otherwise "#ERROR!" — including real formulas such as =SUM(A1:A3), whose value
 * the stand-in cannot know. Tests must not rely on formula results.
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
    if ((first === '+' || first === '-') && input.length > 1) return formula('=' + input);
    return text(input);
  }
  const t = input.trim();
  const num = parseNumber(t);
  if (num) return num;
  const date = parseDate(t, currentYear);
  if (date) return date;
  if ((first === '+' || first === '-') && input.length > 1) return formula('=' + input);
  return text(input);
}

const NUMBER =
  /^([+-])?(\$)?([+-])?((?:\d{1,3}(?:,\d{3})+)|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?(%)?$/;

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
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
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

function monthFromName(name: string): number {
  const lower = name.toLowerCase();
  const short = MONTH_NAMES.indexOf(lower);
  if (short >= 0) return short + 1;
  const full = FULL_MONTHS.indexOf(lower);
  if (full >= 0) return full + 1;
  if (lower === 'sept') return 9;
  return 0;
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
    return dateTyped(serialFromWallParts(Y, M, D, H, MI, S), s === undefined ? 'yyyy-mm-dd H:mm' : 'yyyy-mm-dd H:mm:ss');
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
 * Value of a formula made only of literals and arithmetic; '#NAME?' for a lone name;
 * '#ERROR!' for a parse error or anything the stand-in cannot evaluate (references, functions).
 */
export function evaluateTrivialFormula(f: string): CellValue {
  const src = f.slice(1);
  if (/^\s*[+-]*\s*[A-Za-z_][A-Za-z0-9_.]*\s*$/.test(src)) {
    const name = src.replace(/[\s+-]/g, '');
    if (/^true$/i.test(name) && !/-/.test(src)) return true;
    if (/^false$/i.test(name) && !/-/.test(src)) return false;
    if (/^[A-Za-z]{1,3}\d+$/.test(name)) return '#ERROR!'; // a cell reference: not evaluated
    return '#NAME?';
  }
  const parser = new Arithmetic(src);
  const result = parser.parse();
  return result === null ? '#ERROR!' : result;
}

/** Recursive-descent evaluator for + - * / ^, parentheses, number, string and boolean literals. */
class Arithmetic {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): CellValue | null {
    const v = this.expr();
    this.ws();
    if (v === null || this.i !== this.s.length) return null;
    if (typeof v === 'number' && !Number.isFinite(v)) return '#DIV/0!';
    return v;
  }

  private ws(): void {
    while (this.s.charAt(this.i) === ' ') this.i++;
  }

  private expr(): CellValue | null {
    let left = this.term();
    for (;;) {
      this.ws();
      const op = this.s.charAt(this.i);
      if (op !== '+' && op !== '-') return left;
      this.i++;
      const right = this.term();
      if (left === null || right === null) return null;
      const a = toNumber(left);
      const b = toNumber(right);
      if (a === null || b === null) return '#VALUE!';
      left = op === '+' ? a + b : a - b;
    }
  }

  private term(): CellValue | null {
    let left = this.power();
    for (;;) {
      this.ws();
      const op = this.s.charAt(this.i);
      if (op !== '*' && op !== '/') return left;
      this.i++;
      const right = this.power();
      if (left === null || right === null) return null;
      const a = toNumber(left);
      const b = toNumber(right);
      if (a === null || b === null) return '#VALUE!';
      left = op === '*' ? a * b : a / b;
    }
  }

  private power(): CellValue | null {
    const base = this.unary();
    this.ws();
    if (this.s.charAt(this.i) !== '^') return base;
    this.i++;
    const exp = this.power();
    if (base === null || exp === null) return null;
    const a = toNumber(base);
    const b = toNumber(exp);
    return a === null || b === null ? '#VALUE!' : Math.pow(a, b);
  }

  private unary(): CellValue | null {
    this.ws();
    const c = this.s.charAt(this.i);
    if (c === '+' || c === '-') {
      this.i++;
      const v = this.unary();
      if (v === null) return null;
      const n = toNumber(v);
      if (n === null) return '#VALUE!';
      return c === '-' ? -n : n;
    }
    return this.atom();
  }

  private atom(): CellValue | null {
    this.ws();
    const rest = this.s.slice(this.i);
    if (rest.startsWith('(')) {
      this.i++;
      const v = this.expr();
      this.ws();
      if (this.s.charAt(this.i) !== ')') return null;
      this.i++;
      return v;
    }
    if (rest.startsWith('"')) {
      let j = this.i + 1;
      let out = '';
      for (;;) {
        if (j >= this.s.length) return null;
        const ch = this.s.charAt(j);
        if (ch === '"') {
          if (this.s.charAt(j + 1) === '"') {
            out += '"';
            j += 2;
            continue;
          }
          break;
        }
        out += ch;
        j++;
      }
      this.i = j + 1;
      return out;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      const raw = num[0];
      return raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw);
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(rest);
    if (bool) {
      this.i += bool[0].length;
      return bool[0].toUpperCase() === 'TRUE';
    }
    return null;
  }
}

function toNumber(v: CellValue): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v.startsWith('#')) return null;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : null;
}
