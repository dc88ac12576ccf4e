/** Every server function of the spec through the built bundle, with its bad-input paths (issue 3). */

import type { Customer } from '../../src/domain/customer';
import { CUSTOMER_HEADERS, HISTORY_HEADERS } from '../../src/domain/customer';
import { MANAGER, OWNER, REP, STRANGER, newCrm } from '../support/crm';

type Result = { ok: boolean; errors?: Record<string, string>; customer?: Customer; conflict?: Customer; duplicates?: Customer[] };

const ADA = { name: 'Ada Lovelace', company: 'Analytical Engines', email: 'ada@example.com', phone: '+44 20 7946 0000', dealValue: 5000 };

function register(crm: ReturnType<typeof newCrm>, input: Record<string, unknown>): Customer {
  const result = crm.call<Result>(REP, 'registerCustomer', input);
  if (!result.ok || !result.customer) throw new Error(JSON.stringify(result));
  return result.customer;
}

describe('onOpen / onInstall', () => {
  const CAPTIONS = ['Register customer', 'Search customers', 'Pipeline summary', 'Import customers', 'Check data', 'Check set-up', 'Set up / repair'];

  it('adds the CRM menu with every item', () => {
    const crm = newCrm({ setUp: false });
    crm.open(REP, 'LIMITED');
    const menu = crm.gas.ui.last('menu')?.menu;
    expect(menu?.caption).toBe('CRM');
    expect(menu?.entries.flatMap((e) => (e.kind === 'item' ? [e.caption] : []))).toEqual(CAPTIONS);
  });

  it('builds an add-on menu without touching the sheet in AuthMode.NONE', () => {
    const crm = newCrm({ setUp: false });
    crm.gas.runtime.calls.reset();
    crm.open(REP, 'NONE');
    expect(crm.gas.ui.last('menu')?.menu.addon).toBe(true);
    expect(crm.gas.runtime.calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect(crm.gas.runtime.calls.get('Range.getValues')).toBe(0);
  });

  it('onInstall adds the same menu', () => {
    const crm = newCrm({ setUp: false });
    crm.run(OWNER, 'onInstall', { authMode: crm.gas.services.authModeOf('FULL') });
    expect(crm.gas.ui.last('menu')?.menu.entries.filter((e) => e.kind === 'item')).toHaveLength(CAPTIONS.length);
  });
});

describe('setUpCrm', () => {
  it('creates every tab with the exact headers, a frozen header, the Status dropdown and protections', () => {
    const crm = newCrm({ setUp: false });
    const report = crm.call<{ ok: true; created: string[] }>(OWNER, 'setUpCrm');
    expect(report.created.sort()).toEqual(['Customers', 'History', 'Import', 'Pipeline', 'Settings']);
    expect(crm.tab('Customers')).toEqual([[...CUSTOMER_HEADERS]]);
    expect(crm.tab('History')).toEqual([[...HISTORY_HEADERS]]);
    expect(crm.tab('Settings')[0]).toEqual(['Staff e-mail', '', 'Stage', 'Win probability', '', 'Setting', 'Value']);
    const customers = crm.gas.sheets.sheet('Customers');
    expect(customers.frozenRows).toBe(1);
    const rule = customers.validations.get(1, 5); // F2
    expect(rule?.allowInvalid).toBe(false);
    expect(JSON.stringify(rule?.args)).toContain('In negotiation');
    // A stranger typing into the data tabs is refused by Google itself.
    expect(() => crm.gas.sheets.userEdit({ user: STRANGER, sheet: 'Customers', a1: 'B2', value: 'x' })).toThrow(/protected/);
  });

  it('is idempotent and keeps the data', () => {
    const crm = newCrm();
    register(crm, ADA);
    const before = JSON.stringify(crm.gas.sheets.sheetValues('Customers'));
    const again = crm.call<{ ok: true; created: string[] }>(OWNER, 'setUpCrm');
    expect(again.created).toEqual([]);
    expect(JSON.stringify(crm.gas.sheets.sheetValues('Customers'))).toBe(before);
  });

  it('puts hand-moved columns back in order without losing a cell', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const values = crm.gas.sheets.sheetValues('Customers');
    // The owner swaps columns B (Name) and C (Company) by hand.
    crm.gas.runtime.run(OWNER, () => {
      const sheet = (crm.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Customers');
      sheet?.getRange(1, 2, 2, 2).setValues(values.map((row) => [`'${String(row[2])}`, `'${String(row[1])}`]));
    });
    expect(crm.call<Result>(REP, 'getCustomer', ada.id).errors?.form).toMatch(/column B is "Company", expected "Name".*Set up \/ repair/);
    const report = crm.call<{ ok: true; repaired: string[] }>(OWNER, 'setUpCrm');
    expect(report.repaired).toContain('Customers: columns put back in order');
    expect(crm.call<Result>(REP, 'getCustomer', ada.id).customer?.name).toBe('Ada Lovelace');
  });

  it('refuses staff: only the owner changes protections', () => {
    const crm = newCrm();
    expect(crm.call<Result>(REP, 'setUpCrm').errors?.access).toMatch(/owner/);
  });
});

describe('registerCustomer', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['name', { name: '' }, 'name'],
    ['name type', { name: { first: 'A' } }, 'name'],
    ['email', { name: 'A', email: 'bob@' }, 'email'],
    ['phone', { name: 'A', phone: 'call me' }, 'phone'],
    ['deal value', { name: 'A', dealValue: -5 }, 'dealValue'],
    ['deal value text', { name: 'A', dealValue: 'lots' }, 'dealValue'],
    ['status', { name: 'A', status: 'Won' }, 'status'],
    ['unknown field', { name: 'A', version: 7 }, 'version'],
  ])('rejects a bad %s with a field error and writes nothing', (_label, input, field) => {
    const crm = newCrm();
    const before = JSON.stringify(crm.gas.toJSON());
    const result = crm.call<Result>(REP, 'registerCustomer', input);
    expect(result.ok).toBe(false);
    expect(result.errors?.[field]).toEqual(expect.any(String));
    expect(JSON.stringify(crm.gas.toJSON())).toBe(before);
  });

  it('lists the valid labels when the status is unknown', () => {
    const crm = newCrm();
    const result = crm.call<Result>(REP, 'registerCustomer', { name: 'A', status: 'Won' });
    expect(result.errors?.status).toContain('Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant');
  });

  it('refuses a probable duplicate unless allowDuplicate is true', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const sameEmail = crm.call<Result>(MANAGER, 'registerCustomer', { name: 'A. Lovelace', email: 'ADA@example.com' });
    expect(sameEmail.ok).toBe(false);
    expect(sameEmail.duplicates?.map((c) => c.id)).toEqual([ada.id]);
    const samePhone = crm.call<Result>(MANAGER, 'registerCustomer', { name: 'Someone', phone: '020 7946 0000' });
    expect(samePhone.duplicates?.map((c) => c.id)).toEqual([ada.id]);
    const forced = crm.call<Result>(MANAGER, 'registerCustomer', { name: 'A. Lovelace', email: 'ada@example.com', allowDuplicate: true });
    expect(forced.ok).toBe(true);
    expect(forced.customer?.id).toBe('C-00002');
  });

  it('never reuses an ID, even after the newest row is deleted', () => {
    const crm = newCrm();
    register(crm, { name: 'One' });
    register(crm, { name: 'Two' });
    crm.gas.runtime.run(OWNER, () =>
      (crm.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Customers')?.deleteRow(3),
    );
    expect(register(crm, { name: 'Three' }).id).toBe('C-00003');
  });
});

describe('updateCustomer / updateCustomerStatus', () => {
  it('changes only the patched fields, bumps the version once and logs each field', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const result = crm.call<Result>(MANAGER, 'updateCustomer', ada.id, { company: 'Babbage & Co', dealValue: '7,500' }, 1);
    expect(result.customer).toEqual({ ...ada, company: 'Babbage & Co', dealValue: 7500, version: 2, updatedBy: MANAGER });
    expect(crm.tab('History').filter((row) => row[2] === 'update').map((row) => row.slice(1, 6))).toEqual([
      [ada.id, 'update', 'Company', 'Analytical Engines', 'Babbage & Co'],
      [ada.id, 'update', 'Deal value', '5000', '7500'],
    ]);
  });

  it('does not bump the version when nothing changes', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    expect(crm.call<Result>(REP, 'updateCustomer', ada.id, { name: 'Ada Lovelace' }, 1).customer?.version).toBe(1);
  });

  it.each<[string, unknown[], string]>([
    ['unknown id', ['C-09999', { name: 'X' }, 1], 'id'],
    ['id of the wrong type', [{ id: 1 }, { name: 'X' }, 1], 'id'],
    ['version of the wrong type', ['C-00001', { name: 'X' }, 'latest'], 'expectedVersion'],
    ['bad e-mail', ['C-00001', { email: 'nope' }, 1], 'email'],
    ['blank name', ['C-00001', { name: '  ' }, 1], 'name'],
    ['read-only field', ['C-00001', { createdAt: '2020-01-01' }, 1], 'createdAt'],
  ])('rejects %s and changes nothing', (_label, args, field) => {
    const crm = newCrm();
    register(crm, ADA);
    const before = JSON.stringify(crm.gas.toJSON());
    const result = crm.call<Result>(REP, 'updateCustomer', ...args);
    expect(result.errors?.[field]).toEqual(expect.any(String));
    expect(JSON.stringify(crm.gas.toJSON())).toBe(before);
  });

  it('returns the current record as a conflict for a stale version', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const first = crm.call<Result>(REP, 'updateCustomerStatus', ada.id, 'Contacted', 1);
    const second = crm.call<Result>(MANAGER, 'updateCustomerStatus', ada.id, 'Dormant', 1);
    expect(second).toEqual({ ok: false, conflict: first.customer });
  });

  it('rejects an unknown status with the list of labels', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    expect(crm.call<Result>(REP, 'updateCustomerStatus', ada.id, 'Won', 1).errors?.status).toMatch(/Closed-won/);
  });
});

describe('getCustomer / searchCustomers / listCustomers', () => {
  it('getCustomer returns the record with its history, or a clear error', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const got = crm.call<{ ok: true; customer: Customer; history: { action: string; field: string }[] }>(MANAGER, 'getCustomer', ada.id);
    expect(got.customer).toEqual(ada);
    // Creation logs every initial value: Status, Name, Company, Email, Phone, Deal value.
    expect(got.history.map((e) => [e.action, e.field])).toEqual(
      ['Status', 'Name', 'Company', 'Email', 'Phone', 'Deal value'].map((field) => ['create', field]),
    );
    expect(crm.call<Result>(MANAGER, 'getCustomer', 'C-00042').errors?.id).toMatch(/C-00042/);
    expect(crm.call<Result>(MANAGER, 'getCustomer', null).errors?.id).toEqual(expect.any(String));
  });

  it('search ranks name matches first, filters, limits, and rejects bad options', () => {
    const crm = newCrm();
    register(crm, { name: 'José Martínez', company: 'Olé SA', owner: REP });
    register(crm, { name: 'Ann Jones', company: 'Jose Tools', owner: MANAGER });
    register(crm, { name: 'Bob Joseph', status: 'Qualified', owner: MANAGER });
    const found = crm.call<{ results: Customer[]; total: number }>(STRANGER, 'searchCustomers', 'jose');
    // Whole name, then a field starting with the word (company), then a word inside the name.
    expect(found.results.map((c) => c.name)).toEqual(['José Martínez', 'Ann Jones', 'Bob Joseph']);
    expect(crm.call<{ total: number }>(REP, 'searchCustomers', 'jose', { status: 'qualified' }).total).toBe(1);
    expect(crm.call<{ total: number }>(REP, 'searchCustomers', 'jose', { owner: MANAGER.toUpperCase() }).total).toBe(2);
    expect(crm.call<{ results: Customer[]; total: number }>(REP, 'searchCustomers', 'jose', { limit: 1 })).toMatchObject({ total: 3 });
    expect(crm.call<Result>(REP, 'searchCustomers', 'jose', { limit: 0 }).errors?.limit).toEqual(expect.any(String));
    expect(crm.call<Result>(REP, 'searchCustomers', 'jose', { status: 'nope' }).errors?.status).toEqual(expect.any(String));
  });

  it('lists a sorted page with the total', () => {
    const crm = newCrm();
    for (const name of ['Cara', 'Abe', 'Bea', 'Dan']) register(crm, { name });
    const page = crm.call<{ customers: Customer[]; total: number }>(REP, 'listCustomers', { sort: '-name', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.customers.map((c) => c.name)).toEqual(['Cara', 'Bea']);
    expect(crm.call<Result>(REP, 'listCustomers', { sort: 'shoeSize' }).errors?.sort).toEqual(expect.any(String));
  });
});

describe('sidebar and dialogs', () => {
  it('opens the register sidebar, the search dialog and a customer card with the state escaped', () => {
    const crm = newCrm();
    crm.run(REP, 'showRegisterSidebar');
    expect(crm.gas.ui.last('sidebar')).toMatchObject({ title: 'Pipeline CRM' });
    expect(crm.gas.ui.last('sidebar')?.html).toContain('data-state="{&quot;view&quot;:&quot;register&quot;}"');
    crm.run(REP, 'showSearchDialog');
    expect(crm.gas.ui.last('modalDialog')?.title).toBe('Search customers');
    crm.call(REP, 'openCustomerSidebar', '"><script>alert(1)</script>');
    const html = crm.gas.ui.last('sidebar')?.html ?? '';
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
