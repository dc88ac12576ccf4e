/**
 * Hand edits on a real spreadsheet: a paste, fill or clear over several cells fires ONE onEdit for the whole range
 * with neither `value` nor `oldValue` ("Only available if the edited range is a single cell" —
 * developers.google.com/apps-script/guides/triggers/events), deleting a row fires none, and in a simple trigger
 * Google often hides who edited. onEdit must log exactly what changed (compared with what History last recorded),
 * never invent a status change, and never crash on a blank user.
 */

import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { DAY_MS, MANAGER, REP, type Crm, newCrm, succeeded } from '../../support/crm';
import { replayedAndStored } from '../../support/recorded';
import { registered, sheetRowOf } from './helpers';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;
const letter = (column: number): string => String.fromCharCode(64 + column);

/** Three customers, one moved twice and given a note, so what History recorded is more than the creation. */
function threeCustomers(identity: 'hidden' | 'visible' = 'visible'): { crm: Crm; ids: string[] } {
  const crm = newCrm({ simpleTriggerIdentity: identity });
  const ann = registered(crm, REP, {
    name: 'Ann Berg',
    company: 'Berg AB',
    email: 'ann@berg.example',
    phone: '555 0100',
    dealValue: 5000,
  });
  const bob = registered(crm, REP, {
    name: 'Bob Stone',
    email: 'bob@stone.example',
    status: 'Qualified',
    source: 'Fair',
  });
  const cat = registered(crm, MANAGER, { name: 'Cat Young', company: 'Young & Co', notes: 'Met at the fair' });
  crm.gas.runtime.advance(DAY_MS);
  crm.call(REP, 'updateCustomerStatus', ann.id, 'Contacted', 1, 'Called her');
  crm.call(MANAGER, 'updateCustomer', bob.id, { company: 'Stone Ltd', dealValue: '1,200' }, 1);
  crm.gas.runtime.advance(30 * DAY_MS);
  return { crm, ids: [ann.id, bob.id, cat.id] };
}

/** The cells of B2:J4 as a person would paste them back (numbers as their text). */
function pastedBlock(crm: Crm): string[][] {
  return crm
    .tab('Customers')
    .slice(1, 4)
    .map((row) => row.slice(col('Name') - 1, col('Notes')).map((cell) => String(cell)));
}

const BLOCK = `B2:${letter(col('Notes'))}4`;

describe('a paste over several customer rows (one onEdit, no values)', () => {
  it('pasting the values already there changes nothing: no History row, no Version, no "Status changed at"', () => {
    const { crm } = threeCustomers();
    const history = crm.tab('History');
    const customers = crm.tab('Customers');
    crm.editRange({ user: REP, sheet: 'Customers', a1: BLOCK, values: pastedBlock(crm) });
    expect(crm.tab('History')).toEqual(history);
    expect(crm.tab('Customers')).toEqual(customers);
    expect(crm.gas.ui.last('toast')).toBeUndefined(); // no "not logged" warning either
  });

  it('logs exactly the cells that differ, from what History recorded; only those rows get a new Version', () => {
    const { crm, ids } = threeCustomers();
    const [ann, bob, cat] = ids as [string, string, string];
    const before = crm.tab('Customers');
    const block = pastedBlock(crm);
    (block[1] as string[])[col('Company') - 2] = 'Stone & Sons'; // Bob's company
    (block[2] as string[])[col('Status') - 2] = 'In negotiation'; // Cat's status
    const at = new Date(crm.gas.runtime.now()).toISOString();
    crm.editRange({ user: REP, sheet: 'Customers', a1: BLOCK, values: block });

    const added = crm.tab('History').slice(before.length === 0 ? 0 : -2);
    expect(added).toEqual([
      [at, bob, 'manual edit', 'Company', 'Stone Ltd', 'Stone & Sons', REP],
      [at, cat, 'status', 'Status', 'Lead', 'In negotiation', REP],
    ]);
    const rowOf = (id: string) => crm.tab('Customers')[sheetRowOf(crm, id) - 1] as unknown[];
    const beforeOf = (id: string) => before.find((row) => row[0] === id) as unknown[];
    expect(rowOf(ann)).toEqual(beforeOf(ann)); // unchanged row: not even its bookkeeping
    const bookkeeping = (row: unknown[]) => [
      row[col('Updated at') - 1],
      row[col('Updated by') - 1],
      row[col('Status changed at') - 1],
      row[col('Version') - 1],
    ];
    expect(bookkeeping(rowOf(bob))).toEqual([at, REP, beforeOf(bob)[col('Status changed at') - 1], 3]);
    expect(bookkeeping(rowOf(cat))).toEqual([at, REP, at, 2]);
    const { replayed, stored } = replayedAndStored(crm);
    expect(replayed).toEqual(stored);
  });

  it('a fill-down of one status over three rows logs a status change only where the status was different', () => {
    const { crm, ids } = threeCustomers();
    const [ann, bob, cat] = ids as [string, string, string];
    const before = crm.tab('History').length;
    const a1 = `${letter(col('Status'))}2:${letter(col('Status'))}4`;
    crm.editRange({ user: MANAGER, sheet: 'Customers', a1, values: [['Qualified'], ['Qualified'], ['Qualified']] });
    const added = crm.tab('History').slice(before);
    expect(added.map((row) => [row[1], row[2], row[4], row[5]])).toEqual([
      [ann, 'status', 'Contacted', 'Qualified'],
      [cat, 'status', 'Lead', 'Qualified'],
    ]);
    expect(added.some((row) => row[1] === bob)).toBe(false);
  });

  it('clearing a block (Delete over two cells) logs each cleared value with what it was', () => {
    const { crm, ids } = threeCustomers();
    const [ann] = ids as [string];
    const row = sheetRowOf(crm, ann);
    const a1 = `${letter(col('Email'))}${row}:${letter(col('Phone'))}${row}`;
    crm.editRange({ user: REP, sheet: 'Customers', a1, values: [['', '']] });
    expect(
      crm
        .tab('History')
        .slice(-2)
        .map((r) => r.slice(1, 6)),
    ).toEqual([
      [ann, 'manual edit', 'Email', 'ann@berg.example', ''],
      [ann, 'manual edit', 'Phone', '555 0100', ''],
    ]);
  });

  it('a one-cell paste (no oldValue) of the same value logs nothing; of another value, logs it with what was recorded', () => {
    const { crm, ids } = threeCustomers();
    const [ann] = ids as [string];
    const a1 = `${letter(col('Company'))}${sheetRowOf(crm, ann)}`;
    const history = crm.tab('History');
    crm.editRange({ user: REP, sheet: 'Customers', a1, values: [['Berg AB']] });
    expect(crm.tab('History')).toEqual(history);
    crm.editRange({ user: REP, sheet: 'Customers', a1, values: [['Berg Group']] });
    expect(crm.tab('History').at(-1)?.slice(1)).toEqual([ann, 'manual edit', 'Company', 'Berg AB', 'Berg Group', REP]);
  });

  it('typing the value a cell already holds logs nothing (a single edit compares with its oldValue)', () => {
    const { crm, ids } = threeCustomers();
    const [, bob] = ids as [string, string];
    const history = crm.tab('History');
    crm.edit({ user: REP, sheet: 'Customers', row: sheetRowOf(crm, bob), column: col('Status'), value: 'Qualified' });
    expect(crm.tab('History')).toEqual(history);
  });
});

describe('what Google does not tell a simple trigger', () => {
  it('a blank user: the edit is still logged (by "unknown user") and the Version bumped; nothing crashes', () => {
    const { crm, ids } = threeCustomers('hidden');
    const [ann] = ids as [string];
    const version = succeeded(crm.call(REP, 'getCustomer', ann)).customer.version;
    crm.edit({ user: REP, sheet: 'Customers', row: sheetRowOf(crm, ann), column: col('Source'), value: 'Referral' });
    expect(crm.tab('History').at(-1)?.slice(2)).toEqual(['manual edit', 'Source', '', 'Referral', 'unknown user']);
    const after = succeeded(crm.call(REP, 'getCustomer', ann)).customer;
    expect(after).toMatchObject({ version: version + 1, updatedBy: 'unknown user' });
  });

  it('deleting a customer row by hand fires no onEdit: nothing is logged (CRM ▸ Check data is where it must show)', () => {
    const { crm, ids } = threeCustomers();
    const history = crm.tab('History');
    crm.deleteRowsByHand(REP, 'Customers', sheetRowOf(crm, ids[1] as string), 1);
    expect(crm.tab('Customers').map((row) => row[0])).not.toContain(ids[1]);
    expect(crm.tab('History')).toEqual(history);
  });
});
