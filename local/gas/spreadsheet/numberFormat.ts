/**
 * Number formats: which formats are dates (cells holding numbers under them read back as Dates),
 * and display text (getDisplayValues) of a value under a format, en_US style.
 *
 * Supported: "@" (plain text), "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", "$#,##0.00",
 * "#,##0.00 [$€]", quoted literals, backslash escapes, [Red]-style colours (ignored), up to two
 * sections "pos;neg" (a zero section and a text section are read but the text one is ignored),
 * exponent "0.00E+00"; date/time tokens yyyy yy m mm mmm mmmm d dd ddd dddd h hh H HH m mm (minutes
 * after h / before s) s ss .000 am/pm a/p, and [h] elapsed hours.
 * No format (or Sheets' general "0.###############") displays like Sheets' automatic format:
 * integers as is, otherwise up to 15 significant digits and at most 10 decimals, exponent from 1e15.
 */
import type { CellValue } from './model';
import { wallMsFromSerial } from './timezone';

/** What Apps Script's getNumberFormat() returns for a cell never formatted. */
export const GENERAL_FORMAT = '0.###############';
/** Format Sheets gives a cell when a script writes a Date object into it. */
export const DATE_OBJECT_FORMAT = 'M/d/yyyy H:mm:ss';

type Token =
  | { t: 'lit'; v: string }
  | { t: 'num'; v: string }
  | { t: 'pct' }
  | { t: 'exp'; sign: string; digits: number }
  | { t: 'date'; v: string }
  | { t: 'ampm'; v: string }
  | { t: 'elapsed'; v: string }
  | { t: 'frac'; digits: number }
  | { t: 'text' };

interface Section {
  tokens: Token[];
  isDate: boolean;
}

interface ParsedFormat {
  sections: Section[];
  isDate: boolean;
  isText: boolean;
  isGeneral: boolean;
}

const cache = new Map<string, ParsedFormat>();

function parse(format: string): ParsedFormat {
  const hit = cache.get(format);
  if (hit) return hit;
  const sections: Section[] = [];
  let tokens: Token[] = [];
  let isDate = false;
  const f = format;
  let i = 0;
  const push = (tok: Token): void => {
    tokens.push(tok);
  };
  while (i < f.length) {
    const ch = f.charAt(i);
    const lower = ch.toLowerCase();
    if (ch === ';') {
      sections.push({ tokens, isDate });
      tokens = [];
      isDate = false;
      i++;
    } else if (ch === '"') {
      const end = f.indexOf('"', i + 1);
      const stop = end < 0 ? f.length : end;
      push({ t: 'lit', v: f.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      push({ t: 'lit', v: f.charAt(i + 1) });
      i += 2;
    } else if (ch === '_') {
      push({ t: 'lit', v: ' ' });
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (ch === '[') {
      const end = f.indexOf(']', i + 1);
      const stop = end < 0 ? f.length : end;
      const inner = f.slice(i + 1, stop);
      if (inner.startsWith('$')) {
        const dash = inner.indexOf('-');
        push({ t: 'lit', v: dash >= 0 ? inner.slice(1, dash) : inner.slice(1) });
      } else if (/^(h+|m+|s+)$/i.test(inner)) {
        push({ t: 'elapsed', v: inner.toLowerCase() });
        isDate = true;
      }
      // colours and conditions ([Red], [>100]) are ignored
      i = stop + 1;
    } else if ('0#?,.'.includes(ch)) {
      if (ch === '.' && isDate && f.charAt(i + 1) === '0') {
        let n = 0;
        while (f.charAt(i + 1 + n) === '0') n++;
        push({ t: 'frac', digits: n });
        i += 1 + n;
      } else {
        push({ t: 'num', v: ch });
        i++;
      }
    } else if (ch === '%') {
      push({ t: 'pct' });
      i++;
    } else if ((ch === 'E' || ch === 'e') && (f.charAt(i + 1) === '+' || f.charAt(i + 1) === '-') && !isDate) {
      const sign = f.charAt(i + 1);
      let n = 0;
      while (f.charAt(i + 2 + n) === '0') n++;
      push({ t: 'exp', sign, digits: Math.max(1, n) });
      i += 2 + n;
    } else if (ch === '@') {
      push({ t: 'text' });
      i++;
    } else if (f.slice(i, i + 5).toLowerCase() === 'am/pm') {
      push({ t: 'ampm', v: f.slice(i, i + 5) });
      isDate = true;
      i += 5;
    } else if (f.slice(i, i + 3).toLowerCase() === 'a/p') {
      push({ t: 'ampm', v: f.slice(i, i + 3) });
      isDate = true;
      i += 3;
    } else if ('ymdhs'.includes(lower)) {
      let n = 1;
      while (f.charAt(i + n).toLowerCase() === lower) n++;
      push({ t: 'date', v: lower.repeat(n) });
      isDate = true;
      i += n;
    } else {
      push({ t: 'lit', v: ch });
      i++;
    }
  }
  sections.push({ tokens, isDate });
  const first = sections[0] as Section;
  const parsed: ParsedFormat = {
    sections,
    isDate: first.isDate,
    isText: first.tokens.length === 1 && first.tokens[0]?.t === 'text',
    isGeneral: format === '' || format === GENERAL_FORMAT || format.toLowerCase() === 'general',
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(format, parsed);
  return parsed;
}

/** True for formats under which a number reads back as a Date (dates, times, durations). */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && format !== '' && parse(format).isDate;
}

/** True for the plain-text format "@", under which typed strings stay text. */
export function isTextFormat(format: string | undefined): boolean {
  return format !== undefined && format !== '' && parse(format).isText;
}

/** Display text of a stored cell value under a number format (undefined = never formatted). */
export function displayValue(value: CellValue, format: string | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (format === undefined || format === '') return automaticNumber(value);
  const parsed = parse(format);
  if (parsed.isGeneral || parsed.isText) return automaticNumber(value);
  if (parsed.isDate) return formatDate(value, (parsed.sections[0] as Section).tokens);
  let section = parsed.sections[0] as Section;
  let n = value;
  let explicitNegative = false;
  if (value < 0 && parsed.sections.length > 1) {
    section = parsed.sections[1] as Section;
    n = -value;
    explicitNegative = true;
  } else if (value === 0 && parsed.sections.length > 2) {
    section = parsed.sections[2] as Section;
  }
  if (section.isDate) return formatDate(n, section.tokens);
  return formatNumber(n, section.tokens, explicitNegative);
}

/** Sheets' automatic display of a number. */
export function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : n < 0 ? '-#NUM!' : '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) return exponential(n, 5);
  const precise = Number(n.toPrecision(15));
  const rounded = roundTo(precise, 10);
  const s = String(rounded);
  return s.includes('e') ? exponential(n, 5) : s;
}

function exponential(n: number, maxDigits: number): string {
  const [mantissa = '0', exp = '0'] = n.toExponential(maxDigits).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  const e = Number(exp);
  return `${trimmed}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Decimal rounding, half away from zero, without binary artefacts (1.005 → 1.01). */
export function roundTo(n: number, decimals: number): number {
  const sign = n < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(n)}e${decimals}`);
  if (!Number.isFinite(shifted)) return n;
  return (sign * Number(`${Math.round(shifted)}e-${decimals}`)) || 0;
}

function formatNumber(value: number, tokens: Token[], explicitNegative: boolean): string {
  let n = value;
  let scale = 0;
  const intPattern: string[] = [];
  const fracPattern: string[] = [];
  let seenDot = false;
  let seenDigit = false;
  let exp: { sign: string; digits: number } | null = null;
  let prefix = '';
  let suffix = '';
  let trailingCommas = 0;
  let grouping = false;
  for (const tok of tokens) {
    if (tok.t === 'num') {
      if (tok.v === '.') {
        if (!seenDot) seenDot = true;
        else suffix += '.';
        continue;
      }
      if (tok.v === ',') {
        if (seenDot) continue;
        trailingCommas++;
        continue;
      }
      if (trailingCommas > 0 && !seenDot) {
        grouping = true;
        trailingCommas = 0;
      }
      seenDigit = true;
      (seenDot ? fracPattern : intPattern).push(tok.v);
    } else if (tok.t === 'pct') {
      scale += 2;
      if (seenDigit) suffix += '%';
      else prefix += '%';
    } else if (tok.t === 'exp') {
      exp = { sign: tok.sign, digits: tok.digits };
    } else if (tok.t === 'lit' || tok.t === 'text') {
      const text = tok.t === 'lit' ? tok.v : '';
      if (seenDigit) suffix += text;
      else prefix += text;
    }
  }
  if (!seenDigit) {
    // A format with no digit placeholder shows its literal text only.
    return (value < 0 && !explicitNegative ? '-' : '') + prefix + suffix;
  }
  // Trailing commas after the last digit placeholder divide by 1000 each.
  n = n * Math.pow(10, scale) / Math.pow(1000, trailingCommas);
  const minInt = intPattern.filter((c) => c === '0').length;
  const minFrac = fracPattern.filter((c) => c === '0').length;
  const maxFrac = fracPattern.length;
  let body: string;
  if (exp) {
    const abs = Math.abs(n);
    let e = abs === 0 ? 0 : Math.floor(Math.log10(abs));
    let mant = abs === 0 ? 0 : abs / Math.pow(10, e);
    mant = roundTo(mant, maxFrac);
    if (mant >= 10) {
      mant /= 10;
      e += 1;
    }
    body = digits(mant, Math.max(1, minInt), minFrac, maxFrac, false);
    const es = String(Math.abs(e)).padStart(exp.digits, '0');
    body += `E${e < 0 ? '-' : exp.sign === '+' ? '+' : ''}${es}`;
  } else {
    body = digits(Math.abs(n), minInt, minFrac, maxFrac, grouping);
  }
  const isNegative = n < 0 && !explicitNegative && Number(body.replace(/[^0-9.]/g, '')) !== 0;
  return (isNegative ? '-' : '') + prefix + body + suffix;
}

function digits(abs: number, minInt: number, minFrac: number, maxFrac: number, grouping: boolean): string {
  const rounded = roundTo(abs, maxFrac);
  const fixed = rounded.toFixed(maxFrac);
  let [intPart = '0', fracPart = ''] = fixed.split('.');
  if (intPart === '0' && minInt === 0) intPart = '';
  intPart = intPart.padStart(minInt, '0');
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  while (fracPart.length > minFrac && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  return fracPart ? `${intPart}.${fracPart}` : maxFrac > 0 && minFrac === 0 && fracPart === '' ? `${intPart}.` : intPart;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDate(serial: number, tokens: Token[]): string {
  const hasFrac = tokens.some((t) => t.t === 'frac');
  const wall = hasFrac ? wallMsFromSerial(serial) : Math.round(wallMsFromSerial(serial) / 1000) * 1000;
  const d = new Date(wall);
  const hasAmPm = tokens.some((t) => t.t === 'ampm');
  const hour24 = d.getUTCHours();
  // Decide month vs minute for each m/mm token: minutes after an hour token or before a seconds token.
  const kinds: (string | null)[] = tokens.map((t) => (t.t === 'date' ? t.v : null));
  const minuteAt = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const v = kinds[i];
    if (!v || !v.startsWith('m') || v.length > 2) continue;
    const prev = previousDateToken(kinds, i);
    const next = nextDateToken(kinds, i);
    if ((prev && prev.startsWith('h')) || (next && next.startsWith('s'))) minuteAt.add(i);
  }
  let out = '';
  tokens.forEach((tok, i) => {
    switch (tok.t) {
      case 'lit':
        out += tok.v;
        break;
      case 'num':
        out += tok.v === ',' || tok.v === '.' ? tok.v : '';
        break;
      case 'pct':
        out += '%';
        break;
      case 'text':
      case 'exp':
        break;
      case 'ampm': {
        const pm = hour24 >= 12;
        if (tok.v.length === 3) out += tok.v.charAt(0) === 'a' ? (pm ? 'p' : 'a') : pm ? 'P' : 'A';
        else out += pm ? 'PM' : 'AM';
        break;
      }
      case 'frac': {
        const ms = String(d.getUTCMilliseconds()).padStart(3, '0');
        out += '.' + ms.slice(0, tok.digits).padEnd(tok.digits, '0');
        break;
      }
      case 'elapsed': {
        const totalSeconds = Math.round(wallMsFromSerial(serial) / 1000) + 25_569 * 86_400;
        const v = tok.v;
        if (v.startsWith('h')) out += String(Math.floor(totalSeconds / 3600)).padStart(v.length, '0');
        else if (v.startsWith('m')) out += String(Math.floor(totalSeconds / 60)).padStart(v.length, '0');
        else out += String(totalSeconds).padStart(v.length, '0');
        break;
      }
      case 'date':
        out += dateToken(tok.v, d, minuteAt.has(i), hasAmPm);
        break;
    }
  });
  return out;
}

function previousDateToken(kinds: (string | null)[], i: number): string | null {
  for (let j = i - 1; j >= 0; j--) if (kinds[j]) return kinds[j] ?? null;
  return null;
}

function nextDateToken(kinds: (string | null)[], i: number): string | null {
  for (let j = i + 1; j < kinds.length; j++) if (kinds[j]) return kinds[j] ?? null;
  return null;
}

function dateToken(v: string, d: Date, minute: boolean, twelveHour: boolean): string {
  const c = v.charAt(0);
  const n = v.length;
  switch (c) {
    case 'y':
      return n <= 2 ? String(d.getUTCFullYear() % 100).padStart(2, '0') : String(d.getUTCFullYear());
    case 'm':
      if (minute) return n === 1 ? String(d.getUTCMinutes()) : String(d.getUTCMinutes()).padStart(2, '0');
      if (n === 1) return String(d.getUTCMonth() + 1);
      if (n === 2) return String(d.getUTCMonth() + 1).padStart(2, '0');
      if (n === 3) return (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3);
      if (n === 5) return (MONTHS[d.getUTCMonth()] ?? '').charAt(0);
      return MONTHS[d.getUTCMonth()] ?? '';
    case 'd':
      if (n === 1) return String(d.getUTCDate());
      if (n === 2) return String(d.getUTCDate()).padStart(2, '0');
      if (n === 3) return (DAYS[d.getUTCDay()] ?? '').slice(0, 3);
      return DAYS[d.getUTCDay()] ?? '';
    case 'h': {
      let h = d.getUTCHours();
      if (twelveHour) h = h % 12 === 0 ? 12 : h % 12;
      return n === 1 ? String(h) : String(h).padStart(2, '0');
    }
    case 's':
      return n === 1 ? String(d.getUTCSeconds()) : String(d.getUTCSeconds()).padStart(2, '0');
    default:
      return v;
  }
}
