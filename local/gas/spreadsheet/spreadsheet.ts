/**
 * SpreadsheetApp Spreadsheet (the container workbook), with the methods the product calls. Sheet names clash case-insensitively, as
 * in Sheets; insertSheet makes the new sheet active, gives it 1000 rows x 26 columns and, without
 * an index, puts it right after the active sheet (as Apps Script does).
 */
import { assertCanChangeSheet } from './access';
import type { Ctx } from './context';
import { PROTECTION_TYPE, isEnumOf } from './enums';
import { ERR, checkArgs, gasError, signatureError, toInt } from './errors';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, MAX_CELLS } from './model';
import { ProtectionFake } from './protection';
import { SheetFake } from './sheet';
import { UserFake } from './user';
import type { GasSurface } from '../surface';

type SpreadsheetMethods =
  | 'deleteSheet'
  | 'getEditors'
  | 'getOwner'
  | 'getProtections'
  | 'getSheetByName'
  | 'getSpreadsheetTimeZone'
  | 'insertSheet'
  | 'setSpreadsheetTimeZone'
  | 'toast';

/** An IANA id Intl knows (an alias too), spelled in its case (Joda's ids are case-sensitive, Intl's are not). */
function isKnownTimeZone(id: string): boolean {
  if (!/^[A-Za-z]/.test(id)) return false; // Intl also takes bare offsets ("+07:00"), which are no Joda id
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
    return resolved === id || resolved.toLowerCase() !== id.toLowerCase();
  } catch {
    return false;
  }
}

export class SpreadsheetFake implements GasSurface<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  readonly gasTypeName = 'SpreadsheetApp.Spreadsheet';

  constructor(private readonly ctx: Ctx) {}

  toString(): string {
    return 'Spreadsheet';
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

  /**
   * developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String): "Sets the time
   * zone for the spreadsheet", the id "specified in "long" format (for example, "America/New_York", as listed by
   * Joda.org)". Cells keep their serials (the wall clock), so a date cell's Date moves with the zone. An unknown id
   * (or one spelled in another case: Joda ids are case-sensitive) is refused and the zone kept: the reference is
   * silent, this is the stricter case.
   */
  setSpreadsheetTimeZone(timezone: unknown): void {
    this.ctx.count('Spreadsheet.setSpreadsheetTimeZone');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone', 's');
    const id = String(timezone);
    if (!isKnownTimeZone(id)) throw gasError(ERR.badTimeZone);
    this.ctx.noteWrite('Spreadsheet.setSpreadsheetTimeZone', null, '');
    this.ctx.wb.timeZone = id;
    this.ctx.wb.clock();
  }

  getSheetByName(name: unknown): SheetFake | null {
    this.ctx.count('Spreadsheet.getSheetByName');
    checkArgs(arguments, 'SpreadsheetApp.Spreadsheet.getSheetByName', 's');
    const sheet = this.ctx.wb.findSheet(String(name));
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
