/** The sidebar's custom-field controls: one per definition, keyed as their errors are; values as control text. */

import { customControlText, customFormFields, validateNewCustomValues } from '../../../src/domain/customFields';
import { FIELDS, required } from './fixtures';

describe('customFormFields', () => {
  it('gives each type its control, in the table order, keyed custom.<name>', () => {
    const fields = customFormFields([required(FIELDS[0] as (typeof FIELDS)[number]), ...FIELDS.slice(1)]);
    expect(fields).toEqual([
      {
        key: 'custom.Industry',
        name: 'Industry',
        kind: 'choice',
        required: true,
        choices: ['Retail', 'Tech', 'Health care'],
      },
      { key: 'custom.Employees', name: 'Employees', kind: 'decimal', required: false, choices: [] },
      { key: 'custom.Renewal', name: 'Renewal', kind: 'date', required: false, choices: [] },
      { key: 'custom.Region', name: 'Region', kind: 'text', required: false, choices: [] },
    ]);
  });

  it('keys each control as the server keys its error', () => {
    const result = validateNewCustomValues({ Employees: 'many' }, FIELDS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const keys = customFormFields(FIELDS).map((f) => f.key);
    expect(Object.keys(result.errors).every((key) => keys.includes(key))).toBe(true);
  });

  it('does not share the definition’s choices (a control may not change Settings’ list)', () => {
    const [industry] = customFormFields(FIELDS);
    industry?.choices.push('Mining');
    expect(FIELDS[0]?.choices).toEqual(['Retail', 'Tech', 'Health care']);
  });
});

describe('customControlText', () => {
  it('shows no value as empty and numbers as plain digits the server reads back', () => {
    expect([null, undefined, '', 1200.5, -3, 'Tech', '2026-04-01'].map(customControlText)).toEqual([
      '',
      '',
      '',
      '1200.5',
      '-3',
      'Tech',
      '2026-04-01',
    ]);
    const back = validateNewCustomValues({ Employees: customControlText(1200.5) }, FIELDS);
    expect(back.ok && back.value.Employees).toBe(1200.5);
  });
});
