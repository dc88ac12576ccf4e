/** The Customers column map with custom fields: fixed part unchanged, one typed column per field after Lost reason. */

import { CUSTOMER_COLUMNS, customerColumnsWith } from '../../../src/domain/columns';
import {
  customColumnsLayout,
  customerColumnsFor,
  customFieldKey,
  searchedCustomIndexes,
} from '../../../src/domain/customFields';
import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { EMPLOYEES, FIELDS, INDUSTRY, REGION, RENEWAL } from './fixtures';

/** The first 19 columns of a map, as comparable data. */
function fixedPart(map: { list: readonly unknown[] }): unknown[] {
  return map.list.slice(0, CUSTOMER_COLUMNS.width);
}

describe('customerColumnsWith (columns.ts)', () => {
  it('is CUSTOMER_COLUMNS when nothing is added', () => {
    const map = customerColumnsWith([]);
    expect(map.list).toEqual(CUSTOMER_COLUMNS.list);
    expect(map.headers).toEqual(CUSTOMER_COLUMNS.headers);
  });

  it('refuses an extra field whose key is a fixed one', () => {
    expect(() => customerColumnsWith([{ key: 'name', header: 'Name 2', kind: 'text' }])).toThrow(
      'Field name appears twice',
    );
  });
});

describe('customerColumnsFor', () => {
  it('puts one column per field after Lost reason, header = name, stored by type', () => {
    const map = customerColumnsFor(FIELDS);
    expect(map.width).toBe(CUSTOMER_HEADERS.length + 4);
    expect(map.headers).toEqual([...CUSTOMER_HEADERS, 'Industry', 'Employees', 'Renewal', 'Region']);
    expect(map.of[customFieldKey('Industry')]).toEqual({
      key: 'custom:Industry',
      header: 'Industry',
      kind: 'text',
      index: 19,
      column: 20,
    });
    expect(map.list.slice(19).map((c) => [c.header, c.kind])).toEqual([
      ['Industry', 'text'],
      ['Employees', 'number'],
      ['Renewal', 'date'],
      ['Region', 'text'],
    ]);
    expect(fixedPart(map)).toEqual(CUSTOMER_COLUMNS.list);
  });

  it('keeps the fixed part whatever the definitions: renamed, reordered, removed, none', () => {
    const variants = [
      [],
      [REGION, RENEWAL, EMPLOYEES, INDUSTRY],
      [{ ...INDUSTRY, name: 'Sector' }, EMPLOYEES],
      [RENEWAL],
    ];
    for (const definitions of variants) {
      const map = customerColumnsFor(definitions);
      expect(fixedPart(map)).toEqual(CUSTOMER_COLUMNS.list);
      expect(map.headers.slice(CUSTOMER_HEADERS.length)).toEqual(definitions.map((d) => d.name));
    }
  });

  it('keys a field named like a fixed key apart from it (custom:<name>)', () => {
    const map = customerColumnsFor([{ ...REGION, name: 'status' }]);
    expect(map.of.status).toEqual(CUSTOMER_COLUMNS.of.status);
    expect(map.of['custom:status']).toMatchObject({ header: 'status', column: 20 });
  });
});

describe('customColumnsLayout', () => {
  const fixed = [...CUSTOMER_HEADERS];

  it('on a tab with only the fixed columns, appends every field in the table order', () => {
    const layout = customColumnsLayout(fixed, FIELDS);
    expect(layout.append.map((f) => f.header)).toEqual(['Industry', 'Employees', 'Renewal', 'Region']);
    expect(layout.kept).toEqual([]);
    expect(layout.map.headers).toEqual(customerColumnsFor(FIELDS).headers);
  });

  it('finds columns where they are (moved by hand, header typed in another case) and appends only the new', () => {
    const layout = customColumnsLayout([...fixed, 'REGION', 'Industry'], FIELDS);
    expect(layout.append.map((f) => f.header)).toEqual(['Employees', 'Renewal']);
    expect(layout.map.of['custom:Region']).toMatchObject({ column: 20, kind: 'text' });
    expect(layout.map.of['custom:Industry']).toMatchObject({ column: 21 });
    expect(layout.map.of['custom:Employees']).toMatchObject({ column: 22, kind: 'number' });
    expect(layout.map.of['custom:Renewal']).toMatchObject({ column: 23, kind: 'date' });
    expect(fixedPart(layout.map)).toEqual(CUSTOMER_COLUMNS.list);
  });

  it('reordering the definitions moves nothing: each column stays where its data is', () => {
    const tab = [...fixed, 'Industry', 'Employees', 'Renewal', 'Region'];
    const layout = customColumnsLayout(tab, [REGION, RENEWAL, EMPLOYEES, INDUSTRY]);
    expect(layout.append).toEqual([]);
    expect(layout.map.headers).toEqual(tab);
    expect(layout.map.of['custom:Region']?.column).toBe(23);
  });

  it('keeps a column whose field was renamed or removed (never removed, data kept) and adds the new name', () => {
    const tab = [...fixed, 'Industry', 'Employees'];
    const layout = customColumnsLayout(tab, [{ ...INDUSTRY, name: 'Sector' }]);
    expect(layout.kept).toEqual([
      { header: 'Industry', column: 20 },
      { header: 'Employees', column: 21 },
    ]);
    expect(layout.append.map((f) => f.header)).toEqual(['Sector']);
    expect(layout.map.headers).toEqual([...tab, 'Sector']);
    expect(layout.map.of['kept:20']).toMatchObject({ header: 'Industry', kind: 'text' });
    expect(layout.map.of['custom:Sector']).toMatchObject({ column: 22 });
    expect(fixedPart(layout.map)).toEqual(CUSTOMER_COLUMNS.list);
  });

  it('keeps the second of two columns with one field name, ignores trailing empty headers', () => {
    const layout = customColumnsLayout([...fixed, 'Region', 'region', '', null], [REGION]);
    expect(layout.map.of['custom:Region']?.column).toBe(20);
    expect(layout.kept).toEqual([{ header: 'region', column: 21 }]);
    expect(layout.map.width).toBe(21);
  });

  it('keeps an empty header between custom columns (a column someone inserted)', () => {
    const layout = customColumnsLayout([...fixed, '', 'Region'], [REGION]);
    expect(layout.kept).toEqual([{ header: '', column: 20 }]);
    expect(layout.map.of['custom:Region']?.column).toBe(21);
  });
});

describe('searchedCustomIndexes', () => {
  it('gives the columns of Text and Choice fields that the tab has, not Number, Date or kept ones', () => {
    const layout = customColumnsLayout([...CUSTOMER_HEADERS, 'Old', 'Region', 'Employees'], FIELDS);
    // Tab: Old (kept, 19), Region (20), Employees (21); appended: Industry (22), Renewal (23).
    expect(searchedCustomIndexes(layout.map, FIELDS)).toEqual([22, 20]);
    const before = customColumnsLayout([...CUSTOMER_HEADERS, 'Region'], []);
    expect(searchedCustomIndexes(before.map, FIELDS)).toEqual([]);
  });
});
