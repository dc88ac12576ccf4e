/**
 * SpreadsheetApp Spreadsheet (the container workbook). Sheet names clash case-insensitively, as
 * in Sheets; insertSheet makes the new sheet active, gives it 1000 rows x 26 columns and, without
 * an index, puts it right after the active sheet (as Apps Script does).
 */
import { assertCanChangeSheet } from './access';
import type { Ctx } from './context';
import { PROTECTION_TYPE, isEnumOf } from './enums';
import { ERR, checkArgs, gasError, signatureError, toInt } from './errors';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, MAX_CELLS } from './model';
import { ProtectionFake } from './protection';
import { RangeFake } from './range';
import { SheetFake } from './sheet';
import { UserFake } from './user';

export class SpreadsheetFake {
  readonly gasTypeName = 'SpreadsheetApp.Spreadsheet';

  constructor(private readonly ctx: Ctx) {}

  toString(): string {
    return 'Spreadsheet';
  }

  getId(): string {
    this.ctx.count('Spreadsheet.getId');
    return this.ctx.wb.id;
  }

  getName(): string {
    this.ctx.count('Spreadsheet.getName');
    return this.ctx.wb.name;
  }

  rename(newName: unknown): void {
    this.ctx.count('Spreadsheet.rename');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.rename', 's');
    this.ctx.noteWrite('Spreadsheet.rename', null, '');
    this.ctx.wb.name = String(newName);
  }

  getUrl(): string {
    this.ctx.count('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.ctx.wb.id}/edit`;
  }

  /** "Returns the owner of the document, or null for a document in a shared drive." (reference of getOwner()) */
  getOwner(): UserFake | null {
    this.ctx.count('Spreadsheet.getOwner');
    const owner = this.ctx.wb.documentOwner();
    return owner === null ? null : new UserFake(owner);
  }

  getEditors(): UserFake[] {
    this.ctx.count('Spreadsheet.getEditors');
    return this.ctx.wb.fileEditors().map((e) => new UserFake(e));
  }

  getSpreadsheetTimeZone(): string {
    this.ctx.count('Spreadsheet.getSpreadsheetTimeZone');
    return this.ctx.wb.timeZone;
  }

  setSpreadsheetTimeZone(timezone: unknown): void {
    this.ctx.count('Spreadsheet.setSpreadsheetTimeZone');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone', 's');
    this.ctx.noteWrite('Spreadsheet.setSpreadsheetTimeZone', null, '');
    this.ctx.wb.timeZone = String(timezone);
    this.ctx.wb.clock();
  }

  getSheets(): SheetFake[] {
    this.ctx.count('Spreadsheet.getSheets');
    return this.ctx.wb.sheets.map((s) => new SheetFake(this.ctx, s));
  }

  getNumSheets(): number {
    this.ctx.count('Spreadsheet.getNumSheets');
    return this.ctx.wb.sheets.length;
  }

  getSheetByName(name: unknown): SheetFake | null {
    this.ctx.count('Spreadsheet.getSheetByName');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.getSheetByName', 's');
    const sheet = this.ctx.wb.findSheet(String(name));
    return sheet ? new SheetFake(this.ctx, sheet) : null;
  }

  getSheetById(id: unknown): SheetFake | null {
    this.ctx.count('Spreadsheet.getSheetById');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.getSheetById', 'n');
    const sheet = this.ctx.wb.sheetById(toInt(id));
    return sheet ? new SheetFake(this.ctx, sheet) : null;
  }

  /** insertSheet() | insertSheet(index) | insertSheet(name) | insertSheet(name, index); index 0-based. */
  insertSheet(a?: unknown, b?: unknown): SheetFake {
    this.ctx.count('Spreadsheet.insertSheet');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.insertSheet', '', 'n', 's', 'sn');
    const wb = this.ctx.wb;
    let name: string;
    let index = wb.sheets.indexOf(wb.activeSheet()) + 1;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = toInt(b);
    } else {
      if (typeof a === 'number') index = toInt(a);
      let n = wb.sheets.length + 1;
      while (wb.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (wb.findSheet(name)) throw gasError(ERR.sheetExists(name));
    if (wb.totalCells() + DEFAULT_ROWS * DEFAULT_COLUMNS > MAX_CELLS) throw gasError(ERR.cellLimit);
    index = Math.max(0, Math.min(wb.sheets.length, index));
    this.ctx.noteWrite('Spreadsheet.insertSheet', null, name);
    const sheet = wb.addSheet(name, index, DEFAULT_ROWS, DEFAULT_COLUMNS);
    wb.activeSheetId = sheet.sheetId;
    return new SheetFake(this.ctx, sheet);
  }

  deleteSheet(sheet: unknown): void {
    this.ctx.count('Spreadsheet.deleteSheet');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.deleteSheet', 'S');
    const wb = this.ctx.wb;
    const data = (sheet as SheetFake).sheetData;
    if (!wb.sheets.includes(data)) throw gasError(ERR.rangeNotFound);
    if (wb.sheets.length <= 1) throw gasError(ERR.lastSheet);
    assertCanChangeSheet(wb, this.ctx.user(), data);
    this.ctx.noteWrite('Spreadsheet.deleteSheet', data, '');
    wb.sheets = wb.sheets.filter((s) => s !== data);
    wb.protections = wb.protections.filter((p) => p.sheetId !== data.sheetId);
    if (wb.activeSheetId === data.sheetId) wb.activeSheetId = wb.activeSheet().sheetId;
  }

  getActiveSheet(): SheetFake {
    this.ctx.count('Spreadsheet.getActiveSheet');
    return new SheetFake(this.ctx, this.ctx.wb.activeSheet());
  }

  setActiveSheet(sheet: unknown): SheetFake {
    this.ctx.count('Spreadsheet.setActiveSheet');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.setActiveSheet', 'S', 'Sb');
    const data = (sheet as SheetFake).sheetData;
    data.hidden = false;
    this.ctx.wb.activeSheetId = data.sheetId;
    return new SheetFake(this.ctx, data);
  }

  getActiveRange(): RangeFake {
    this.ctx.count('Spreadsheet.getActiveRange');
    return activeRange(this.ctx);
  }

  /** getRange("Sheet!A1:B2") or an A1 on the active sheet. */
  getRange(a1Notation: unknown): RangeFake {
    this.ctx.count('Spreadsheet.getRange');
    if (arguments.length !== 1 || typeof a1Notation !== 'string') {
      throw signatureError(arguments, 'SpreadsheetApp.Spreadsheet.getRange');
    }
    // A "Name!" prefix picks the sheet; without one, the active sheet.
    return new SheetFake(this.ctx, this.ctx.wb.activeSheet()).rangeFromA1(a1Notation);
  }

  getProtections(type: unknown): ProtectionFake[] {
    this.ctx.count('Spreadsheet.getProtections');
    if (arguments.length !== 1 || !isEnumOf(type, PROTECTION_TYPE)) {
      throw signatureError(arguments, 'SpreadsheetApp.Spreadsheet.getProtections');
    }
    const order = new Map(this.ctx.wb.sheets.map((s, i) => [s.sheetId, i] as const));
    return this.ctx.wb.protections
      .filter((p) => p.type === type.key && order.has(p.sheetId))
      .sort((x, y) => (order.get(x.sheetId) ?? 0) - (order.get(y.sheetId) ?? 0))
      .map((p) => new ProtectionFake(this.ctx, p));
  }

  /** toast(msg[, title[, timeoutSeconds]]); recorded in the UiLog (default timeout 5 s). */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.ctx.count('Spreadsheet.toast');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.toast', 's', 'ss', 'ssN');
    const e = this.ctx.runtime.execution();
    this.ctx.ui.record({
      kind: 'toast',
      executionId: e.id,
      user: e.user,
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }
}

export function activeRange(ctx: Ctx): RangeFake {
  const sheet = ctx.wb.activeSheet();
  const sel = ctx.wb.activeRange;
  if (sel && sel.sheetId === sheet.sheetId && sel.row + sel.numRows - 1 <= sheet.maxRows && sel.col + sel.numCols - 1 <= sheet.maxColumns) {
    return new RangeFake(ctx, sheet, { row: sel.row, col: sel.col, numRows: sel.numRows, numCols: sel.numCols });
  }
  return new RangeFake(ctx, sheet, { row: 1, col: 1, numRows: 1, numCols: 1 });
}
