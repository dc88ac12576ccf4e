/**
 * Reading one cell of a pasted old sheet. getValues gives strings, numbers (a phone typed without "+", a value),
 * booleans, Dates, and formula RESULTS (never the formula); a text cell that merely looks like a formula
 * ("=HYPERLINK(…)" typed as text) is just text and stays text. Everything here is tolerant of the ways people
 * write things in spreadsheets, but never guesses: what cannot be read unambiguously is reported.
 */

import { isDate } from '../dates';

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

/** Deal values are read by the one amount parser of the CRM (registerCustomer and the sidebar use it too). */
export { parseAmount as readAmount, type AmountRead } from '../amount';
