/**
 * Point 1, locking: every write path holds the document lock for every write it makes, writes each tab in one
 * batch, gives up after a bounded wait with a clear "busy, try again" message and nothing changed, and a
 * failure in the middle of a two-tab write leaves no half-written state.
 */

import type { Customer } from '../../../src/domain/customer';
import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { MANAGER, OWNER, REP, type Crm, newCrm, succeeded } from '../../support/crm';
import { type Refusal, addOnUnlockedWrites, byHand, registered, sheetRowOf, stateJson, workbookJson } from './helpers';

const BUSY = /^The CRM is busy saving another change\. Nothing was saved: please try again in a few seconds\.$/;
const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;

function fillImportTab(crm: Crm, rows: string[][]): void {
  rows.forEach((cells, r) =>
    cells.forEach((value, c) =>
      crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Import', row: r + 1, column: c + 1, value }),
    ),
  );
}

/** A set-up CRM with two customers and an Import tab holding one more. */
function seeded(): { crm: Crm; ann: Customer; bob: Customer } {
  const crm = newCrm();
  const ann = registered(crm, REP, { name: 'Ann Berg', email: 'ann@example.com', dealValue: 1000 });
  const bob = registered(crm, MANAGER, { name: 'Bob Stone', company: 'Stone Ltd', phone: '+44 20 7946 0000' });
  fillImportTab(crm, [
    ['Name', 'Email'],
    ['Old Customer', 'old@example.com'],
  ]);
  return { crm, ann, bob };
}

/** The stored Version, as the sidebar has it after opening the customer. */
function versionOf(crm: Crm, c: Customer): number {
  return succeeded(crm.call(REP, 'getCustomer', c.id)).customer.version;
}

type WritePath = [label: string, user: string, run: (crm: Crm, ann: Customer) => unknown];

/** Every server entry that writes, as the client or the menu calls it. */
const WRITE_PATHS: WritePath[] = [
  [
    'registerCustomer',
    REP,
    (crm) => crm.call(REP, 'registerCustomer', { name: 'Cat Young', email: 'cat@example.com' }),
  ],
  [
    'updateCustomer',
    REP,
    (crm, ann) =>
      crm.call(REP, 'updateCustomer', ann.id, { company: 'Berg AB', dealValue: '2,000' }, versionOf(crm, ann)),
  ],
  [
    'updateCustomerStatus',
    MANAGER,
    (crm, ann) => crm.call(MANAGER, 'updateCustomerStatus', ann.id, 'Contacted', versionOf(crm, ann), 'Called'),
  ],
  ['setUpCrm', OWNER, (crm) => crm.call(OWNER, 'setUpCrm')],
  ['rebuildPipelineSummary', MANAGER, (crm) => crm.call(MANAGER, 'rebuildPipelineSummary')],
  ['importCustomers', OWNER, (crm) => crm.call(OWNER, 'importCustomers', {})],
  ['menu: Set up / repair', OWNER, (crm) => crm.run(OWNER, 'showSetUp')],
  ['menu: Pipeline summary', MANAGER, (crm) => crm.run(MANAGER, 'showPipelineSummary')],
];

const READ_PATHS: WritePath[] = [
  ['getCustomer', REP, (crm, ann) => crm.call(REP, 'getCustomer', ann.id)],
  ['searchCustomers', REP, (crm) => crm.call(REP, 'searchCustomers', 'ann')],
  ['listCustomers', REP, (crm) => crm.call(REP, 'listCustomers', { sort: '-name' })],
  ['checkData', REP, (crm) => crm.call(REP, 'checkData')],
  ['proposeImportMapping', OWNER, (crm) => crm.call(OWNER, 'proposeImportMapping')],
  ['menu: Check data', OWNER, (crm) => crm.run(OWNER, 'showDataCheck')],
];

/** Writes per sheet-changing method since `before` (a counter snapshot). */
function writeCalls(crm: Crm, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [method, n] of Object.entries(crm.gas.runtime.calls.snapshot())) {
    const isWrite = /^(Range\.(set|clear|insert|delete|sort|merge)|Sheet\.(appendRow|insert|delete|clear|sort))/.test(
      method,
    );
    const delta = n - (before[method] ?? 0);
    if (isWrite && delta > 0) out[method] = delta;
  }
  return out;
}

describe('every write is made under the document lock', () => {
  it('no write path, menu item or trigger writes without the lock; every one of them did write', () => {
    const { crm, ann } = seeded();
    for (const [label, , run] of WRITE_PATHS) {
      const before = workbookJson(crm);
      const result = run(crm, ann) as { ok?: boolean } | undefined;
      expect({ label, ok: result === undefined || result.ok !== false }).toEqual({ label, ok: true });
      if (label !== 'setUpCrm' && label !== 'menu: Set up / repair') {
        expect({ label, changed: workbookJson(crm) !== before }).toEqual({ label, changed: true });
      }
    }
    // The onEdit trigger: a person changes a Status by hand; the trigger logs it and bumps the Version.
    crm.edit({
      user: REP,
      sheet: 'Customers',
      row: sheetRowOf(crm, ann.id),
      column: col('Status'),
      value: 'Qualified',
    });
    expect(crm.tab('History').at(-1)?.slice(1, 6)).toEqual([ann.id, 'status', 'Status', 'Contacted', 'Qualified']);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('reads write nothing at all, so they need no lock', () => {
    const { crm, ann } = seeded();
    const before = stateJson(crm);
    const calls = crm.gas.runtime.calls.snapshot();
    for (const [, , run] of READ_PATHS) run(crm, ann);
    expect(writeCalls(crm, calls)).toEqual({});
    expect(stateJson(crm)).toBe(before);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  // A save writes only the cells it changes: one setValues per run of adjacent changed columns (Company; Owner;
  // Updated at + by; Version — Status changed at joins them when the status changes), never a whole row; and one
  // setValue marks the Pipeline tab "out of date" (row 2), in the same batch.
  it.each([
    [
      'registerCustomer',
      // The row, then three History rows in one block (Status, Name, and the Owner it defaults to: the user).
      (crm: Crm): unknown => crm.call(REP, 'registerCustomer', { name: 'Cat Young' }),
      { 'Sheet.appendRow': 1, 'Sheet.insertRowsAfter': 1, 'Range.setValues': 1, 'Range.setValue': 1 },
    ],
    [
      'updateCustomer',
      (crm: Crm, ann: Customer): unknown =>
        crm.call(REP, 'updateCustomer', ann.id, { company: 'Berg AB', owner: MANAGER }, 1),
      { 'Range.setValues': 4, 'Sheet.appendRow': 2, 'Range.setValue': 1 },
    ],
    [
      'updateCustomer of three fields',
      (crm: Crm, ann: Customer): unknown =>
        crm.call(REP, 'updateCustomer', ann.id, { company: 'Berg AB', owner: MANAGER, source: 'Fair' }, 1),
      { 'Range.setValues': 5, 'Sheet.insertRowsAfter': 1, 'Range.setValue': 1 },
    ],
    [
      'updateCustomerStatus',
      (crm: Crm, ann: Customer): unknown => crm.call(REP, 'updateCustomerStatus', ann.id, 'Contacted', 1),
      { 'Range.setValues': 2, 'Sheet.appendRow': 1, 'Range.setValue': 1 },
    ],
    [
      'updateCustomerStatus with a note',
      (crm: Crm, ann: Customer): unknown => crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', 1, 'Budget ok'),
      { 'Range.setValues': 3, 'Sheet.appendRow': 2, 'Range.setValue': 1 },
    ],
  ] as const)('%s writes with a fixed set of calls and no read between them (one batch)', (_label, run, expected) => {
    const { crm, ann } = seeded();
    const calls = crm.gas.runtime.calls.snapshot();
    const methods: string[] = [];
    crm.gas.runtime.calls.onCall((method) => methods.push(method));
    run(crm, ann);
    expect(writeCalls(crm, calls)).toEqual(expected);
    // Every read comes before the first write: the writes reach Google as one batch.
    const firstWrite = methods.findIndex((m) => /^(Range\.set|Sheet\.(appendRow|insert))/.test(m));
    const lastRead = methods.reduce(
      (at, m, i) => (/^(Range\.getValues|Sheet\.(getSheetValues|getLastRow|getMaxRows))$/.test(m) ? i : at),
      -1,
    );
    expect(firstWrite).toBeGreaterThan(lastRead);
  });
});

describe('a write that finds the lock taken', () => {
  it.each(WRITE_PATHS)(
    '%s waits a bounded time, then says "busy, try again" and changes nothing',
    (label, user, run) => {
      const { crm, ann } = seeded();
      const release = crm.gas.services.holdDocumentLockElsewhere();
      const before = stateJson(crm);
      const alerts = crm.gas.ui.of('alert').length;
      const startedAt = crm.gas.runtime.now();
      const result = run(crm, ann) as Refusal | undefined;
      const waited = crm.gas.runtime.now() - startedAt;
      expect(waited).toBeGreaterThan(0); // it did wait for the other write...
      expect(waited).toBeLessThanOrEqual(30_000); // ...a bounded time (virtual clock, not wall time)
      if (label.startsWith('menu:')) {
        expect(result).toBeUndefined();
        expect(
          crm.gas.ui
            .of('alert')
            .slice(alerts)
            .map((a) => a.prompt),
        ).toEqual([expect.stringMatching(BUSY)]);
      } else {
        expect(result).toEqual({ ok: false, errors: { form: expect.stringMatching(BUSY) } });
      }
      expect(stateJson(crm)).toBe(before);
      expect(crm.gas.runtime.unlockedWrites).toEqual([]);

      release(); // once the other write is done, the same call goes through
      const again = run(crm, ann) as { ok?: boolean } | undefined;
      expect({ user, ok: again === undefined || again.ok !== false }).toEqual({ user, ok: true });
    },
  );

  it('reads still answer while a write holds the lock', () => {
    const { crm, ann } = seeded();
    crm.gas.services.holdDocumentLockElsewhere();
    expect(crm.call(REP, 'getCustomer', ann.id)).toMatchObject({ ok: true, customer: { id: ann.id } });
    expect(crm.call(REP, 'searchCustomers', 'stone')).toMatchObject({ total: 1 });
  });

  it('a hand edit while the CRM is busy is kept, not logged, changes nothing else, and the person is told', () => {
    const { crm, ann } = seeded();
    crm.gas.services.holdDocumentLockElsewhere();
    const history = crm.tab('History');
    const row = sheetRowOf(crm, ann.id);
    const cellsBefore = crm.tab('Customers')[row - 1] as unknown[];
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Status'), value: 'Dormant' });
    expect(crm.tab('History')).toEqual(history);
    const cellsAfter = crm.tab('Customers')[row - 1] as unknown[];
    expect(cellsAfter).toEqual(cellsBefore.map((v, i) => (i === col('Status') - 1 ? 'Dormant' : v)));
    expect(crm.gas.ui.last('toast')?.message).toMatch(/not logged in History: the CRM was busy/);
  });
});

describe('a failure between the Customers write and the History write', () => {
  /** The owner narrows History's protection so REP may no longer write there (Customers still allows REP). */
  function historyClosedToRep(crm: Crm): void {
    byHand(crm, OWNER, (ss, app) => {
      const sheet = ss.getSheetByName('History');
      if (!sheet) throw new Error('no History tab');
      const protection = sheet.getProtections(app.ProtectionType.SHEET)[0];
      if (!protection) throw new Error('History is not protected');
      protection.removeEditors([REP]);
    });
  }

  it('registerCustomer leaves no customer without its log entry', () => {
    const { crm } = seeded();
    historyClosedToRep(crm);
    const before = workbookJson(crm);
    const flushes = crm.gas.runtime.calls.get('SpreadsheetApp.flush');
    expect(() => crm.call(REP, 'registerCustomer', { name: 'Cat Young', email: 'cat@example.com' })).toThrow(
      /protected cell/,
    );
    expect(workbookJson(crm)).toBe(before);
    // The undo reached the sheet before the lock was let go.
    expect(crm.gas.runtime.calls.get('SpreadsheetApp.flush')).toBe(flushes + 1);
    expect(addOnUnlockedWrites(crm)).toEqual([]);
  });

  it('updateCustomerStatus puts the row back exactly as it was, hand-typed cells included', () => {
    const { crm, ann } = seeded();
    const row = sheetRowOf(crm, ann.id);
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Deal value'), value: 'about 5k' });
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Phone'), value: '5550102000' });
    historyClosedToRep(crm);
    const before = workbookJson(crm);
    const version = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer.version;
    expect(() => crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', version, 'A note')).toThrow(
      /protected cell/,
    );
    expect(() => crm.call(REP, 'updateCustomer', ann.id, { name: 'Ann Berg-Lund' }, version)).toThrow(/protected cell/);
    expect(workbookJson(crm)).toBe(before);
    expect(addOnUnlockedWrites(crm)).toEqual([]);
  });

  it('a status with a note: when History takes the first of its two rows but refuses the second, the first is taken out', () => {
    const { crm, ann } = seeded();
    // The owner protects the History row just below the next one against REP: the first appendRow goes in.
    byHand(crm, OWNER, (ss) => {
      const sheet = ss.getSheetByName('History');
      if (!sheet) throw new Error('no History tab');
      const protection = sheet.getRange(sheet.getLastRow() + 2, 1, 1, 7).protect();
      protection.removeEditors([REP]);
    });
    const before = { customers: crm.tab('Customers'), history: crm.tab('History') };
    const flushes = crm.gas.runtime.calls.get('SpreadsheetApp.flush');
    expect(() => crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', 1, 'Budget ok')).toThrow(/protected cell/);
    expect({ customers: crm.tab('Customers'), history: crm.tab('History') }).toEqual(before);
    expect(crm.gas.runtime.calls.get('SpreadsheetApp.flush')).toBe(flushes + 1);
    expect(addOnUnlockedWrites(crm)).toEqual([]);
  });

  it('importCustomers leaves no imported row behind', () => {
    const { crm } = seeded();
    historyClosedToRep(crm);
    const before = workbookJson(crm);
    expect(() => crm.call(REP, 'importCustomers', {})).toThrow(/protected cell/);
    expect(workbookJson(crm)).toBe(before);
  });

  it('a hand edit whose log entry History refuses gets no Version bump either', () => {
    const { crm, ann } = seeded();
    historyClosedToRep(crm);
    const row = sheetRowOf(crm, ann.id);
    const cellsBefore = crm.tab('Customers')[row - 1] as unknown[];
    const history = crm.tab('History');
    expect(() => crm.edit({ user: REP, sheet: 'Customers', row, column: col('Name'), value: 'Ann B.' })).toThrow(
      /protected cell/,
    );
    expect(crm.tab('History')).toEqual(history);
    // Only the person's own edit is there; Updated at/by and Version are as they were.
    expect(crm.tab('Customers')[row - 1]).toEqual(cellsBefore.map((v, i) => (i === col('Name') - 1 ? 'Ann B.' : v)));
    expect(crm.gas.ui.last('toast')?.message).toMatch(/not logged in History: the History tab refused it/);
  });

  it('after the owner repairs the protection, the same calls succeed and History is complete', () => {
    const { crm, ann } = seeded();
    historyClosedToRep(crm);
    expect(() => crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', 1)).toThrow(/protected cell/);
    crm.call(OWNER, 'setUpCrm'); // re-applies the staff list to every protection
    const saved = crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', 1);
    expect(saved).toMatchObject({ ok: true, customer: { status: 'Qualified', version: 2 } });
    expect(
      crm
        .tab('History')
        .filter((e) => e[1] === ann.id && e[3] === 'Status')
        .map((e) => e[2]),
    ).toEqual(['create', 'status']);
  });
});
