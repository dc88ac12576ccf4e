/**
 * The Pipeline tab's "by <Choice field>" table (e.g. deal value by Industry): count and deal value per choice, in the
 * style of the By-stage and By-owner tables of src/domain/pipeline (pure, one pass, money rounded to the cent, rows
 * add up to the totals). Which field is grouped by is a Settings value the owner writes; groupFieldFromSetting reads it.
 */

import { compareText, roundMoney } from '../pipeline/time';
import type { PipelineCustomer } from '../pipeline/types';
import { OPEN_STATUSES, type Status } from '../statuses';
import { foldText } from '../text';
import { quote } from '../validation';
import { type CustomFieldDefinition, type CustomValues, ownCustomValue } from './types';

/** The Settings row (F "Setting" / G "Value") naming the Choice field the Pipeline tab groups by. */
export const GROUP_BY_SETTING_LABEL = 'Group Pipeline by';
/** How the row of customers with no value is shown. */
export const NO_CHOICE_LABEL = '(none)';

/** The part of a customer the table reads: the pipeline's view plus its custom values. */
export type GroupedCustomer = Pick<PipelineCustomer, 'status' | 'dealValue'> & { custom: Readonly<CustomValues> };

export interface ChoiceRow {
  /** The choice as the definition spells it; a value no longer among the choices as first found; '' for none. */
  choice: string;
  /** What the tab shows: the choice, or NO_CHOICE_LABEL. */
  label: string;
  /** 'other': a value that is not (any more) one of the choices (typed by hand, a choice removed); 'none': blank. */
  kind: 'choice' | 'other' | 'none';
  count: number;
  openCount: number;
  /** Sum of deal values (a missing deal value counts as 0, as in the By-stage table). */
  totalValue: number;
  /** Deal value of the customers in an open stage. */
  openValue: number;
  /** Deal value × the stage's probability, summed (the rows add up to the By-stage weighted total). */
  weightedValue: number;
}

export interface ChoiceGroups {
  field: string;
  /** Every choice in the definition's order (empty ones too, as every stage is shown), then others, then (none). */
  rows: ChoiceRow[];
}

function dealValue(customer: GroupedCustomer): number {
  const v = customer.dealValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * Customers grouped by the Choice field `definition`. Values are matched to choices case- and accent-insensitively
 * (a hand-typed "retail" counts for "Retail"); a value matching no choice gets its own row after the choices
 * (sorted by text, unlisted), blanks the last row. `probabilities` are the effective ones the summary uses.
 */
export function groupByChoice(
  customers: readonly GroupedCustomer[],
  definition: CustomFieldDefinition,
  probabilities: Readonly<Record<Status, number>>,
): ChoiceGroups {
  type Sums = Omit<ChoiceRow, 'totalValue' | 'openValue' | 'weightedValue'> & {
    total: number;
    open: number;
    weighted: number;
  };
  const groups = new Map<string, Sums>();
  const start = (choice: string, kind: ChoiceRow['kind']): Sums => ({
    choice,
    label: kind === 'none' ? NO_CHOICE_LABEL : choice,
    kind,
    count: 0,
    openCount: 0,
    total: 0,
    open: 0,
    weighted: 0,
  });
  for (const choice of definition.choices) groups.set(foldText(choice), start(choice, 'choice'));
  const others: Sums[] = [];
  let none: Sums | null = null;

  for (const customer of customers) {
    const raw = ownCustomValue(customer.custom, definition.name);
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    let sums: Sums;
    if (text === '') {
      none ??= start('', 'none');
      sums = none;
    } else {
      const key = foldText(text);
      let found = groups.get(key);
      if (found === undefined) {
        found = start(text, 'other');
        groups.set(key, found);
        others.push(found);
      }
      sums = found;
    }
    const value = dealValue(customer);
    sums.count++;
    sums.total += value;
    sums.weighted += value * (probabilities[customer.status] ?? 0);
    if (OPEN_STATUSES.includes(customer.status)) {
      sums.openCount++;
      sums.open += value;
    }
  }
  others.sort((a, b) => compareText(a.choice.toLowerCase(), b.choice.toLowerCase()) || compareText(a.choice, b.choice));
  const ordered = [...definition.choices.map((c) => groups.get(foldText(c)) as Sums), ...others];
  if (none !== null) ordered.push(none);
  return {
    field: definition.name,
    rows: ordered.map(({ total, open, weighted, ...row }) => ({
      ...row,
      totalValue: roundMoney(total),
      openValue: roundMoney(open),
      weightedValue: roundMoney(weighted),
    })),
  };
}

/**
 * The field the Pipeline tab groups by, from the Settings value of GROUP_BY_SETTING_LABEL: blank → no table; a name
 * of a Choice field (as Settings compares names) → that field; anything else → a problem line and no table.
 */
export function groupFieldFromSetting(
  value: string,
  definitions: readonly CustomFieldDefinition[],
): { field: CustomFieldDefinition | null; problem: string | null } {
  const name = value.trim();
  if (name === '') return { field: null, problem: null };
  const wanted = foldText(name);
  const field = definitions.find((d) => foldText(d.name) === wanted);
  const choiceNames = definitions.filter((d) => d.type === 'Choice').map((d) => d.name);
  const hint = choiceNames.length === 0 ? 'no Choice field is defined' : `Choice fields: ${choiceNames.join(', ')}`;
  if (field === undefined) {
    return {
      field: null,
      problem: `Settings: "${GROUP_BY_SETTING_LABEL}" names ${quote(name)}, which is not a custom field (${hint}).`,
    };
  }
  if (field.type !== 'Choice') {
    return {
      field: null,
      problem: `Settings: "${GROUP_BY_SETTING_LABEL}" names "${field.name}", a ${field.type} field; only a Choice field can group the Pipeline (${hint}).`,
    };
  }
  return { field, problem: null };
}
