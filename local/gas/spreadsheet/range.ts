/**
 * SpreadsheetApp Range, cut to what the product calls: values, geometry, clearing, number formats, bold and
 * background, data validation and protect. Every public method counts itself ("Range.method"); every mutating one
 * checks protection for the running user (value writes then check data validation: rules.ts), then notes the
 * write (runtime.noteWrite) before changing anything. Argument checks and error texts follow Apps Script (errors.ts).
 */
import { type A1Bounds, CLOSED_BOUNDS, type Rect, rectToA1 } from './a1';
import { assertCanWrite, blockingProtection } from './access';
import { type CellEnv, type ReadValue, checkWritable, clearContents, readCell, readValues, writeCell } from './cells';
import type { Ctx } from './context';
import { ERR, checkArgs, gasError, signatureError } from './errors';
import type { SheetData, StyleKey, StyleValue, ValidationRuleData } from './model';
import { GENERAL_FORMAT } from './numberFormat';
import { ProtectionFake, newProtection } from './protection';
import { assertScriptWriteValid, rectCells } from './rules';
import { SheetFake } from './sheet';
import { TextFinderFake } from './textFinder';
import { DataValidationFake } from './validation';
import type { GasSurface } from '../surface';

const MAX_LIST_ITEMS = 500;

/** Check a rectangle against a sheet the way Sheet.getRange does. */
export function checkRect(sheet: SheetData, row: number, col: number, numRows: number, numCols: number): Rect {
  if (!(row >= 1)) throw gasError(ERR.startRowTooSmall);
  if (!(col >= 1)) throw gasError(ERR.startColumnTooSmall);
  if (!(numRows >= 1)) throw gasError(ERR.rowsAtLeastOne);
  if (!(numCols >= 1)) throw gasError(ERR.columnsAtLeastOne);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) throw gasError(ERR.outsideSheet);
  return { row, col, numRows, numCols };
}

type RangeMethods =
  | 'canEdit'
  | 'clearContent'
  | 'clearDataValidations'
  | 'createTextFinder'
  | 'getA1Notation'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'protect'
  | 'setBackground'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues';

export class RangeFake implements GasSurface<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  readonly gasTypeName = 'SpreadsheetApp.Range';

  constructor(
    private readonly ctx: Ctx,
    /** Host-side data of the sheet this range is on. */
    readonly sheetData: SheetData,
    /** 1-based rectangle. */
    readonly rect: Rect,
    private readonly bounds: A1Bounds = CLOSED_BOUNDS,
  ) {}

  toString(): string {
    return 'Range';
  }

  /**
   * Protection check, then `check` (e.g. data validation of the new values: rules.ts), then write bookkeeping;
   * call before changing anything.
   */
  private beginWrite(method: string, check?: () => void): void {
    assertCanWrite(this.ctx.wb, this.ctx.user(), this.sheetData, this.rect);
    if (check) check();
    this.ctx.noteWrite(method, this.sheetData, rectToA1(this.rect, this.bounds));
  }

  /** Check that a 2-D argument has the range's shape (setValues texts). */
  private checkShape(args: IArguments, method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) throw signatureError(args, method);
    const rows = data as unknown[][];
    if (rows.length !== this.rect.numRows) throw gasError(ERR.rowsMismatch(rows.length, this.rect.numRows));
    for (const row of rows)
      if (row.length !== this.rect.numCols) throw gasError(ERR.colsMismatch(row.length, this.rect.numCols));
    return rows;
  }

  private forEachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(row - 1 + i, col - 1 + j, i, j);
  }

  private grid2d<T>(read: (r: number, c: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.rect;
    return Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numCols }, (__, j) => read(row - 1 + i, col - 1 + j)),
    );
  }

  // ---- values ---------------------------------------------------------------------------------

  getValues(): ReadValue[][] {
    this.ctx.count('Range.getValues');
    return readValues(this.sheetData, this.rect, this.ctx.wb.clock(), this.ctx.DateCtor);
  }

  getValue(): ReadValue {
    this.ctx.count('Range.getValue');
    return readCell(this.sheetData, this.rect.row - 1, this.rect.col - 1, this.ctx.wb.clock(), this.ctx.DateCtor);
  }

  setValues(values: unknown): RangeFake {
    this.ctx.count('Range.setValues');
    checkArgs(arguments, 'SpreadsheetApp.Range.setValues', 'a');
    const rows = this.checkShape(arguments, 'SpreadsheetApp.Range.setValues', values);
    for (const row of rows) {
      for (const cell of row) {
        if (Array.isArray(cell)) throw signatureError(arguments, 'SpreadsheetApp.Range.setValues');
        checkWritable(cell);
      }
    }
    const env = this.ctx.env();
    this.beginWrite('Range.setValues', () => this.assertValid(env, (i, j) => (rows[i] as unknown[])[j]));
    this.forEachCell((r, c, i, j) => writeCell(this.sheetData, r, c, (rows[i] as unknown[])[j], env));
    this.sheetData.touch();
    return this;
  }

  /** Sets every cell of the range to the value (as Apps Script does for multi-cell ranges). */
  setValue(value: unknown): RangeFake {
    this.ctx.count('Range.setValue');
    if (arguments.length !== 1) throw signatureError(arguments, 'SpreadsheetApp.Range.setValue');
    checkWritable(value);
    const env = this.ctx.env();
    this.beginWrite('Range.setValue', () => this.assertValid(env, () => value));
    this.forEachCell((r, c) => writeCell(this.sheetData, r, c, value, env));
    this.sheetData.touch();
    return this;
  }

  /** Refuse the whole write when a reject-input rule refuses any new value (rules.ts). */
  private assertValid(env: CellEnv, inputAt: (i: number, j: number) => unknown): void {
    assertScriptWriteValid(rectCells(this.sheetData, this.rect, inputAt), env);
  }

  clearContent(): RangeFake {
    this.ctx.count('Range.clearContent');
    checkArgs(arguments, 'SpreadsheetApp.Range.clearContent', '');
    this.beginWrite('Range.clearContent');
    clearContents(this.sheetData, this.rect);
    return this;
  }

  // ---- geometry -------------------------------------------------------------------------------

  getRow(): number {
    this.ctx.count('Range.getRow');
    return this.rect.row;
  }

  getColumn(): number {
    this.ctx.count('Range.getColumn');
    return this.rect.col;
  }

  getNumRows(): number {
    this.ctx.count('Range.getNumRows');
    return this.rect.numRows;
  }

  getNumColumns(): number {
    this.ctx.count('Range.getNumColumns');
    return this.rect.numCols;
  }

  /** End row of the range (not of the data). */
  getLastRow(): number {
    this.ctx.count('Range.getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    this.ctx.count('Range.getLastColumn');
    return this.rect.col + this.rect.numCols - 1;
  }

  getA1Notation(): string {
    this.ctx.count('Range.getA1Notation');
    return rectToA1(this.rect, this.bounds);
  }

  getSheet(): SheetFake {
    this.ctx.count('Range.getSheet');
    return new SheetFake(this.ctx, this.sheetData);
  }

  canEdit(): boolean {
    this.ctx.count('Range.canEdit');
    return blockingProtection(this.ctx.wb, this.ctx.user(), this.sheetData, this.rect) === null;
  }

  // ---- formats: number formats, bold, background -------------------------------------------------

  setNumberFormat(numberFormat: unknown): RangeFake {
    this.ctx.count('Range.setNumberFormat');
    checkArgs(arguments, 'SpreadsheetApp.Range.setNumberFormat', 's');
    this.beginWrite('Range.setNumberFormat');
    this.forEachCell((r, c) => this.sheetData.formats.set(r, c, String(numberFormat)));
    this.sheetData.touch();
    return this;
  }

  setNumberFormats(numberFormats: unknown): RangeFake {
    this.ctx.count('Range.setNumberFormats');
    this.setGrid(
      'setNumberFormats',
      arguments,
      numberFormats,
      (v) => typeof v === 'string',
      (r, c, v) => this.sheetData.formats.set(r, c, v as string),
    );
    this.sheetData.touch();
    return this;
  }

  getNumberFormats(): string[][] {
    this.ctx.count('Range.getNumberFormats');
    return this.grid2d((r, c) => this.sheetData.formats.get(r, c) ?? GENERAL_FORMAT);
  }

  setFontWeight(fontWeight: unknown): RangeFake {
    return this.setStyle('setFontWeight', 'fontWeight', arguments, fontWeight);
  }

  setFontWeights(fontWeights: unknown): RangeFake {
    this.ctx.count('Range.setFontWeights');
    const grid = this.sheetData.style('fontWeight');
    this.setGrid(
      'setFontWeights',
      arguments,
      fontWeights,
      (v) => v === null || typeof v === 'string',
      (r, c, v) => grid.set(r, c, v === null ? undefined : (v as StyleValue)),
    );
    return this;
  }

  setBackground(color: unknown): RangeFake {
    return this.setStyle('setBackground', 'background', arguments, color);
  }

  /** One style (a string, or null for the default) on every cell. */
  private setStyle(method: string, key: StyleKey, args: IArguments, value: unknown): RangeFake {
    this.ctx.count(`Range.${method}`);
    checkArgs(args, `SpreadsheetApp.Range.${method}`, 'z');
    this.beginWrite(`Range.${method}`);
    const grid = this.sheetData.style(key);
    this.forEachCell((r, c) => grid.set(r, c, value === null ? undefined : (value as StyleValue)));
    return this;
  }

  /** A 2-D argument of the range's shape whose every item passes `ok`, written cell by cell (counted by the caller). */
  private setGrid(
    method: string,
    args: IArguments,
    data: unknown,
    ok: (v: unknown) => boolean,
    set: (r: number, c: number, v: unknown) => void,
  ): void {
    checkArgs(args, `SpreadsheetApp.Range.${method}`, 'a');
    const rows = this.checkShape(args, `SpreadsheetApp.Range.${method}`, data);
    if (rows.some((row) => row.some((v) => !ok(v)))) throw signatureError(args, `SpreadsheetApp.Range.${method}`);
    this.beginWrite(`Range.${method}`);
    this.forEachCell((r, c, i, j) => set(r, c, (rows[i] as unknown[])[j]));
  }

  // ---- data validation ----------------------------------------------------------------------------

  private static checkRule(rule: ValidationRuleData | null): void {
    const items = rule?.criteria === 'VALUE_IN_LIST' ? rule.args[0] : null;
    if (Array.isArray(items) && items.length > MAX_LIST_ITEMS) throw gasError(ERR.listTooLong);
  }

  setDataValidation(rule: unknown): RangeFake {
    this.ctx.count('Range.setDataValidation');
    checkArgs(arguments, 'SpreadsheetApp.Range.setDataValidation', 'v');
    const data = rule === null ? null : (rule as DataValidationFake).data;
    RangeFake.checkRule(data);
    this.beginWrite('Range.setDataValidation');
    this.forEachCell((r, c) => this.sheetData.validations.set(r, c, data ?? undefined));
    return this;
  }

  setDataValidations(rules: unknown): RangeFake {
    this.ctx.count('Range.setDataValidations');
    checkArgs(arguments, 'SpreadsheetApp.Range.setDataValidations', 'a', 'N');
    if (rules === null) {
      this.beginWrite('Range.setDataValidations');
      this.sheetData.validations.clearRect(this.rect);
      return this;
    }
    const ok = (v: unknown): boolean => {
      if (v !== null && !(v instanceof DataValidationFake)) return false;
      RangeFake.checkRule(v === null ? null : v.data);
      return true;
    };
    this.setGrid('setDataValidations', arguments, rules, ok, (r, c, v) =>
      this.sheetData.validations.set(r, c, v ? (v as DataValidationFake).data : undefined),
    );
    return this;
  }

  clearDataValidations(): RangeFake {
    this.ctx.count('Range.clearDataValidations');
    checkArgs(arguments, 'SpreadsheetApp.Range.clearDataValidations', '');
    this.beginWrite('Range.clearDataValidations');
    this.sheetData.validations.clearRect(this.rect);
    return this;
  }

  getDataValidation(): DataValidationFake | null {
    this.ctx.count('Range.getDataValidation');
    const rule = this.sheetData.validations.get(this.rect.row - 1, this.rect.col - 1);
    return rule ? new DataValidationFake(this.ctx, rule) : null;
  }

  getDataValidations(): (DataValidationFake | null)[][] {
    this.ctx.count('Range.getDataValidations');
    return this.grid2d((r, c) => {
      const rule = this.sheetData.validations.get(r, c);
      return rule ? new DataValidationFake(this.ctx, rule) : null;
    });
  }

  // ---- find ---------------------------------------------------------------------------------------

  /** "Creates a text finder for the range, which can find and replace text in this range." (textFinder.ts) */
  createTextFinder(findText: unknown): TextFinderFake {
    this.ctx.count('Range.createTextFinder');
    checkArgs(arguments, 'SpreadsheetApp.Range.createTextFinder', 's');
    return new TextFinderFake(this.ctx, this.sheetData, this.rect, String(findText));
  }

  // ---- protect ------------------------------------------------------------------------------------

  protect(): ProtectionFake {
    this.ctx.count('Range.protect');
    checkArgs(arguments, 'SpreadsheetApp.Range.protect', '');
    this.beginWrite('Range.protect');
    return new ProtectionFake(this.ctx, newProtection(this.ctx, this.sheetData, 'RANGE', this.rect));
  }
}
