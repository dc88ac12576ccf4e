/**
 * Point 5, access: only the owner and the e-mails listed in Settings may call the write functions (an empty list
 * means the owner alone); everyone else gets a clear refusal and nothing changes. Set up applies the same list to
 * the data tabs' protections (others are refused by Google itself, staff are warned when they type into data
 * rows), and hand edits that do happen are logged in History by onEdit.
 */

import type { Customer } from '../../../src/domain/customer';
import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { UserEditRefused } from '../../../local/gas/spreadsheet/host';
import type { ProtectionData } from '../../../local/gas/spreadsheet/model';
import { DAY_MS, MANAGER, OWNER, REP, STRANGER, type Crm, having, newCrm, succeeded } from '../../support/crm';
import { registered, sheetRowOf, stateJson } from './helpers';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;

type WriteCall = [name: string, args: (c: Customer) => unknown[]];
const WRITES: WriteCall[] = [
  ['registerCustomer', () => [{ name: 'Cat Young', email: 'cat@example.com' }]],
  ['updateCustomer', (c) => [c.id, { company: 'Taken Over Ltd' }, c.version]],
  ['updateCustomerStatus', (c) => [c.id, 'Closed-lost', c.version, 'bye']],
  ['rebuildPipelineSummary', () => []],
  ['importCustomers', () => [{}]],
];

function refusedMessage(user: string): RegExp {
  return user === ''
    ? /^Google did not tell the CRM who you are .*nothing was changed/
    : new RegExp(
        `^You are signed in as ${user.toLowerCase().replace(/[.]/g, '\\.')}, which is not allowed to change customers, so nothing was changed\\. .*Settings tab`,
      );
}

function expectRefusedEverywhere(crm: Crm, user: string, target: Customer): void {
  for (const [name, args] of WRITES) {
    const before = stateJson(crm);
    const result = crm.callRaw(user, name, ...args(target));
    expect({ name, result }).toEqual({
      name,
      result: { ok: false, errors: { access: expect.stringMatching(refusedMessage(user)) } },
    });
    expect({ name, unchanged: stateJson(crm) === before }).toEqual({ name, unchanged: true });
  }
  const before = stateJson(crm);
  expect(crm.call(user, 'setUpCrm')).toEqual({
    ok: false,
    errors: { access: expect.stringMatching(refusedMessage(user)) },
  });
  expect(stateJson(crm)).toBe(before);
}

function expectAllowed(crm: Crm, user: string, target: Customer): void {
  const current = succeeded(crm.call(user, 'getCustomer', target.id)).customer;
  const saved = crm.call(user, 'updateCustomerStatus', target.id, 'Contacted', current.version);
  expect({ user, ok: saved.ok }).toEqual({ user, ok: true });
}

/** The owner sets the Settings staff list (column A from row 2) and runs Set up / repair. */
function setStaff(crm: Crm, staff: string[]): void {
  for (let row = 2; row <= 8; row++) {
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', row, column: 1, value: staff[row - 2] ?? '' });
  }
  expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
}

function protectionsOf(crm: Crm, sheet: string): ProtectionData[] {
  const id = crm.gas.sheets.sheet(sheet).sheetId;
  return crm.gas.workbook.protections.filter((p) => p.sheetId === id);
}

function expectHandEditRefused(crm: Crm, user: string, sheet: string, row: number, column: number): void {
  let refusal: unknown = null;
  try {
    crm.gas.sheets.userEdit({ user, sheet, row, column, value: 'typed' });
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(UserEditRefused);
  expect((refusal as UserEditRefused).reason).toBe('protected');
}

describe('who may call the write functions', () => {
  it('an empty staff list means the owner alone, until staff are listed', () => {
    const crm = newCrm({ staff: [] });
    const ann = registered(crm, OWNER, { name: 'Ann Berg' });
    for (const user of [REP, MANAGER, STRANGER, '']) expectRefusedEverywhere(crm, user, ann);
    expectAllowed(crm, OWNER, ann);
  });

  it('before Set up has ever run, nobody but the owner is let in (and the owner is told to set up)', () => {
    const crm = newCrm({ setUp: false });
    expect(crm.call(REP, 'registerCustomer', { name: 'Ann' })).toEqual({
      ok: false,
      errors: { access: expect.stringMatching(refusedMessage(REP)) },
    });
    expect(crm.call(OWNER, 'registerCustomer', { name: 'Ann' })).toEqual({
      ok: false,
      errors: { form: expect.stringContaining('Set up / repair') },
    });
  });

  it('listed staff may write, whatever the case of their e-mail; everyone else is refused', () => {
    const crm = newCrm({ staff: [REP, 'Manager@Example.COM'] });
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    expectAllowed(crm, MANAGER, ann);
    expectAllowed(crm, 'REP@example.com', ann);
    for (const user of [STRANGER, '', 'rep@example.com.evil.example']) expectRefusedEverywhere(crm, user, ann);
    // The refusal comes before any look at the input: a stranger learns nothing from validation.
    expect(having(crm.callRaw(STRANGER, 'updateCustomer', 'not an id', null, 'x'), 'errors').errors).toEqual({
      access: expect.any(String),
    });
  });

  it('a menu item run by someone not allowed shows the refusal', () => {
    const crm = newCrm();
    crm.run(STRANGER, 'showPipelineSummary');
    expect(crm.gas.ui.last('alert')?.prompt).toMatch(refusedMessage(STRANGER));
    // Staff may change customers, but only the owner may change the set-up (and so the protections).
    const before = stateJson(crm);
    crm.run(REP, 'showSetUp');
    expect(crm.gas.ui.last('alert')?.prompt).toBe(`Only the spreadsheet's owner (${OWNER}) can run Set up / repair.`);
    expect(stateJson(crm)).toBe(before);
  });

  it('anyone the file is shared with may read; reading changes nothing', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    const before = stateJson(crm);
    expect(crm.call(STRANGER, 'getCustomer', ann.id)).toMatchObject({ ok: true, customer: { id: ann.id } });
    expect(crm.call(STRANGER, 'searchCustomers', 'ann')).toMatchObject({ total: 1 });
    expect(crm.call(STRANGER, 'checkData')).toMatchObject({ ok: true, checkedRows: 1 });
    expect(stateJson(crm)).toBe(before);
  });

  it('removing someone from the staff list (and running Set up) shuts them out of the API and the tabs; adding lets them in', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    expectAllowed(crm, MANAGER, ann);
    setStaff(crm, [REP]);
    expectRefusedEverywhere(crm, MANAGER, ann);
    expectHandEditRefused(crm, MANAGER, 'Customers', sheetRowOf(crm, ann.id), col('Name'));
    expectAllowed(crm, REP, ann);

    setStaff(crm, [REP, STRANGER]);
    expectAllowed(crm, STRANGER, ann);
  });
});

describe('the staff list takes effect when Set up applies it', () => {
  it('an edited list changes nothing until Set up runs, for the API and the protections alike; the editor is told', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    // The owner types over MANAGER (A3) with STRANGER, by hand: onEdit reminds them to apply it.
    crm.edit({ user: OWNER, sheet: 'Settings', row: 3, column: 1, value: STRANGER });
    expect(crm.gas.ui.last('toast')?.message).toBe(
      'Staff list changed. It takes effect when the owner runs CRM ▸ Set up / repair.',
    );
    // Not applied yet: MANAGER may still write, through the API and by hand; STRANGER may do neither.
    expectAllowed(crm, MANAGER, ann);
    crm.edit({ user: MANAGER, sheet: 'Customers', row: sheetRowOf(crm, ann.id), column: col('Source'), value: 'Fair' });
    expectRefusedEverywhere(crm, STRANGER, ann);
    expectHandEditRefused(crm, STRANGER, 'Customers', sheetRowOf(crm, ann.id), col('Name'));

    expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
    expectRefusedEverywhere(crm, MANAGER, ann);
    expectHandEditRefused(crm, MANAGER, 'Customers', sheetRowOf(crm, ann.id), col('Name'));
    expectAllowed(crm, STRANGER, ann);
  });

  it('a write checks access without reading the Settings tab', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    const before = crm.gas.runtime.calls.snapshot();
    expectAllowed(crm, MANAGER, ann);
    const after = crm.gas.runtime.calls.snapshot();
    // getCustomer finds its rows in Customers and History, the save in Customers (a TextFinder each, no column
    // read), and no read of Settings.
    expect((after['TextFinder.findAll'] ?? 0) - (before['TextFinder.findAll'] ?? 0)).toBe(3);
    expect((after['Sheet.getSheetValues'] ?? 0) - (before['Sheet.getSheetValues'] ?? 0)).toBe(0);
    expect((after['Spreadsheet.getOwner'] ?? 0) - (before['Spreadsheet.getOwner'] ?? 0)).toBe(0);
  });
});

describe('protection of the tabs', () => {
  it('data tabs are editable by the owner and listed staff only; Settings by the owner only', () => {
    const crm = newCrm();
    for (const tab of ['Customers', 'History', 'Pipeline']) {
      const sheetProtection = protectionsOf(crm, tab).find((p) => p.type === 'SHEET');
      expect({ tab, warningOnly: sheetProtection?.warningOnly, explicit: sheetProtection?.explicit }).toEqual({
        tab,
        warningOnly: false,
        explicit: true,
      });
      expect([...(sheetProtection?.editors ?? [])].map((e) => e.toLowerCase()).sort()).toEqual([MANAGER, REP]);
    }
    expect(protectionsOf(crm, 'Settings').find((p) => p.type === 'SHEET')?.editors).toEqual([]);
  });

  it('manual edits: strangers are refused by Google, staff are warned on the data rows', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    const row = sheetRowOf(crm, ann.id);
    expectHandEditRefused(crm, STRANGER, 'Customers', row, col('Status'));
    expectHandEditRefused(crm, STRANGER, 'History', 2, 1);
    expectHandEditRefused(crm, REP, 'Settings', 2, 1);
    for (const tab of ['Customers', 'History']) {
      const warning = protectionsOf(crm, tab).find((p) => p.type === 'RANGE' && p.warningOnly);
      expect({
        tab,
        from: warning?.rect?.row,
        covers: (warning?.rect?.numRows ?? 0) + 1 >= crm.gas.sheets.sheet(tab).maxRows,
      }).toEqual({
        tab,
        from: 2,
        covers: true,
      });
    }
  });

  it('Set up / repair is idempotent: running it again adds no protection', () => {
    const crm = newCrm();
    const count = crm.gas.workbook.protections.length;
    crm.call(OWNER, 'setUpCrm');
    crm.call(OWNER, 'setUpCrm');
    expect(crm.gas.workbook.protections.length).toBe(count);
  });
});

describe('manual edits that do happen are logged (onEdit)', () => {
  it('a Status typed by hand: History gets the status change, the row its Version, date and author', () => {
    const crm = newCrm({ simpleTriggerIdentity: 'visible' });
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    crm.gas.runtime.advance(DAY_MS);
    const at = new Date(crm.gas.runtime.now()).toISOString();
    crm.edit({
      user: MANAGER,
      sheet: 'Customers',
      row: sheetRowOf(crm, ann.id),
      column: col('Status'),
      value: 'In negotiation',
    });
    expect(crm.tab('History').at(-1)).toEqual([at, ann.id, 'status', 'Status', 'Lead', 'In negotiation', MANAGER]);
    expect(crm.call(REP, 'getCustomer', ann.id)).toMatchObject({
      customer: { status: 'In negotiation', version: 2, updatedAt: at, updatedBy: MANAGER, statusChangedAt: at },
    });
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('other customer columns are logged as manual edits; bookkeeping columns, blank rows and other tabs are not', () => {
    const crm = newCrm({ simpleTriggerIdentity: 'visible' });
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    const row = sheetRowOf(crm, ann.id);
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Company'), value: 'Berg AB' });
    expect(crm.tab('History').at(-1)?.slice(1)).toEqual([ann.id, 'manual edit', 'Company', '', 'Berg AB', REP]);
    const history = crm.tab('History');
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Version'), value: '99' });
    crm.edit({ user: REP, sheet: 'Customers', row: row + 5, column: col('Name'), value: 'No ID here' });
    crm.edit({ user: REP, sheet: 'Pipeline', row: 40, column: 1, value: 'scribble' });
    expect(crm.tab('History')).toEqual(history);
  });

  it('a Status that is not a stage cannot be typed at all', () => {
    const crm = newCrm();
    const ann = registered(crm, REP, { name: 'Ann Berg' });
    const before = stateJson(crm);
    expect(() =>
      crm.edit({ user: REP, sheet: 'Customers', row: sheetRowOf(crm, ann.id), column: col('Status'), value: 'Won' }),
    ).toThrow(UserEditRefused);
    expect(stateJson(crm)).toBe(before);
  });
});
