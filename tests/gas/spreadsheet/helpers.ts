/** Shared set-up for the SpreadsheetApp stand-in tests. */
import { Runtime } from '../../../local/gas/runtime';
import {
  UiLog,
  Workbook,
  createSpreadsheetApp,
  createSpreadsheetHost,
  type WorkbookInit,
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
  const sheet = ss.getSheets()[0]!;
  runtime.calls.reset();
  return { runtime, workbook, ui, app, host, ss, sheet };
}
