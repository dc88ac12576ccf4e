/** Every server function of the spec through the built bundle, with its bad-input paths (issue 3). */

import { CUSTOMER_HEADERS, HISTORY_HEADERS } from '../../src/domain/customer';
import {
  MANAGER,
  OWNER,
  REP,
  STRANGER,
  having,
  newCrm,
  succeeded,
  registered as register,
  MENU_CAPTIONS,
} from '../support/crm';

const ADA = {
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  dealValue: 5000,
};

describe('onOpen / onInstall', () => {
  const CAPTIONS = MENU_CAPTIONS;

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
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.created.sort()).toEqual([
      'Archive',
      'Customers',
      'History',
      'Import',
      'Pipeline',
      'Settings',
      'Snapshots',
    ]);
    expect(crm.tab('Customers')).toEqual([[...CUSTOMER_HEADERS]]);
    expect(crm.tab('History')).toEqual([[...HISTORY_HEADERS]]);
    expect(crm.tab('Settings')[0]).toEqual([
      ...['Staff e-mail', '', 'Stage', 'Win probability', '', 'Setting', 'Value'],
      ...['', 'Custom field', 'Type', 'Choices', 'Required', '', 'Lost reasons'], // H, M blank; I:L custom fields
    ]);
    const customers = crm.gas.sheets.sheet('Customers');
    expect(customers.frozenRows).toBe(1);
    const rule = customers.validations.get(1, 5); // F2
    expect(rule?.allowInvalid).toBe(false);
    expect(JSON.stringify(rule?.args)).toContain('In negotiation');
    // A stranger typing into the data tabs is refused by Google itself.
    expect(() => crm.gas.sheets.userEdit({ user: STRANGER, sheet: 'Customers', a1: 'B2', value: 'x' })).toThrow(
      /protected/,
    );
  });

  it('is idempotent and keeps the data', () => {
    const crm = newCrm();
    register(crm, ADA);
    const before = JSON.stringify(crm.gas.sheets.sheetValues('Customers'));
    const again = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(again.created).toEqual([]);
    expect(JSON.stringify(crm.gas.sheets.sheetValues('Customers'))).toBe(before);
  });

  it('puts hand-moved columns back in order without losing a cell', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const values = crm.gas.sheets.sheetValues('Customers');
    // The owner swaps columns B (Name) and C (Company) by hand.
    crm.gas.runtime.run(OWNER, () => {
      const sheet = (crm.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Customers');
      sheet?.getRange(1, 2, 2, 2).setValues(values.map((row) => [`'${String(row[2])}`, `'${String(row[1])}`]));
    });
    expect(having(crm.call(REP, 'getCustomer', ada.id), 'errors').errors.form).toMatch(
      /column B is "Company", expected "Name".*Set up \/ repair/,
    );
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.repaired).toContain('Customers: columns put back in order');
    expect(succeeded(crm.call(REP, 'getCustomer', ada.id)).customer.name).toBe('Ada Lovelace');
  });

  it('refuses staff: only the owner changes protections', () => {
    const crm = newCrm();
    expect(having(crm.call(REP, 'setUpCrm'), 'errors').errors.access).toMatch(/owner/);
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
    const result = crm.call(REP, 'registerCustomer', input);
    expect(result.ok).toBe(false);
    expect(having(result, 'errors').errors[field]).toEqual(expect.any(String));
    expect(JSON.stringify(crm.gas.toJSON())).toBe(before);
  });

  it('lists the valid labels when the status is unknown', () => {
    const crm = newCrm();
    const result = crm.call(REP, 'registerCustomer', { name: 'A', status: 'Won' });
    expect(having(result, 'errors').errors.status).toContain(
      'Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant',
    );
  });

  it('refuses a probable duplicate unless allowDuplicate is true', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const sameEmail = crm.call(MANAGER, 'registerCustomer', { name: 'A. Lovelace', email: 'ADA@example.com' });
    expect(sameEmail.ok).toBe(false);
    expect(having(sameEmail, 'duplicates').duplicates.map((c) => c.id)).toEqual([ada.id]);
    const samePhone = crm.call(MANAGER, 'registerCustomer', { name: 'Someone', phone: '020 7946 0000' });
    expect(having(samePhone, 'duplicates').duplicates.map((c) => c.id)).toEqual([ada.id]);
    // The warning says which field matched, in the import report's words.
    expect(having(sameEmail, 'errors').errors.duplicate).toContain(`${ada.id} Ada Lovelace`);
    expect(having(sameEmail, 'errors').errors.duplicate).toContain('— same e-mail address');
    expect(having(samePhone, 'errors').errors.duplicate).toContain('— same phone number');
    const sameName = crm.call(MANAGER, 'registerCustomer', { name: ' ADA lovelace ', company: ADA.company });
    expect(having(sameName, 'errors').errors.duplicate).toContain('— same name and company');
    const forced = crm.call(MANAGER, 'registerCustomer', {
      name: 'A. Lovelace',
      email: 'ada@example.com',
      allowDuplicate: true,
    });
    expect(forced.ok).toBe(true);
    expect(succeeded(forced).customer.id).toBe('C-00002');
  });

  it('never reuses an ID, even after the newest row is deleted', () => {
    const crm = newCrm();
    register(crm, { name: 'One' });
    register(crm, { name: 'Two' });
    crm.gas.runtime.run(OWNER, () =>
      (crm.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
        .getActiveSpreadsheet()
        .getSheetByName('Customers')
        ?.deleteRow(3),
    );
    expect(register(crm, { name: 'Three' }).id).toBe('C-00003');
  });
});

describe('updateCustomer / updateCustomerStatus', () => {
  it('changes only the patched fields, bumps the version once and logs each field', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const result = succeeded(
      crm.call(MANAGER, 'updateCustomer', ada.id, { company: 'Babbage & Co', dealValue: '7,500' }, 1),
    );
    expect(result.customer).toEqual({
      ...ada,
      company: 'Babbage & Co',
      dealValue: 7500,
      version: 2,
      updatedBy: MANAGER,
    });
    expect(
      crm
        .tab('History')
        .filter((row) => row[2] === 'update')
        .map((row) => row.slice(1, 6)),
    ).toEqual([
      [ada.id, 'update', 'Company', 'Analytical Engines', 'Babbage & Co'],
      [ada.id, 'update', 'Deal value', '5000', '7500'],
    ]);
  });

  it('does not bump the version when nothing changes', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    expect(succeeded(crm.call(REP, 'updateCustomer', ada.id, { name: 'Ada Lovelace' }, 1)).customer.version).toBe(1);
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
    const result = crm.callRaw(REP, 'updateCustomer', ...args);
    expect(having(result, 'errors').errors[field]).toEqual(expect.any(String));
    expect(JSON.stringify(crm.gas.toJSON())).toBe(before);
  });

  it('returns the current record as a conflict for a stale version', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const first = succeeded(crm.call(REP, 'updateCustomerStatus', ada.id, 'Contacted', 1));
    const second = crm.call(MANAGER, 'updateCustomerStatus', ada.id, 'Dormant', 1);
    expect(second).toEqual({ ok: false, conflict: first.customer });
  });

  it('rejects an unknown status with the list of labels', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    expect(having(crm.call(REP, 'updateCustomerStatus', ada.id, 'Won', 1), 'errors').errors.status).toMatch(
      /Closed-won/,
    );
  });
});

describe('getCustomer / searchCustomers / listCustomers', () => {
  it('getCustomer returns the record with its history, or a clear error', () => {
    const crm = newCrm();
    const ada = register(crm, ADA);
    const got = succeeded(crm.call(MANAGER, 'getCustomer', ada.id));
    expect(got.customer).toEqual(ada);
    // Creation logs every initial value: Status, Name, Company, Email, Phone, Deal value, Owner (the user's).
    expect(got.history.map((e) => [e.action, e.field])).toEqual(
      ['Status', 'Name', 'Company', 'Email', 'Phone', 'Deal value', 'Owner'].map((field) => ['create', field]),
    );
    expect(having(crm.call(MANAGER, 'getCustomer', 'C-00042'), 'errors').errors.id).toMatch(/C-00042/);
    expect(having(crm.callRaw(MANAGER, 'getCustomer', null), 'errors').errors.id).toEqual(expect.any(String));
  });

  it('search ranks name matches first, filters, limits, and rejects bad options', () => {
    const crm = newCrm();
    register(crm, { name: 'José Martínez', company: 'Olé SA', owner: REP });
    register(crm, { name: 'Ann Jones', company: 'Jose Tools', owner: MANAGER });
    register(crm, { name: 'Bob Joseph', status: 'Qualified', owner: MANAGER });
    const found = succeeded(crm.call(STRANGER, 'searchCustomers', 'jose'));
    // Whole name, then a field starting with the word (company), then a word inside the name.
    expect(found.results.map((c) => c.name)).toEqual(['José Martínez', 'Ann Jones', 'Bob Joseph']);
    expect(succeeded(crm.call(REP, 'searchCustomers', 'jose', { status: 'qualified' })).total).toBe(1);
    expect(succeeded(crm.call(REP, 'searchCustomers', 'jose', { owner: MANAGER.toUpperCase() })).total).toBe(2);
    expect(crm.call(REP, 'searchCustomers', 'jose', { limit: 1 })).toMatchObject({ total: 3 });
    expect(having(crm.call(REP, 'searchCustomers', 'jose', { limit: 0 }), 'errors').errors.limit).toEqual(
      expect.any(String),
    );
    expect(having(crm.call(REP, 'searchCustomers', 'jose', { status: 'nope' }), 'errors').errors.status).toEqual(
      expect.any(String),
    );
  });

  it('lists a sorted page with the total', () => {
    const crm = newCrm();
    for (const name of ['Cara', 'Abe', 'Bea', 'Dan']) register(crm, { name });
    const page = succeeded(crm.call(REP, 'listCustomers', { sort: '-name', offset: 1, limit: 2 }));
    expect(page.total).toBe(4);
    expect(page.customers.map((c) => c.name)).toEqual(['Cara', 'Bea']);
    expect(having(crm.call(REP, 'listCustomers', { sort: 'shoeSize' }), 'errors').errors.sort).toEqual(
      expect.any(String),
    );
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
