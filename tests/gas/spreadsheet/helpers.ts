/** Shared set-up for the SpreadsheetApp stand-in tests. */
import { Runtime } from '../../../local/gas/runtime';
import {
  GENERAL_FORMAT,
  type SheetData,
  UiLog,
  Workbook,
  type WorkbookInit,
  createSpreadsheetApp,
  createSpreadsheetHost,
  displayValue,
  parseA1,
} from '../../../local/gas/spreadsheet';

export const OWNER = 'owner@example.com';
export const STAFF = 'rep@example.com';
export const STRANGER = 'stranger@example.com';

export function setup(init: Partial<WorkbookInit> = {}, DateCtor: DateConstructor = Date) {
  const timeZone = init.timeZone ?? 'Europe/Paris';
  // 2024-06-01T10:00:00Z on the virtual clock.
  const runtime = new Runtime(OWNER, timeZone, Date.UTC(2024, 5, 1, 10, 0, 0));
  const workbook = new Workbook({ owner: OWNER, timeZone, editors: [STAFF, STRANGER], ...init });
  const ui = new UiLog('Pipeline CRM');
  const app = createSpreadsheetApp(runtime, workbook, ui, { DateCtor });
  const host = createSpreadsheetHost(runtime, workbook, ui, { DateCtor });
  const ss = app.getActiveSpreadsheet();
  const sheet = app.getActiveSheet();
  runtime.calls.reset();
  return { runtime, workbook, ui, app, host, ss, sheet };
}

/**
 * What one cell ("B2") of a sheet holds, read host-side (no counted call): number format (as getNumberFormats
 * reports it), formula, display text, note and bold/background styles.
 */
export function cell(sheet: SheetData, a1: string) {
  const parsed = parseA1(a1)!;
  const r = parsed.row1! - 1;
  const c = parsed.col1! - 1;
  const value = sheet.values[r]?.[c];
  const format = sheet.formats.get(r, c);
  return {
    format: format ?? GENERAL_FORMAT,
    formula: sheet.formulas.get(r, c) ?? '',
    display: value === undefined || value === '' ? '' : displayValue(value, format),
    note: sheet.notes.get(r, c) ?? '',
    fontWeight: sheet.styles.get('fontWeight')?.get(r, c),
    background: sheet.styles.get('background')?.get(r, c),
  };
}
