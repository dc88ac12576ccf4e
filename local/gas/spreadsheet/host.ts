/**
 * Host-side helpers for tests and the preview server: read the workbook without going through
 * (or counting) Apps Script calls, list cells that break their validation rule, and simulate a
 * person editing a cell by hand (what an onEdit simple trigger would then receive).
 */
import type { Runtime } from '../runtime';
import { parseA1, rectToA1, resolveA1 } from './a1';
import { blockingProtection } from './access';
import { type ReadValue, readDisplayValues, readFormulas, readValues, writeCell } from './cells';
import { Ctx } from './context';
import { ERR } from './errors';
import type { CellValue, SheetData, Workbook } from './model';
import { RangeFake } from './range';
import { SpreadsheetFake } from './spreadsheet';
import type { UiLog } from './uiLog';
import { UserFake } from './user';
import { rejectionMessage, satisfiesRule } from './validation';

export interface Violation {
  sheet: string;
  a1: string;
  row: number;
  column: number;
  value: CellValue;
  criteria: string;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface UserEdit {
  /** E-mail of the person typing. */
  user: string;
  sheet: string;
  /** The cell, as "B7" (or give row and column). */
  a1?: string;
  row?: number;
  column?: number;
  /** What the person types ('' clears the cell). */
  value: string;
}

/** What an onEdit(e) event carries for a single-cell edit (authMode/triggerUid are the trigger runner's). */
export interface EditEvent {
  range: RangeFake;
  source: SpreadsheetFake;
  user: UserFake;
  /** New value as text ("12", "TRUE", a date's serial); undefined when the cell was cleared. */
  value: string | undefined;
  /** Previous value as text; undefined when the cell was empty. */
  oldValue: string | undefined;
}

/** Thrown by `userEdit` when Sheets would refuse the entry; nothing is changed. */
export class UserEditRefused extends Error {
  constructor(
    readonly reason: 'protected' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'UserEditRefused';
  }
}

export interface SpreadsheetHost {
  readonly workbook: Workbook;
  readonly ui: UiLog;
  sheetNames(): string[];
  /** Host-side data of a sheet (throws when missing). */
  sheet(name: string): SheetData;
  /** Values from A1 to the last row/column with content, as getValues would return them. */
  sheetValues(name: string): ReadValue[][];
  sheetDisplayValues(name: string): string[][];
  /** Formulas ("" for plain cells) over the same area as sheetValues. */
  sheetFormulas(name: string): string[][];
  /** Cells whose value breaks their data validation rule (script writes are not blocked). */
  validationViolations(sheetName?: string): Violation[];
  /** A person types into one cell; protections and reject-input validation apply as in Sheets. */
  userEdit(edit: UserEdit): EditEvent;
}

function asText(v: CellValue | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function createSpreadsheetHost(
  runtime: Runtime,
  workbook: Workbook,
  ui: UiLog,
  options: { DateCtor?: DateConstructor } = {},
): SpreadsheetHost {
  const ctx = new Ctx(runtime, workbook, ui, options.DateCtor ?? Date);

  const sheet = (name: string): SheetData => {
    const s = workbook.findSheet(name);
    if (!s) throw new Error(`stand-in: no sheet named ${JSON.stringify(name)}`);
    return s;
  };

  const used = (s: SheetData): { row: number; col: number; numRows: number; numCols: number } | null => {
    const { lastRow, lastColumn } = s.extent();
    return lastRow === 0 ? null : { row: 1, col: 1, numRows: lastRow, numCols: lastColumn };
  };

  return {
    workbook,
    ui,
    sheetNames: () => workbook.sheets.map((s) => s.name),
    sheet,
    sheetValues(name) {
      const s = sheet(name);
      const rect = used(s);
      return rect ? readValues(s, rect, workbook.clock(), ctx.DateCtor) : [];
    },
    sheetDisplayValues(name) {
      const s = sheet(name);
      const rect = used(s);
      return rect ? readDisplayValues(s, rect) : [];
    },
    sheetFormulas(name) {
      const s = sheet(name);
      const rect = used(s);
      return rect ? readFormulas(s, rect) : [];
    },
    validationViolations(sheetName) {
      const out: Violation[] = [];
      for (const s of workbook.sheets) {
        if (sheetName !== undefined && s.name !== sheetName) continue;
        s.validations.rows.forEach((row, r) => {
          if (!row) return;
          row.forEach((rule, c) => {
            if (!rule) return;
            const value = s.values[r]?.[c] ?? '';
            if (satisfiesRule(workbook, rule, value, s.formats.get(r, c))) return;
            out.push({
              sheet: s.name,
              a1: rectToA1({ row: r + 1, col: c + 1, numRows: 1, numCols: 1 }),
              row: r + 1,
              column: c + 1,
              value,
              criteria: rule.criteria,
              allowInvalid: rule.allowInvalid,
              helpText: rule.helpText,
            });
          });
        });
      }
      return out;
    },
    userEdit(edit) {
      const s = sheet(edit.sheet);
      let row = edit.row;
      let col = edit.column;
      if (edit.a1 !== undefined) {
        const parsed = parseA1(edit.a1);
        if (!parsed) throw new Error(`stand-in: bad cell ${edit.a1}`);
        const { rect } = resolveA1(parsed, s.maxRows, s.maxColumns);
        row = rect.row;
        col = rect.col;
      }
      if (row === undefined || col === undefined || row < 1 || col < 1 || row > s.maxRows || col > s.maxColumns) {
        throw new Error('stand-in: userEdit needs a cell inside the sheet');
      }
      const rect = { row, col, numRows: 1, numCols: 1 };
      if (blockingProtection(workbook, edit.user, s, rect)) throw new UserEditRefused('protected', ERR.protectedCell);
      const env = ctx.env();
      const oldStored = s.values[row - 1]?.[col - 1];
      const oldFormat = s.formats.get(row - 1, col - 1);
      const oldFormula = s.formulas.get(row - 1, col - 1);
      writeCell(s, row - 1, col - 1, edit.value, env);
      const rule = s.validations.get(row - 1, col - 1);
      const newStored = s.values[row - 1]?.[col - 1] ?? '';
      if (rule && !rule.allowInvalid && !satisfiesRule(workbook, rule, newStored, s.formats.get(row - 1, col - 1))) {
        // Undo: Sheets never stores a rejected entry.
        s.values[row - 1]![col - 1] = oldStored ?? '';
        s.formats.set(row - 1, col - 1, oldFormat);
        s.formulas.set(row - 1, col - 1, oldFormula);
        throw new UserEditRefused('invalid', rejectionMessage(rule, s.name, row, col));
      }
      s.touch();
      return {
        range: new RangeFake(ctx, s, rect),
        source: new SpreadsheetFake(ctx),
        user: new UserFake(edit.user),
        value: asText(newStored),
        oldValue: asText(oldStored),
      };
    },
  };
}
