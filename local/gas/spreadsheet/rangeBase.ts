/**
 * Shared core of the Range stand-in: identity, A1 text, the write preamble (protection check, validation
 * check of value writes, then runtime.noteWrite) and shape checks. RangeFormatting and RangeFake build on it.
 */
import { type A1Bounds, CLOSED_BOUNDS, type Rect, rectToA1 } from './a1';
import { assertCanWrite } from './access';
import type { Ctx } from './context';
import { ERR, gasError, signatureError } from './errors';
import type { SheetData } from './model';

/** Check a rectangle against a sheet the way Sheet.getRange does. */
export function checkRect(sheet: SheetData, row: number, col: number, numRows: number, numCols: number): Rect {
  if (!(row >= 1)) throw gasError(ERR.startRowTooSmall);
  if (!(col >= 1)) throw gasError(ERR.startColumnTooSmall);
  if (!(numRows >= 1)) throw gasError(ERR.rowsAtLeastOne);
  if (!(numCols >= 1)) throw gasError(ERR.columnsAtLeastOne);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) throw gasError(ERR.outsideSheet);
  return { row, col, numRows, numCols };
}

export class RangeBase {
  readonly gasTypeName = 'SpreadsheetApp.Range';

  constructor(
    protected readonly ctx: Ctx,
    /** Host-side data of the sheet this range is on. */
    readonly sheetData: SheetData,
    /** 1-based rectangle. */
    readonly rect: Rect,
    protected readonly bounds: A1Bounds = CLOSED_BOUNDS,
  ) {}

  toString(): string {
    return 'Range';
  }

  protected a1(): string {
    return rectToA1(this.rect, this.bounds);
  }

  /**
   * Protection check, then `check` (e.g. data validation of the new values: rules.ts), then write bookkeeping;
   * call before changing anything.
   */
  protected beginWrite(method: string, check?: () => void): void {
    assertCanWrite(this.ctx.wb, this.ctx.user(), this.sheetData, this.rect);
    if (check) check();
    this.ctx.noteWrite(method, this.sheetData, this.a1());
  }

  /** Check that a 2-D argument has the range's shape (setValues texts). */
  protected checkShape(args: IArguments, method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) throw signatureError(args, method);
    const rows = data as unknown[][];
    if (rows.length !== this.rect.numRows) throw gasError(ERR.rowsMismatch(rows.length, this.rect.numRows));
    for (const row of rows) {
      if (row.length !== this.rect.numCols) throw gasError(ERR.colsMismatch(row.length, this.rect.numCols));
    }
    return rows;
  }

  protected forEachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(row - 1 + i, col - 1 + j, i, j);
  }

  protected grid2d<T>(read: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.rect.numCols; j++) line.push(read(this.rect.row - 1 + i, this.rect.col - 1 + j));
      out.push(line);
    }
    return out;
  }
}
