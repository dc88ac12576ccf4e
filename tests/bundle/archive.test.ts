/**
 * Nothing is ever deleted (SPEC "Version 2"), through the built bundle: archiveCustomer / restoreCustomer move a
 * customer between Customers and Archive cell for cell; mergeCustomers fills and archives; findDuplicateGroups
 * groups by the registration rules; a row deleted by hand is listed by checkData and rebuilt from History exactly.
 * Each path with stale versions, concurrent writers (the lock held elsewhere), a sorted tab and hostile input.
 */

import type { Customer } from '../../src/domain/customer';
import { CUSTOMER_HEADERS } from '../../src/domain/customer';
import {
  DAY_MS,
  MANAGER,
  OWNER,
  REP,
  STRANGER,
  type Crm,
  having,
  newCrm,
  succeeded,
  historyRowsOf as historyOf,
} from '../support/crm';
import {
  addOnUnlockedWrites,
  byHand,
  customersSheet,
  deleteRow,
  formulasAnywhere,
  registered,
  rowAsCustomer,
  sheetRowOf,
  sortCustomers,
  stateJson,
} from './safety/helpers';

const ARCHIVE_HEADERS = [...CUSTOMER_HEADERS, 'Archived at', 'Archived by', 'Archive reason'];
const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;

function customerRow(crm: Crm, id: string): unknown[] | undefined {
  return crm.tab('Customers').find((row) => row[0] === id);
}

function archiveRow(crm: Crm, id: string): unknown[] | undefined {
  return crm.tab('Archive').find((row) => row[0] === id);
}

function seeded(): { crm: Crm; ann: Customer; bob: Customer } {
  const crm = newCrm({ simpleTriggerIdentity: 'visible' });
  const ann = registered(crm, REP, {
    name: '=Ann Berg',
    company: 'Berg AB',
    email: 'ann@example.com',
    dealValue: 5000,
    notes: 'Met at the fair',
    nextStepDue: '2026-03-05',
  });
  const bob = registered(crm, MANAGER, { name: 'Bob Stone', phone: '+1 555 010 2000' });
  return { crm, ann, bob };
}

describe('Set up makes the Archive tab', () => {
  it('with the Customers columns then Archived at / by / reason, protected for the staff like History', () => {
    const { crm } = seeded();
    expect(crm.tab('Archive')[0]?.slice(0, ARCHIVE_HEADERS.length)).toEqual(ARCHIVE_HEADERS);
    // A stranger the file is shared with cannot write it (Google refuses: the protection names the editors).
    expect(() => byHand(crm, STRANGER, (ss) => ss.getSheetByName('Archive')?.getRange('A2').setValue('x'))).toThrow(
      /protected/,
    );
    byHand(crm, REP, (ss) => ss.getSheetByName('Archive')?.getRange('A5').setValue('staff may'));
    expect(crm.tab('Archive')[4]?.[0]).toBe('staff may');
  });
});

describe('archiveCustomer / restoreCustomer', () => {
  it('moves the row to Archive cell for cell, logs archive, and the customer leaves search, lists and follow-ups', () => {
    const { crm, ann, bob } = seeded();
    const before = customerRow(crm, ann.id) as unknown[];
    crm.gas.runtime.advance(DAY_MS);
    const result = succeeded(crm.call(MANAGER, 'archiveCustomer', ann.id, ann.version, 'Junk =1+1'));
    expect(result.customer).toEqual(ann);
    const at = new Date(crm.gas.runtime.now()).toISOString();
    expect(customerRow(crm, ann.id)).toBeUndefined();
    expect(archiveRow(crm, ann.id)?.slice(0, ARCHIVE_HEADERS.length)).toEqual([...before, at, MANAGER, 'Junk =1+1']);
    expect(historyOf(crm, ann.id).at(-1)).toEqual([at, ann.id, 'archive', '', '', 'Junk =1+1', MANAGER]);
    expect(formulasAnywhere(crm)).toEqual([]);

    expect(succeeded(crm.call(REP, 'searchCustomers', 'berg')).total).toBe(0);
    expect(succeeded(crm.call(REP, 'listCustomers')).customers.map((c) => c.id)).toEqual([bob.id]);
    const followUps = succeeded(crm.call(REP, 'listFollowUps', { owner: '*' }));
    expect(JSON.stringify(followUps)).not.toContain(ann.id);
    const summary = succeeded(crm.call(MANAGER, 'rebuildPipelineSummary'));
    expect(JSON.stringify(summary)).not.toContain('5000');

    const got = succeeded(crm.call(REP, 'getCustomer', ann.id));
    expect(got.customer).toEqual({ ...ann, archived: { at, by: MANAGER, reason: 'Junk =1+1' } });
    expect(got.history.at(-1)?.action).toBe('archive');
  });

  it('restore puts it back with Version + 1 and Updated at/by, logged; the Archive row is gone', () => {
    const { crm, ann } = seeded();
    succeeded(crm.call(REP, 'archiveCustomer', ann.id, ann.version));
    crm.gas.runtime.advance(DAY_MS);
    const restored = succeeded(crm.call(MANAGER, 'restoreCustomer', ann.id)).customer;
    const at = new Date(crm.gas.runtime.now()).toISOString();
    expect(restored).toEqual({ ...ann, version: ann.version + 1, updatedAt: at, updatedBy: MANAGER });
    expect(customerRow(crm, ann.id)?.[col('Version') - 1]).toBe(ann.version + 1);
    expect(archiveRow(crm, ann.id)).toBeUndefined();
    expect(historyOf(crm, ann.id).at(-1)).toEqual([at, ann.id, 'restore', '', 'Archive', 'Customers', MANAGER]);
    expect(succeeded(crm.call(REP, 'getCustomer', ann.id)).customer).toEqual(restored);
    // Restoring again: nothing to restore.
    expect(crm.call(REP, 'restoreCustomer', ann.id)).toEqual({
      ok: false,
      errors: { id: expect.stringContaining('already in the Customers tab') },
    });
  });

  it('a stale version → conflict with the current record, nothing written', () => {
    const { crm, ann } = seeded();
    const current = succeeded(crm.call(REP, 'updateCustomer', ann.id, { source: 'Fair' }, ann.version)).customer;
    const before = stateJson(crm);
    expect(crm.call(MANAGER, 'archiveCustomer', ann.id, ann.version, 'old copy')).toEqual({
      ok: false,
      conflict: current,
    });
    expect(stateJson(crm)).toBe(before);
  });

  it('archiving a customer another user is editing: their save afterwards is refused, nothing overwritten', () => {
    const { crm, ann } = seeded();
    const repCopy = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    succeeded(crm.call(MANAGER, 'archiveCustomer', ann.id, ann.version, 'gone'));
    const before = stateJson(crm);
    const save = crm.call(REP, 'updateCustomer', repCopy.id, { source: 'mine' }, repCopy.version);
    expect(having(save, 'errors').errors.id).toMatch(/archived/);
    expect(stateJson(crm)).toBe(before);
    // And the other way round: their save first, then the archive with the old version is a conflict.
    const restored = succeeded(crm.call(MANAGER, 'restoreCustomer', ann.id)).customer;
    const saved = succeeded(crm.call(REP, 'updateCustomer', ann.id, { source: 'mine' }, restored.version)).customer;
    expect(crm.call(MANAGER, 'archiveCustomer', ann.id, restored.version)).toEqual({ ok: false, conflict: saved });
  });

  it('finds the right row in a sorted tab with blank rows', () => {
    const { crm, ann, bob } = seeded();
    sortCustomers(crm, REP, col('Name'), false);
    byHand(crm, REP, (ss) => customersSheet(ss).insertRowsBefore(2, 2));
    const bobBefore = customerRow(crm, bob.id);
    succeeded(crm.call(REP, 'archiveCustomer', ann.id, ann.version));
    expect(customerRow(crm, ann.id)).toBeUndefined();
    expect(customerRow(crm, bob.id)).toEqual(bobBefore);
    expect(archiveRow(crm, ann.id)?.[1]).toBe('=Ann Berg');
  });

  it('the last customer of a tab with no spare rows is emptied, not deleted (Google refuses that)', () => {
    const { crm, ann, bob } = seeded();
    byHand(crm, OWNER, (ss) => {
      const sheet = customersSheet(ss);
      sheet.deleteRows(4, sheet.getMaxRows() - 3);
    });
    succeeded(crm.call(REP, 'archiveCustomer', bob.id, bob.version));
    succeeded(crm.call(REP, 'archiveCustomer', ann.id, ann.version));
    expect(
      crm
        .tab('Customers')
        .slice(1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    succeeded(crm.call(REP, 'restoreCustomer', ann.id));
    expect(customerRow(crm, ann.id)?.[1]).toBe('=Ann Berg');
  });

  it('waits for a concurrent writer, then says busy and changes nothing', () => {
    const { crm, ann } = seeded();
    crm.gas.services.holdDocumentLockElsewhere();
    const before = stateJson(crm);
    for (const result of [
      crm.call(REP, 'archiveCustomer', ann.id, ann.version),
      crm.call(REP, 'restoreCustomer', ann.id),
      crm.call(REP, 'mergeCustomers', ann.id, 'C-00002', { [ann.id]: 1, 'C-00002': 1 }),
    ]) {
      expect(result).toEqual({ ok: false, errors: { form: expect.stringMatching(/busy/) } });
    }
    expect(stateJson(crm)).toBe(before);
  });

  it('refuses bad input with field messages and changes nothing; strangers are refused', () => {
    const { crm, ann } = seeded();
    const before = stateJson(crm);
    expect(having(crm.call(REP, 'archiveCustomer', '=C-1', 1), 'errors').errors.id).toMatch(/not valid/);
    expect(having(crm.callRaw(REP, 'archiveCustomer', ann.id, 'one'), 'errors').errors.expectedVersion).toMatch(
      /whole number/,
    );
    expect(having(crm.call(REP, 'archiveCustomer', ann.id, 1, 'x'.repeat(501)), 'errors').errors.reason).toMatch(
      /Reason is too long/,
    );
    expect(having(crm.callRaw(REP, 'archiveCustomer', ann.id, 1, { a: 1 }), 'errors').errors.reason).toMatch(
      /must be text/,
    );
    expect(having(crm.call(REP, 'archiveCustomer', 'C-99999', 1), 'errors').errors.id).toMatch(/No customer/);
    expect(having(crm.callRaw(REP, 'restoreCustomer', 42), 'errors').errors.id).toMatch(/not valid/);
    expect(having(crm.call(REP, 'restoreCustomer', 'C-99999'), 'errors').errors.id).toMatch(/not even in History/);
    expect(having(crm.call(STRANGER, 'archiveCustomer', ann.id, 1), 'errors').errors.access).toBeDefined();
    expect(having(crm.call(STRANGER, 'restoreCustomer', ann.id), 'errors').errors.access).toBeDefined();
    expect(stateJson(crm)).toBe(before);
  });

  it('if History refuses the log entry, the row is back in Customers and Archive is as it was', () => {
    const { crm, ann } = seeded();
    byHand(crm, OWNER, (ss, app) => {
      const protection = ss.getSheetByName('History')?.getProtections(app.ProtectionType.SHEET)[0];
      protection?.removeEditors([REP]);
    });
    const customers = crm.tab('Customers');
    const archive = crm.tab('Archive');
    expect(() => crm.call(REP, 'archiveCustomer', ann.id, ann.version)).toThrow(/protected/);
    expect(crm.tab('Customers')).toEqual(customers);
    expect(crm.tab('Archive')).toEqual(archive);
    expect(addOnUnlockedWrites(crm)).toEqual([]);
  });
});

describe('findDuplicateGroups / mergeCustomers', () => {
  function duplicates(): { crm: Crm; a: Customer; b: Customer; c: Customer; lone: Customer } {
    const crm = newCrm();
    const a = registered(crm, REP, { name: 'Ann Berg', email: 'ann@example.com', notes: 'First' });
    const b = registered(crm, MANAGER, {
      name: 'Ann Berg ',
      company: 'Berg AB',
      email: 'ANN@example.com',
      phone: '+46 70 123 4567',
      dealValue: 900,
      notes: 'Second',
      allowDuplicate: true,
    });
    const c = registered(crm, REP, { name: 'Someone', phone: '(46) 70-123 45 67', allowDuplicate: true });
    const lone = registered(crm, REP, { name: 'Lone Wolf' });
    return { crm, a, b, c, lone };
  }

  it('groups probable duplicates transitively by the registration rules', () => {
    const { crm, a, b, c } = duplicates();
    const { groups } = succeeded(crm.call(REP, 'findDuplicateGroups'));
    expect(groups.map((g) => g.map((x) => x.id))).toEqual([[a.id, b.id, c.id]]);
  });

  it('fills the kept customer’s empty fields, joins Notes, archives the other with "merged into", logs both', () => {
    const { crm, a, b } = duplicates();
    crm.gas.runtime.advance(DAY_MS);
    const kept = succeeded(
      crm.call(OWNER, 'mergeCustomers', a.id, b.id, { [a.id]: a.version, [b.id]: b.version }),
    ).customer;
    const at = new Date(crm.gas.runtime.now()).toISOString();
    expect(kept).toEqual({
      ...a,
      company: 'Berg AB',
      phone: '+46 70 123 4567',
      dealValue: 900,
      notes: 'First\nSecond',
      version: a.version + 1,
      updatedAt: at,
      updatedBy: OWNER,
    });
    expect(rowAsCustomer(customerRow(crm, a.id) as unknown[])).toEqual(kept);
    expect(customerRow(crm, b.id)).toBeUndefined();
    expect(archiveRow(crm, b.id)?.slice(-3)).toEqual([at, OWNER, `merged into ${a.id}`]);
    expect(historyOf(crm, a.id).filter((e) => e[2] === 'merge')).toEqual([
      [at, a.id, 'merge', '', b.id, a.id, OWNER],
      [at, a.id, 'merge', 'Company', '', 'Berg AB', OWNER],
      [at, a.id, 'merge', 'Phone', '', '+46 70 123 4567', OWNER],
      [at, a.id, 'merge', 'Deal value', '', '900', OWNER],
      [at, a.id, 'merge', 'Notes', 'First', 'First\nSecond', OWNER],
    ]);
    expect(historyOf(crm, b.id).slice(-2)).toEqual([
      [at, b.id, 'merge', '', b.id, a.id, OWNER],
      [at, b.id, 'archive', '', '', `merged into ${a.id}`, OWNER],
    ]);
    expect(succeeded(crm.call(REP, 'getCustomer', b.id)).customer.archived?.reason).toBe(`merged into ${a.id}`);
    // Restoring the merged one brings it back as it was archived, Version + 1.
    const back = succeeded(crm.call(REP, 'restoreCustomer', b.id)).customer;
    expect(back).toEqual({
      ...b,
      version: b.version + 1,
      updatedAt: new Date(crm.gas.runtime.now()).toISOString(),
      updatedBy: REP,
    });
  });

  it('refuses a merge into itself, into or of an archived customer, and stale versions; nothing written', () => {
    const { crm, a, b, lone } = duplicates();
    succeeded(crm.call(REP, 'archiveCustomer', lone.id, lone.version));
    const current = succeeded(crm.call(REP, 'updateCustomer', b.id, { source: 'Web' }, b.version)).customer;
    const before = stateJson(crm);
    expect(having(crm.call(REP, 'mergeCustomers', a.id, a.id, { [a.id]: 1 }), 'errors').errors.mergeId).toMatch(
      /itself/,
    );
    expect(
      having(crm.call(REP, 'mergeCustomers', lone.id, a.id, { [lone.id]: 1, [a.id]: 1 }), 'errors').errors.keepId,
    ).toMatch(/archived/);
    expect(
      having(crm.call(REP, 'mergeCustomers', a.id, lone.id, { [lone.id]: 1, [a.id]: 1 }), 'errors').errors.mergeId,
    ).toMatch(/archived/);
    expect(crm.call(REP, 'mergeCustomers', a.id, b.id, { [a.id]: a.version, [b.id]: b.version })).toEqual({
      ok: false,
      conflict: current,
    });
    expect(crm.call(REP, 'mergeCustomers', a.id, b.id, { [a.id]: a.version + 5, [b.id]: current.version })).toEqual({
      ok: false,
      conflict: a,
    });
    for (const versions of [null, [1, 2], 'x', { [a.id]: 1 }, { [a.id]: 'one', [b.id]: 1 }]) {
      expect(
        having(crm.callRaw(REP, 'mergeCustomers', a.id, b.id, versions), 'errors').errors.expectedVersions,
      ).toBeDefined();
    }
    expect(having(crm.call(REP, 'mergeCustomers', '<b>', b.id, {}), 'errors').errors.keepId).toMatch(/not valid/);
    expect(stateJson(crm)).toBe(before);
  });

  it('refuses Notes that would not fit once joined, nothing written', () => {
    const crm = newCrm();
    const a = registered(crm, REP, { name: 'Ann', email: 'a@example.com', notes: 'a'.repeat(6000) });
    const b = registered(crm, REP, {
      name: 'Ann',
      email: 'a@example.com',
      notes: 'b'.repeat(6000),
      allowDuplicate: true,
    });
    const before = stateJson(crm);
    const result = crm.call(REP, 'mergeCustomers', a.id, b.id, { [a.id]: 1, [b.id]: 1 });
    expect(having(result, 'errors').errors.notes).toMatch(/do not fit/);
    expect(stateJson(crm)).toBe(before);
  });

  it('merges the right rows in a sorted tab (the other above or below the kept one)', () => {
    const { crm, a, b, c } = duplicates();
    sortCustomers(crm, REP, col('Name'), false);
    const cBefore = customerRow(crm, c.id);
    succeeded(crm.call(REP, 'mergeCustomers', b.id, a.id, { [a.id]: a.version, [b.id]: b.version }));
    expect(customerRow(crm, a.id)).toBeUndefined();
    expect(customerRow(crm, b.id)?.[9]).toBe('Second\nFirst');
    expect(customerRow(crm, c.id)).toEqual(cBefore);
  });
});

describe('a row deleted by hand', () => {
  it('is listed by checkData and rebuilt from History exactly as it was, Version and stamps too', () => {
    const { crm, ann, bob } = seeded();
    crm.gas.runtime.advance(DAY_MS);
    let current = succeeded(
      crm.call(MANAGER, 'updateCustomer', ann.id, { company: '+44 Ltd', dealValue: 1234.5 }, ann.version),
    ).customer;
    crm.gas.runtime.advance(DAY_MS);
    current = succeeded(
      crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', current.version, 'Called =2+2'),
    ).customer;
    crm.gas.runtime.advance(DAY_MS);
    crm.edit({ user: MANAGER, sheet: 'Customers', row: sheetRowOf(crm, ann.id), column: col('Name'), value: 'Ann B.' });
    crm.gas.runtime.advance(DAY_MS);
    succeeded(crm.call(REP, 'logActivity', ann.id, { type: 'call', summary: 'No answer' }));
    const asItWas = customerRow(crm, ann.id) as unknown[];
    expect(asItWas[col('Version') - 1]).toBe(4);

    deleteRow(crm, MANAGER, sheetRowOf(crm, ann.id));
    const report = succeeded(crm.call(REP, 'checkData'));
    expect(report.deletedByHand).toEqual([{ id: ann.id, name: 'Ann B.' }]);
    expect(succeeded(crm.call(REP, 'getCustomer', bob.id)).customer.id).toBe(bob.id);

    crm.gas.runtime.advance(DAY_MS);
    const restored = succeeded(crm.call(REP, 'restoreCustomer', ann.id)).customer;
    expect(customerRow(crm, ann.id)).toEqual(asItWas);
    expect(succeeded(crm.call(REP, 'getCustomer', ann.id)).customer).toEqual(restored);
    expect(restored).toMatchObject({ version: 4, name: 'Ann B.', company: '+44 Ltd', dealValue: 1234.5 });
    expect(historyOf(crm, ann.id).at(-1)?.slice(2)).toEqual(['restore', '', 'History', 'Customers', REP]);
    expect(succeeded(crm.call(REP, 'checkData')).deletedByHand).toEqual([]);
  });

  it('CRM ▸ Check data lists it and restores it in one click (Yes)', () => {
    const { crm, ann } = seeded();
    const asItWas = customerRow(crm, ann.id);
    deleteRow(crm, REP, sheetRowOf(crm, ann.id));
    crm.gas.ui.respond({ button: 'YES' });
    crm.run(OWNER, 'showDataCheck');
    const alerts = crm.gas.ui.of('alert').slice(-2);
    expect(alerts[0]?.prompt).toContain(`1 customer was deleted by hand`);
    expect(alerts[0]?.prompt).toContain(`• ${ann.id} =Ann Berg`);
    expect(alerts[1]?.prompt).toBe(`• ${ann.id}: restored.`);
    expect(customerRow(crm, ann.id)).toEqual(asItWas);
  });

  it('answering No changes nothing', () => {
    const { crm, ann } = seeded();
    deleteRow(crm, REP, sheetRowOf(crm, ann.id));
    const before = stateJson(crm);
    crm.gas.ui.respond({ button: 'NO' });
    crm.run(OWNER, 'showDataCheck');
    expect(stateJson(crm)).toBe(before);
  });
});

describe('more hostile and untidy cases', () => {
  it('a sorted Archive tab: restore finds its customer by ID', () => {
    const { crm, ann, bob } = seeded();
    succeeded(crm.call(REP, 'archiveCustomer', ann.id, ann.version, 'b'));
    succeeded(crm.call(REP, 'archiveCustomer', bob.id, bob.version, 'a'));
    byHand(crm, OWNER, (ss) => ss.getSheetByName('Archive')?.sort(ARCHIVE_HEADERS.length, true));
    expect(crm.tab('Archive')[1]?.[0]).toBe(bob.id);
    const bobArchived = archiveRow(crm, bob.id);
    succeeded(crm.call(REP, 'restoreCustomer', ann.id));
    expect(archiveRow(crm, ann.id)).toBeUndefined();
    expect(archiveRow(crm, bob.id)).toEqual(bobArchived);
    expect(customerRow(crm, ann.id)?.[1]).toBe('=Ann Berg');
  });

  it('huge, unicode and markup arguments are refused by field, nothing written', () => {
    const { crm, ann, bob } = seeded();
    const before = stateJson(crm);
    const huge = 'C-'.padEnd(1_000_000, '9');
    for (const id of [huge, 'C-0０1', '<script>', '', null, {}, ['C-00001']]) {
      expect(having(crm.callRaw(REP, 'archiveCustomer', id, 1), 'errors').errors.id).toBeDefined();
      expect(having(crm.callRaw(REP, 'restoreCustomer', id), 'errors').errors.id).toBeDefined();
      expect(having(crm.callRaw(REP, 'mergeCustomers', ann.id, id, {}), 'errors').errors.mergeId).toBeDefined();
    }
    const long = having(crm.callRaw(REP, 'archiveCustomer', huge, 1), 'errors').errors.id as string;
    expect(long.length).toBeLessThan(200);
    expect(having(crm.callRaw(REP, 'archiveCustomer', ann.id, 1, '😀'.repeat(300)), 'errors').errors.reason).toMatch(
      /too long/,
    );
    expect(
      having(crm.callRaw(REP, 'mergeCustomers', ann.id, bob.id, { [ann.id]: -1, [bob.id]: 1.5 }), 'errors').errors
        .expectedVersions,
    ).toMatch(/whole number/);
    expect(stateJson(crm)).toBe(before);
  });

  it('each call reads every tab it needs once and writes a handful of times, whatever the number of customers', () => {
    const counts = (customers: number): Record<string, number> => {
      const crm = newCrm();
      for (let i = 0; i < customers; i++) registered(crm, REP, { name: `Person ${i}`, email: `p${i}@example.com` });
      const [a, b] = [`C-${String(1).padStart(5, '0')}`, `C-${String(2).padStart(5, '0')}`];
      const before = crm.gas.runtime.calls.snapshot();
      succeeded(crm.call(REP, 'mergeCustomers', a, b, { [a]: 1, [b]: 1 }));
      succeeded(crm.call(REP, 'archiveCustomer', a, 2));
      succeeded(crm.call(REP, 'restoreCustomer', a));
      succeeded(crm.call(REP, 'restoreCustomer', b));
      const after = crm.gas.runtime.calls.snapshot();
      const delta: Record<string, number> = {};
      for (const [k, v] of Object.entries(after)) if (v !== (before[k] ?? 0)) delta[k] = v - (before[k] ?? 0);
      return delta;
    };
    const small = counts(3);
    expect(counts(60)).toEqual(small);
    // Four calls: reads are whole-tab reads, a few per call; no cell-by-cell reading.
    expect(small['Range.getValue'] ?? 0).toBe(0);
    expect(small['Sheet.getSheetValues']).toBeLessThanOrEqual(4 * 3);
  });
});
