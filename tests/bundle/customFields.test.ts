/**
 * Custom fields through the built bundle (SPEC "Version 2", Custom fields): the Settings table I:L, Set up adding
 * one Customers (and Archive) column per field after Lost reason, `customer.custom` through register/update/get/
 * list/search, errors keyed `custom.<name>`, History, and columns of renamed/removed fields kept with their data.
 */

import { CUSTOMER_HEADERS } from '../../src/domain/customer';
import type { Customer } from '../../src/domain/customer';
import {
  type Crm,
  having,
  newCrm,
  OWNER,
  REP,
  succeeded,
  registered as register,
  customerRowOf as rowOf,
} from '../support/crm';
import { crmWithCustomFields, defineCustomFields, fourFields } from '../support/customFields';

const FIELDS = fourFields(true);
const FIXED = CUSTOMER_HEADERS.length;

const defineFields = defineCustomFields;
const crmWithFields = (rows: readonly (readonly string[])[] = FIELDS): Crm => crmWithCustomFields(rows);

const GOOD = { Industry: 'software', Employees: '1,200', Renewal: '2026-09-30', Region: 'North' };

describe('Set up with custom fields', () => {
  it('adds one column per field after Lost reason, in the table order, with a dropdown for a Choice', () => {
    const crm = crmWithFields();
    const header = crm.tab('Customers')[0] as unknown[];
    expect(header.slice(0, FIXED)).toEqual([...CUSTOMER_HEADERS]);
    expect(header.slice(FIXED)).toEqual(['Industry', 'Employees', 'Renewal', 'Region']);
    const rule = crm.gas.sheets.sheet('Customers').validations.get(1, FIXED); // row 2 of Industry
    expect(rule?.allowInvalid).toBe(false);
    expect(JSON.stringify(rule?.args)).toContain('Software');
    // Archive: its own three columns, then the custom fields.
    expect((crm.tab('Archive')[0] as unknown[]).slice(FIXED + 3)).toEqual([
      'Industry',
      'Employees',
      'Renewal',
      'Region',
    ]);
    // Idempotent: a second run adds nothing.
    const again = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(again.repaired.join('\n')).not.toContain('added');
    expect((crm.tab('Customers')[0] as unknown[]).length).toBe(FIXED + 4);
  });

  it('reports bad definitions and clashes, and adds no column for them', () => {
    const crm = newCrm();
    defineFields(crm, [
      ['Email', 'Text', '', ''],
      ['Size', 'Huge', '', ''],
      ['Tier', 'Choice', '', ''],
      ['A name far too long to be a column header, as a paste gone wrong would be', 'Text', '', ''],
      ['Ok field', 'Text', '', ''],
    ]);
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    const text = report.messages.join('\n');
    expect(text).toMatch(/Email/);
    expect(text).toMatch(/Huge/);
    expect(text).toMatch(/Tier/);
    expect(text).toMatch(/far too long/);
    expect((crm.tab('Customers')[0] as unknown[]).slice(FIXED)).toEqual(['Ok field']);
  });

  it('upgrades an old CRM in place: the table header added to Settings, columns added, rows and data kept', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann', company: 'Acme' });
    // An older CRM: no custom-field table in Settings.
    for (let c = 9; c <= 12; c++) crm.edit({ user: OWNER, sheet: 'Settings', row: 1, column: c, value: '' });
    const before = crm.tab('Customers');
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.repaired.join('\n')).toContain('custom-field table');
    expect((crm.tab('Settings')[0] as unknown[]).slice(8, 12)).toEqual(['Custom field', 'Type', 'Choices', 'Required']);
    defineFields(crm, FIELDS);
    succeeded(crm.call(OWNER, 'setUpCrm'));
    const after = crm.tab('Customers');
    expect(after.map((r) => r.slice(0, FIXED))).toEqual(before.map((r) => r.slice(0, FIXED)));
    const got = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    expect(got.custom).toEqual({ Industry: '', Employees: null, Renewal: '', Region: '' });
    // The required field binds new saves, not the rows that were there before it.
    const updated = succeeded(crm.call(REP, 'updateCustomer', ann.id, { phone: '555 0100' }, got.version));
    expect(updated.customer.custom.Region).toBe('');
  });
});

describe('customer.custom through the API', () => {
  it('register stores each type as its cell, logs it, and get/list/search return it', () => {
    const crm = crmWithFields();
    const saved = succeeded(crm.call(REP, 'registerCustomer', { name: 'Ann', ...{ custom: GOOD } }));
    const expected = { Industry: 'Software', Employees: 1200, Renewal: '2026-09-30', Region: 'North' };
    expect(saved.customer.custom).toEqual(expected);
    const row = rowOf(crm, saved.customer.id);
    expect(row[FIXED]).toBe('Software');
    expect(row[FIXED + 1]).toBe(1200);
    expect(typeof row[FIXED + 2]).toBe('string'); // a date cell, as ISO in crm.tab
    expect(String(row[FIXED + 2])).toMatch(/^2026-09-/);
    expect(row[FIXED + 3]).toBe('North');
    const history = crm.tab('History').filter((r) => r[1] === saved.customer.id);
    expect(history.map((r) => [r[2], r[3], r[5]])).toEqual(
      expect.arrayContaining([
        ['create', 'Industry', 'Software'],
        ['create', 'Employees', '1200'],
        ['create', 'Renewal', '2026-09-30'],
        ['create', 'Region', 'North'],
      ]),
    );
    expect(succeeded(crm.call(REP, 'getCustomer', saved.customer.id)).customer.custom).toEqual(expected);
    expect(succeeded(crm.call(REP, 'listCustomers')).customers[0]?.custom).toEqual(expected);
    // Search covers Text and Choice fields.
    register(crm, { name: 'Bob', custom: { Region: 'South', Industry: 'Retail' } });
    const byChoice = succeeded(crm.call(REP, 'searchCustomers', 'software'));
    expect(byChoice.results.map((c) => c.name)).toEqual(['Ann']);
    const byText = succeeded(crm.call(REP, 'searchCustomers', 'south'));
    expect(byText.results.map((c) => c.name)).toEqual(['Bob']);
    expect(succeeded(crm.call(REP, 'searchCustomers', '1200')).results).toEqual([]); // Number not searched
  });

  it.each([
    ['a wrong type for Number', { Employees: true }, 'custom.Employees'],
    ['a huge string', { Region: 'x'.repeat(100_000) }, 'custom.Region'],
    ['a Choice not in the list', { Industry: 'Mining' }, 'custom.Industry'],
    ['a bad date', { Renewal: '2026-02-30' }, 'custom.Renewal'],
    ['an object for Text', { Region: { toString: 'x' } }, 'custom.Region'],
    ['an unknown field', { Nope: 'x' }, 'custom.Nope'],
    ['a missing required field', { Region: '' }, 'custom.Region'],
    ['custom not an object', 'Region=North', 'custom'],
  ])('refuses %s with an error keyed by the field, nothing written', (_what, custom, key) => {
    const crm = crmWithFields();
    const before = crm.tab('Customers');
    const historyBefore = crm.tab('History');
    const input =
      typeof custom === 'string' ? { name: 'Ann', custom } : { name: 'Ann', custom: { ...GOOD, ...custom } };
    const result = having(crm.call(REP, 'registerCustomer', input), 'errors');
    expect(Object.keys(result.errors)).toContain(key);
    expect(result.errors[key]).toBeTruthy();
    expect(crm.tab('Customers')).toEqual(before);
    expect(crm.tab('History')).toEqual(historyBefore);
  });

  it.each([
    ['markup and unicode', '<img src=x onerror=alert(1)> Zürich 北京 🚀'],
    ['a formula', '=IMPORTXML("http://x", "//a")'],
    ['a leading plus', '+1 555 0100'],
  ])('stores %s as plain text, exactly (never run as a formula)', (_what, region) => {
    const crm = crmWithFields();
    const saved = register(crm, { name: 'Ann', custom: { ...GOOD, Region: region } });
    expect(saved.custom.Region).toBe(region);
    expect(rowOf(crm, saved.id)[FIXED + 3]).toBe(region);
  });

  it('update changes only the fields given, logs each change, and a stale version changes nothing', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: GOOD });
    const updated = succeeded(
      crm.call(REP, 'updateCustomer', ann.id, { custom: { Employees: 15, Industry: 'Health' } }, ann.version),
    ).customer;
    expect(updated.custom).toEqual({ Industry: 'Health', Employees: 15, Renewal: '2026-09-30', Region: 'North' });
    expect(updated.version).toBe(ann.version + 1);
    const events = crm.tab('History').filter((r) => r[1] === ann.id && r[2] === 'update');
    expect(events.map((r) => [r[3], r[4], r[5]])).toEqual([
      ['Industry', 'Software', 'Health'],
      ['Employees', '1200', '15'],
    ]);
    const stale = crm.call(REP, 'updateCustomer', ann.id, { custom: { Employees: 99 } }, ann.version);
    expect(stale).toMatchObject({ ok: false, conflict: { id: ann.id } });
    expect(rowOf(crm, ann.id)[FIXED + 1]).toBe(15);
    // A required field cannot be cleared; an unknown one is refused.
    const cleared = having(
      crm.call(REP, 'updateCustomer', ann.id, { custom: { Region: '' } }, updated.version),
      'errors',
    );
    expect(Object.keys(cleared.errors)).toEqual(['custom.Region']);
    const unknown = having(
      crm.call(REP, 'updateCustomer', ann.id, { custom: { region: 'x' } }, updated.version),
      'errors',
    );
    expect(Object.keys(unknown.errors)).toEqual(['custom.region']);
  });

  it('finds each field by its header after the tab was sorted and columns moved by hand', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: GOOD });
    register(crm, { name: 'Bob', custom: { ...GOOD, Region: 'South' } });
    // Swap the Employees and Region headers and values: the CRM finds them by name.
    const sheet = crm.gas.sheets.sheet('Customers');
    expect(sheet).toBeDefined();
    const rows = crm.tab('Customers');
    rows.forEach((row, i) => {
      crm.gas.sheets.userEdit({
        user: OWNER,
        sheet: 'Customers',
        row: i + 1,
        column: FIXED + 2,
        value: String(row[FIXED + 3]),
      });
      crm.gas.sheets.userEdit({
        user: OWNER,
        sheet: 'Customers',
        row: i + 1,
        column: FIXED + 4,
        value: String(row[FIXED + 1]),
      });
    });
    const got = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    expect(got.custom).toEqual({ Industry: 'Software', Employees: 1200, Renewal: '2026-09-30', Region: 'North' });
  });

  it('archive and restore keep the custom values', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: GOOD });
    succeeded(crm.call(OWNER, 'archiveCustomer', ann.id, ann.version, 'test'));
    const archived = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    expect(archived.custom).toEqual(ann.custom);
    const restored = succeeded(crm.call(OWNER, 'restoreCustomer', ann.id)).customer;
    expect(restored.custom).toEqual(ann.custom);
    expect(succeeded(crm.call(REP, 'getCustomer', ann.id)).customer.custom).toEqual(ann.custom);
  });

  it('a row deleted by hand is rebuilt from History with its custom values', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: GOOD });
    const updated = succeeded(
      crm.call(REP, 'updateCustomer', ann.id, { custom: { Employees: 15 } }, ann.version),
    ).customer;
    const row = crm.tab('Customers').findIndex((r) => r[0] === ann.id) + 1;
    crm.gas.runtime.run(OWNER, () => {
      const app = crm.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      app.getActiveSpreadsheet().getSheetByName('Customers')?.deleteRow(row);
    });
    const rebuilt = succeeded(crm.call(OWNER, 'restoreCustomer', ann.id)).customer;
    expect(rebuilt.custom).toEqual(updated.custom);
    expect(rowOf(crm, ann.id).slice(FIXED)).toEqual(['Software', 15, expect.stringMatching(/^2026-09-/), 'North']);
  });
});

describe('lean reads with custom fields', () => {
  /** Sheet reads of one call: the same whatever the number of customers. */
  function readsOf(crm: Crm, body: () => unknown): number[] {
    crm.gas.runtime.calls.reset();
    body();
    const calls = crm.gas.runtime.calls;
    return ['Sheet.getSheetValues', 'Range.getValues', 'Sheet.getDataRange'].map((m) => calls.get(m) ?? 0);
  }

  it('register, update, get and search make the same reads with 3 or 30 customers, and no Settings read', () => {
    const counts = [3, 30].map((n) => {
      const crm = crmWithFields();
      const made = Array.from({ length: n }, (_, k) => register(crm, { name: `P${k}`, custom: GOOD }));
      const target = made[1] as Customer;
      return [
        readsOf(crm, () => register(crm, { name: 'One more', custom: GOOD })),
        readsOf(crm, () => crm.call(REP, 'updateCustomer', target.id, { custom: { Employees: 7 } }, target.version)),
        readsOf(crm, () => crm.call(REP, 'getCustomer', target.id)),
        readsOf(crm, () => crm.call(REP, 'searchCustomers', 'north')),
      ];
    });
    expect(counts[1]).toEqual(counts[0]);
    // register: the header row and columns A..E (getSheetValues), the History header (getValues).
    expect(counts[0]?.[0]).toEqual([2, 1, 0]);
  });
});

describe('hand edits of a custom column', () => {
  it('are logged under the field name as any field is, and the Version goes up', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: GOOD });
    const row = crm.tab('Customers').findIndex((r) => r[0] === ann.id) + 1;
    crm.edit({ user: OWNER, sheet: 'Customers', row, column: FIXED + 4, value: 'West' });
    const events = crm.tab('History').filter((r) => r[1] === ann.id && r[2] === 'manual edit');
    expect(events.map((r) => [r[3], r[4], r[5]])).toEqual([['Region', 'North', 'West']]);
    const got = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    expect(got.custom.Region).toBe('West');
    expect(got.version).toBe(ann.version + 1);
  });
});

describe('changing the definitions, then Set up', () => {
  it('renaming a field adds a new column and keeps the old one with its data (reported)', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: GOOD });
    defineFields(crm, [
      FIELDS[0] as string[],
      FIELDS[1] as string[],
      FIELDS[2] as string[],
      ['Territory', 'Text', '', ''],
    ]);
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.messages.join('\n')).toMatch(/"Region" is not a custom field in Settings; kept with its data/);
    const header = crm.tab('Customers')[0] as unknown[];
    expect(header.slice(FIXED)).toEqual(['Industry', 'Employees', 'Renewal', 'Region', 'Territory']);
    expect(rowOf(crm, ann.id)[FIXED + 3]).toBe('North');
    const got = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    expect(got.custom).toEqual({ Industry: 'Software', Employees: 1200, Renewal: '2026-09-30', Territory: '' });
    // An update leaves the kept column alone.
    succeeded(crm.call(REP, 'updateCustomer', ann.id, { custom: { Territory: 'EMEA' } }, got.version));
    expect(rowOf(crm, ann.id).slice(FIXED + 3)).toEqual(['North', 'EMEA']);
  });

  it('reordering or removing definitions moves and removes no column', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: GOOD });
    const before = crm.tab('Customers');
    defineFields(crm, [FIELDS[3] as string[], FIELDS[0] as string[]], 4);
    succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(crm.tab('Customers')).toEqual(before);
    const got = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    expect(got.custom).toEqual({ Region: 'North', Industry: 'Software' });
  });
});

describe('the Pipeline grouped by a Choice field named in Settings', () => {
  it('rebuildPipelineSummary gives count and deal value per choice; a non-Choice name is reported by Set up', () => {
    const crm = crmWithFields();
    register(crm, { name: 'Ann', dealValue: 1000, custom: GOOD });
    register(crm, { name: 'Bob', dealValue: 500, custom: { ...GOOD, Industry: 'Retail' } });
    register(crm, { name: 'Cy', dealValue: 250, custom: { ...GOOD, Industry: 'software' } });
    register(crm, { name: 'Di', custom: { Region: 'East' } });
    const plain = succeeded(crm.call(OWNER, 'rebuildPipelineSummary'));
    expect(plain.byChoice).toBeUndefined();
    crm.edit({ user: OWNER, sheet: 'Settings', row: 3, column: 6, value: 'Group Pipeline by' });
    crm.edit({ user: OWNER, sheet: 'Settings', row: 3, column: 7, value: 'industry' });
    const grouped = succeeded(crm.call(OWNER, 'rebuildPipelineSummary')).byChoice;
    expect(grouped?.field).toBe('Industry');
    expect(grouped?.rows.map((r) => [r.label, r.count, r.totalValue])).toEqual([
      ['Retail', 1, 500],
      ['Software', 2, 1250],
      ['Health', 0, 0],
      ['(none)', 1, 0],
    ]);
    crm.edit({ user: OWNER, sheet: 'Settings', row: 3, column: 7, value: 'Employees' });
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.messages.join('\n')).toMatch(/"Employees", a Number field; only a Choice field/);
    expect(succeeded(crm.call(OWNER, 'rebuildPipelineSummary')).byChoice).toBeUndefined();
  });
});

describe('a custom Number is read by the one amount parser (with negatives)', () => {
  it('reads what a deal value reads, signed; refuses "1.200" as a deal value does; nothing written on refusal', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', custom: { Region: 'North', Employees: '-1.200,50' } });
    expect(ann.custom.Employees).toBe(-1200.5);
    const updated = succeeded(
      crm.call(REP, 'updateCustomer', ann.id, { dealValue: '$1,200', custom: { Employees: '(300)' } }, ann.version),
    ).customer;
    expect([updated.dealValue, updated.custom.Employees]).toEqual([1200, -300]);
    const cells = crm.tab('Customers').length;
    const refused = having(
      crm.call(REP, 'registerCustomer', {
        name: 'Bob',
        dealValue: '1.200',
        custom: { Region: 'x', Employees: '1.200' },
      }),
      'errors',
    ).errors;
    expect(refused.dealValue).toMatch(/^Deal value "1\.200" is ambiguous/);
    expect(refused['custom.Employees']).toMatch(/^Employees "1\.200" is ambiguous/);
    // The deal value keeps refusing a negative; the custom Number takes it.
    expect(
      having(crm.call(REP, 'updateCustomer', ann.id, { dealValue: '-5' }, updated.version), 'errors').errors.dealValue,
    ).toBe('Deal value cannot be negative ("-5").');
    expect(crm.tab('Customers').length).toBe(cells);
  });
});
