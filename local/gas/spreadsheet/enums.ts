/**
 * Apps Script enums. Real enum values are objects (not strings): `String(v)` and `v.name()` give the
 * key, `v.ordinal()` its position; they compare by identity. Code that compares them with plain
 * strings (`type === 'SHEET'`) fails in Apps Script, and fails here too.
 */

export class EnumValue {
  constructor(
    /** e.g. "SpreadsheetApp.ProtectionType" (used in signature errors). */
    readonly gasTypeName: string,
    readonly key: string,
    private readonly position: number,
  ) {
    Object.freeze(this);
  }

  toString(): string {
    return this.key;
  }

  name(): string {
    return this.key;
  }

  ordinal(): number {
    return this.position;
  }

  toJSON(): string {
    return this.key;
  }
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<K extends string>(gasTypeName: string, keys: readonly K[]): EnumOf<K> {
  const out = {} as Record<K, EnumValue>;
  keys.forEach((key, i) => {
    out[key] = new EnumValue(gasTypeName, key, i);
  });
  return Object.freeze(out);
}

export function isEnumOf(value: unknown, e: EnumOf<string>): value is EnumValue {
  return value instanceof EnumValue && e[value.key] === value;
}

/** Key names of one of Google's enums (see GasEnum in ../surface.ts). */
export type Keys<E extends object> = readonly (keyof E & string)[];

export const PROTECTION_TYPE = makeEnum('SpreadsheetApp.ProtectionType', ['RANGE', 'SHEET'] as const satisfies Keys<
  typeof GoogleAppsScript.Spreadsheet.ProtectionType
>);

export const DATA_VALIDATION_CRITERIA = makeEnum('SpreadsheetApp.DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const satisfies Keys<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>);
export type CriteriaKey = keyof typeof DATA_VALIDATION_CRITERIA;

export const BUTTON_SET = makeEnum('Ui.ButtonSet', [
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
] as const satisfies Keys<typeof GoogleAppsScript.Base.ButtonSet>);
export type ButtonSetKey = keyof typeof BUTTON_SET;

export const BUTTON = makeEnum('Ui.Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const satisfies Keys<
  typeof GoogleAppsScript.Base.Button
>);
export type ButtonKey = keyof typeof BUTTON;

export const CHART_TYPE = makeEnum('Charts.ChartType', [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const satisfies Keys<typeof GoogleAppsScript.Charts.ChartType>);
