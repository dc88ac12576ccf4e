/**
 * Sheet layout: frozen rows/columns, column widths (autoResizeColumns estimates 7 px per character
 * of the longest display value plus 10 px; unverified), hidden rows/columns, tab colour, sheet
 * visibility. All are structural writes (refused on a sheet protected against the user).
 */
import { readDisplay } from './cells';
import { ERR, checkArgs, gasError, toInt } from './errors';
import type { RangeFake } from './range';
import { SheetBase } from './sheetBase';

const DEFAULT_COLUMN_WIDTH = 100;

export class SheetLayout extends SheetBase {
  // ---- freezing, sizes, visibility ----------------------------------------------------------------

  setFrozenRows(rows: unknown): void {
    this.ctx.count('Sheet.setFrozenRows');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setFrozenRows', 'n');
    this.structural('Sheet.setFrozenRows', '');
    this.s.frozenRows = Math.max(0, toInt(rows));
  }

  getFrozenRows(): number {
    this.ctx.count('Sheet.getFrozenRows');
    return this.s.frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    this.ctx.count('Sheet.setFrozenColumns');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setFrozenColumns', 'n');
    this.structural('Sheet.setFrozenColumns', '');
    this.s.frozenColumns = Math.max(0, toInt(columns));
  }

  getFrozenColumns(): number {
    this.ctx.count('Sheet.getFrozenColumns');
    return this.s.frozenColumns;
  }

  setColumnWidth(columnPosition: unknown, width: unknown): this {
    this.ctx.count('Sheet.setColumnWidth');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setColumnWidth', 'nn');
    this.checkColumns(toInt(columnPosition), 1);
    this.structural('Sheet.setColumnWidth', '');
    this.s.columnWidths[toInt(columnPosition) - 1] = toInt(width);
    return this;
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): this {
    this.ctx.count('Sheet.setColumnWidths');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setColumnWidths', 'nnn');
    const from = toInt(startColumn);
    const count = toInt(numColumns);
    this.checkColumns(from, count);
    this.structural('Sheet.setColumnWidths', '');
    for (let i = 0; i < count; i++) this.s.columnWidths[from - 1 + i] = toInt(width);
    return this;
  }

  getColumnWidth(columnPosition: unknown): number {
    this.ctx.count('Sheet.getColumnWidth');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.getColumnWidth', 'n');
    this.checkColumns(toInt(columnPosition), 1);
    return this.s.columnWidths[toInt(columnPosition) - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  autoResizeColumns(startColumn: unknown, numColumns: unknown): this {
    this.ctx.count('Sheet.autoResizeColumns');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.autoResizeColumns', 'nn');
    this.autoResize('Sheet.autoResizeColumns', toInt(startColumn), toInt(numColumns));
    return this;
  }

  autoResizeColumn(columnPosition: unknown): this {
    this.ctx.count('Sheet.autoResizeColumn');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.autoResizeColumn', 'n');
    this.autoResize('Sheet.autoResizeColumn', toInt(columnPosition), 1);
    return this;
  }

  private autoResize(method: string, from: number, count: number): void {
    this.checkColumns(from, count);
    this.structural(method, '');
    const lastRow = this.s.extent().lastRow;
    for (let c = from - 1; c < from - 1 + count; c++) {
      let longest = 0;
      for (let r = 0; r < lastRow; r++) {
        const shown = readDisplay(this.s, r, c);
        const widest = Math.max(...shown.split('\n').map((l) => l.length));
        if (widest > longest) longest = widest;
      }
      this.s.columnWidths[c] = Math.max(21, longest * 7 + 10);
    }
  }

  hideColumns(columnIndex: unknown, numColumns?: unknown): void {
    this.ctx.count('Sheet.hideColumns');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.hideColumns', 'n', 'nn');
    this.setHidden('col', 'Sheet.hideColumns', toInt(columnIndex), numColumns === undefined ? 1 : toInt(numColumns), true);
  }

  showColumns(columnIndex: unknown, numColumns?: unknown): void {
    this.ctx.count('Sheet.showColumns');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.showColumns', 'n', 'nn');
    this.setHidden('col', 'Sheet.showColumns', toInt(columnIndex), numColumns === undefined ? 1 : toInt(numColumns), false);
  }

  hideRows(rowIndex: unknown, numRows?: unknown): void {
    this.ctx.count('Sheet.hideRows');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.hideRows', 'n', 'nn');
    this.setHidden('row', 'Sheet.hideRows', toInt(rowIndex), numRows === undefined ? 1 : toInt(numRows), true);
  }

  showRows(rowIndex: unknown, numRows?: unknown): void {
    this.ctx.count('Sheet.showRows');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.showRows', 'n', 'nn');
    this.setHidden('row', 'Sheet.showRows', toInt(rowIndex), numRows === undefined ? 1 : toInt(numRows), false);
  }

  hideColumn(column: unknown): void {
    this.ctx.count('Sheet.hideColumn');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.hideColumn', 'r');
    const r = (column as RangeFake).rect;
    this.setHidden('col', 'Sheet.hideColumn', r.col, r.numCols, true);
  }

  unhideColumn(column: unknown): void {
    this.ctx.count('Sheet.unhideColumn');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.unhideColumn', 'r');
    const r = (column as RangeFake).rect;
    this.setHidden('col', 'Sheet.unhideColumn', r.col, r.numCols, false);
  }

  hideRow(row: unknown): void {
    this.ctx.count('Sheet.hideRow');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.hideRow', 'r');
    const r = (row as RangeFake).rect;
    this.setHidden('row', 'Sheet.hideRow', r.row, r.numRows, true);
  }

  unhideRow(row: unknown): void {
    this.ctx.count('Sheet.unhideRow');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.unhideRow', 'r');
    const r = (row as RangeFake).rect;
    this.setHidden('row', 'Sheet.unhideRow', r.row, r.numRows, false);
  }

  private setHidden(axis: 'row' | 'col', method: string, from: number, count: number, hidden: boolean): void {
    if (axis === 'row') this.checkRows(from, count);
    else this.checkColumns(from, count);
    this.structural(method, '');
    const list = axis === 'row' ? this.s.hiddenRows : this.s.hiddenColumns;
    while (list.length < from - 1 + count) list.push(undefined);
    for (let i = 0; i < count; i++) list[from - 1 + i] = hidden ? true : undefined;
  }

  isRowHiddenByUser(rowPosition: unknown): boolean {
    this.ctx.count('Sheet.isRowHiddenByUser');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.isRowHiddenByUser', 'n');
    this.checkRows(toInt(rowPosition), 1);
    return this.s.hiddenRows[toInt(rowPosition) - 1] === true;
  }

  isColumnHiddenByUser(columnPosition: unknown): boolean {
    this.ctx.count('Sheet.isColumnHiddenByUser');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.isColumnHiddenByUser', 'n');
    this.checkColumns(toInt(columnPosition), 1);
    return this.s.hiddenColumns[toInt(columnPosition) - 1] === true;
  }

  setTabColor(color: unknown): this {
    this.ctx.count('Sheet.setTabColor');
    checkArgs(arguments, 'SpreadsheetApp.Sheet.setTabColor', 'z');
    this.structural('Sheet.setTabColor', '');
    this.s.tabColor = color === null ? null : String(color);
    return this;
  }

  getTabColor(): string | null {
    this.ctx.count('Sheet.getTabColor');
    return this.s.tabColor;
  }

  showSheet(): this {
    this.ctx.count('Sheet.showSheet');
    this.structural('Sheet.showSheet', '');
    this.s.hidden = false;
    return this;
  }

  hideSheet(): this {
    this.ctx.count('Sheet.hideSheet');
    if (!this.ctx.wb.sheets.some((x) => x !== this.s && !x.hidden)) throw gasError(ERR.lastVisibleSheet);
    this.structural('Sheet.hideSheet', '');
    this.s.hidden = true;
    return this;
  }

  isSheetHidden(): boolean {
    this.ctx.count('Sheet.isSheetHidden');
    return this.s.hidden;
  }
}
