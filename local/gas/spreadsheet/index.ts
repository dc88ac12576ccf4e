/**
 * SpreadsheetApp stand-in (with Ui and Charts) — public API.
 *
 * Set-up (host side):
 *   const runtime = new Runtime('owner@example.com', 'Europe/Paris');
 *   const workbook = new Workbook({ owner: runtime.owner, timeZone: 'Europe/Paris', editors: [...] });
 *   const ui = new UiLog('Pipeline CRM');
 *   const SpreadsheetApp = createSpreadsheetApp(runtime, workbook, ui, { DateCtor: vmRealmDate });
 *   const Charts = createChartsFake();
 *   const host = createSpreadsheetHost(runtime, workbook, ui, { DateCtor });
 *   // put SpreadsheetApp and Charts on the vm context's globals
 *
 * Factories
 *   createSpreadsheetApp(runtime: Runtime, workbook: Workbook, ui: UiLog,
 *                        options?: { DateCtor?: DateConstructor }): SpreadsheetAppFake
 *       The `SpreadsheetApp` global. DateCtor builds the Dates handed to the script (default the
 *       host Date; pass the vm realm's Date). Every public method of every object counts itself in
 *       runtime.calls as "Class.method"; every write calls runtime.noteWrite(method, sheet, a1)
 *       (so writes outside the document lock are flagged) after its protection check passes.
 *   createChartsFake(): ChartsFake — the `Charts` global (the ChartType enum).
 *   createSpreadsheetHost(runtime, workbook, ui, options?): SpreadsheetHost — host helpers:
 *       sheetNames(), sheet(name) (SheetData), sheetValues(name) / sheetDisplayValues(name) /
 *       sheetFormulas(name) (A1 to last row/column with content, not counted as calls),
 *       validationViolations(sheetName?), userEdit({ user, sheet, a1 | row+column, value }) →
 *       EditEvent { range, source, user, value, oldValue } or throws UserEditRefused
 *       ('protected' | 'invalid'); userEditRange({ user, sheet, a1, values }) → one EditEvent for the block
 *       (value/oldValue only for a single cell); userDeleteRows({ user, sheet, row, count }) (no event);
 *       interleave(method, edit) → InterleavedEdit { event(), refusal(), happened(), cancel() } (a person's edit
 *       applied when the running execution next calls `method`); shareWith(email) / unshare(email).
 *
 * Data and persistence
 *   Workbook / SheetData (model.ts): plain data the facades work on (rows of values, sparse
 *   grids of formulas, formats, validations, notes, styles; protections; charts).
 *   workbookToJSON(wb) / workbookFromJSON(json), serializeWorkbook(wb) / parseWorkbook(text).
 *   UiLog (uiLog.ts): menus, sidebars, dialogs, toasts, alerts shown; respond() queues the answers of alerts.
 *
 * Fidelity notes: see errors.ts (error texts and their sources), typing.ts (what strings become
 * when written), numberFormat.ts (display values), access.ts (protection rules), validation.ts / rules.ts
 * (reject-input validation refuses script writes whole), sheet.ts (assumptions on inserted rows/appendRow).
 * Each facade offers only the methods the product (and the harness's by-hand helpers) call, and declares them
 * against Google's own types (GasSurface, ../surface.ts).
 */
import type { Runtime } from '../runtime';
import { SpreadsheetAppFake } from './app';
import { Ctx } from './context';
import type { Workbook } from './model';
import type { UiLog } from './uiLog';

export interface SpreadsheetAppOptions {
  /** Date constructor of the realm receiving values (the vm context's Date); default the host's. */
  DateCtor?: DateConstructor;
}

export function createSpreadsheetApp(
  runtime: Runtime,
  workbook: Workbook,
  ui: UiLog,
  options: SpreadsheetAppOptions = {},
): SpreadsheetAppFake {
  return new SpreadsheetAppFake(new Ctx(runtime, workbook, ui, options.DateCtor ?? Date));
}

export { SpreadsheetAppFake } from './app';
export { SpreadsheetFake } from './spreadsheet';
export { SheetFake } from './sheet';
export { RangeFake } from './range';
export { ProtectionFake } from './protection';
export { DataValidationBuilderFake, DataValidationFake } from './validation';
export { EmbeddedChartBuilderFake, EmbeddedChartFake, createChartsFake, type ChartsFake } from './charts';
export { UiFake, MenuFake, type HtmlLike } from './ui';
export { UiLog, type MenuEntry, type MenuRecord, type UiEvent, type ScriptedResponse } from './uiLog';
export { UserFake } from './user';
export {
  Workbook,
  SheetData,
  SparseGrid,
  type WorkbookInit,
  type CellValue,
  type ProtectionData,
  type ChartData,
  type ValidationRuleData,
} from './model';
export {
  workbookToJSON,
  workbookFromJSON,
  serializeWorkbook,
  parseWorkbook,
  type WorkbookJSON,
  type SheetJSON,
} from './persistence';
export {
  createSpreadsheetHost,
  UserEditRefused,
  type SpreadsheetHost,
  type UserEdit,
  type UserRangeEdit,
  type EditEvent,
  type Violation,
  type UserRowDeletion,
  type InterleavedEdit,
} from './host';
export { EnumValue } from './enums';
export { ERR, gasError } from './errors';
export { displayValue, isDateFormat, GENERAL_FORMAT, DATE_OBJECT_FORMAT } from './numberFormat';
export { typeString } from './typing';
export { parseA1, rectToA1, columnToLetters, lettersToColumn } from './a1';
