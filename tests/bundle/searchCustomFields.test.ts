/**
 * Search over custom fields through the built bundle (SPEC "Version 2": search covers Text and Choice fields): the
 * custom values are a field of their own, ranked after phone, so a Company typed exactly still ranks as exact on a
 * row that has custom values; hostile and hand-typed custom cells are searched as the text they show.
 */

import { CUSTOMER_HEADERS } from '../../src/domain/customer';
import { type Crm, newCrm, OWNER, REP, succeeded, registered as register } from '../support/crm';

/** Settings I:L rows: Custom field | Type | Choices | Required. */
const FIELDS: readonly (readonly string[])[] = [
  ['Industry', 'Choice', 'Retail, Software, Acme', ''],
  ['Employees', 'Number', '', ''],
  ['Region', 'Text', '', ''],
];

function crmWithFields(): Crm {
  const crm = newCrm();
  FIELDS.forEach((cells, r) =>
    cells.forEach((value, c) => crm.edit({ user: OWNER, sheet: 'Settings', row: r + 2, column: 9 + c, value })),
  );
  succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm (custom fields)');
  return crm;
}

function names(crm: Crm, query: string): string[] {
  return succeeded(crm.call(REP, 'searchCustomers', query)).results.map((c) => c.name);
}

describe('search with custom fields', () => {
  it('ranks an exact Company match as exact on a row with custom values, custom matches after the fixed fields', () => {
    const crm = crmWithFields();
    register(crm, { name: 'Acme Holdings' }); // name prefix
    register(crm, { name: 'Bob', company: 'Beta', custom: { Industry: 'Acme' } }); // exact custom value
    register(crm, { name: 'Zed', company: 'Acme', custom: { Industry: 'Retail', Region: 'North' } }); // exact company
    expect(names(crm, 'acme')).toEqual(['Zed', 'Bob', 'Acme Holdings']);
    expect(names(crm, 'ACMÉ')).toEqual(['Zed', 'Bob', 'Acme Holdings']);
    // A Number field is not searched; a word in one custom field and one in another field is a spread match.
    register(crm, { name: 'Cy', custom: { Employees: 4321 } });
    expect(names(crm, '4321')).toEqual([]);
    expect(names(crm, 'zed north')).toEqual(['Zed']);
  });

  it('finds hostile custom text as the text it is, and a number typed by hand into a Text column', () => {
    const crm = crmWithFields();
    register(crm, { name: 'Dee', custom: { Region: '=SUM(A1) <b>x</b>' } });
    const eve = register(crm, { name: 'Eve', custom: { Region: 'West' } });
    expect(names(crm, '=sum(a1)')).toEqual(['Dee']);
    expect(names(crm, '<b>x</b>')).toEqual(['Dee']);
    // Someone types 12345 into Eve's Region cell: the sheet holds a number, search reads it as its text.
    const tab = crm.tab('Customers');
    const row = tab.findIndex((r) => r[0] === eve.id);
    const column = (tab[0] as unknown[]).indexOf('Region');
    expect(column).toBeGreaterThanOrEqual(CUSTOMER_HEADERS.length);
    crm.edit({ user: REP, sheet: 'Customers', row: row + 1, column: column + 1, value: '12345' });
    expect(crm.tab('Customers')[row]?.[column]).toBe(12345);
    expect(names(crm, '2345')).toEqual(['Eve']);
  });
});
