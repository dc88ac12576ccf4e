/**
 * Checking values against data validation rules, for a person's entry (host.ts) and for SCRIPT writes.
 *
 * Script writes (the stricter case, modelled per the product SPEC, "Version 2 › Real Sheets"):
 *   "A script write (setValues, appendRow, setValue) into a cell whose data validation rejects invalid input
 *   throws ("The data you entered in cell … violates the data validation rules set on this sheet") and writes
 *   nothing."
 * Google's reference (developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object),
 * …/data-validation-builder#setAllowInvalid(Boolean)) says nothing about script writes into a reject-input cell;
 * public reports conflict (some say scripts bypass validation, others quote the exception above from real runs).
 * Where the reference is silent the stand-in models the stricter behaviour:
 * - every value-writing call (Range.setValue/setValues, Sheet.appendRow) first types each
 *   new value as the cell would store it, and checks it against the cell's rule when that rule rejects input
 *   (allowInvalid false); the first offending cell in row-major order is named in A1 and the WHOLE call is
 *   refused (nothing written, no row added);
 * - warning rules (allowInvalid true) never block;
 * - an empty value ('' / null) always passes: Sheets does not flag an empty cell under a dropdown (list) rule,
 *   nor under any other rule (unverified for the other criteria; the reference is silent);
 * - formulas are checked by the value the stand-in gives them (typing.ts), which for most real formulas is
 *   "#ERROR!" — stricter than Sheets, which checks the computed result.
 */
import { rectToA1 } from './a1';
import type { CellEnv } from './cells';
import { writeCell } from './cells';
import { ERR, gasError } from './errors';
import { type CellValue, SheetData, type ValidationRuleData } from './model';
import { displayValue } from './numberFormat';

/**
 * Whether a stored value satisfies a rule (empty cells always do): a dropdown's list holds its display text; a
 * number rule needs a number ≥ its bound (Dates are checked as stored serials). The builder makes no other criteria.
 */
export function satisfiesRule(rule: ValidationRuleData, value: CellValue, format: string | undefined): boolean {
  const arg = rule.args[0];
  if (value === '') return true;
  if (rule.criteria === 'VALUE_IN_LIST') return Array.isArray(arg) && arg.includes(displayValue(value, format));
  if (rule.criteria === 'NUMBER_GREATER_THAN_OR_EQUAL_TO') return typeof value === 'number' && value >= Number(arg);
  return true;
}

/** Help text Sheets shows when it rejects a manual entry (unverified wording for the default). */
export function rejectionMessage(rule: ValidationRuleData, sheetName: string, row: number, col: number): string {
  return (
    rule.helpText ??
    `Input must fall within specified range (${sheetName}!${rectToA1({ row, col, numRows: 1, numCols: 1 })}).`
  );
}

/** One cell a script is about to write (0-based r, c) with the rule and number format it will have then. */
export interface PendingCell {
  r: number;
  c: number;
  input: unknown;
  rule: ValidationRuleData | undefined;
  format: string | undefined;
}

/**
 * Throws Apps Script's validation exception naming the first cell (in the given order) whose new value a
 * reject-input rule refuses. Values are typed on a scratch sheet exactly as writeCell would store them, so nothing
 * of the real sheet changes before the whole call is known to pass.
 */
export function assertScriptWriteValid(cells: Iterable<PendingCell>, env: CellEnv): void {
  let scratch: SheetData | null = null;
  for (const cell of cells) {
    const rule = cell.rule;
    if (!rule || rule.allowInvalid) continue;
    if (cell.input === '' || cell.input === null || cell.input === undefined) continue;
    scratch ??= new SheetData('', -1, 1, 1);
    scratch.values = [];
    scratch.formats.rows = [];
    scratch.formulas.rows = [];
    if (cell.format !== undefined) scratch.formats.set(0, 0, cell.format);
    writeCell(scratch, 0, 0, cell.input, env);
    const stored = scratch.values[0]?.[0] ?? '';
    if (!satisfiesRule(rule, stored, scratch.formats.get(0, 0))) {
      throw gasError(ERR.validationRejected(rectToA1({ row: cell.r + 1, col: cell.c + 1, numRows: 1, numCols: 1 })));
    }
  }
}

/** The cells of a rectangle write (row-major), with `inputAt(i, j)` giving each new value. */
export function* rectCells(
  sheet: SheetData,
  rect: { row: number; col: number; numRows: number; numCols: number },
  inputAt: (i: number, j: number) => unknown,
): Generator<PendingCell> {
  for (let i = 0; i < rect.numRows; i++) {
    const r = rect.row - 1 + i;
    const ruleRow = sheet.validations.rows[r];
    if (ruleRow === undefined) continue;
    for (let j = 0; j < rect.numCols; j++) {
      const c = rect.col - 1 + j;
      const rule = ruleRow[c];
      if (rule === undefined) continue;
      yield { r, c, input: inputAt(i, j), rule, format: sheet.formats.get(r, c) };
    }
  }
}
