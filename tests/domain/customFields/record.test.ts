/** customer.custom ⇄ the custom:<name> entries of a row record read or written through the column map. */

import { customColumnsOf, customValuesOf } from '../../../src/domain/customFields';
import { FIELDS } from './fixtures';

describe('customValuesOf', () => {
  it('takes each defined field from its custom:<name> entry', () => {
    const record = {
      name: 'Ann',
      'custom:Industry': 'Tech',
      'custom:Employees': 12,
      'custom:Renewal': '2026-04-01',
      'custom:Region': 'North',
      'kept:24': 'old data',
    };
    expect(customValuesOf(record, FIELDS)).toEqual({
      Industry: 'Tech',
      Employees: 12,
      Renewal: '2026-04-01',
      Region: 'North',
    });
  });

  it('gives a field without a column (Set up not run yet) or of the wrong shape its empty value', () => {
    expect(customValuesOf({ 'custom:Employees': 'twelve', 'custom:Region': 7 }, FIELDS)).toEqual({
      Industry: '',
      Employees: null,
      Renewal: '',
      Region: '',
    });
  });

  it('never takes a value off the prototype', () => {
    expect(customValuesOf({}, [{ name: 'constructor', type: 'Text', choices: [], required: false }])).toEqual({
      constructor: '',
    });
  });
});

describe('customColumnsOf', () => {
  it('gives every defined field an entry, absent ones empty; values of undefined fields are left out', () => {
    expect(customColumnsOf({ Industry: 'Retail', Gone: 'x' }, FIELDS)).toEqual({
      'custom:Industry': 'Retail',
      'custom:Employees': null,
      'custom:Renewal': '',
      'custom:Region': '',
    });
  });

  it('round-trips with customValuesOf', () => {
    const custom = { Industry: 'Tech', Employees: -1.5, Renewal: '2026-12-31', Region: '=1+1' };
    expect(customValuesOf(customColumnsOf(custom, FIELDS), FIELDS)).toEqual(custom);
  });
});
