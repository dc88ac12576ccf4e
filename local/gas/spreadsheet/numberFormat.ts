/**
 * Number formats: which formats are dates (cells holding numbers under them read back as Dates), and the display
 * text (host sheetDisplayValues, the preview) of a value under a format, en_US style. Digits are laid out by
 * Intl.NumberFormat; the format code is read here, as far as the product needs (the `numfmt` package reads all
 * of it, and would replace this file if it became a devDependency).
 *
 * Read: "@" (plain text); one run of digit placeholders 0 # with "," grouping, "." decimals and an exponent
 * "E+00"; "%"; literals ("…", \x, [$€], any other character); [Red]-style colours and conditions (ignored); up to
 * three sections "pos;neg;zero"; date/time tokens yyyy yy m mm mmm mmmm d dd ddd dddd h hh s ss am/pm, an m/mm
 * after an hour or before seconds being minutes. The formats the product writes (#,##0.00, 0%, 0.0, 0,
 * yyyy-mm-dd hh:mm) and those typing gives (typing.ts) are all inside this.
 * No format (or Sheets' general "0.###############") displays like Sheets' automatic format:
 * integers as is, otherwise up to 15 significant digits and at most 10 decimals, exponent from 1e15.
 */
import type { CellValue } from './model';
import { wallMsFromSerial } from './timezone';

/** What Apps Script's getNumberFormats() returns for a cell never formatted. */
export const GENERAL_FORMAT = '0.###############';
/** Format Sheets gives a cell when a script writes a Date object into it. */
export const DATE_OBJECT_FORMAT = 'M/d/yyyy H:mm:ss';

/** English month and day names, as Sheets and Utilities.formatDate print them (shared by both formatters). */
export const MONTHS = [
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
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A section's tokens: literal text, one digit run ("#,##0.00", "0.00E+00"), %, or a date/time token. */
type Token = { lit: string } | { digits: string } | { pct: true } | { date: string };
interface Section {
  tokens: Token[];
  isDate: boolean;
}

const TOKEN =
  /"([^"]*)"|\\(.)|[_*].|\[\$([^\]-]*)[^\]]*\]|\[[^\]]*\]|(am\/pm)|([ymdhs])\5*|([0#?][0#?,]*(?:\.[0#?]*)?(?:[eE][+-][0#]+)?)|(%)|(@)|([\s\S])/gi;
const cache = new Map<string, Section[]>();

function parse(format: string): Section[] {
  const hit = cache.get(format);
  if (hit) return hit;
  const sections = format.split(';').map((text): Section => {
    const tokens: Token[] = [];
    for (const m of text.matchAll(TOKEN)) {
      const [all, quoted, escaped, currency, ampm, dateLetter, digits, pct, at, other] = m;
      if (quoted !== undefined || escaped !== undefined || currency !== undefined || other !== undefined) {
        tokens.push({ lit: quoted ?? escaped ?? currency ?? other ?? '' });
      } else if (ampm || dateLetter) tokens.push({ date: ampm ? all : all.toLowerCase() });
      else if (digits) tokens.push({ digits });
      else if (pct) tokens.push({ pct: true });
      else if (at) tokens.push({ lit: '' });
      else if (all.startsWith('_')) tokens.push({ lit: ' ' }); // _x: the width of x; *x fills; [Red] is a colour
    }
    return { tokens, isDate: tokens.some((t) => 'date' in t) };
  });
  if (cache.size > 10_000) cache.clear();
  cache.set(format, sections);
  return sections;
}

const isGeneral = (format: string | undefined): boolean =>
  format === undefined || format === '' || format === GENERAL_FORMAT || format.toLowerCase() === 'general';

/** True for formats under which a number reads back as a Date (dates, times). */
export function isDateFormat(format: string | undefined): boolean {
  return !isGeneral(format) && (parse(format as string)[0] as Section).isDate;
}

/** True for the plain-text format "@", under which typed strings stay text. */
export function isTextFormat(format: string | undefined): boolean {
  return format === '@';
}

/** Display text of a stored cell value under a number format (undefined = never formatted). */
export function displayValue(value: CellValue, format: string | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isGeneral(format) || isTextFormat(format)) return automaticNumber(value);
  const sections = parse(format as string);
  let section = sections[0] as Section;
  if (section.isDate) return formatDate(value, section.tokens);
  let explicitNegative = false;
  if (value < 0 && sections.length > 1) {
    section = sections[1] as Section;
    explicitNegative = true;
  } else if (value === 0 && sections.length > 2) section = sections[2] as Section;
  return formatNumber(explicitNegative ? -value : value, section.tokens, explicitNegative);
}

/** Sheets' automatic display of a number. */
export function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return n < 0 ? '-#NUM!' : '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) return exponential(n, 5);
  const s = String(roundTo(Number(n.toPrecision(15)), 10));
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
  const shifted = Number(`${Math.abs(n)}e${decimals}`);
  if (!Number.isFinite(shifted)) return n;
  return Math.sign(n) * Number(`${Math.round(shifted)}e-${decimals}`) || 0;
}

function formatNumber(value: number, tokens: Token[], explicitNegative: boolean): string {
  const run = tokens.find((t): t is { digits: string } => 'digits' in t);
  const text = (part: Token[]): string => part.map((t) => ('lit' in t ? t.lit : 'pct' in t ? '%' : '')).join('');
  const n = tokens.some((t) => 'pct' in t) ? value * 100 : value;
  if (!run) return (value < 0 && !explicitNegative ? '-' : '') + text(tokens); // no digit placeholder: literal text only
  const at = tokens.indexOf(run);
  const [mantissaCode = '', exponentCode] = run.digits.split(/[eE]/);
  const [intCode = '', fracCode = ''] = mantissaCode.split('.');
  const maxFrac = fracCode.length;
  const layout = (x: number): string =>
    new Intl.NumberFormat('en-US', {
      minimumIntegerDigits: Math.max(1, (intCode.match(/0/g) ?? []).length),
      minimumFractionDigits: (fracCode.match(/0/g) ?? []).length,
      maximumFractionDigits: maxFrac,
      useGrouping: intCode.includes(','),
    }).format(roundTo(x, maxFrac));
  let body: string;
  if (exponentCode !== undefined) {
    let e = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
    if (Math.abs(roundTo(Math.abs(n) / 10 ** e, maxFrac)) >= 10) e += 1;
    const sign = e < 0 ? '-' : exponentCode.startsWith('+') ? '+' : '';
    body = `${layout(Math.abs(n) / 10 ** e)}E${sign}${String(Math.abs(e)).padStart(exponentCode.length - 1, '0')}`;
  } else body = layout(Math.abs(n));
  const negative = n < 0 && !explicitNegative && /[1-9]/.test(body);
  return (negative ? '-' : '') + text(tokens.slice(0, at)) + body + text(tokens.slice(at + 1));
}

function formatDate(serial: number, tokens: Token[]): string {
  const d = new Date(Math.round(wallMsFromSerial(serial) / 1000) * 1000);
  const twelveHour = tokens.some((t) => 'date' in t && t.date.toLowerCase() === 'am/pm');
  const dates = tokens.map((t) => ('date' in t ? t.date : null));
  const near = (i: number, step: number): string | null => {
    for (let j = i + step; j >= 0 && j < dates.length; j += step) if (dates[j]) return dates[j] ?? null;
    return null;
  };
  const two = (v: number, n: number): string => (n === 1 ? String(v) : String(v).padStart(2, '0'));
  return tokens
    .map((t, i) => {
      if (!('date' in t)) return 'lit' in t ? t.lit : '';
      const v = t.date;
      const n = v.length;
      const hour = d.getUTCHours();
      if (v.toLowerCase() === 'am/pm') return hour < 12 ? 'AM' : 'PM';
      switch (v.charAt(0)) {
        case 'y':
          return n <= 2 ? two(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
        case 'm':
          if (n <= 2 && (near(i, -1)?.startsWith('h') || near(i, 1)?.startsWith('s'))) return two(d.getUTCMinutes(), n);
          return n <= 2
            ? two(d.getUTCMonth() + 1, n)
            : n === 3
              ? (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3)
              : (MONTHS[d.getUTCMonth()] ?? '');
        case 'd':
          return n <= 2
            ? two(d.getUTCDate(), n)
            : n === 3
              ? (DAYS[d.getUTCDay()] ?? '').slice(0, 3)
              : (DAYS[d.getUTCDay()] ?? '');
        case 'h':
          return two(twelveHour ? hour % 12 || 12 : hour, n);
        default:
          return two(d.getUTCSeconds(), n);
      }
    })
    .join('');
}
