/**
 * Cell content I/O on SheetData: typing of written values (see typing.ts), reading values back as
 * Apps Script returns them (Dates for numbers under date formats, in the spreadsheet time zone),
 * display values, formulas and clearing. No call counting, no protection checks: callers do those.
 *
 * Realm rule: written values may come from another vm realm, so Dates are recognised with
 * Object.prototype.toString and arrays with Array.isArray; Dates handed out are built with the
 * DateCtor the caller passes (the vm realm's Date).
 */
import type { Rect } from './a1';
import { ERR, gasError } from './errors';
import type { CellValue, SheetData } from './model';
import { DATE_OBJECT_FORMAT, displayValue, isDateFormat, isTextFormat } from './numberFormat';
import type { TimeZoneClock } from './timezone';
import { typeString } from './typing';

/** A value as getValues returns it. */
export type ReadValue = CellValue | Date;

export interface CellEnv {
  clock: TimeZoneClock;
  /** Year now on the spreadsheet's wall clock (dates typed without a year). */
  currentYear: () => number;
}

export const MAX_CELL_CHARS = 50_000;

export function isDateObject(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Throw the 50,000-characters error before anything is written. */
export function checkWritable(input: unknown): void {
  if (typeof input === 'string' && input.length > MAX_CELL_CHARS) throw gasError(ERR.cellTooLong);
}

function ensureRow(sheet: SheetData, r: number): CellValue[] {
  const values = sheet.values;
  let row = values[r];
  if (row === undefined) {
    while (values.length < r) values.push(undefined);
    row = [];
    values[r] = row;
  }
  return row;
}

function put(row: CellValue[], c: number, value: CellValue): void {
  while (row.length < c) row.push('');
  row[c] = value;
}

/**
 * Write one input as a user would type it (0-based r, c). Values: null/undefined → empty;
 * numbers/booleans as is (NaN/Infinity → "#NUM!", unverified); Dates → serial in the spreadsheet
 * time zone, with format "M/d/yyyy H:mm:ss" unless the cell already has a date format (an invalid
 * Date writes an empty cell, unverified); strings typed (typing.ts); other objects → String(v)
 * (unverified).
 */
export function writeCell(sheet: SheetData, r: number, c: number, input: unknown, env: CellEnv): void {
  const formatRow = sheet.formats.rows[r];
  const currentFormat = formatRow === undefined ? undefined : formatRow[c];
  let value: CellValue;
  let formula: string | null = null;
  let autoFormat: string | null = null;
  let kind: 'date' | 'percent' | 'currency' | null = null;
  if (input === null || input === undefined) {
    value = '';
  } else if (typeof input === 'number') {
    value = Number.isFinite(input) ? input : '#NUM!';
  } else if (typeof input === 'boolean') {
    value = input;
  } else if (typeof input === 'string') {
    const typed = typeString(input, isTextFormat(currentFormat), env.currentYear);
    value = typed.value;
    formula = typed.formula;
    autoFormat = typed.format;
    kind = typed.formatKind;
  } else if (isDateObject(input)) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) {
      value = '';
    } else {
      value = env.clock.serialFromUtc(ms);
      autoFormat = DATE_OBJECT_FORMAT;
      kind = 'date';
    }
  } else {
    value = String(input);
  }
  const row = ensureRow(sheet, r);
  put(row, c, value);
  if (formula !== null) sheet.formulas.set(r, c, formula);
  else if (sheet.formulas.rows[r] !== undefined) sheet.formulas.set(r, c, undefined);
  if (autoFormat !== null) {
    const keep = kind === 'date' ? isDateFormat(currentFormat) : currentFormat !== undefined && currentFormat !== '';
    if (!keep) sheet.formats.set(r, c, autoFormat);
  }
}

/** Read a stored value as getValues returns it. */
export function readCell(
  sheet: SheetData,
  r: number,
  c: number,
  clock: TimeZoneClock,
  DateCtor: DateConstructor,
): ReadValue {
  const row = sheet.values[r];
  const v = row === undefined ? undefined : row[c];
  if (v === undefined) return '';
  if (typeof v === 'number') {
    const fr = sheet.formats.rows[r];
    if (fr !== undefined) {
      const f = fr[c];
      if (f !== undefined && isDateFormat(f)) return new DateCtor(clock.utcFromSerial(v));
    }
  }
  return v;
}

export function readValues(
  sheet: SheetData,
  rect: Rect,
  clock: TimeZoneClock,
  DateCtor: DateConstructor,
): ReadValue[][] {
  const out: ReadValue[][] = new Array(rect.numRows);
  const values = sheet.values;
  const formatRows = sheet.formats.rows;
  const c0 = rect.col - 1;
  const nc = rect.numCols;
  for (let i = 0; i < rect.numRows; i++) {
    const r = rect.row - 1 + i;
    const row = values[r];
    const fr = formatRows[r];
    const line: ReadValue[] = new Array(nc);
    for (let j = 0; j < nc; j++) {
      const v = row === undefined ? undefined : row[c0 + j];
      if (v === undefined) {
        line[j] = '';
      } else if (fr !== undefined && typeof v === 'number') {
        const f = fr[c0 + j];
        line[j] = f !== undefined && isDateFormat(f) ? new DateCtor(clock.utcFromSerial(v)) : v;
      } else {
        line[j] = v;
      }
    }
    out[i] = line;
  }
  return out;
}

export function readDisplay(sheet: SheetData, r: number, c: number): string {
  const row = sheet.values[r];
  const v = row === undefined ? undefined : row[c];
  if (v === undefined || v === '') return '';
  return displayValue(v, sheet.formats.get(r, c));
}

export function readDisplayValues(sheet: SheetData, rect: Rect): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const line: string[] = [];
    for (let j = 0; j < rect.numCols; j++) line.push(readDisplay(sheet, rect.row - 1 + i, rect.col - 1 + j));
    out.push(line);
  }
  return out;
}

export function readFormulas(sheet: SheetData, rect: Rect): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const line: string[] = [];
    for (let j = 0; j < rect.numCols; j++) line.push(sheet.formulas.get(rect.row - 1 + i, rect.col - 1 + j) ?? '');
    out.push(line);
  }
  return out;
}

/** Clear values and formulas (formats, validations and notes stay), as clearContent. */
export function clearContents(sheet: SheetData, rect: Rect): void {
  const lastRow = Math.min(rect.row - 1 + rect.numRows, sheet.values.length);
  for (let r = rect.row - 1; r < lastRow; r++) {
    const row = sheet.values[r];
    if (row === undefined) continue;
    const lastCol = Math.min(rect.col - 1 + rect.numCols, row.length);
    for (let c = rect.col - 1; c < lastCol; c++) row[c] = '';
  }
  sheet.formulas.clearRect(rect);
  sheet.touch();
}

/** Clear number formats and styles, as clearFormat. */
export function clearFormats(sheet: SheetData, rect: Rect): void {
  sheet.formats.clearRect(rect);
  for (const grid of sheet.styles.values()) grid.clearRect(rect);
  sheet.touch();
}
