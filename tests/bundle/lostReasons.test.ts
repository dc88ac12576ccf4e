/**
 * Lost reasons through the built bundle (SPEC "Version 2", Lost reasons): required for Closed-lost on every API
 * write, matched case-insensitively and stored as the Settings list spells it, cleared when the customer leaves
 * Closed-lost (History keeps it); the list lives in Settings column N (Set up adds it to an older tab); import and
 * hand edits keep their rows and say what is missing.
 */

import { CUSTOMER_COLUMNS } from '../../src/domain/columns';
import {
  type Crm,
  having,
  MANAGER,
  newCrm,
  OWNER,
  REP,
  succeeded,
  registered as register,
  customerRowOf as rowOf,
  historyRowsOf as historyOf,
} from '../support/crm';
import { sortCustomers } from './safety/helpers';

const REASONS = ['Price', 'Timing', 'Chose a competitor', 'No budget', 'No response', 'Other'];
const C = CUSTOMER_COLUMNS.of;

function toasts(crm: Crm): string[] {
  return crm.gas.ui.events.flatMap((e) => (e.kind === 'toast' ? [e.message] : []));
}

describe('the Lost reasons list in Settings', () => {
  it('Set up writes it in column N with the defaults; listLostReasons returns it', () => {
    const crm = newCrm();
    const settings = crm.tab('Settings');
    expect(settings.map((row) => row[13])).toEqual(['Lost reasons', ...REASONS, '', ''].slice(0, settings.length));
    expect(succeeded(crm.call(REP, 'listLostReasons'))).toEqual({ reasons: REASONS });
  });

  it('Set up adds it to a Settings tab from before the list, touching nothing else', () => {
    const crm = newCrm();
    // An older CRM: column N empty.
    for (let row = 1; row <= 7; row++) crm.edit({ user: OWNER, sheet: 'Settings', row, column: 14, value: '' });
    const before = crm.tab('Settings').map((row) => row.slice(0, 7));
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.repaired).toContain('Settings: "Lost reasons" list added in column N');
    const after = crm.tab('Settings');
    expect(after.map((row) => row.slice(0, 7))).toEqual(before);
    expect(after.slice(0, 7).map((row) => row[13])).toEqual(['Lost reasons', ...REASONS]);
    // Run again: nothing more to add.
    expect(succeeded(crm.call(OWNER, 'setUpCrm')).repaired.join('\n')).not.toContain('Lost reasons');
  });

  it('is editable: the admin replaces a reason and the API follows the new list', () => {
    const crm = newCrm();
    crm.edit({ user: OWNER, sheet: 'Settings', row: 2, column: 14, value: 'Too expensive' });
    expect(succeeded(crm.call(REP, 'listLostReasons')).reasons).toEqual(['Too expensive', ...REASONS.slice(1)]);
    const ann = register(crm, { name: 'Ann' });
    const refused = having(
      crm.call(REP, 'updateCustomerStatus', ann.id, 'Closed-lost', ann.version, '', 'Price'),
      'errors',
    );
    expect(refused.errors.lostReason).toBe(
      'Lost reason "Price" is not in the list: choose one of Too expensive, Timing, Chose a competitor, No budget, No response, Other.',
    );
    const saved = succeeded(
      crm.call(REP, 'updateCustomerStatus', ann.id, 'Closed-lost', ann.version, '', 'too EXPENSIVE'),
    );
    expect(saved.customer.lostReason).toBe('Too expensive');
  });
});

describe('moving to Closed-lost through the API', () => {
  it('updateCustomerStatus without a reason is refused with errors.lostReason and nothing is written', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann', dealValue: 500 });
    const before = JSON.stringify([crm.tab('Customers'), crm.tab('History')]);
    for (const reason of [undefined, '', '   ']) {
      const result = crm.call(REP, 'updateCustomerStatus', ann.id, 'Closed-lost', ann.version, undefined, reason);
      expect(having(result, 'errors').errors).toEqual({
        lostReason: `Lost reason is required for Closed-lost: choose one of ${REASONS.join(', ')}.`,
      });
    }
    expect(JSON.stringify([crm.tab('Customers'), crm.tab('History')])).toBe(before);
  });

  it('matches case-insensitively, stores the list spelling and logs it in History with the status', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const saved = succeeded(
      crm.call(
        REP,
        'updateCustomerStatus',
        ann.id,
        'Closed-lost',
        ann.version,
        'went elsewhere',
        '  chose A COMPETITOR ',
      ),
    );
    expect(saved.customer).toMatchObject({ status: 'Closed-lost', lostReason: 'Chose a competitor', version: 2 });
    expect(rowOf(crm, ann.id)[C.lostReason.index]).toBe('Chose a competitor');
    expect(historyOf(crm, ann.id).map((r) => r.slice(2, 6))).toEqual(
      expect.arrayContaining([
        ['status', 'Status', 'Lead', 'Closed-lost'],
        ['update', 'Lost reason', '', 'Chose a competitor'],
      ]),
    );
  });

  it('refuses hostile and wrong-typed reasons field by field, writing nothing', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const before = JSON.stringify(crm.tab('Customers'));
    const cases: [unknown, RegExp][] = [
      ['=HYPERLINK("http://x","Price")', /is not in the list/],
      ['<img src=x onerror=alert(1)>', /is not in the list/],
      ['x'.repeat(5000), /too long/],
      ['Prix 💸', /is not in the list/],
      [42, /must be text/],
      [{ reason: 'Price' }, /must be text/],
    ];
    for (const [reason, message] of cases) {
      const result = crm.callRaw(REP, 'updateCustomerStatus', ann.id, 'Closed-lost', ann.version, '', reason);
      expect(having(result, 'errors').errors.lostReason).toMatch(message);
    }
    expect(JSON.stringify(crm.tab('Customers'))).toBe(before);
  });

  it('lands on the right row of a tab sorted by hand (rows are found by ID)', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const zed = register(crm, { name: 'Zed' });
    sortCustomers(crm, OWNER, C.name.column, false); // Zed first now
    succeeded(crm.call(REP, 'updateCustomerStatus', ann.id, 'Closed-lost', ann.version, '', 'timing'));
    expect(rowOf(crm, ann.id)[C.lostReason.index]).toBe('Timing');
    expect(rowOf(crm, zed.id)[C.lostReason.index]).toBe('');
    expect(rowOf(crm, zed.id)[C.status.index]).toBe('Lead');
  });

  it('a stale version is a conflict before the reason is judged', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    succeeded(crm.call(MANAGER, 'updateCustomerStatus', ann.id, 'Contacted', ann.version));
    const result = crm.call(REP, 'updateCustomerStatus', ann.id, 'Closed-lost', ann.version, '', 'Price');
    expect(having(result, 'conflict').conflict.status).toBe('Contacted');
    expect(rowOf(crm, ann.id)[C.lostReason.index]).toBe('');
  });

  it('registerCustomer and updateCustomer need it too; a reason for another status is refused', () => {
    const crm = newCrm();
    expect(having(crm.call(REP, 'registerCustomer', { name: 'Bob', status: 'Closed-lost' }), 'errors').errors).toEqual({
      lostReason: `Lost reason is required for Closed-lost: choose one of ${REASONS.join(', ')}.`,
    });
    expect(crm.tab('Customers')).toHaveLength(1);
    const bob = register(crm, { name: 'Bob', status: 'closed lost', lostReason: 'no budget' });
    expect(bob).toMatchObject({ status: 'Closed-lost', lostReason: 'No budget' });
    expect(
      having(crm.call(REP, 'registerCustomer', { name: 'Cat', lostReason: 'Price' }), 'errors').errors.lostReason,
    ).toBe('Lost reason is only for customers moved to Closed-lost; this one is going to Lead.');

    const cat = register(crm, { name: 'Cat' });
    expect(
      having(crm.call(REP, 'updateCustomer', cat.id, { status: 'Closed-lost' }, cat.version), 'errors').errors,
    ).toMatchObject({ lostReason: expect.stringContaining('required') });
    const lost = succeeded(
      crm.call(REP, 'updateCustomer', cat.id, { status: 'Closed-lost', lostReason: 'TIMING' }, cat.version),
    ).customer;
    expect(lost.lostReason).toBe('Timing');
    // Editing another field of a Closed-lost customer keeps its reason; changing the reason alone is allowed.
    const renamed = succeeded(crm.call(REP, 'updateCustomer', cat.id, { company: 'Cat Co' }, lost.version)).customer;
    expect(renamed.lostReason).toBe('Timing');
    const changed = succeeded(crm.call(REP, 'updateCustomer', cat.id, { lostReason: 'price' }, renamed.version));
    expect(changed.customer.lostReason).toBe('Price');
    expect(
      having(crm.call(REP, 'updateCustomer', cat.id, { lostReason: '' }, changed.customer.version), 'errors').errors
        .lostReason,
    ).toMatch(/required/);
  });

  it('leaving Closed-lost clears the reason; History keeps it', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const lost = succeeded(crm.call(REP, 'updateCustomerStatus', ann.id, 'Closed-lost', ann.version, '', 'Price'));
    const back = succeeded(crm.call(REP, 'updateCustomerStatus', ann.id, 'Contacted', lost.customer.version));
    expect(back.customer).toMatchObject({ status: 'Contacted', lostReason: '' });
    expect(rowOf(crm, ann.id)[C.lostReason.index]).toBe('');
    expect(historyOf(crm, ann.id).map((r) => r.slice(2, 6))).toEqual(
      expect.arrayContaining([['update', 'Lost reason', 'Price', '']]),
    );
  });
});

describe('paths that cannot refuse', () => {
  it('import keeps a Closed-lost row without a reason and warns for that row', () => {
    const crm = newCrm();
    const sheet = [
      ['Name', 'Status'],
      ['Old Deal', 'Lost'],
      ['Live Deal', 'Lead'],
    ];
    sheet.forEach((row, r) =>
      row.forEach((value, c) => crm.edit({ user: OWNER, sheet: 'Import', row: r + 1, column: c + 1, value })),
    );
    const result = succeeded(crm.call(OWNER, 'importCustomers'));
    expect(result.imported).toBe(2);
    const old = crm.tab('Customers').find((row) => row[C.name.index] === 'Old Deal') as unknown[];
    expect(old[C.status.index]).toBe('Closed-lost');
    expect(old[C.lostReason.index]).toBe('');
    expect(result.warnings).toEqual([
      {
        row: 2,
        reason:
          'Row 2: Closed-lost without a lost reason: it counts as "(no reason given)" until one is chosen in the sidebar.',
      },
    ]);
  });

  it('a hand edit into Closed-lost keeps the row and says the reason is missing; out of it clears the reason', () => {
    const crm = newCrm();
    const ann = register(crm, { name: 'Ann' });
    const sheetRow = () => crm.tab('Customers').findIndex((r) => r[0] === ann.id) + 1;
    crm.edit({ user: REP, sheet: 'Customers', row: sheetRow(), column: C.status.column, value: 'Closed-lost' });
    expect(rowOf(crm, ann.id)[C.status.index]).toBe('Closed-lost');
    expect(toasts(crm).join('\n')).toContain(`${ann.id}: Closed-lost without a lost reason`);

    crm.edit({ user: REP, sheet: 'Customers', row: sheetRow(), column: C.lostReason.column, value: 'Price' });
    const beforeLeaving = rowOf(crm, ann.id)[C.version.index] as number;
    crm.edit({ user: REP, sheet: 'Customers', row: sheetRow(), column: C.status.column, value: 'Qualified' });
    const row = rowOf(crm, ann.id);
    expect(row[C.lostReason.index]).toBe('');
    expect(row[C.version.index]).toBe(beforeLeaving + 1);
    expect(
      historyOf(crm, ann.id)
        .slice(-2)
        .map((r) => r.slice(2, 6)),
    ).toEqual([
      ['status', 'Status', 'Closed-lost', 'Qualified'],
      ['manual edit', 'Lost reason', 'Price', ''],
    ]);
  });

  it('a paste over the Status of several rows clears the reasons of those leaving Closed-lost, and only those', () => {
    const crm = newCrm();
    const a = register(crm, { name: 'Ann', status: 'Closed-lost', lostReason: 'Price' });
    const b = register(crm, { name: 'Bob' });
    const c = register(crm, { name: 'Cat', status: 'Closed-lost', lostReason: 'Timing' });
    const letter = String.fromCharCode(64 + C.status.column);
    crm.editRange({
      user: REP,
      sheet: 'Customers',
      a1: `${letter}2:${letter}4`,
      values: [['Lead'], ['Lead'], ['Contacted']],
    });
    expect([a, b, c].map((x) => rowOf(crm, x.id).slice(C.status.index, C.status.index + 1))).toEqual([
      ['Lead'],
      ['Lead'],
      ['Contacted'],
    ]);
    expect([a, b, c].map((x) => rowOf(crm, x.id)[C.lostReason.index])).toEqual(['', '', '']);
    expect(historyOf(crm, a.id).slice(-1)[0]?.slice(2, 6)).toEqual(['manual edit', 'Lost reason', 'Price', '']);
    expect(historyOf(crm, c.id).slice(-1)[0]?.slice(2, 6)).toEqual(['manual edit', 'Lost reason', 'Timing', '']);
    expect(historyOf(crm, b.id).map((r) => r[3])).not.toContain('Lost reason');
  });
});
