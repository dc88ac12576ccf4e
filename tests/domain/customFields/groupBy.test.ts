/** The Pipeline tab's group-by of a Choice field: count and deal value per choice, worked by hand. */

import {
  type CustomFieldDefinition,
  type GroupedCustomer,
  groupByChoice,
  groupFieldFromSetting,
} from '../../../src/domain/customFields';
import { DEFAULT_STAGE_PROBABILITIES, type Status } from '../../../src/domain/statuses';
import { EMPLOYEES, FIELDS, INDUSTRY } from './fixtures';

function customer(status: Status, dealValue: number | null, industry?: unknown): GroupedCustomer {
  return { status, dealValue, custom: industry === undefined ? {} : { Industry: industry as string } };
}

describe('groupByChoice', () => {
  it('sums count and deal value per choice, in the definition order, blanks last as (none)', () => {
    // Default probabilities: Lead 0.1, Qualified 0.4, Closed-won 1, Closed-lost 0.
    const customers = [
      customer('Lead', 1000, 'Retail'), //        Retail: weighted 100
      customer('Qualified', 2000.25, 'retail'), // Retail: weighted 800.1 (hand-typed case still counts)
      customer('Closed-won', 500, 'Tech'), //     Tech:   weighted 500, not open
      customer('Closed-lost', 300, ''), //        (none): weighted 0, not open
      customer('Lead', null), //                  (none): no deal value, no field at all
      customer('Lead', 100, 'Mining'), //         Mining: a value that is not a choice
    ];
    const groups = groupByChoice(customers, INDUSTRY, DEFAULT_STAGE_PROBABILITIES);
    expect(groups.field).toBe('Industry');
    expect(groups.rows).toEqual([
      {
        choice: 'Retail',
        label: 'Retail',
        kind: 'choice',
        count: 2,
        openCount: 2,
        totalValue: 3000.25,
        openValue: 3000.25,
        weightedValue: 900.1,
      },
      {
        choice: 'Tech',
        label: 'Tech',
        kind: 'choice',
        count: 1,
        openCount: 0,
        totalValue: 500,
        openValue: 0,
        weightedValue: 500,
      },
      {
        choice: 'Health care',
        label: 'Health care',
        kind: 'choice',
        count: 0,
        openCount: 0,
        totalValue: 0,
        openValue: 0,
        weightedValue: 0,
      },
      {
        choice: 'Mining',
        label: 'Mining',
        kind: 'other',
        count: 1,
        openCount: 1,
        totalValue: 100,
        openValue: 100,
        weightedValue: 10,
      },
      {
        choice: '',
        label: '(none)',
        kind: 'none',
        count: 2,
        openCount: 1,
        totalValue: 300,
        openValue: 0,
        weightedValue: 0,
      },
    ]);
  });

  it('adds up to the customers and their deal values', () => {
    const statuses: Status[] = ['Lead', 'Contacted', 'In negotiation', 'Active', 'Dormant'];
    const values = ['Retail', 'Tech', '', 'other', 'TECH'];
    const customers = Array.from({ length: 50 }, (_, i) =>
      customer(statuses[i % 5] as Status, i * 10.1, values[i % values.length]),
    );
    const rows = groupByChoice(customers, INDUSTRY, DEFAULT_STAGE_PROBABILITIES).rows;
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(50);
    const total = customers.reduce((s, c) => s + (c.dealValue ?? 0), 0);
    expect(rows.reduce((s, r) => s + r.totalValue, 0)).toBeCloseTo(total, 2);
    expect(rows.find((r) => r.choice === 'Tech')?.count).toBe(20);
  });

  it('sorts values that are not choices by text and shows them as first spelled', () => {
    const rows = groupByChoice(
      [customer('Lead', 1, 'zeta'), customer('Lead', 1, 'Alpha'), customer('Lead', 1, 'ALPHA')],
      INDUSTRY,
      DEFAULT_STAGE_PROBABILITIES,
    ).rows.filter((r) => r.kind === 'other');
    expect(rows.map((r) => [r.choice, r.count])).toEqual([
      ['Alpha', 2],
      ['zeta', 1],
    ]);
  });

  it('shows every choice and no (none) row when there are no customers', () => {
    const rows = groupByChoice([], INDUSTRY, DEFAULT_STAGE_PROBABILITIES).rows;
    expect(rows.map((r) => r.label)).toEqual(['Retail', 'Tech', 'Health care']);
  });
});

describe('groupFieldFromSetting', () => {
  const defs: CustomFieldDefinition[] = [...FIELDS];

  it('finds the Choice field the owner names (any case); blank means no table', () => {
    expect(groupFieldFromSetting(' industry ', defs)).toEqual({ field: INDUSTRY, problem: null });
    expect(groupFieldFromSetting('', defs)).toEqual({ field: null, problem: null });
  });

  it('reports a name that is no field, or a field that is not a Choice', () => {
    expect(groupFieldFromSetting('Sector', defs)).toEqual({
      field: null,
      problem: 'Settings: "Group Pipeline by" names "Sector", which is not a custom field (Choice fields: Industry).',
    });
    expect(groupFieldFromSetting('Employees', [EMPLOYEES])).toEqual({
      field: null,
      problem:
        'Settings: "Group Pipeline by" names "Employees", a Number field; only a Choice field can group the Pipeline (no Choice field is defined).',
    });
  });
});
