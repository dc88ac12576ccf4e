/**
 * SpreadsheetApp Range: values, formulas, geometry, clearing, number formats, data validation,
 * sort and protect (formatting and notes are in rangeFormat.ts, the shared core in rangeBase.ts).
 * Every public method counts itself ("Range.method"); every mutating one checks protection for the
 * running user (value writes then check data validation: rules.ts), then notes the write (runtime.noteWrite) before changing anything. Argument checks
 * and error texts follow Apps Script (see errors.ts).
 */
import { blockingProtection } from './access';
import {
  type CellEnv,
  type ReadValue,
  checkWritable,
  clearContents,
  clearFormats,
  isBlankRect,
  readCell,
  readDisplay,
  readDisplayValues,
  readFormulas,
  readValues,
  writeCell,
} from './cells';
import { ERR, checkArgs, gasError, signatureError, toInt } from './errors';
import type { ValidationRuleData } from './model';
import { GENERAL_FORMAT } from './numberFormat';
import { ProtectionFake, newProtection } from './protection';
import { checkRect } from './rangeBase';
import { assertScriptWriteValid, rectCells } from './rules';
import { RangeFormatting } from './rangeFormat';
import { SheetFake } from './sheet';
import { type SortKey, sortRect } from './structure';
import { DataValidationFake } from './validation';

export { checkRect } from './rangeBase';

const MAX_LIST_ITEMS = 500;

export class RangeFake extends RangeFormatting {
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
    const sheet = this.sheetData;
    const r0 = this.rect.row - 1;
    const c0 = this.rect.col - 1;
    for (let i = 0; i < rows.length; i++) {
      const line = rows[i] as unknown[];
      for (let j = 0; j < line.length; j++) writeCell(sheet, r0 + i, c0 + j, line[j], env);
    }
    sheet.touch();
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
    assertScriptWriteValid(this.ctx.wb, rectCells(this.sheetData, this.rect, inputAt), env);
  }

  getDisplayValues(): string[][] {
    this.ctx.count('Range.getDisplayValues');
    return readDisplayValues(this.sheetData, this.rect);
  }

  getDisplayValue(): string {
    this.ctx.count('Range.getDisplayValue');
    return readDisplay(this.sheetData, this.rect.row - 1, this.rect.col - 1);
  }

  getFormulas(): string[][] {
    this.ctx.count('Range.getFormulas');
    return readFormulas(this.sheetData, this.rect);
  }

  getFormula(): string {
    this.ctx.count('Range.getFormula');
    return this.sheetData.formulas.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }

  /** Same formula in every cell; references are not shifted per cell (the stand-in does not parse them). */
  setFormula(formula: unknown): RangeFake {
    this.ctx.count('Range.setFormula');
    checkArgs(arguments, 'SpreadsheetApp.Range.setFormula', 's');
    const text = String(formula);
    checkWritable(text);
    const env = this.ctx.env();
    this.beginWrite('Range.setFormula', () => this.assertValid(env, () => text));
    this.forEachCell((r, c) => writeCell(this.sheetData, r, c, text, env));
    this.sheetData.touch();
    return this;
  }

  setFormulas(formulas: unknown): RangeFake {
    this.ctx.count('Range.setFormulas');
    checkArgs(arguments, 'SpreadsheetApp.Range.setFormulas', 'a');
    const rows = this.checkShape(arguments, 'SpreadsheetApp.Range.setFormulas', formulas);
    for (const row of rows) {
      for (const f of row) {
        if (typeof f !== 'string') throw signatureError(arguments, 'SpreadsheetApp.Range.setFormulas');
        checkWritable(f);
      }
    }
    const env = this.ctx.env();
    this.beginWrite('Range.setFormulas', () => this.assertValid(env, (i, j) => (rows[i] as unknown[])[j]));
    this.forEachCell((r, c, i, j) => writeCell(this.sheetData, r, c, (rows[i] as unknown[])[j], env));
    this.sheetData.touch();
    return this;
  }

  isBlank(): boolean {
    this.ctx.count('Range.isBlank');
    return isBlankRect(this.sheetData, this.rect);
  }

  // ---- geometry -------------------------------------------------------------------------------

  getRow(): number {
    this.ctx.count('Range.getRow');
    return this.rect.row;
  }

  getRowIndex(): number {
    this.ctx.count('Range.getRowIndex');
    return this.rect.row;
  }

  getColumn(): number {
    this.ctx.count('Range.getColumn');
    return this.rect.col;
  }

  getColumnIndex(): number {
    this.ctx.count('Range.getColumnIndex');
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

  getHeight(): number {
    this.ctx.count('Range.getHeight');
    return this.rect.numRows;
  }

  getWidth(): number {
    this.ctx.count('Range.getWidth');
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
    return this.a1();
  }

  getGridId(): number {
    this.ctx.count('Range.getGridId');
    return this.sheetData.sheetId;
  }

  getSheet(): SheetFake {
    this.ctx.count('Range.getSheet');
    return new SheetFake(this.ctx, this.sheetData);
  }

  /** Cell at 1-based (row, column) relative to this range. */
  getCell(row: unknown, column: unknown): RangeFake {
    this.ctx.count('Range.getCell');
    checkArgs(arguments, 'SpreadsheetApp.Range.getCell', 'nn');
    const rect = checkRect(this.sheetData, this.rect.row + toInt(row) - 1, this.rect.col + toInt(column) - 1, 1, 1);
    return new RangeFake(this.ctx, this.sheetData, rect);
  }

  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): RangeFake {
    this.ctx.count('Range.offset');
    checkArgs(arguments, 'SpreadsheetApp.Range.offset', 'nn', 'nnn', 'nnnn');
    const rect = checkRect(
      this.sheetData,
      this.rect.row + toInt(rowOffset),
      this.rect.col + toInt(columnOffset),
      numRows === undefined ? this.rect.numRows : toInt(numRows),
      numColumns === undefined ? this.rect.numCols : toInt(numColumns),
    );
    return new RangeFake(this.ctx, this.sheetData, rect);
  }

  activate(): RangeFake {
    this.ctx.count('Range.activate');
    this.ctx.wb.activeSheetId = this.sheetData.sheetId;
    this.ctx.wb.activeRange = { sheetId: this.sheetData.sheetId, ...this.rect };
    return this;
  }

  canEdit(): boolean {
    this.ctx.count('Range.canEdit');
    return blockingProtection(this.ctx.wb, this.ctx.user(), this.sheetData, this.rect) === null;
  }

  // ---- clearing -------------------------------------------------------------------------------

  /**
   * clear() removes contents, formats, notes and data validation (what gas-fakes, tested against
   * Apps Script, clears); clear(options) only what the options name.
   */
  clear(options?: unknown): RangeFake {
    this.ctx.count('Range.clear');
    checkArgs(arguments, 'SpreadsheetApp.Range.clear', '', 'o');
    const o = (options ?? {}) as Record<string, unknown>;
    const any = o['contentsOnly'] === true || o['formatOnly'] === true || o['validationsOnly'] === true || o['commentsOnly'] === true;
    this.beginWrite('Range.clear');
    if (!any || o['contentsOnly'] === true) clearContents(this.sheetData, this.rect);
    if (!any || o['formatOnly'] === true) clearFormats(this.sheetData, this.rect);
    if (!any || o['validationsOnly'] === true) this.sheetData.validations.clearRect(this.rect);
    if (!any) this.sheetData.notes.clearRect(this.rect);
    this.sheetData.touch();
    return this;
  }

  clearContent(): RangeFake {
    this.ctx.count('Range.clearContent');
    checkArgs(arguments, 'SpreadsheetApp.Range.clearContent', '');
    this.beginWrite('Range.clearContent');
    clearContents(this.sheetData, this.rect);
    return this;
  }

  clearFormat(): RangeFake {
    this.ctx.count('Range.clearFormat');
    checkArgs(arguments, 'SpreadsheetApp.Range.clearFormat', '');
    this.beginWrite('Range.clearFormat');
    clearFormats(this.sheetData, this.rect);
    return this;
  }

  clearNote(): RangeFake {
    this.ctx.count('Range.clearNote');
    checkArgs(arguments, 'SpreadsheetApp.Range.clearNote', '');
    this.beginWrite('Range.clearNote');
    this.sheetData.notes.clearRect(this.rect);
    return this;
  }

  clearDataValidations(): RangeFake {
    this.ctx.count('Range.clearDataValidations');
    checkArgs(arguments, 'SpreadsheetApp.Range.clearDataValidations', '');
    this.beginWrite('Range.clearDataValidations');
    this.sheetData.validations.clearRect(this.rect);
    return this;
  }

  // ---- number formats ---------------------------------------------------------------------------

  setNumberFormat(numberFormat: unknown): RangeFake {
    this.ctx.count('Range.setNumberFormat');
    checkArgs(arguments, 'SpreadsheetApp.Range.setNumberFormat', 's');
    const f = String(numberFormat);
    this.beginWrite('Range.setNumberFormat');
    this.forEachCell((r, c) => this.sheetData.formats.set(r, c, f));
    this.sheetData.touch();
    return this;
  }

  setNumberFormats(numberFormats: unknown): RangeFake {
    this.ctx.count('Range.setNumberFormats');
    checkArgs(arguments, 'SpreadsheetApp.Range.setNumberFormats', 'a');
    const rows = this.checkShape(arguments, 'SpreadsheetApp.Range.setNumberFormats', numberFormats);
    if (rows.some((row) => row.some((f) => typeof f !== 'string'))) {
      throw signatureError(arguments, 'SpreadsheetApp.Range.setNumberFormats');
    }
    this.beginWrite('Range.setNumberFormats');
    this.forEachCell((r, c, i, j) => this.sheetData.formats.set(r, c, (rows[i] as string[])[j]));
    this.sheetData.touch();
    return this;
  }

  getNumberFormat(): string {
    this.ctx.count('Range.getNumberFormat');
    return this.sheetData.formats.get(this.rect.row - 1, this.rect.col - 1) ?? GENERAL_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.ctx.count('Range.getNumberFormats');
    return this.grid2d((r, c) => this.sheetData.formats.get(r, c) ?? GENERAL_FORMAT);
  }

  // ---- data validation ----------------------------------------------------------------------------

  private static checkRule(rule: ValidationRuleData | null): void {
    if (rule && rule.criteria === 'VALUE_IN_LIST') {
      const items = rule.args[0];
      if (Array.isArray(items) && items.length > MAX_LIST_ITEMS) throw gasError(ERR.listTooLong);
    }
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
    const rows = this.checkShape(arguments, 'SpreadsheetApp.Range.setDataValidations', rules);
    for (const row of rows) {
      for (const v of row) {
        if (v !== null && !(v instanceof DataValidationFake)) throw signatureError(arguments, 'SpreadsheetApp.Range.setDataValidations');
        RangeFake.checkRule(v === null ? null : v.data);
      }
    }
    this.beginWrite('Range.setDataValidations');
    this.forEachCell((r, c, i, j) => {
      const v = (rows[i] as (DataValidationFake | null)[])[j];
      this.sheetData.validations.set(r, c, v ? v.data : undefined);
    });
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

  // ---- sort / protect ------------------------------------------------------------------------------

  /** sort(column) | sort({column, ascending}) | sort([...]); columns are sheet columns inside the range. */
  sort(sortSpecObj: unknown): RangeFake {
    this.ctx.count('Range.sort');
    checkArgs(arguments, 'SpreadsheetApp.Range.sort', 'x');
    const specs = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const keys: SortKey[] = specs.map((s: unknown) => {
      if (typeof s === 'number') return { column: toInt(s), ascending: true };
      if (typeof s === 'object' && s !== null && typeof (s as { column?: unknown }).column === 'number') {
        const o = s as { column: number; ascending?: unknown };
        return { column: toInt(o.column), ascending: o.ascending === undefined ? true : o.ascending !== false };
      }
      throw signatureError([sortSpecObj], 'SpreadsheetApp.Range.sort');
    });
    for (const k of keys) {
      if (k.column < this.rect.col || k.column > this.rect.col + this.rect.numCols - 1) throw gasError(ERR.sortColumnOutside);
    }
    this.beginWrite('Range.sort');
    sortRect(this.sheetData, this.rect, keys);
    return this;
  }

  protect(): ProtectionFake {
    this.ctx.count('Range.protect');
    checkArgs(arguments, 'SpreadsheetApp.Range.protect', '');
    this.beginWrite('Range.protect');
    return new ProtectionFake(this.ctx, newProtection(this.ctx, this.sheetData, 'RANGE', this.rect));
  }
}
