/**
 * Encoding of values into and out of sheet cells.
 * setValues/appendRow parse strings as if typed: "=x" runs as a formula, "+44 20…" or "-x" may become a
 * formula or a number, "0123" loses its zero, "TRUE" becomes a boolean, "1/2" a date. A leading apostrophe
 * forces text and is not part of the stored value, so every non-empty free-text value is written with one.
 */

import { isDate, isDay } from '../domain/dates';
import { PROOF_PATTERN, provedDay } from '../domain/zoneProof';

export type CellValue = string | number | boolean | Date;

/** A free-text value as it must be written so the sheet stores exactly this text. */
export function textCell(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/**
 * A value read with getValues re-encoded so that writing it back stores the same thing: text keeps its
 * apostrophe guard (a text cell holding "=x" or "+44…" stays text), numbers, booleans and dates stay as they are.
 */
export function rewritable(value: unknown): CellValue {
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return value;
  return '';
}

/** A cell read back as text: numbers and booleans a user typed by hand become their usual text. */
export function readText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return value.toISOString();
  return String(value);
}

/** A number cell: '' when empty. */
export function numberCell(value: number | null): number | '' {
  return value === null ? '' : value;
}

export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.replace(/,/g, '').trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A date-time cell from an ISO string ('' stays empty). */
export function dateCell(iso: string): Date | '' {
  if (iso === '') return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms);
}

/** A date-time cell read back as an ISO string ('' when empty or not a date). */
export function readDate(value: unknown): string {
  if (isDate(value)) return value.toISOString();
  if (typeof value === 'string' && value !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  }
  return '';
}

/**
 * A date-time cell as milliseconds since the epoch, null when empty or not a date: the same instant as
 * readDate, without making an ISO string (and parsing it back) for code that only does time arithmetic.
 */
export function readTime(value: unknown): number | null {
  if (isDate(value)) return value.getTime();
  if (typeof value === 'string' && value !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------- date cells
// A date cell (Next step due, a custom Date field) holds a calendar day in the spreadsheet's time zone: getValues
// returns it as the Date of that day's midnight there, so reading the day back needs the zone. Asking it is one
// request (160 ms on Apps Script, local/bench/costModel.ts), so a cell is first read in the zone the CRM remembers
// (document properties, read by the call anyway) and kept when the text proves its day (domain/zoneProof.ts:
// midnight, at an offset no other zone can be 24 h away from); otherwise, or with nothing remembered, the
// spreadsheet's zone is asked, once per call (openContext hands both getters over). A call that builds no customer
// with a due day asks nothing.

/** Where date cells get their zone from in this call. */
export interface DateCellZones {
  /** The zone the CRM remembers, validated, or null (asked on first need: pass a cached getter). */
  readonly remembered: () => string | null;
  /** The spreadsheet's zone: a request, so a cached getter asked only on need. */
  readonly spreadsheet: () => string;
  /** The spreadsheet's zone if this call has already asked it (then nothing needs proving), else null. */
  readonly spreadsheetIfAsked: () => string | null;
}

const askEveryTime: DateCellZones = {
  remembered: () => null,
  spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
  spreadsheetIfAsked: () => null,
};

let zones: DateCellZones = askEveryTime;
/**
 * Days already read in this call, by the instant of the cell's Date: a CRM has a few hundred distinct due days
 * among tens of thousands of rows, so Utilities.formatDate runs once or twice per day, not once per row.
 */
let daysByInstant = new Map<number, string>();
/** The days whose cells proved the remembered zone in this call ("today" may then be read in it: context.ts). */
let provedDays = new Set<string>();

/** Date cells read from now on take their zone from `next` (openContext, once per server call). */
export function useTimeZones(next: DateCellZones): void {
  zones = next;
  daysByInstant = new Map();
  provedDays = new Set();
}

/** The days date cells of this call proved in the remembered zone (domain/zoneProof.ts todayIsProved). */
export function daysProvedInRememberedZone(): ReadonlySet<string> {
  return provedDays;
}

/**
 * A date cell from 'YYYY-MM-DD': the text as a person would type it, which the spreadsheet stores as that day in
 * its own time zone (validated days only: digits and hyphens, nothing a sheet could run). '' stays empty.
 */
export function dayCell(day: string): string {
  return isDay(day) ? day : '';
}

/** The spreadsheet's time zone, asked once per server call (for code that needs the real one: import, Check set-up). */
export function spreadsheetTimeZone(): string {
  return zones.spreadsheet();
}

/** The day a date cell's Date holds: proved in the remembered zone, else read in the spreadsheet's. */
function dayOf(date: Date): string {
  const asked = zones.spreadsheetIfAsked();
  const remembered = asked === null ? zones.remembered() : null;
  if (remembered !== null) {
    const day = provedDay(Utilities.formatDate(date, remembered, PROOF_PATTERN));
    if (day !== null) {
      provedDays.add(day);
      return day;
    }
  }
  return Utilities.formatDate(date, asked ?? zones.spreadsheet(), 'yyyy-MM-dd');
}

/** A date cell read back as 'YYYY-MM-DD' in the spreadsheet's time zone; a day typed as text is kept; else ''. */
export function readDay(value: unknown): string {
  if (isDate(value)) {
    const instant = value.getTime();
    let day = daysByInstant.get(instant);
    if (day === undefined) {
      day = dayOf(value);
      daysByInstant.set(instant, day);
    }
    return day;
  }
  if (typeof value === 'string' && isDay(value.trim())) return value.trim();
  return '';
}
