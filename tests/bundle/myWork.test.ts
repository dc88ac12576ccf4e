/**
 * "My work" through the built bundle: owners from the staff list, Next step / Next step due, activities, the
 * follow-up lists around midnight in a spreadsheet that is not in UTC, and a 16-column CRM upgraded by Set up.
 */

import { CUSTOMER_HEADERS } from '../../src/domain/customer';
import {
  type Crm,
  createCrm,
  having,
  MANAGER,
  newCrm,
  OWNER,
  REP,
  START_MS,
  STRANGER,
  succeeded,
  registered as register,
} from '../support/crm';
import { byHand } from './safety/helpers';

const MINUTE = 60_000;

/** newCrm in another time zone: the owner sets up, REP and MANAGER are applied staff. */
function crmIn(timeZone: string, startMs: number): Crm {
  const crm = createCrm({ owner: OWNER, editors: [REP, MANAGER, STRANGER], startMs, timeZone });
  succeeded(crm.call(OWNER, 'setUpCrm'));
  [REP, MANAGER].forEach((email, i) =>
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', row: i + 2, column: 1, value: email }),
  );
  succeeded(crm.call(OWNER, 'setUpCrm'));
  return crm;
}

describe('owner', () => {
  it('defaults to the user at the keyboard, takes the owner or a staff e-mail in any case, stored lower-case', () => {
    const crm = newCrm();
    expect(register(crm, { name: 'Ann' }).owner).toBe(REP);
    expect(register(crm, { name: 'Bob', owner: '' }).owner).toBe(REP);
    expect(register(crm, { name: 'Cat', owner: ' Manager@Example.COM ' }).owner).toBe(MANAGER);
    expect(register(crm, { name: 'Dan', owner: OWNER.toUpperCase() }).owner).toBe(OWNER);
  });

  it('anything else is refused with errors.owner naming the choices, and nothing is written', () => {
    const crm = newCrm();
    const before = JSON.stringify(crm.tab('Customers'));
    for (const owner of [STRANGER, 'nobody', '=1+1']) {
      const result = crm.call(REP, 'registerCustomer', { name: 'Eve', owner });
      const message = having(result, 'errors').errors.owner;
      expect(message).toContain(OWNER);
      expect(message).toContain(REP);
      expect(message).toContain(MANAGER);
    }
    expect(having(crm.callRaw(REP, 'registerCustomer', { name: 'Eve', owner: 42 }), 'errors').errors.owner).toMatch(
      /text/,
    );
    expect(JSON.stringify(crm.tab('Customers'))).toBe(before);
  });

  it('updateCustomer checks the owner the same way; "" gives the customer to the user saving', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    expect(having(crm.call(REP, 'updateCustomer', ann.id, { owner: STRANGER }, 1), 'errors').errors.owner).toContain(
      MANAGER,
    );
    const moved = succeeded(crm.call(REP, 'updateCustomer', ann.id, { owner: 'MANAGER@example.com' }, 1)).customer;
    expect([moved.owner, moved.version]).toEqual([MANAGER, 2]);
    expect(succeeded(crm.call(REP, 'updateCustomer', ann.id, { owner: '' }, 2)).customer.owner).toBe(REP);
  });

  it('listStaff: the owner first, then the applied staff, and who is asking', () => {
    const crm = newCrm();
    expect(crm.call(MANAGER, 'listStaff')).toEqual({ staff: [OWNER, REP, MANAGER], me: MANAGER });
  });

  it('import: an unknown owner imports the row with the importing user as owner, reported in warnings', () => {
    const crm = newCrm();
    const rows = [
      ['Name', 'Owner'],
      ['Ann Archer', 'Stranger@example.com'],
      ['Bob Berg', 'MANAGER@example.com'],
      ['Cat Cole', ''],
    ];
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== '') crm.edit({ user: OWNER, sheet: 'Import', row: r + 1, column: c + 1, value });
      }),
    );
    const result = succeeded(crm.call(OWNER, 'importCustomers', {}));
    expect(result.imported).toBe(3);
    expect(result.warnings).toEqual([{ row: 2, reason: expect.stringContaining('Stranger@example.com') }]);
    expect(result.warnings[0]?.reason).toContain(`Imported with ${OWNER} as owner`);
    const owners = succeeded(crm.call(OWNER, 'listCustomers', { sort: 'name' })).customers.map((c) => c.owner);
    expect(owners).toEqual([OWNER, MANAGER, OWNER]);
  });
});

describe('Next step and Next step due', () => {
  it('are saved, returned everywhere, stored as text and as a date cell, and logged in History', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann', nextStep: '=HYPERLINK("x")', nextStepDue: '2026-03-05' });
    expect([ann.nextStep, ann.nextStepDue]).toEqual(['=HYPERLINK("x")', '2026-03-05']);
    const row = crm.tab('Customers')[1] ?? [];
    expect(row.slice(16)).toEqual(['=HYPERLINK("x")', '2026-03-05T00:00:00.000Z', '']); // a date cell (UTC sheet)
    expect(
      crm.gas.sheets
        .sheetFormulas('Customers')
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    const got = succeeded(crm.call(MANAGER, 'getCustomer', ann.id));
    expect(got.customer).toEqual(ann);
    expect(got.history.filter((e) => e.field.startsWith('Next step')).map((e) => [e.action, e.field, e.to])).toEqual([
      ['create', 'Next step', '=HYPERLINK("x")'],
      ['create', 'Next step due', '2026-03-05'],
    ]);
    const updated = succeeded(crm.call(REP, 'updateCustomer', ann.id, { nextStep: 'Send quote', nextStepDue: '' }, 1));
    expect([updated.customer.nextStep, updated.customer.nextStepDue, updated.customer.version]).toEqual([
      'Send quote',
      '',
      2,
    ]);
    expect(succeeded(crm.call(REP, 'searchCustomers', 'Ann')).results[0]?.nextStep).toBe('Send quote');
    expect(succeeded(crm.call(REP, 'listCustomers')).customers[0]?.nextStepDue).toBe('');
  });

  it.each([
    ['an impossible day', { nextStepDue: '2026-02-30' }, 'nextStepDue'],
    ['another date shape', { nextStepDue: '03/05/2026' }, 'nextStepDue'],
    ['a date-time', { nextStepDue: '2026-03-05T10:00:00Z' }, 'nextStepDue'],
    ['a formula', { nextStepDue: '=TODAY()' }, 'nextStepDue'],
    ['a number', { nextStepDue: 46000 }, 'nextStepDue'],
    ['a huge string', { nextStepDue: 'x'.repeat(50_000) }, 'nextStepDue'],
    ['a 501-character next step', { nextStep: 'x'.repeat(501) }, 'nextStep'],
    ['a next step that is an object', { nextStep: { toString: 'x' } }, 'nextStep'],
    ['a line break in the next step', { nextStep: 'a\nb' }, 'nextStep'],
  ])('refuses %s, changing nothing', (_label, fields, key) => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const before = JSON.stringify([crm.tab('Customers'), crm.tab('History')]);
    expect(
      Object.keys(having(crm.callRaw(REP, 'registerCustomer', { name: 'Bob', ...fields }), 'errors').errors),
    ).toEqual([key]);
    expect(Object.keys(having(crm.callRaw(REP, 'updateCustomer', ann.id, fields, 1), 'errors').errors)).toEqual([key]);
    expect(JSON.stringify([crm.tab('Customers'), crm.tab('History')])).toBe(before);
  });
});

describe('logActivity', () => {
  it('appends one History row, leaves the customer (and its Version) alone, and getCustomer shows it', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const customersBefore = JSON.stringify(crm.tab('Customers'));
    const historyRows = crm.tab('History').length;
    crm.gas.runtime.advance(MINUTE);
    const at = new Date(START_MS).toISOString();
    const logged = succeeded(
      crm.call(MANAGER, 'logActivity', ann.id, { type: 'call', summary: ' Asked for a quote ', at }),
    );
    expect(logged).toEqual({
      ok: true,
      event: { at, customerId: ann.id, action: 'call', field: '', from: '', to: 'Asked for a quote', by: MANAGER },
    });
    expect(crm.tab('History')).toHaveLength(historyRows + 1);
    expect(crm.tab('History').slice(-1)[0]).toEqual([at, ann.id, 'call', '', '', 'Asked for a quote', MANAGER]);
    expect(JSON.stringify(crm.tab('Customers'))).toBe(customersBefore);
    const got = succeeded(crm.call(REP, 'getCustomer', ann.id));
    expect(got.customer.version).toBe(1);
    expect(got.history.slice(-1)[0]).toEqual(logged.event);
    // The card saved before the activity is still current.
    expect(crm.call(REP, 'updateCustomer', ann.id, { company: 'Acme' }, 1).ok).toBe(true);
  });

  it('defaults `at` to now; a note activity does not touch Notes, even for a hand edit compared with History', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const logged = succeeded(crm.call(REP, 'logActivity', ann.id, { type: 'NOTE', summary: '=2+2 said hello' }));
    expect(logged.event.at).toBe(new Date(crm.gas.runtime.now()).toISOString());
    expect(logged.event.action).toBe('note');
    expect(crm.tab('History').slice(-1)[0]?.[5]).toBe('=2+2 said hello');
    expect(
      crm.gas.sheets
        .sheetFormulas('History')
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(succeeded(crm.call(REP, 'getCustomer', ann.id)).customer.notes).toBe('');
  });

  it.each([
    ['a type not in the list', { type: 'fax', summary: 'x' }, ['type']],
    ['no type', { summary: 'x' }, ['type']],
    ['a type that is a number', { type: 1, summary: 'x' }, ['type']],
    ['an empty summary', { type: 'call', summary: '   ' }, ['summary']],
    ['a 2,001-character summary', { type: 'call', summary: 'x'.repeat(2001) }, ['summary']],
    ['a summary that is a list', { type: 'call', summary: ['x'] }, ['summary']],
    ['an `at` in the future', { type: 'call', summary: 'x', at: new Date(START_MS + 3_600_000).toISOString() }, ['at']],
    ['an `at` that is not a date-time', { type: 'call', summary: 'x', at: '2026-03-01' }, ['at']],
    ['an impossible `at`', { type: 'call', summary: 'x', at: '2026-02-30T10:00:00Z' }, ['at']],
    ['an `at` that is a number', { type: 'call', summary: 'x', at: START_MS }, ['at']],
    ['an unknown key', { type: 'call', summary: 'x', by: 'me' }, ['by']],
    ['everything wrong', { type: '', summary: '', at: 'soon' }, ['type', 'summary', 'at']],
  ])('refuses %s, keyed by field, writing nothing', (_label, activity, keys) => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const before = JSON.stringify(crm.tab('History'));
    const errors = having(crm.callRaw(REP, 'logActivity', ann.id, activity), 'errors').errors;
    expect(Object.keys(errors).sort()).toEqual([...keys].sort());
    expect(JSON.stringify(crm.tab('History'))).toBe(before);
  });

  it('refuses a bad or unknown ID, a missing activity, and anyone who is not staff', () => {
    const crm = newCrm();
    register(crm, { name: 'Ann' });
    const ok = { type: 'call', summary: 'x' };
    expect(having(crm.call(REP, 'logActivity', 'C-00099', ok), 'errors').errors.id).toMatch(/C-00099/);
    expect(having(crm.callRaw(REP, 'logActivity', '=1', ok), 'errors').errors.id).toEqual(expect.any(String));
    expect(having(crm.callRaw(REP, 'logActivity', 'C-00001', null), 'errors').errors.activity).toEqual(
      expect.any(String),
    );
    expect(having(crm.call(STRANGER, 'logActivity', 'C-00001', ok), 'errors').errors.access).toEqual(
      expect.any(String),
    );
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });
});

describe('listFollowUps around midnight in the spreadsheet time zone', () => {
  // 2026-03-02 10:59 UTC is 23:59 on 2 March in Auckland (UTC+13 in March); two minutes later it is 3 March there,
  // while it is still 2 March in UTC.
  const BEFORE_MIDNIGHT = Date.UTC(2026, 2, 2, 10, 59);

  function seeded(): Crm {
    const crm = crmIn('Pacific/Auckland', BEFORE_MIDNIGHT - 10 * MINUTE);
    const add = (name: string, fields: Record<string, unknown>) => register(crm, { name, ...fields });
    add('Zed overdue', { nextStepDue: '2026-02-20' });
    add('Amy overdue', { nextStepDue: '2026-02-20' });
    add('Due 2 March', { nextStepDue: '2026-03-02' });
    add('Due 3 March', { nextStepDue: '2026-03-03' });
    add('Due 10 March', { nextStepDue: '2026-03-10' });
    add('Due 11 March', { nextStepDue: '2026-03-11' });
    add('No step, open', { status: 'Qualified' });
    add('No step, won', { status: 'Closed-won' });
    add('Manager due', { nextStepDue: '2026-03-02', owner: MANAGER });
    return crm;
  }

  const names = (list: { name: string }[]) => list.map((c) => c.name);

  it('one minute before midnight: due 2 March is today', () => {
    const crm = seeded();
    crm.gas.runtime.setNow(BEFORE_MIDNIGHT);
    const lists = succeeded(crm.call(REP, 'listFollowUps'));
    expect(names(lists.overdue)).toEqual(['Amy overdue', 'Zed overdue']); // same day: by name
    expect(names(lists.today)).toEqual(['Due 2 March']);
    expect(names(lists.upcoming)).toEqual(['Due 3 March']); // up to 9 March
    expect(names(lists.noNextStep)).toEqual(['No step, open']);
    expect(lists.today[0]?.nextStepDue).toBe('2026-03-02');
  });

  it('one minute after midnight: 2 March is overdue, 3 March today, 10 March the last upcoming day', () => {
    const crm = seeded();
    crm.gas.runtime.setNow(BEFORE_MIDNIGHT + 2 * MINUTE);
    const lists = succeeded(crm.call(REP, 'listFollowUps', {}));
    expect(names(lists.overdue)).toEqual(['Amy overdue', 'Zed overdue', 'Due 2 March']);
    expect(names(lists.today)).toEqual(['Due 3 March']);
    expect(names(lists.upcoming)).toEqual(['Due 10 March']);
  });

  it("owner: another's list, '*' for everyone; bad options refused", () => {
    const crm = seeded();
    crm.gas.runtime.setNow(BEFORE_MIDNIGHT);
    expect(names(succeeded(crm.call(REP, 'listFollowUps', { owner: 'Manager@Example.com' })).today)).toEqual([
      'Manager due',
    ]);
    expect(names(succeeded(crm.call(MANAGER, 'listFollowUps')).today)).toEqual(['Manager due']);
    expect(names(succeeded(crm.call(REP, 'listFollowUps', { owner: '*' })).today)).toEqual([
      'Due 2 March',
      'Manager due',
    ]);
    expect(having(crm.callRaw(REP, 'listFollowUps', { owner: 5 }), 'errors').errors.owner).toEqual(expect.any(String));
    expect(having(crm.callRaw(REP, 'listFollowUps', { colour: 'red' }), 'errors').errors.colour).toEqual(
      expect.any(String),
    );
    expect(having(crm.callRaw(REP, 'listFollowUps', 'mine'), 'errors').errors.options).toEqual(expect.any(String));
  });

  it('a date typed by hand into Next step due is read in the spreadsheet time zone too', () => {
    const crm = seeded();
    crm.gas.runtime.setNow(BEFORE_MIDNIGHT);
    crm.edit({ user: REP, sheet: 'Customers', a1: 'R8', value: '2026-03-02' }); // "No step, open"
    const lists = succeeded(crm.call(REP, 'listFollowUps'));
    expect(names(lists.today)).toEqual(['Due 2 March', 'No step, open']);
    expect(lists.noNextStep).toEqual([]);
    const edited = lists.today[1];
    expect([edited?.nextStepDue, edited?.version]).toEqual(['2026-03-02', 2]); // onEdit logged it and bumped Version
  });
});

describe('Set up / repair upgrades a 16-column CRM in place', () => {
  it('appends Next step, Next step due and Lost reason, formats the date column, keeps every value; saves and onEdit work', () => {
    const crm = newCrm();
    register(crm, { name: 'Ann', company: 'Acme', dealValue: 1200 });
    register(crm, { name: 'Bob', status: 'Qualified' });
    // What a CRM set up by the previous version looks like: 16 columns, nothing to the right of Version.
    byHand(crm, OWNER, (ss) => {
      const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
      sheet.getRange(1, 17, sheet.getMaxRows(), 3).clearContent().setNumberFormat('General');
    });
    const old = crm.tab('Customers').map((row) => row.slice(0, 16));
    expect(crm.tab('Customers')[0]?.slice(0, 16)).toEqual([...CUSTOMER_HEADERS.slice(0, 16)]);
    expect((crm.tab('Customers')[0] ?? []).slice(16).every((cell) => cell === '')).toBe(true);
    // Until Set up runs, calls say the columns changed rather than write into the wrong place.
    expect(having(crm.call(REP, 'listCustomers'), 'errors').errors).toEqual(expect.any(Object));

    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.repaired.join(' ')).toContain('Next step, Next step due, Lost reason');
    const now = crm.tab('Customers');
    expect(now[0]).toEqual([...CUSTOMER_HEADERS]);
    expect(now.map((row) => row.slice(0, 16))).toEqual(old);
    expect(now.slice(1).map((row) => row.slice(16, 19))).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    const dueFormat = byHand(
      crm,
      OWNER,
      (ss) =>
        (ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet)
          .getRange('R2')
          .getNumberFormats()[0]?.[0],
    );
    expect(dueFormat).toBe('yyyy-mm-dd');
    expect(succeeded(crm.call(OWNER, 'setUpCrm')).repaired.join(' ')).not.toContain('Next step');

    const saved = succeeded(
      crm.call(REP, 'updateCustomer', 'C-00001', { nextStep: 'Call', nextStepDue: '2026-03-04' }, 1),
    );
    expect([saved.customer.nextStepDue, saved.customer.company, saved.customer.dealValue]).toEqual([
      '2026-03-04',
      'Acme',
      1200,
    ]);
    crm.edit({ user: MANAGER, sheet: 'Customers', a1: 'Q3', value: 'Send the contract' });
    const bob = succeeded(crm.call(REP, 'getCustomer', 'C-00002'));
    expect([bob.customer.nextStep, bob.customer.version]).toEqual(['Send the contract', 2]);
    expect(bob.history.slice(-1)[0]).toMatchObject({
      action: 'manual edit',
      field: 'Next step',
      to: 'Send the contract',
    });
  });
});

describe('menu', () => {
  it('CRM ▸ My work (the first item) opens the sidebar on the "mywork" view', () => {
    const crm = newCrm();
    crm.open(REP, 'LIMITED');
    const first = crm.gas.ui.last('menu')?.menu.entries[0];
    expect(first).toEqual({ kind: 'item', caption: 'My work', functionName: 'showMyWork' });
    crm.run(REP, 'showMyWork');
    const html = crm.gas.ui.last('sidebar')?.html ?? '';
    expect(html).toMatch(/mywork/);
  });
});
