/**
 * Data validation: SpreadsheetApp.newDataValidation() builder, DataValidation rules, and the
 * host-side check of a cell against its rule.
 *
 * Real behaviour kept: rules are stored, shown (dropdowns) and checked on MANUAL entry only.
 * Script writes (setValue/setValues/appendRow) are not blocked by validation, even "reject input"
 * rules: the invalid value is written and the cell gets Sheets' red "invalid" marker (reported
 * widely: "script-based changes bypass the standard validation checks"). `validationViolations`
 * in host.ts lists such cells. Defaults as documented: allowInvalid true, helpText null,
 * showDropdown true.
 */
import { rectToA1 } from './a1';
import type { Ctx } from './context';
import { type CriteriaKey, DATA_VALIDATION_CRITERIA, EnumValue } from './enums';
import { checkArgs, gasError } from './errors';
import type { CellValue, RuleArg, ValidationRuleData, Workbook } from './model';
import { displayValue } from './numberFormat';
import { RangeFake } from './range';

type Criteria = { key: CriteriaKey; args: RuleArg[] } | null;

export class DataValidationFake {
  readonly gasTypeName = 'SpreadsheetApp.DataValidation';

  constructor(
    private readonly ctx: Ctx,
    /** The stored rule (host-side data). */
    readonly data: ValidationRuleData,
  ) {}

  toString(): string {
    return 'DataValidation';
  }

  getCriteriaType(): EnumValue {
    this.ctx.count('DataValidation.getCriteriaType');
    return DATA_VALIDATION_CRITERIA[this.data.criteria as CriteriaKey];
  }

  getCriteriaValues(): unknown[] {
    this.ctx.count('DataValidation.getCriteriaValues');
    return criteriaValues(this.ctx, this.data.args);
  }

  getAllowInvalid(): boolean {
    this.ctx.count('DataValidation.getAllowInvalid');
    return this.data.allowInvalid;
  }

  getHelpText(): string | null {
    this.ctx.count('DataValidation.getHelpText');
    return this.data.helpText;
  }

  copy(): DataValidationBuilderFake {
    this.ctx.count('DataValidation.copy');
    return new DataValidationBuilderFake(this.ctx, {
      key: this.data.criteria as CriteriaKey,
      args: [...this.data.args],
    }, this.data.allowInvalid, this.data.helpText);
  }
}

function criteriaValues(ctx: Ctx, args: readonly RuleArg[]): unknown[] {
  return args.map((a) => {
    if (Array.isArray(a)) return [...a];
    if (a !== null && typeof a === 'object') {
      if ('range' in a) {
        const sheet = ctx.wb.sheetById(a.range.sheetId);
        if (!sheet) return null;
        return new RangeFake(ctx, sheet, a.range);
      }
      return ctx.newDate(Date.parse(a.$date));
    }
    return a;
  });
}

export class DataValidationBuilderFake {
  readonly gasTypeName = 'SpreadsheetApp.DataValidationBuilder';

  constructor(
    private readonly ctx: Ctx,
    private criteria: Criteria = null,
    private allowInvalid = true,
    private helpText: string | null = null,
  ) {}

  toString(): string {
    return 'DataValidationBuilder';
  }

  private set(key: CriteriaKey, args: RuleArg[]): DataValidationBuilderFake {
    this.criteria = { key, args };
    return this;
  }

  requireValueInList(values: unknown, showDropdown?: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireValueInList');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireValueInList', 'a', 'ab');
    const items = (values as unknown[]).map((v) => (typeof v === 'string' ? v : String(v)));
    return this.set('VALUE_IN_LIST', [items, showDropdown === undefined ? true : Boolean(showDropdown)]);
  }

  requireValueInRange(range: unknown, showDropdown?: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireValueInRange');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireValueInRange', 'r', 'rb');
    const r = range as RangeFake;
    return this.set('VALUE_IN_RANGE', [
      { range: { sheetId: r.sheetData.sheetId, ...r.rect } },
      showDropdown === undefined ? true : Boolean(showDropdown),
    ]);
  }

  requireNumberGreaterThanOrEqualTo(n: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireNumberGreaterThanOrEqualTo');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireNumberGreaterThanOrEqualTo', 'n');
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n as number]);
  }

  requireNumberGreaterThan(n: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireNumberGreaterThan');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireNumberGreaterThan', 'n');
    return this.set('NUMBER_GREATER_THAN', [n as number]);
  }

  requireNumberLessThan(n: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireNumberLessThan');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireNumberLessThan', 'n');
    return this.set('NUMBER_LESS_THAN', [n as number]);
  }

  requireNumberLessThanOrEqualTo(n: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireNumberLessThanOrEqualTo');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireNumberLessThanOrEqualTo', 'n');
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n as number]);
  }

  requireNumberBetween(start: unknown, end: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireNumberBetween');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireNumberBetween', 'nn');
    return this.set('NUMBER_BETWEEN', [start as number, end as number]);
  }

  requireNumberEqualTo(n: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireNumberEqualTo');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireNumberEqualTo', 'n');
    return this.set('NUMBER_EQUAL_TO', [n as number]);
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireCheckbox');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireCheckbox', '', 'x', 'xx');
    const args: RuleArg[] = [];
    for (const v of Array.from(arguments as ArrayLike<unknown>)) {
      args.push(typeof v === 'number' || typeof v === 'boolean' ? v : String(v));
    }
    void checked;
    void unchecked;
    return this.set('CHECKBOX', args);
  }

  requireTextIsEmail(): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireTextIsEmail');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireTextIsEmail', '');
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireTextIsUrl');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireTextIsUrl', '');
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireTextContains(text: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireTextContains');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireTextContains', 's');
    return this.set('TEXT_CONTAINS', [String(text)]);
  }

  requireFormulaSatisfied(formula: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireFormulaSatisfied');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireFormulaSatisfied', 's');
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }

  setAllowInvalid(allowInvalidData: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.setAllowInvalid');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.setAllowInvalid', 'b');
    this.allowInvalid = allowInvalidData as boolean;
    return this;
  }

  setHelpText(helpText: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.setHelpText');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.setHelpText', 's');
    this.helpText = String(helpText);
    return this;
  }

  getCriteriaType(): EnumValue | null {
    this.ctx.count('DataValidationBuilder.getCriteriaType');
    return this.criteria ? DATA_VALIDATION_CRITERIA[this.criteria.key] : null;
  }

  getCriteriaValues(): unknown[] {
    this.ctx.count('DataValidationBuilder.getCriteriaValues');
    return this.criteria ? criteriaValues(this.ctx, this.criteria.args) : [];
  }

  getAllowInvalid(): boolean {
    this.ctx.count('DataValidationBuilder.getAllowInvalid');
    return this.allowInvalid;
  }

  getHelpText(): string | null {
    this.ctx.count('DataValidationBuilder.getHelpText');
    return this.helpText;
  }

  copy(): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.copy');
    return new DataValidationBuilderFake(
      this.ctx,
      this.criteria ? { key: this.criteria.key, args: [...this.criteria.args] } : null,
      this.allowInvalid,
      this.helpText,
    );
  }

  build(): DataValidationFake {
    this.ctx.count('DataValidationBuilder.build');
    // Unverified wording: a rule without criteria cannot be built.
    if (!this.criteria) throw gasError('A data validation rule must have criteria.');
    const data: ValidationRuleData = Object.freeze({
      criteria: this.criteria.key,
      args: Object.freeze(this.criteria.args.map((a) => (Array.isArray(a) ? Object.freeze([...a]) as string[] : a))),
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
    return new DataValidationFake(this.ctx, data);
  }
}

/** Whether a stored value satisfies a rule (empty cells always do). Formulas/dates are not checked. */
export function satisfiesRule(wb: Workbook, rule: ValidationRuleData, value: CellValue, format: string | undefined): boolean {
  if (value === '') return true;
  const args = rule.args;
  const n = typeof value === 'number' ? value : null;
  const num = (i: number): number => (typeof args[i] === 'number' ? (args[i] as number) : NaN);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const items = Array.isArray(args[0]) ? (args[0] as string[]) : [];
      return items.includes(displayValue(value, format));
    }
    case 'VALUE_IN_RANGE': {
      const ref = args[0];
      if (ref === null || typeof ref !== 'object' || Array.isArray(ref) || !('range' in ref)) return true;
      const sheet = wb.sheetById(ref.range.sheetId);
      if (!sheet) return true;
      const shown = displayValue(value, format);
      for (let r = ref.range.row - 1; r < ref.range.row - 1 + ref.range.numRows; r++) {
        const row = sheet.values[r];
        if (!row) continue;
        for (let c = ref.range.col - 1; c < ref.range.col - 1 + ref.range.numCols; c++) {
          const v = row[c];
          if (v !== undefined && v !== '' && displayValue(v, sheet.formats.get(r, c)) === shown) return true;
        }
      }
      return false;
    }
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= num(0);
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > num(0);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < num(0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= num(0);
    case 'NUMBER_BETWEEN':
      return n !== null && n >= num(0) && n <= num(1);
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === num(0);
    case 'CHECKBOX':
      if (args.length === 0) return typeof value === 'boolean';
      return args.some((a) => a !== null && typeof a !== 'object' && displayValue(value, format) === displayValue(a, undefined));
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && /^(https?|ftp):\/\/[^\s]+$/i.test(value);
    case 'TEXT_CONTAINS':
      return typeof value === 'string' && value.includes(String(args[0]));
    default:
      return true;
  }
}

/** Help text Sheets shows when it rejects a manual entry (unverified wording for the default). */
export function rejectionMessage(rule: ValidationRuleData, sheetName: string, row: number, col: number): string {
  return rule.helpText ?? `Input must fall within specified range (${sheetName}!${rectToA1({ row, col, numRows: 1, numCols: 1 })}).`;
}
