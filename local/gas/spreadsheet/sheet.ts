/**
 * SpreadsheetApp Sheet, cut to what the product (and the tests' by-hand helpers) call: identity, ranges,
 * rows/columns, appendRow, clear, sort, layout (frozen rows, column widths, hidden rows), protection and charts.
 * Public methods count themselves ("Sheet.method"); mutating ones check protections (cells: access.assertCanWrite;
 * structure: access.assertCanChangeSheet) and note the write before changing anything.
 *
 * appendRow, like Range.setValue(s), is refused whole (no row added) when a reject-input data validation rule
 * refuses one of its values (rules.ts).
 *
 * Assumptions (unverified, documented): rows inserted with insertRows* take the number formats,
 * styles and data validation of the row above (as in the Sheets UI; the first row's when inserting
 * at the top); appendRow grows the sheet by one row when it is full and adds columns when the row
 * is wider than the sheet.
 */
import { type Rect, parseA1, rectToA1, resolveA1 } from './a1';
import { assertCanChangeSheet, assertCanWrite } from './access';
import { type ReadValue, checkWritable, clearContents, clearFormats, readValues, writeCell } from './cells';
import { EmbeddedChartBuilderFake, EmbeddedChartFake } from './charts';
import type { Ctx } from './context';
import { PROTECTION_TYPE, isEnumOf } from './enums';
import { ERR, checkArgs, gasError, signatureError, toInt } from './errors';
import { MAX_CELLS, type SheetData, type SparseGrid } from './model';
import { ProtectionFake, newProtection } from './protection';
import { RangeFake, checkRect } from './range';
import { type PendingCell, assertScriptWriteValid } from './rules';
import { deleteColumns, deleteRows, insertColumns, insertRows, sortRows } from './structure';
import type { GasSurface } from '../surface';

type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'clear'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getCharts'
  | 'getDataRange'
  | 'getFrozenRows'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetValues'
  | 'hideRows'
  | 'insertChart'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'newChart'
  | 'protect'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenRows'
  | 'sort'
  | 'updateChart';

export class SheetFake implements GasSurface<GoogleAppsScript.Spreadsheet.Sheet, SheetMethods> {
  readonly gasTypeName = 'SpreadsheetApp.Sheet';

  constructor(
    private readonly ctx: Ctx,
    /** Host-side data of this sheet. */
    readonly sheetData: SheetData,
  ) {}

  toString(): string {
    return 'Sheet';
  }

  private get s(): SheetData {
    return this.sheetData;
  }

  /** Sheet protection check, then write bookkeeping: call before a structural change. */
  private structural(method: string, a1: string): void {
    assertCanChangeSheet(this.ctx.wb, this.ctx.user(), this.s);
    this.ctx.noteWrite(method, this.s, a1);
  }

  private growCheck(extraCells: number): void {
    if (this.ctx.wb.totalCells() + extraCells > MAX_CELLS) throw gasError(ERR.cellLimit);
  }

  private whole(): Rect {
    return { row: 1, col: 1, numRows: this.s.maxRows, numCols: this.s.maxColumns };
  }

  // ---- identity ------------------------------------------------------------------------------------

  getName(): string {
    this.ctx.count('Sheet.getName');
    return this.s.name;
  }

  getSheetId(): number {
    this.ctx.count('Sheet.getSheetId');
    return this.s.sheetId;
  }

  activate(): SheetFake {
    this.ctx.count('Sheet.activate');
    this.s.hidden = false;
    this.ctx.wb.activeSheetId = this.s.sheetId;
    return this;
  }

  // ---- ranges --------------------------------------------------------------------------------------

  /** getRange(a1) | getRange(row, column[, numRows[, numColumns]]). */
  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): RangeFake {
    this.ctx.count('Sheet.getRange');
    if (arguments.length === 1) {
      if (typeof a !== 'string') throw signatureError(arguments, 'SpreadsheetApp.Sheet.getRange');
      return this.rangeFromA1(a);
    }
    checkArgs(arguments, 'SpreadsheetApp.Sheet.getRange', 'nn', 'nnn', 'nnnn');
    const rect = checkRect(this.s, toInt(a), toInt(b), c === undefined ? 1 : toInt(c), d === undefined ? 1 : toInt(d));
    return new RangeFake(this.ctx, this.s, rect);
  }

  /**
   * A1 text on this sheet (a "Name!" prefix may name another sheet). Out of the grid → "Range not
   * found" (unverified for partly-outside A1s). Internal: not counted.
   */
  rangeFromA1(text: string): RangeFake {
    const parsed = parseA1(text);
    const sheet = parsed && (parsed.sheetName === null ? this.s : this.ctx.wb.findSheet(parsed.sheetName));
    if (!parsed || !sheet) throw gasError(ERR.rangeNotFound);
    const { rect, bounds } = resolveA1(parsed, sheet.maxRows, sheet.maxColumns);
    if (
      rect.numRows < 1 ||
      rect.numCols < 1 ||
      rect.row + rect.numRows - 1 > sheet.maxRows ||
      rect.col + rect.numCols - 1 > sheet.maxColumns
    ) {
      throw gasError(ERR.rangeNotFound);
    }
    return new RangeFake(this.ctx, sheet, rect, bounds);
  }

  getDataRange(): RangeFake {
    this.ctx.count('Sheet.getDataRange');
    const { lastRow, lastColumn } = this.s.extent();
    return new RangeFake(this.ctx, this.s, {
      row: 1,
      col: 1,
      numRows: Math.max(1, lastRow),
      numCols: Math.max(1, lastColumn),
    });
  }

  /**
   * getSheetValues(startRow, startColumn, numRows, numColumns): the values of that rectangle, as
   * getRange(...).getValues() returns them. Google's reference: "A -1 value given as the row or column position
   * is equivalent to getting the very last row or column that has data in the sheet": -1 rows (columns) reads
   * to the last row (column) with content, which is how scripts read "everything below the header" in one call
   * (getSheetValues(2, 1, -1, -1)). When that leaves no row (an empty sheet) the rectangle is refused as
   * getRange refuses 0 rows (unverified: we found no report of that case).
   */
  getSheetValues(a: unknown, b: unknown, c: unknown, d: unknown): ReadValue[][] {
    this.ctx.count('Sheet.getSheetValues');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.getSheetValues', 'nnnn');
    const startRow = toInt(a);
    const startColumn = toInt(b);
    const { lastRow, lastColumn } = this.s.extent();
    const numRows = toInt(c) === -1 ? lastRow - startRow + 1 : toInt(c);
    const numColumns = toInt(d) === -1 ? lastColumn - startColumn + 1 : toInt(d);
    const rect = checkRect(this.s, startRow, startColumn, numRows, numColumns);
    return readValues(this.s, rect, this.ctx.wb.clock(), this.ctx.DateCtor);
  }

  getLastRow(): number {
    this.ctx.count('Sheet.getLastRow');
    return this.s.extent().lastRow;
  }

  getMaxRows(): number {
    this.ctx.count('Sheet.getMaxRows');
    return this.s.maxRows;
  }

  /** Google: "Returns the number of frozen rows." (Sheet.getFrozenRows, Integer). */
  getFrozenRows(): number {
    this.ctx.count('Sheet.getFrozenRows');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.getFrozenRows', '');
    return this.s.frozenRows;
  }

  getMaxColumns(): number {
    this.ctx.count('Sheet.getMaxColumns');
    return this.s.maxColumns;
  }

  // ---- rows and columns --------------------------------------------------------------------------

  /** Checks `position` (1..max) as insertRows/ColumnsAfter/Before do, then inserts `howMany` before `before`. */
  private insert(
    method: string,
    axis: 'row' | 'col',
    args: IArguments,
    position: number,
    before: number,
    howMany: number,
  ): this {
    this.ctx.count(method);
    checkArgs(args, `SpreadsheetApp.${method}`, 'nn');
    const max = axis === 'row' ? this.s.maxRows : this.s.maxColumns;
    // "Those rows are out of bounds." for a position outside the sheet (also used, unverified, for howMany < 1).
    if (position < 1 || position > max || howMany < 1)
      throw gasError(axis === 'row' ? ERR.rowsOutOfBounds : ERR.columnsOutOfBounds);
    this.growCheck(howMany * (axis === 'row' ? this.s.maxColumns : this.s.maxRows));
    if (axis === 'row') {
      this.structural(method, `${before}:${before + howMany - 1}`);
      insertRows(this.ctx.wb, this.s, before, howMany);
      this.inheritRowFormats(before, howMany);
    } else {
      this.structural(method, rectToA1({ row: 1, col: before, numRows: this.s.maxRows, numCols: howMany }));
      insertColumns(this.ctx.wb, this.s, before, howMany);
    }
    return this;
  }

  /** New rows copy formats, styles and validation of the row above (of the row below at the top). */
  private inheritRowFormats(before: number, howMany: number): void {
    const source = before > 1 ? before - 2 : before - 1 + howMany;
    const copy = <T>(grid: SparseGrid<T>): void => {
      const src = grid.rows[source];
      if (src) for (let i = 0; i < howMany; i++) grid.rows[before - 1 + i] = src.slice();
    };
    copy(this.s.formats);
    copy(this.s.validations);
    for (const grid of this.s.styles.values()) copy(grid);
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): SheetFake {
    return this.insert(
      'Sheet.insertRowsAfter',
      'row',
      arguments,
      toInt(afterPosition),
      toInt(afterPosition) + 1,
      toInt(howMany),
    );
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): SheetFake {
    return this.insert(
      'Sheet.insertRowsBefore',
      'row',
      arguments,
      toInt(beforePosition),
      toInt(beforePosition),
      toInt(howMany),
    );
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): SheetFake {
    return this.insert(
      'Sheet.insertColumnsAfter',
      'col',
      arguments,
      toInt(afterPosition),
      toInt(afterPosition) + 1,
      toInt(howMany),
    );
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): SheetFake {
    return this.insert(
      'Sheet.insertColumnsBefore',
      'col',
      arguments,
      toInt(beforePosition),
      toInt(beforePosition),
      toInt(howMany),
    );
  }

  /** deleteRow(s)/deleteColumn(s): bounds, never every non-frozen line, cells protected against the user. */
  private remove(method: string, overload: string, args: IArguments, from: number, howMany: number): void {
    this.ctx.count(method);
    checkArgs(args, `SpreadsheetApp.${method}`, overload);
    const axis = method.includes('Row') ? 'row' : 'col';
    const rows = axis === 'row';
    const max = rows ? this.s.maxRows : this.s.maxColumns;
    if (from < 1 || howMany < 1 || from + howMany - 1 > max)
      throw gasError(rows ? ERR.rowsOutOfBounds : ERR.columnsOutOfBounds);
    if (max - howMany <= (rows ? this.s.frozenRows : this.s.frozenColumns))
      throw gasError(rows ? ERR.allNonFrozenRows : ERR.allNonFrozenColumns);
    const rect = rows
      ? { row: from, col: 1, numRows: howMany, numCols: this.s.maxColumns }
      : { row: 1, col: from, numRows: this.s.maxRows, numCols: howMany };
    assertCanWrite(this.ctx.wb, this.ctx.user(), this.s, rect);
    this.structural(method, rows ? `${from}:${from + howMany - 1}` : rectToA1(rect));
    (rows ? deleteRows : deleteColumns)(this.ctx.wb, this.s, from, howMany);
  }

  deleteRow(rowPosition: unknown): SheetFake {
    this.remove('Sheet.deleteRow', 'n', arguments, toInt(rowPosition), 1);
    return this;
  }

  deleteRows(rowPosition: unknown, howMany: unknown): void {
    this.remove('Sheet.deleteRows', 'nn', arguments, toInt(rowPosition), toInt(howMany));
  }

  deleteColumn(columnPosition: unknown): SheetFake {
    this.remove('Sheet.deleteColumn', 'n', arguments, toInt(columnPosition), 1);
    return this;
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    this.remove('Sheet.deleteColumns', 'nn', arguments, toInt(columnPosition), toInt(howMany));
  }

  /** Writes after the last row with content, typing strings like setValues. */
  appendRow(rowContents: unknown): SheetFake {
    this.ctx.count('Sheet.appendRow');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.appendRow', 'a');
    const values = rowContents as unknown[];
    for (const v of values) {
      if (Array.isArray(v)) throw signatureError(arguments, 'SpreadsheetApp.Sheet.appendRow');
      checkWritable(v);
    }
    const row = this.s.extent().lastRow + 1;
    const width = Math.max(1, values.length);
    const rect = { row, col: 1, numRows: 1, numCols: width };
    assertCanWrite(this.ctx.wb, this.ctx.user(), this.s, rect);
    const extraRows = Math.max(0, row - this.s.maxRows);
    const extraCols = Math.max(0, width - this.s.maxColumns);
    if (extraRows || extraCols)
      this.growCheck(extraRows * this.s.maxColumns + extraCols * (this.s.maxRows + extraRows));
    const env = this.ctx.env();
    assertScriptWriteValid(this.appendedCells(row, values), env);
    this.ctx.noteWrite('Sheet.appendRow', this.s, rectToA1(rect));
    if (extraRows) {
      const before = this.s.maxRows + 1;
      insertRows(this.ctx.wb, this.s, before, extraRows);
      this.inheritRowFormats(before, extraRows);
    }
    if (extraCols) insertColumns(this.ctx.wb, this.s, this.s.maxColumns + 1, extraCols);
    for (let j = 0; j < values.length; j++) writeCell(this.s, row - 1, j, values[j], env);
    this.s.touch();
    return this;
  }

  /**
   * The cells appendRow will write at 1-based `row`, with the rule and format each will have: a row past the end
   * of the sheet inherits the last row's (inheritRowFormats); added columns have none.
   */
  private *appendedCells(row: number, values: unknown[]): Generator<PendingCell> {
    const source = Math.min(row, this.s.maxRows) - 1;
    for (let j = 0; j < values.length && j < this.s.maxColumns; j++) {
      const rule = this.s.validations.get(source, j);
      if (rule) yield { r: row - 1, c: j, input: values[j], rule, format: this.s.formats.get(source, j) };
    }
  }

  // ---- clearing and sorting -------------------------------------------------------------------------

  /** clear() clears contents and formats (as Google documents); clear(options) what the options name. */
  clear(options?: unknown): SheetFake {
    this.ctx.count('Sheet.clear');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.clear', '', 'o');
    const o = (options ?? {}) as Record<string, unknown>;
    const any = o.contentsOnly === true || o.formatOnly === true;
    assertCanWrite(this.ctx.wb, this.ctx.user(), this.s, this.whole());
    this.ctx.noteWrite('Sheet.clear', this.s, rectToA1(this.whole()));
    if (!any || o.contentsOnly === true) clearContents(this.s, this.whole());
    if (!any || o.formatOnly === true) clearFormats(this.s, this.whole());
    return this;
  }

  /** Sorts the rows below the frozen ones (up to the last row with content) by one column. */
  sort(columnPosition: unknown, ascending?: unknown): SheetFake {
    this.ctx.count('Sheet.sort');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.sort', 'n', 'nb');
    const column = toInt(columnPosition);
    if (column < 1 || column > this.s.maxColumns) throw gasError(ERR.columnsOutOfBounds);
    const first = this.s.frozenRows + 1;
    const last = this.s.extent().lastRow;
    if (last < first) return this;
    const rect = { row: first, col: 1, numRows: last - first + 1, numCols: this.s.maxColumns };
    assertCanWrite(this.ctx.wb, this.ctx.user(), this.s, rect);
    this.structural('Sheet.sort', rectToA1(rect));
    sortRows(this.s, first, last - first + 1, column, ascending !== false);
    return this;
  }

  // ---- layout: frozen rows, column widths, hidden rows (structural writes) ------------------------------

  setFrozenRows(rows: unknown): void {
    this.ctx.count('Sheet.setFrozenRows');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setFrozenRows', 'n');
    this.structural('Sheet.setFrozenRows', '');
    this.s.frozenRows = Math.max(0, toInt(rows));
  }

  setColumnWidth(columnPosition: unknown, width: unknown): SheetFake {
    this.ctx.count('Sheet.setColumnWidth');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setColumnWidth', 'nn');
    return this.widths('Sheet.setColumnWidth', toInt(columnPosition), 1, toInt(width));
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): SheetFake {
    this.ctx.count('Sheet.setColumnWidths');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setColumnWidths', 'nnn');
    return this.widths('Sheet.setColumnWidths', toInt(startColumn), toInt(numColumns), toInt(width));
  }

  private widths(method: string, from: number, count: number, width: number): SheetFake {
    if (from < 1 || count < 1 || from + count - 1 > this.s.maxColumns) throw gasError(ERR.columnsOutOfBounds);
    this.structural(method, '');
    for (let i = 0; i < count; i++) this.s.columnWidths[from - 1 + i] = width;
    return this;
  }

  hideRows(rowIndex: unknown, numRows?: unknown): void {
    this.ctx.count('Sheet.hideRows');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.hideRows', 'n', 'nn');
    const from = toInt(rowIndex);
    const count = numRows === undefined ? 1 : toInt(numRows);
    if (from < 1 || count < 1 || from + count - 1 > this.s.maxRows) throw gasError(ERR.rowsOutOfBounds);
    this.structural('Sheet.hideRows', '');
    for (let i = 0; i < count; i++) this.s.hiddenRows[from - 1 + i] = true;
  }

  // ---- protection ------------------------------------------------------------------------------------

  /** The sheet protection, created (mirroring the spreadsheet permissions) if none; an existing one is returned (assumed). */
  protect(): ProtectionFake {
    this.ctx.count('Sheet.protect');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.protect', '');
    const existing = this.ctx.wb.protections.find((p) => p.type === 'SHEET' && p.sheetId === this.s.sheetId);
    if (existing) return new ProtectionFake(this.ctx, existing);
    this.structural('Sheet.protect', '');
    return new ProtectionFake(this.ctx, newProtection(this.ctx, this.s, 'SHEET', null));
  }

  getProtections(type: unknown): ProtectionFake[] {
    this.ctx.count('Sheet.getProtections');
    if (arguments.length !== 1 || !isEnumOf(type, PROTECTION_TYPE))
      throw signatureError(arguments, 'SpreadsheetApp.Sheet.getProtections');
    return this.ctx.wb.protections
      .filter((p) => p.sheetId === this.s.sheetId && p.type === type.key)
      .map((p) => new ProtectionFake(this.ctx, p));
  }

  // ---- charts -------------------------------------------------------------------------------------------

  newChart(): EmbeddedChartBuilderFake {
    this.ctx.count('Sheet.newChart');
    return new EmbeddedChartBuilderFake(this.ctx, this.s, null);
  }

  insertChart(chart: unknown): void {
    this.ctx.count('Sheet.insertChart');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.insertChart', 'c');
    const c = chart as EmbeddedChartFake;
    this.structural('Sheet.insertChart', '');
    const data = c.cloneData();
    if (data.chartId === 0 || this.ctx.wb.sheets.some((s) => s.charts.some((x) => x.chartId === data.chartId))) {
      data.chartId = this.ctx.wb.nextChartId++;
    }
    this.s.charts.push(data);
    c.attach(this.s, data);
  }

  updateChart(chart: unknown): void {
    this.ctx.count('Sheet.updateChart');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.updateChart', 'c');
    const c = chart as EmbeddedChartFake;
    const data = c.cloneData();
    const index = this.s.charts.findIndex((x) => x.chartId === data.chartId);
    if (data.chartId === 0 || index < 0) throw gasError(ERR.chartNotFound);
    this.structural('Sheet.updateChart', '');
    this.s.charts[index] = data;
    c.attach(this.s, data);
  }

  getCharts(): EmbeddedChartFake[] {
    this.ctx.count('Sheet.getCharts');
    return this.s.charts.map((c) => new EmbeddedChartFake(this.ctx, this.s, c));
  }
}
