/**
 * Range formatting and notes: fonts, colours, alignment, wrapping, borders (checked, not stored)
 * and notes. Styles live in per-attribute sparse grids of the sheet; getters return Sheets'
 * defaults for cells never styled.
 */
import { BORDER_STYLE, EnumValue, WRAP_STRATEGY, isEnumOf } from './enums';
import { checkArgs, signatureError } from './errors';
import type { StyleKey, StyleValue } from './model';
import { RangeBase } from './rangeBase';

const STYLE_DEFAULTS: Record<StyleKey, StyleValue> = {
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontColor: '#000000',
  fontSize: 10,
  fontFamily: 'Arial',
  background: '#ffffff',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  wrapStrategy: 'OVERFLOW',
};

export class RangeFormatting extends RangeBase {
  // ---- formatting --------------------------------------------------------------------------------

  protected setStyle(method: string, key: StyleKey, args: IArguments, value: unknown, letters: string[]): this {
    this.ctx.count(`Range.${method}`);
    checkArgs(args, `SpreadsheetApp.Range.${method}`, ...letters);
    this.beginWrite(`Range.${method}`);
    const grid = this.sheetData.style(key);
    const stored = value === null ? undefined : (value as StyleValue);
    this.forEachCell((r, c) => grid.set(r, c, stored));
    return this;
  }

  protected setStyles(method: string, key: StyleKey, args: IArguments, values: unknown, ok: (v: unknown) => boolean): this {
    this.ctx.count(`Range.${method}`);
    checkArgs(args, `SpreadsheetApp.Range.${method}`, 'a');
    const rows = this.checkShape(args, `SpreadsheetApp.Range.${method}`, values);
    if (rows.some((row) => row.some((v) => v !== null && !ok(v)))) throw signatureError(args, `SpreadsheetApp.Range.${method}`);
    this.beginWrite(`Range.${method}`);
    const grid = this.sheetData.style(key);
    this.forEachCell((r, c, i, j) => {
      const v = (rows[i] as unknown[])[j];
      grid.set(r, c, v === null ? undefined : (v as StyleValue));
    });
    return this;
  }

  protected getStyle(method: string, key: StyleKey): StyleValue {
    this.ctx.count(`Range.${method}`);
    return this.sheetData.styles.get(key)?.get(this.rect.row - 1, this.rect.col - 1) ?? STYLE_DEFAULTS[key];
  }

  protected getStyles(method: string, key: StyleKey): StyleValue[][] {
    this.ctx.count(`Range.${method}`);
    const grid = this.sheetData.styles.get(key);
    return this.grid2d((r, c) => grid?.get(r, c) ?? STYLE_DEFAULTS[key]);
  }

  setFontWeight(fontWeight: unknown): this {
    return this.setStyle('setFontWeight', 'fontWeight', arguments, fontWeight, ['z']);
  }

  setFontWeights(fontWeights: unknown): this {
    return this.setStyles('setFontWeights', 'fontWeight', arguments, fontWeights, (v) => typeof v === 'string');
  }

  getFontWeight(): string {
    return String(this.getStyle('getFontWeight', 'fontWeight'));
  }

  getFontWeights(): string[][] {
    return this.getStyles('getFontWeights', 'fontWeight').map((r) => r.map(String));
  }

  setFontStyle(fontStyle: unknown): this {
    return this.setStyle('setFontStyle', 'fontStyle', arguments, fontStyle, ['z']);
  }

  setFontSize(size: unknown): this {
    return this.setStyle('setFontSize', 'fontSize', arguments, size, ['n']);
  }

  setFontFamily(fontFamily: unknown): this {
    return this.setStyle('setFontFamily', 'fontFamily', arguments, fontFamily, ['z']);
  }

  setFontColor(color: unknown): this {
    return this.setStyle('setFontColor', 'fontColor', arguments, color, ['z']);
  }

  setFontColors(colors: unknown): this {
    return this.setStyles('setFontColors', 'fontColor', arguments, colors, (v) => typeof v === 'string');
  }

  getFontColor(): string {
    return String(this.getStyle('getFontColor', 'fontColor'));
  }

  setBackground(color: unknown): this {
    return this.setStyle('setBackground', 'background', arguments, color, ['z']);
  }

  setBackgrounds(colors: unknown): this {
    return this.setStyles('setBackgrounds', 'background', arguments, colors, (v) => typeof v === 'string');
  }

  getBackground(): string {
    return String(this.getStyle('getBackground', 'background'));
  }

  getBackgrounds(): string[][] {
    return this.getStyles('getBackgrounds', 'background').map((r) => r.map(String));
  }

  setHorizontalAlignment(alignment: unknown): this {
    return this.setStyle('setHorizontalAlignment', 'horizontalAlignment', arguments, alignment, ['z']);
  }

  setHorizontalAlignments(alignments: unknown): this {
    return this.setStyles('setHorizontalAlignments', 'horizontalAlignment', arguments, alignments, (v) => typeof v === 'string');
  }

  getHorizontalAlignment(): string {
    return String(this.getStyle('getHorizontalAlignment', 'horizontalAlignment'));
  }

  setVerticalAlignment(alignment: unknown): this {
    return this.setStyle('setVerticalAlignment', 'verticalAlignment', arguments, alignment, ['z']);
  }

  setVerticalAlignments(alignments: unknown): this {
    return this.setStyles('setVerticalAlignments', 'verticalAlignment', arguments, alignments, (v) => typeof v === 'string');
  }

  getVerticalAlignment(): string {
    return String(this.getStyle('getVerticalAlignment', 'verticalAlignment'));
  }

  setWrap(isWrapEnabled: unknown): this {
    this.setStyle('setWrap', 'wrap', arguments, isWrapEnabled, ['b']);
    const strategy = isWrapEnabled ? 'WRAP' : 'OVERFLOW';
    const grid = this.sheetData.style('wrapStrategy');
    this.forEachCell((r, c) => grid.set(r, c, strategy));
    return this;
  }

  setWraps(isWrapEnabled: unknown): this {
    return this.setStyles('setWraps', 'wrap', arguments, isWrapEnabled, (v) => typeof v === 'boolean');
  }

  getWrap(): boolean {
    return this.getStyle('getWrap', 'wrap') === true;
  }

  setWrapStrategy(strategy: unknown): this {
    this.ctx.count('Range.setWrapStrategy');
    if (arguments.length !== 1 || !isEnumOf(strategy, WRAP_STRATEGY)) {
      throw signatureError(arguments, 'SpreadsheetApp.Range.setWrapStrategy');
    }
    this.beginWrite('Range.setWrapStrategy');
    const key = strategy.key;
    const strategies = this.sheetData.style('wrapStrategy');
    const wraps = this.sheetData.style('wrap');
    this.forEachCell((r, c) => {
      strategies.set(r, c, key);
      wraps.set(r, c, key === 'WRAP');
    });
    return this;
  }

  getWrapStrategy(): EnumValue {
    const key = String(this.getStyle('getWrapStrategy', 'wrapStrategy')) as keyof typeof WRAP_STRATEGY;
    return WRAP_STRATEGY[key];
  }

  /** setBorder(top, left, bottom, right, vertical, horizontal[, color, style]): checked, not stored. */
  setBorder(...args: unknown[]): this {
    this.ctx.count('Range.setBorder');
    const ok6 = args.length === 6 && args.every((a) => a === null || typeof a === 'boolean');
    const ok8 =
      args.length === 8 &&
      args.slice(0, 6).every((a) => a === null || typeof a === 'boolean') &&
      (args[6] === null || typeof args[6] === 'string') &&
      (args[7] === null || isEnumOf(args[7], BORDER_STYLE));
    if (!ok6 && !ok8) throw signatureError(args, 'SpreadsheetApp.Range.setBorder');
    this.beginWrite('Range.setBorder');
    return this;
  }

  // ---- notes -------------------------------------------------------------------------------------

  setNote(note: unknown): this {
    this.ctx.count('Range.setNote');
    checkArgs(arguments, 'SpreadsheetApp.Range.setNote', 'z');
    this.beginWrite('Range.setNote');
    const text = note === null || note === '' ? undefined : String(note);
    this.forEachCell((r, c) => this.sheetData.notes.set(r, c, text));
    return this;
  }

  setNotes(notes: unknown): this {
    this.ctx.count('Range.setNotes');
    checkArgs(arguments, 'SpreadsheetApp.Range.setNotes', 'a');
    const rows = this.checkShape(arguments, 'SpreadsheetApp.Range.setNotes', notes);
    this.beginWrite('Range.setNotes');
    this.forEachCell((r, c, i, j) => {
      const v = (rows[i] as unknown[])[j];
      this.sheetData.notes.set(r, c, v === null || v === undefined || v === '' ? undefined : String(v));
    });
    return this;
  }

  getNote(): string {
    this.ctx.count('Range.getNote');
    return this.sheetData.notes.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }

  getNotes(): string[][] {
    this.ctx.count('Range.getNotes');
    return this.grid2d((r, c) => this.sheetData.notes.get(r, c) ?? '');
  }
}
