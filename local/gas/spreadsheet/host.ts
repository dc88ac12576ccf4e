/**
 * Host-side helpers for tests and the preview server: read the workbook without going through
 * (or counting) Apps Script calls, list cells that break their validation rule, simulate a
 * person editing a cell or a block by hand (what an onEdit simple trigger would then receive), deleting rows by
 * hand (no event), typing while an execution runs (interleave), and sharing the file later (shareWith/unshare).
 */
import type { Runtime } from '../runtime';
import { type Rect, parseA1, rectToA1, resolveA1 } from './a1';
import { blockingProtection, sheetProtectionBlocks } from './access';
import { type ReadValue, readDisplayValues, readFormulas, readValues, writeCell } from './cells';
import { Ctx } from './context';
import { ERR } from './errors';
import type { CellValue, SheetData, Workbook } from './model';
import { RangeFake } from './range';
import { SpreadsheetFake } from './spreadsheet';
import { deleteRows } from './structure';
import type { UiLog } from './uiLog';
import { UserFake } from './user';
import { rejectionMessage, satisfiesRule } from './rules';

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

/**
 * A person pastes (Ctrl+V), fills down, drags or clears several cells at once: `values` has the shape of the
 * range at `a1` ("B2:H4"); '' clears a cell.
 */
export interface UserRangeEdit {
  user: string;
  sheet: string;
  a1: string;
  values: string[][];
}

/**
 * What an onEdit(e) event carries (authMode/triggerUid are the trigger runner's). `value`/`oldValue` are set only
 * for a single-cell edit: "oldValue — Cell value prior to the edit, if any. Only available if the edited range is
 * a single cell." (developers.google.com/apps-script/guides/triggers/events, Google Sheets events, Edit).
 */
export interface EditEvent {
  range: RangeFake;
  source: SpreadsheetFake;
  user: UserFake;
  /** New value as text ("12", "TRUE", a date's serial); undefined when the cell was cleared. */
  value: string | undefined;
  /** Previous value as text; undefined when the cell was empty. */
  oldValue: string | undefined;
}

/**
 * A person selects whole rows and deletes them (right-click ▸ Delete rows). This changes no cell's value, so no
 * onEdit runs: "onEdit(e) runs when a user changes a value in a spreadsheet." (developers.google.com/apps-script/
 * guides/triggers#onedit); the REMOVE_ROW change type belongs to installable onChange triggers only.
 */
export interface UserRowDeletion {
  user: string;
  sheet: string;
  /** First row to delete (1-based). */
  row: number;
  count: number;
}

/** What `interleave` returns: whether the person's edit happened during the execution, and its event. */
export interface InterleavedEdit {
  /** The onEdit event of the edit, or null when it has not happened (yet) or was refused. */
  event(): EditEvent | null;
  /** Why Sheets refused the edit (protected cell, rejected value), or null. */
  refusal(): UserEditRefused | null;
  /** Whether the awaited call came (the edit was then applied or refused). */
  happened(): boolean;
  /** Stop waiting (no edit will happen). */
  cancel(): void;
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
  /**
   * Cells whose value breaks their data validation rule: under warning rules (allowInvalid true), or written before
   * the rule was set. Reject-input rules refuse script writes and manual entries (rules.ts), so they only show here
   * for values that were there first.
   */
  validationViolations(sheetName?: string): Violation[];
  /** A person types into one cell; protections and reject-input validation apply as in Sheets. */
  userEdit(edit: UserEdit): EditEvent;
  /**
   * A person pastes / fills / clears a block of cells: ONE event for the whole range, without value or oldValue.
   * A protected cell anywhere in the block, or a value that a reject-input rule refuses, refuses the whole paste
   * and nothing changes (Google's reference is silent on partial pastes: the stricter case is modelled).
   */
  userEditRange(edit: UserRangeEdit): EditEvent;
  /**
   * The file is shared with one more editor now (e.g. after Set up). A protection that still mirrors the
   * spreadsheet's sharing lets them in at once; one whose editors a script already changed does not list them.
   */
  shareWith(email: string): void;
  /** The file is no longer shared with `email` (never the owner / creator); false when they were no editor. */
  unshare(email: string): boolean;
  /**
   * A person deletes whole rows by hand: refused (UserEditRefused 'protected', nothing changes) when a protection
   * covers one of the rows or a sheet protection applies to them; no event — row deletion fires no onEdit.
   */
  userDeleteRows(deletion: UserRowDeletion): void;
  /**
   * A person types while an execution runs (the document lock does not stop people): the next time the RUNNING
   * execution calls `method` ("Class.method", e.g. "Range.setValues"), before that call does its work, `edit` is
   * applied once as userEdit / userEditRange would (same protection and validation rules). Calls made outside
   * runtime.run do not trigger it. The handle gives the event, to fire onEdit after the execution.
   */
  interleave(method: string, edit: UserEdit | UserRangeEdit): InterleavedEdit;
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

  /**
   * Types `values` into `rect` as `user` would: refused whole (nothing changed) when a protection blocks the user
   * or a reject-input rule refuses any of the new values.
   */
  const typeInto = (s: SheetData, rect: Rect, values: string[][], user: string): void => {
    if (blockingProtection(workbook, user, s, rect)) throw new UserEditRefused('protected', ERR.protectedCell);
    const env = ctx.env();
    const undo: (() => void)[] = [];
    try {
      for (let i = 0; i < rect.numRows; i++) {
        for (let j = 0; j < rect.numCols; j++) {
          const r = rect.row - 1 + i;
          const c = rect.col - 1 + j;
          const oldStored = s.values[r]?.[c];
          const oldFormat = s.formats.get(r, c);
          const oldFormula = s.formulas.get(r, c);
          undo.push(() => {
            const rowValues = s.values[r];
            if (rowValues) rowValues[c] = oldStored ?? '';
            s.formats.set(r, c, oldFormat);
            s.formulas.set(r, c, oldFormula);
          });
          writeCell(s, r, c, (values[i] as string[])[j] ?? '', env);
          const rule = s.validations.get(r, c);
          const stored = s.values[r]?.[c] ?? '';
          if (rule && !rule.allowInvalid && !satisfiesRule(rule, stored, s.formats.get(r, c))) {
            throw new UserEditRefused('invalid', rejectionMessage(rule, s.name, r + 1, c + 1));
          }
        }
      }
    } catch (error) {
      // Sheets never stores a rejected entry: every cell of the block goes back as it was.
      for (const step of undo.reverse()) step();
      throw error;
    }
    s.touch();
  };

  const userEdit = (edit: UserEdit): EditEvent => {
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
    const oldStored = s.values[row - 1]?.[col - 1];
    typeInto(s, rect, [[edit.value]], edit.user);
    const newStored = s.values[row - 1]?.[col - 1] ?? '';
    return {
      range: new RangeFake(ctx, s, rect),
      source: new SpreadsheetFake(ctx),
      user: new UserFake(edit.user),
      value: asText(newStored),
      oldValue: asText(oldStored),
    };
  };

  const userEditRange = (edit: UserRangeEdit): EditEvent => {
    const s = sheet(edit.sheet);
    const parsed = parseA1(edit.a1);
    if (!parsed) throw new Error(`stand-in: bad range ${edit.a1}`);
    const { rect } = resolveA1(parsed, s.maxRows, s.maxColumns);
    if (rect.row + rect.numRows - 1 > s.maxRows || rect.col + rect.numCols - 1 > s.maxColumns) {
      throw new Error('stand-in: userEditRange needs a range inside the sheet');
    }
    if (edit.values.length !== rect.numRows || edit.values.some((r) => r.length !== rect.numCols)) {
      throw new Error(`stand-in: userEditRange needs ${rect.numRows}×${rect.numCols} values for ${edit.a1}`);
    }
    const single = rect.numRows === 1 && rect.numCols === 1;
    const oldStored = single ? s.values[rect.row - 1]?.[rect.col - 1] : undefined;
    typeInto(s, rect, edit.values, edit.user);
    return {
      range: new RangeFake(ctx, s, rect),
      source: new SpreadsheetFake(ctx),
      user: new UserFake(edit.user),
      // "Only available if the edited range is a single cell." (value and oldValue, events guide)
      value: single ? asText(s.values[rect.row - 1]?.[rect.col - 1]) : undefined,
      oldValue: single ? asText(oldStored) : undefined,
    };
  };

  const userDeleteRows = (del: UserRowDeletion): void => {
    const s = sheet(del.sheet);
    const { row, count } = del;
    if (!Number.isInteger(row) || !Number.isInteger(count) || row < 1 || count < 1 || row + count - 1 > s.maxRows) {
      throw new Error(`stand-in: userDeleteRows needs rows inside the sheet (it has ${s.maxRows})`);
    }
    if (s.maxRows - count <= s.frozenRows)
      throw new Error('stand-in: Sheets does not let a person delete every non-frozen row');
    const rect = { row, col: 1, numRows: count, numCols: s.maxColumns };
    if (blockingProtection(workbook, del.user, s, rect) || sheetProtectionBlocks(workbook, del.user, s)) {
      throw new UserEditRefused('protected', ERR.protectedCell);
    }
    deleteRows(workbook, s, row, count);
  };

  const interleave = (method: string, edit: UserEdit | UserRangeEdit): InterleavedEdit => {
    let event: EditEvent | null = null;
    let refusal: UserEditRefused | null = null;
    let done = false;
    const stop = runtime.calls.onCall((called) => {
      if (done || called !== method || runtime.execution().id === 0) return;
      done = true;
      stop();
      try {
        event = 'values' in edit ? userEditRange(edit) : userEdit(edit);
      } catch (error) {
        if (!(error instanceof UserEditRefused)) throw error;
        refusal = error;
      }
    });
    return {
      event: () => event,
      refusal: () => refusal,
      happened: () => done,
      cancel: () => {
        done = true;
        stop();
      },
    };
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
            if (satisfiesRule(rule, value, s.formats.get(r, c))) return;
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
    userEdit,
    userEditRange,
    userDeleteRows,
    interleave,
    shareWith(email) {
      workbook.shareWith(email);
    },
    unshare(email) {
      if (email.toLowerCase() === workbook.owner.toLowerCase())
        throw new Error('stand-in: the owner / creator of the file cannot be unshared');
      return workbook.unshare(email);
    },
  };
}
