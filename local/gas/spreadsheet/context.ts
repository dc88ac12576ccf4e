/**
 * What every facade object of the stand-in shares: the Runtime (clock, execution, call counter,
 * lock bookkeeping), the Workbook data, the UiLog, and the Date constructor of the realm the
 * values are handed to.
 */
import type { Runtime } from '../runtime';
import type { CellEnv } from './cells';
import type { SheetData, Workbook } from './model';
import { wallYear } from './timezone';
import type { UiLog } from './uiLog';

export class Ctx {
  constructor(
    readonly runtime: Runtime,
    readonly wb: Workbook,
    readonly ui: UiLog,
    readonly DateCtor: DateConstructor,
  ) {}

  /** Count one call of a public method, named "Class.method". */
  count(method: string): void {
    this.runtime.calls.count(method);
  }

  /** E-mail of the user running the current execution. */
  user(): string {
    return this.runtime.execution().user;
  }

  env(): CellEnv {
    const clock = this.wb.clock();
    return { clock, currentYear: () => wallYear(clock, this.runtime.now()) };
  }

  noteWrite(method: string, sheet: SheetData | null, a1: string): void {
    this.runtime.noteWrite(method, sheet ? sheet.name : '', a1);
  }
}
