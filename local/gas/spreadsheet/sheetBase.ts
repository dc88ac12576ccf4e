/**
 * Shared core of the Sheet stand-in: identity, the structural-write preamble (sheet protection
 * check, then runtime.noteWrite), the 10M-cell limit and bounds checks.
 */
import { assertCanChangeSheet } from './access';
import type { Ctx } from './context';
import { ERR, gasError } from './errors';
import { MAX_CELLS, type SheetData } from './model';

export class SheetBase {
  readonly gasTypeName = 'SpreadsheetApp.Sheet';

  constructor(
    protected readonly ctx: Ctx,
    /** Host-side data of this sheet. */
    readonly sheetData: SheetData,
  ) {}

  toString(): string {
    return 'Sheet';
  }

  protected get s(): SheetData {
    return this.sheetData;
  }

  protected structural(method: string, a1: string): void {
    assertCanChangeSheet(this.ctx.wb, this.ctx.user(), this.s);
    this.ctx.noteWrite(method, this.s, a1);
  }

  protected growCheck(extraCells: number): void {
    if (this.ctx.wb.totalCells() + extraCells > MAX_CELLS) throw gasError(ERR.cellLimit);
  }

  protected checkColumns(from: number, count: number): void {
    if (from < 1 || count < 1 || from + count - 1 > this.s.maxColumns) throw gasError(ERR.columnsOutOfBounds);
  }

  protected checkRows(from: number, count: number): void {
    if (from < 1 || count < 1 || from + count - 1 > this.s.maxRows) throw gasError(ERR.rowsOutOfBounds);
  }

  protected whole(): { row: number; col: number; numRows: number; numCols: number } {
    return { row: 1, col: 1, numRows: this.s.maxRows, numCols: this.s.maxColumns };
  }
}
