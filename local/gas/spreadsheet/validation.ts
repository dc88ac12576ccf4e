/**
 * Data validation: SpreadsheetApp.newDataValidation() builder and DataValidation rules. The check of a value
 * against a rule, and the refusal of script writes, live in rules.ts.
 *
 * Behaviour modelled (see rules.ts for the details and sources):
 * - A rule that rejects input (allowInvalid false) refuses a person's entry (host userEdit/userEditRange) AND a
 *   script write: Range.setValue/setValues/setFormula/setFormulas and Sheet.appendRow throw
 *   "The data you entered in cell X violates the data validation rules set on this sheet." naming the first
 *   offending cell, and change nothing (the whole call is refused). Google's reference is silent on script
 *   writes and public reports conflict (some say scripts bypass validation); the stricter case is modelled,
 *   as the product SPEC (Version 2 › Real Sheets) requires.
 * - A warning rule (allowInvalid true, the default) never blocks: the value is written and the cell is marked
 *   invalid; host validationViolations() lists such cells (also cells made invalid by a rule set afterwards).
 * - An empty value ('' / null, clearContent) always passes: an empty cell is not flagged by a dropdown in Sheets.
 * Defaults as documented: allowInvalid true, helpText null, showDropdown true.
 */
import type { Ctx } from './context';
import { type CriteriaKey, DATA_VALIDATION_CRITERIA, EnumValue } from './enums';
import { checkArgs, gasError } from './errors';
import type { RuleArg, ValidationRuleData } from './model';
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

export { rejectionMessage, satisfiesRule } from './rules';
