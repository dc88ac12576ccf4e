/**
 * Point 3, optimistic concurrency: two staff open the same customer at the same Version and both save. The
 * first save wins; the second gets `{ ok: false, conflict: current }` with the record as it now is, and
 * nothing of it is written (no cell, no History row). A hand edit in the sheet counts as a change too.
 */

import type { Customer } from '../../../src/domain/customer';
import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { DAY_MS, MANAGER, REP, type Crm, having, newCrm, succeeded } from '../../support/crm';
import { type SaveResult, deleteRow, registered, rowsById, sheetRowOf, sortCustomers, stateJson } from './helpers';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;

function opened(crm: Crm, user: string, id: string): Customer {
  return succeeded(crm.call(user, 'getCustomer', id)).customer;
}

function twoCustomers(): { crm: Crm; ann: Customer; bob: Customer } {
  const crm = newCrm({ simpleTriggerIdentity: 'visible' });
  const ann = registered(crm, REP, { name: 'Ann Berg', company: 'Berg AB', email: 'ann@example.com', dealValue: 5000 });
  const bob = registered(crm, REP, { name: 'Bob Stone', email: 'bob@example.com' });
  return { crm, ann, bob };
}

type Save = [label: string, save: (crm: Crm, user: string, c: Customer) => SaveResult];
const SAVES: Save[] = [
  [
    'updateCustomer',
    (crm, user, c) => crm.call(user, 'updateCustomer', c.id, { dealValue: 9000, notes: `by ${user}` }, c.version),
  ],
  [
    'updateCustomerStatus',
    (crm, user, c) => crm.call(user, 'updateCustomerStatus', c.id, 'Closed-lost', c.version, `by ${user}`, 'Price'),
  ],
];

describe('two staff save the same customer from the same Version', () => {
  it.each(
    SAVES.flatMap(([firstLabel, first]) =>
      SAVES.map(([secondLabel, second]) => [`${firstLabel} then ${secondLabel}`, first, second] as const),
    ),
  )('%s: the second gets the conflict with the current record; nothing of it is written', (_label, first, second) => {
    const { crm, ann } = twoCustomers();
    const repCopy = opened(crm, REP, ann.id);
    const managerCopy = opened(crm, MANAGER, ann.id);
    expect(managerCopy.version).toBe(repCopy.version);

    crm.gas.runtime.advance(DAY_MS);
    const won = first(crm, REP, repCopy);
    expect(won.ok).toBe(true);
    const current = (won as { ok: true; customer: Customer }).customer;
    expect(current.version).toBe(repCopy.version + 1);

    const before = stateJson(crm);
    crm.gas.runtime.advance(DAY_MS);
    const lost = second(crm, MANAGER, managerCopy);
    expect(lost).toEqual({ ok: false, conflict: current });
    expect(stateJson(crm)).toBe(before);
    expect(crm.tab('History').some((e) => e[6] === MANAGER)).toBe(false);
    expect(opened(crm, MANAGER, ann.id)).toEqual(current);
  });

  it('the loser can reload, redo the change on the current record, and save', () => {
    const { crm, ann } = twoCustomers();
    const repCopy = opened(crm, REP, ann.id);
    const managerCopy = opened(crm, MANAGER, ann.id);
    crm.call(REP, 'updateCustomer', ann.id, { company: 'Berg & Co' }, repCopy.version);
    const lost = having(
      crm.call(MANAGER, 'updateCustomer', ann.id, { phone: '+46 8 555 0100' }, managerCopy.version),
      'conflict',
    );
    const retried = crm.call(MANAGER, 'updateCustomer', ann.id, { phone: '+46 8 555 0100' }, lost.conflict.version);
    expect(retried).toMatchObject({
      ok: true,
      customer: { company: 'Berg & Co', phone: '+46 8 555 0100', version: 3 },
    });
  });

  it('a save that would change nothing is still refused when its Version is stale (it may be based on old data)', () => {
    const { crm, ann } = twoCustomers();
    crm.call(REP, 'updateCustomer', ann.id, { company: 'Berg & Co' }, 1);
    const before = stateJson(crm);
    expect(
      having(crm.call(MANAGER, 'updateCustomer', ann.id, { company: 'Berg & Co' }, 1), 'conflict').conflict.version,
    ).toBe(2);
    expect(having(crm.call(MANAGER, 'updateCustomerStatus', ann.id, 'Lead', 1), 'conflict').conflict.version).toBe(2);
    expect(stateJson(crm)).toBe(before);
  });

  it('a Version from the future, or a text that is not a Version, changes nothing', () => {
    const { crm, ann } = twoCustomers();
    const before = stateJson(crm);
    expect(having(crm.call(REP, 'updateCustomer', ann.id, { company: 'X' }, 7), 'conflict').conflict.version).toBe(1);
    expect(crm.callRaw(REP, 'updateCustomer', ann.id, { company: 'X' }, 'latest')).toEqual({
      ok: false,
      errors: { expectedVersion: expect.stringContaining('whole number') },
    });
    expect(crm.callRaw(REP, 'updateCustomerStatus', ann.id, 'Active', null)).toEqual({
      ok: false,
      errors: { expectedVersion: expect.stringContaining('missing') },
    });
    expect(stateJson(crm)).toBe(before);
  });

  it('a hand edit in the sheet bumps the Version, so a sidebar opened before it gets the conflict', () => {
    const { crm, ann } = twoCustomers();
    const repCopy = opened(crm, REP, ann.id);
    crm.edit({
      user: MANAGER,
      sheet: 'Customers',
      row: sheetRowOf(crm, ann.id),
      column: col('Deal value'),
      value: '7000',
    });
    const lost = crm.call(REP, 'updateCustomer', ann.id, { dealValue: 5500 }, repCopy.version);
    expect(having(lost, 'conflict').conflict).toMatchObject({ dealValue: 7000, version: 2, updatedBy: MANAGER });
    expect(rowsById(crm).get(ann.id)?.[col('Deal value') - 1]).toBe(7000);
  });

  it('another customer being saved, or the tab being sorted, is no conflict', () => {
    const { crm, ann, bob } = twoCustomers();
    const repCopy = opened(crm, REP, ann.id);
    crm.call(MANAGER, 'updateCustomerStatus', bob.id, 'Contacted', 1);
    sortCustomers(crm, MANAGER, col('Name'), false);
    expect(crm.call(REP, 'updateCustomerStatus', ann.id, 'Qualified', repCopy.version)).toMatchObject({
      ok: true,
      customer: { status: 'Qualified', version: 2 },
    });
  });

  it('two staff register the same new prospect: the second is told it is probably a duplicate', () => {
    const crm = newCrm();
    const first = crm.call(REP, 'registerCustomer', { name: 'Cat Young', email: 'cat@example.com' });
    expect(first.ok).toBe(true);
    const before = stateJson(crm);
    const second = crm.call(MANAGER, 'registerCustomer', { name: 'Catherine Young', email: 'CAT@example.com' });
    expect(second).toMatchObject({
      ok: false,
      errors: { duplicate: expect.stringContaining('C-00001') },
      duplicates: [{ id: 'C-00001' }],
    });
    expect(stateJson(crm)).toBe(before);
  });

  it('IDs handed out to interleaved registrations are all different, even after the newest row is deleted', () => {
    const crm = newCrm();
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const user = i % 2 ? REP : MANAGER;
      ids.add(registered(crm, user, { name: `Person ${i}`, allowDuplicate: true }).id);
      if (i === 3) deleteRow(crm, MANAGER, sheetRowOf(crm, [...ids].pop() as string));
    }
    expect(ids.size).toBe(6);
  });
});
