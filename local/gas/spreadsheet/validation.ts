/**
 * Data validation: SpreadsheetApp.newDataValidation() builder and DataValidation rules, cut to the dropdown the
 * product makes (requireValueInList, setAllowInvalid, setHelpText) and reads back, and the number rule the tests
 * of script writes use. The check of a value against a
 * rule, and the refusal of script writes, live in rules.ts.
 *
 * Behaviour modelled (see rules.ts for the details and sources):
 * - A rule that rejects input (allowInvalid false) refuses a person's entry (host userEdit/userEditRange) AND a
 *   script write: Range.setValue/setValues and Sheet.appendRow throw
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
import { type CriteriaKey, DATA_VALIDATION_CRITERIA, type EnumValue } from './enums';
import { checkArgs, gasError } from './errors';
import type { RuleArg, ValidationRuleData } from './model';
import type { GasSurface } from '../surface';

export class DataValidationFake
  implements
    GasSurface<
      GoogleAppsScript.Spreadsheet.DataValidation,
      'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues',
      'getCriteriaType'
    >
{
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

  getCriteriaValues(): RuleArg[] {
    this.ctx.count('DataValidation.getCriteriaValues');
    return this.data.args.map((a) => (Array.isArray(a) ? [...a] : a));
  }

  getAllowInvalid(): boolean {
    this.ctx.count('DataValidation.getAllowInvalid');
    return this.data.allowInvalid;
  }
}

export class DataValidationBuilderFake
  implements
    GasSurface<
      GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      'build' | 'requireNumberGreaterThanOrEqualTo' | 'requireValueInList' | 'setAllowInvalid' | 'setHelpText'
    >
{
  readonly gasTypeName = 'SpreadsheetApp.DataValidationBuilder';
  private criteria: { key: CriteriaKey; args: RuleArg[] } | null = null;
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(private readonly ctx: Ctx) {}

  toString(): string {
    return 'DataValidationBuilder';
  }

  requireValueInList(values: unknown, showDropdown?: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireValueInList');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireValueInList', 'a', 'ab');
    const items = (values as unknown[]).map((v) => (typeof v === 'string' ? v : String(v)));
    this.criteria = { key: 'VALUE_IN_LIST', args: [items, showDropdown === undefined ? true : Boolean(showDropdown)] };
    return this;
  }

  /** Not called by the product: kept for the tests of script writes into reject-input cells (scriptWrites.test.ts). */
  requireNumberGreaterThanOrEqualTo(n: unknown): DataValidationBuilderFake {
    this.ctx.count('DataValidationBuilder.requireNumberGreaterThanOrEqualTo');
    checkArgs(arguments, 'SpreadsheetApp.DataValidationBuilder.requireNumberGreaterThanOrEqualTo', 'n');
    this.criteria = { key: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', args: [n as number] };
    return this;
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

  build(): DataValidationFake {
    this.ctx.count('DataValidationBuilder.build');
    // Unverified wording: a rule without criteria cannot be built.
    if (!this.criteria) throw gasError('A data validation rule must have criteria.');
    const data: ValidationRuleData = Object.freeze({
      criteria: this.criteria.key,
      args: Object.freeze(this.criteria.args.map((a) => (Array.isArray(a) ? (Object.freeze([...a]) as string[]) : a))),
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
    return new DataValidationFake(this.ctx, data);
  }
}
