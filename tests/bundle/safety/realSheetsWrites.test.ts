/**
 * Writes that survive real Sheets (SPEC "Version 2 › Real Sheets"): a person types into the row while a save
 * runs; a Status typed before the dropdown existed; a History refusal in the middle of an import batch; Set up /
 * repair after the Status column was dragged elsewhere; and input of the wrong JavaScript type.
 */

import type { Customer } from '../../../src/domain/customer';
import { CUSTOMER_HEADERS, EDITABLE_KEYS, type EditableKey, HISTORY_HEADERS } from '../../../src/domain/customer';
import { STATUSES } from '../../../src/domain/statuses';
import { MANAGER, OWNER, REP, type Crm, newCrm, succeeded } from '../../support/crm';
import {
  type SaveResult,
  addOnUnlockedWrites,
  byHand,
  customersSheet,
  registered,
  rowsById,
  sheetRowOf,
  workbookJson,
} from './helpers';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;
/** 0-based position of a History column in a row of crm.tab('History'). */
const at = (header: (typeof HISTORY_HEADERS)[number]): number => HISTORY_HEADERS.indexOf(header);

/** The stored customer, as the sidebar has it after opening it. */
function opened(crm: Crm, id: string): Customer {
  return succeeded(crm.call(REP, 'getCustomer', id)).customer;
}

function saved(result: SaveResult): Customer {
  if (!result.ok) throw new Error(`expected a saved customer, got ${JSON.stringify(result)}`);
  return result.customer;
}

/** The cell of customer `id` under `header`, as getValues reads it (dates as ISO strings). */
function cell(crm: Crm, id: string, header: (typeof CUSTOMER_HEADERS)[number]): unknown {
  return rowsById(crm).get(id)?.[col(header) - 1];
}

/**
 * Runs `body` (a server call) while a person types `value` into a cell: the person's edit lands at the start of
 * the call's first Range.setValues, i.e. after the save read the row and before it wrote anything.
 */
function typedDuringSave<T>(
  crm: Crm,
  edit: { user: string; row: number; column: number; value: string },
  body: () => T,
): T {
  let typed = false;
  const stop = crm.gas.runtime.calls.onCall((method) => {
    if (typed || method !== 'Range.setValues') return;
    typed = true;
    crm.gas.sheets.userEdit({ sheet: 'Customers', ...edit });
  });
  try {
    return body();
  } finally {
    stop();
  }
}

/** The owner takes the Status dropdown off one cell, types `text` there, and puts the dropdown back. */
function oldOutOfListStatus(crm: Crm, id: string, text: string): void {
  const row = sheetRowOf(crm, id);
  byHand(crm, OWNER, (ss) => {
    const target = customersSheet(ss).getRange(row, col('Status'));
    const rule = target.getDataValidation();
    if (rule === null) throw new Error('the Status cell has no dropdown');
    target.clearDataValidations();
    target.setValue(text);
    target.setDataValidation(rule);
  });
  // The sheet now holds a value its own rule rejects, as one typed before the dropdown existed.
  expect(crm.gas.sheets.validationViolations('Customers').map((v) => [v.row, v.column, v.value])).toEqual([
    [row, col('Status'), text],
  ]);
}

/** The owner narrows History's protection so `user` may no longer write there (Customers still allows them). */
function historyClosedTo(crm: Crm, user: string): void {
  byHand(crm, OWNER, (ss, app) => {
    const sheet = ss.getSheetByName('History');
    if (!sheet) throw new Error('no History tab');
    const protection = sheet.getProtections(app.ProtectionType.SHEET)[0];
    if (!protection) throw new Error('History is not protected');
    protection.removeEditors([user]);
  });
}

function fillImportTab(crm: Crm, rows: string[][]): void {
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value !== '') crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Import', row: r + 1, column: c + 1, value });
    }),
  );
}

/**
 * The owner drags column `from` of the Customers tab to sit before column `to`, as Sheets moves a column: its
 * values, number formats and data validation (the Status dropdown) go with it.
 */
function dragCustomersColumn(crm: Crm, from: number, to: number): void {
  byHand(crm, OWNER, (ss) => {
    const sheet = customersSheet(ss);
    const rows = sheet.getMaxRows();
    const source = sheet.getRange(1, from, rows, 1);
    const values = source.getValues().map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
    const formats = source.getNumberFormats();
    const rules = source.getDataValidations();
    sheet.insertColumnsBefore(to, 1);
    const target = sheet.getRange(1, to, rows, 1);
    target.setNumberFormats(formats);
    target.setValues(values);
    target.setDataValidations(rules);
    sheet.deleteColumn(from >= to ? from + 1 : from);
  });
}

/** Columns (1-based) of the Customers tab that carry a data validation rule on any row. */
function columnsWithRules(crm: Crm): number[] {
  return byHand(crm, OWNER, (ss) => {
    const sheet = customersSheet(ss);
    const rules = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getDataValidations();
    const found = new Set<number>();
    rules.forEach((row) => row.forEach((rule, c) => rule !== null && found.add(c + 1)));
    return [...found].sort((a, b) => a - b);
  });
}

describe('a person types into the row while a save runs', () => {
  it('updateCustomer: the typed Phone survives between the two fields saved, and the save is there', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg', company: 'Berg', phone: '555 0100 000' });
    const row = sheetRowOf(crm, ann.id);
    const result = typedDuringSave(crm, { user: MANAGER, row, column: col('Phone'), value: "'555 0199 999" }, () =>
      crm.call(REP, 'updateCustomer', ann.id, { company: 'Berg AB', owner: MANAGER }, ann.version),
    );
    expect(saved(result)).toMatchObject({ company: 'Berg AB', owner: MANAGER, version: 2 });
    expect(cell(crm, ann.id, 'Phone')).toBe('555 0199 999');
    expect(cell(crm, ann.id, 'Company')).toBe('Berg AB');
    expect(cell(crm, ann.id, 'Owner')).toBe(MANAGER);
    expect(cell(crm, ann.id, 'Version')).toBe(2);
    expect(addOnUnlockedWrites(crm)).toEqual([]);
  });

  it.each([
    ['Name', 'Ann Typed'],
    ['Deal value', '4200'],
    ['Source', 'Typed source'],
    ['Created by', 'someone@example.com'],
  ] as const)('updateCustomerStatus: the typed %s survives, and the status and the note are saved', (header, typed) => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg', dealValue: 1000, source: 'Fair' });
    const row = sheetRowOf(crm, ann.id);
    crm.gas.runtime.advance(60_000);
    const result = typedDuringSave(crm, { user: MANAGER, row, column: col(header), value: typed }, () =>
      crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', ann.version, 'Budget ok'),
    );
    expect(saved(result)).toMatchObject({ status: 'Qualified', version: 2 });
    expect(cell(crm, ann.id, header)).toBe(header === 'Deal value' ? 4200 : typed);
    expect(cell(crm, ann.id, 'Status')).toBe('Qualified');
    expect(String(cell(crm, ann.id, 'Notes'))).toContain('Budget ok');
    expect(cell(crm, ann.id, 'Status changed at')).toBe(new Date(crm.gas.runtime.now()).toISOString());
  });

  it('an import merge: the cell typed next to the one it fills survives', () => {
    const crm = newCrm();
    const eve = registered(crm, REP, { name: 'Eve Evans', email: 'eve@example.com' });
    fillImportTab(crm, [
      ['Name', 'Email', 'Phone'],
      ['Eve Evans', 'eve@example.com', "'555 0300 000"],
      ['New Person', 'new@example.com', ''],
    ]);
    const row = sheetRowOf(crm, eve.id);
    const result = typedDuringSave(crm, { user: MANAGER, row, column: col('Company'), value: 'Typed Co' }, () =>
      succeeded(crm.call(OWNER, 'importCustomers', { duplicates: 'merge' })),
    );
    expect(result).toMatchObject({ ok: true, merged: 1, imported: 1 });
    expect(cell(crm, eve.id, 'Company')).toBe('Typed Co');
    expect(cell(crm, eve.id, 'Phone')).toBe('555 0300 000');
    expect(cell(crm, eve.id, 'Version')).toBe(2);
  });

  it('a save writes the changed cells and its stamp only, never a whole row', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    const written: string[] = [];
    const stop = crm.gas.runtime.calls.onCall((method) => {
      if (method === 'Range.setValues') written.push(method);
    });
    saved(crm.call(REP, 'updateCustomer', ann.id, { email: 'ann@example.com' }, ann.version));
    stop();
    // Email; Updated at + Updated by; Version (Status changed at sits between them and is not the save's).
    expect(written).toHaveLength(3);
  });
});

describe('an old Status outside the dropdown list (typed before the dropdown existed)', () => {
  it('updateCustomer of another field succeeds and leaves that Status as it is', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    oldOutOfListStatus(crm, ann.id, 'Hot lead');
    const result = crm.call(REP, 'updateCustomer', ann.id, { company: 'Berg AB' }, opened(crm, ann.id).version);
    expect(saved(result)).toMatchObject({ company: 'Berg AB', status: 'Hot lead' });
    expect(cell(crm, ann.id, 'Status')).toBe('Hot lead');
    expect(cell(crm, ann.id, 'Company')).toBe('Berg AB');
  });

  it('updateCustomerStatus succeeds and writes a valid status', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    oldOutOfListStatus(crm, ann.id, 'Hot lead');
    const result = crm.call(REP, 'updateCustomerStatus', ann.id, 'In negotiation', opened(crm, ann.id).version, 'Call');
    expect(saved(result)).toMatchObject({ status: 'In negotiation' });
    expect(cell(crm, ann.id, 'Status')).toBe('In negotiation');
    expect(crm.gas.sheets.validationViolations('Customers')).toEqual([]);
    const logged = crm.tab('History').filter((e) => e[at('Customer ID')] === ann.id);
    expect(logged.map((e) => [e[at('Action')], e[at('From')], e[at('To')]])).toContainEqual([
      'status',
      'Hot lead',
      'In negotiation',
    ]);
  });

  it('an import merge onto that customer succeeds', () => {
    const crm = newCrm();
    const eve = registered(crm, REP, { name: 'Eve Evans', email: 'eve@example.com' });
    oldOutOfListStatus(crm, eve.id, 'Hot lead');
    fillImportTab(crm, [
      ['Name', 'Email', 'Phone', 'Stage'],
      ['Eve Evans', 'eve@example.com', "'555 0300 000", 'Qualified'],
    ]);
    const result = succeeded(crm.call(OWNER, 'importCustomers', { duplicates: 'merge' }));
    expect(result).toMatchObject({ ok: true, merged: 1 });
    expect(cell(crm, eve.id, 'Phone')).toBe('555 0300 000');
    expect(cell(crm, eve.id, 'Status')).toBe('Hot lead'); // a merge never takes the status from the row
  });

  it('a status change that History refuses is undone: the old Status is back and the dropdown still on it', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    oldOutOfListStatus(crm, ann.id, 'Hot lead');
    historyClosedTo(crm, REP);
    const version = opened(crm, ann.id).version;
    const before = workbookJson(crm);
    expect(() => crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', version, 'A note')).toThrow(
      /protected cell/,
    );
    expect(workbookJson(crm)).toBe(before);
    expect(addOnUnlockedWrites(crm)).toEqual([]);
  });
});

describe('a failure in the middle of an import batch', () => {
  /** Two customers already in the CRM, and an Import tab with two new customers and a row merging into each. */
  function crmToImport(): { crm: Crm; eve: Customer; bob: Customer } {
    const crm = newCrm();
    const eve = registered(crm, REP, { name: 'Eve Evans', email: 'eve@example.com' });
    const bob = registered(crm, REP, { name: 'Bob Stone', company: 'Stone Ltd', email: 'bob@example.com' });
    fillImportTab(crm, [
      ['Name', 'Email', 'Phone', 'Notes'],
      ['New One', 'one@example.com', '', ''],
      ['Eve Evans', 'eve@example.com', "'555 0300 000", 'vip'],
      ['New Two', 'two@example.com', "'555 0400 000", ''],
      ['Bob Stone', 'bob@example.com', "'555 0500 000", ''],
    ]);
    return { crm, eve, bob };
  }

  it('History refusing the batch leaves Customers exactly as before: new rows removed, merged cells back', () => {
    const { crm } = crmToImport();
    historyClosedTo(crm, REP);
    const before = workbookJson(crm);
    const customers = crm.tab('Customers');
    expect(() => crm.call(REP, 'importCustomers', { duplicates: 'merge' })).toThrow(/protected cell/);
    expect(crm.tab('Customers')).toEqual(customers);
    expect(workbookJson(crm)).toBe(before);
    expect(addOnUnlockedWrites(crm)).toEqual([]);
  });

  it('a merged cell refused by a protection undoes the new rows and the merges written before it', () => {
    const { crm, bob } = crmToImport();
    // The owner protects Bob's Version cell against REP: the merges' last block is refused after the others
    // (Phone of both, Eve's Notes, Updated at/by of both) were written.
    const row = sheetRowOf(crm, bob.id);
    byHand(crm, OWNER, (ss) => customersSheet(ss).getRange(row, col('Version')).protect().removeEditors([REP]));
    const before = workbookJson(crm);
    expect(() => crm.call(REP, 'importCustomers', { duplicates: 'merge' })).toThrow(/protected cell/);
    expect(workbookJson(crm)).toBe(before);
  });

  it('the same batch succeeds once History is open again, with every History row', () => {
    const { crm, eve, bob } = crmToImport();
    const result = succeeded(
      crm.call(REP, 'importCustomers', {
        duplicates: 'merge',
      }),
    );
    expect(result).toMatchObject({ ok: true, imported: 2, merged: 2 });
    expect(cell(crm, eve.id, 'Notes')).toBe('vip');
    expect(cell(crm, bob.id, 'Phone')).toBe('555 0500 000');
    const logged = new Set(crm.tab('History').map((e) => e[at('Customer ID')]));
    for (const id of [...result.ids, eve.id, bob.id]) expect(logged.has(id)).toBe(true);
  });
});

describe('Set up / repair after the Status column was dragged elsewhere', () => {
  it.each([
    ['to the front', 1],
    ['after Name', col('Company')],
    ['to the end', CUSTOMER_HEADERS.length + 1],
  ])('Status dragged %s: columns back in order, every value kept, the dropdown on Status only', (_label, to) => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg', company: 'Berg', status: 'Qualified', dealValue: 1200 });
    const bob = registered(crm, MANAGER, { name: 'Bob Stone', email: 'bob@example.com' });
    oldOutOfListStatus(crm, bob.id, 'Hot lead');
    const rowsBefore = rowsById(crm);
    dragCustomersColumn(crm, col('Status'), to);
    expect(crm.tab('Customers')[0]).not.toEqual([...CUSTOMER_HEADERS]);

    const setUp = crm.call(OWNER, 'setUpCrm');
    expect(setUp).toMatchObject({ ok: true, messages: [] });
    expect(succeeded(setUp).repaired).toContain('Customers: columns put back in order');
    expect(crm.tab('Customers')[0]).toEqual([...CUSTOMER_HEADERS]);
    expect(rowsById(crm)).toEqual(rowsBefore);
    expect(columnsWithRules(crm)).toEqual([col('Status')]);
    // The dropdown is the Status rule and still rejects what it rejected: only Bob's old value breaks it.
    expect(crm.gas.sheets.validationViolations('Customers').map((v) => [v.row, v.column])).toEqual([
      [sheetRowOf(crm, bob.id), col('Status')],
    ]);
    const rule = byHand(crm, OWNER, (ss) => customersSheet(ss).getRange(2, col('Status')).getDataValidation());
    expect(rule?.getCriteriaValues()[0]).toEqual([...STATUSES]);
    expect(rule?.getAllowInvalid()).toBe(false);
    // And the CRM works again.
    const result = crm.call(REP, 'updateCustomerStatus', ann.id, 'Closed-won', opened(crm, ann.id).version);
    expect(saved(result)).toMatchObject({ status: 'Closed-won', dealValue: 1200 });
  });
});

describe('input of the wrong type is refused with the field named, and nothing is written', () => {
  let crm: Crm;
  let ann: Customer;
  let before: string;
  beforeAll(() => {
    crm = newCrm();
    ann = registered(crm, REP, { name: 'Ann Berg', email: 'ann@example.com' });
    before = workbookJson(crm);
  });
  afterEach(() => {
    expect(workbookJson(crm)).toBe(before);
  });

  const WRONG: ReadonlyArray<[string, unknown]> = [
    ['a number', 42],
    ['true', true],
    ['an object', {}],
    ['a list', []],
  ];
  const cases = EDITABLE_KEYS.flatMap((key) =>
    WRONG.filter(([, value]) => !(key === 'dealValue' && typeof value === 'number')).map(
      ([label, value]) => [key, label, value] as [EditableKey, string, unknown],
    ),
  );

  it.each(cases)('registerCustomer: %s given %s', (key, _label, value) => {
    const input = key === 'name' ? { name: value } : { name: 'Cat Young', [key]: value };
    const result = crm.call(REP, 'registerCustomer', input);
    expect(result).toEqual({ ok: false, errors: { [key]: expect.any(String) } });
  });

  it.each(cases)('updateCustomer: %s given %s', (key, _label, value) => {
    const result = crm.call(REP, 'updateCustomer', ann.id, { [key]: value }, ann.version);
    expect(result).toEqual({ ok: false, errors: { [key]: expect.any(String) } });
  });

  it('the messages name the field', () => {
    expect(crm.call(REP, 'registerCustomer', { name: 42 })).toEqual({
      ok: false,
      errors: { name: 'Name must be text, not a number.' },
    });
    expect(
      crm.call(
        REP,
        'updateCustomer',
        ann.id,
        { email: 5, notes: {}, status: 1, dealValue: true, phone: [] },
        ann.version,
      ),
    ).toEqual({
      ok: false,
      errors: {
        email: 'Email must be text, not a number.',
        notes: 'Notes must be text, not an object.',
        status: expect.stringMatching(/^Status must be one of: Lead, /),
        dealValue: 'Deal value must be an amount (write it like 1200, $1,200.50 or 1.200,50 €), not a yes/no value.',
        phone: 'Phone must be text, not a list.',
      },
    });
  });

  it('updateCustomerStatus: a status or a note of the wrong type', () => {
    expect(crm.callRaw(REP, 'updateCustomerStatus', ann.id, 3, ann.version)).toEqual({
      ok: false,
      errors: { status: expect.any(String) },
    });
    expect(crm.callRaw(REP, 'updateCustomerStatus', ann.id, 'Contacted', ann.version, { text: 'x' })).toEqual({
      ok: false,
      errors: { note: 'Note must be text, not an object.' },
    });
    expect(crm.callRaw(REP, 'updateCustomerStatus', ann.id, 'Contacted', ann.version, 7)).toEqual({
      ok: false,
      errors: { note: 'Note must be text, not a number.' },
    });
  });

  it('a deal value given as a JS number is still taken', () => {
    const result = crm.call(REP, 'updateCustomer', ann.id, { dealValue: 1500 }, ann.version);
    expect(saved(result).dealValue).toBe(1500);
    // Put back for the workbook comparison.
    before = workbookJson(crm);
  });
});
