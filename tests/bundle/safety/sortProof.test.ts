/**
 * Point 2, sort-proof: people sort, filter, insert and delete rows of the Customers tab at any time. Between a
 * rep opening a customer and saving it the rows move; the save still changes that customer's row and only it
 * (and in it only the cells that changed). Moved or renamed header columns are detected on every call and
 * refused with a pointer to Set up / repair, never written into.
 */

import type { Customer } from '../../../src/domain/customer';
import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { DAY_MS, MANAGER, OWNER, REP, type Crm, newCrm, succeeded } from '../../support/crm';
import {
  addOnUnlockedWrites,
  byHand,
  customerRows,
  customersSheet,
  deleteRow,
  insertBlankRows,
  moveCustomersColumn,
  registered,
  renameCustomersHeader,
  rowsById,
  sheetRowOf,
  sortCustomers,
  stateJson,
} from './helpers';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;

/** Eight customers with names, companies and statuses in different orders, so every sort moves them. */
function crmWithCustomers(): { crm: Crm; customers: Customer[] } {
  const crm = newCrm();
  const names = ['Mia Lopez', 'Ann Berg', 'Zed Quinn', 'Bob Stone', 'Eve Adams', 'Cal Young', 'Dee Fox', 'Ivy Hart'];
  const statuses = ['Qualified', 'Lead', 'Dormant', 'Contacted', 'Active', 'Lead', 'In negotiation', 'Closed-won'];
  const customers = names.map((name, i) => {
    crm.gas.runtime.advance(60_000);
    return registered(crm, i % 2 ? REP : MANAGER, {
      name,
      company: `Company ${String.fromCharCode(90 - i)}`,
      email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
      status: statuses[i],
      dealValue: (i * 7919) % 5000,
    });
  });
  return { crm, customers };
}

function expectOnlyChanged(before: Map<string, unknown[]>, after: Map<string, unknown[]>, id: string): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [otherId, row] of before) {
    if (otherId !== id) expect(after.get(otherId)).toEqual(row);
  }
  expect(after.get(id)).not.toEqual(before.get(id));
}

describe('saving after the rows moved', () => {
  it.each([
    ['Name', false],
    ['Company', true],
    ['Status', true],
    ['Deal value', false],
    ['ID', false],
  ] as const)(
    'sorted by %s (ascending %s) between opening and saving: the right row changes, only it',
    (header, ascending) => {
      const { crm, customers } = crmWithCustomers();
      const target = customers[2] as Customer; // Zed Quinn
      const opened = succeeded(crm.call(REP, 'getCustomer', target.id)).customer;
      const rowBefore = sheetRowOf(crm, target.id);

      sortCustomers(crm, MANAGER, col(header), ascending);
      expect(sheetRowOf(crm, target.id)).not.toBe(rowBefore);
      const before = rowsById(crm);

      crm.gas.runtime.advance(DAY_MS);
      const saved = crm.call(
        REP,
        'updateCustomer',
        opened.id,
        { company: 'Quinn & Sons', dealValue: 777 },
        opened.version,
      );
      expect(saved).toMatchObject({
        ok: true,
        customer: { id: target.id, name: 'Zed Quinn', company: 'Quinn & Sons', dealValue: 777, version: 2 },
      });

      const after = rowsById(crm);
      expectOnlyChanged(before, after, target.id);
      const row = after.get(target.id) as unknown[];
      expect(row[col('Company') - 1]).toBe('Quinn & Sons');
      expect(row[col('Deal value') - 1]).toBe(777);
      // Within the row, only the changed fields and the bookkeeping differ.
      const changed = CUSTOMER_HEADERS.filter((_, i) => row[i] !== (before.get(target.id) as unknown[])[i]);
      expect(changed).toEqual(['Company', 'Deal value', 'Updated at', 'Updated by', 'Version']);
      expect(addOnUnlockedWrites(crm)).toEqual([]);
    },
  );

  it('a status change after blank rows were inserted above and among the customers and a row was deleted', () => {
    const { crm, customers } = crmWithCustomers();
    const target = customers[5] as Customer;
    insertBlankRows(crm, REP, 2, 2);
    insertBlankRows(crm, REP, 7, 1);
    deleteRow(crm, MANAGER, 7); // the blank row just inserted
    insertBlankRows(crm, MANAGER, 5, 3);
    deleteRow(crm, MANAGER, 2);
    // A filter view hides rows: hidden rows are still rows.
    byHand(crm, MANAGER, (ss) => customersSheet(ss).hideRows(3, 4));
    const before = rowsById(crm);

    const saved = crm.call(MANAGER, 'updateCustomerStatus', target.id, 'qualified', 1, 'Called back');
    expect(saved).toMatchObject({ ok: true, customer: { id: target.id, status: 'Qualified', version: 2 } });
    expectOnlyChanged(before, rowsById(crm), target.id);
    expect(
      crm
        .tab('History')
        .slice(-2)
        .map((e) => [e[1], e[2], e[5]]),
    ).toEqual([
      [target.id, 'status', 'Qualified'],
      [target.id, 'note', 'Called back'],
    ]);
  });

  it('a new customer registered into a sorted tab with gaps lands in a row of its own; nobody is overwritten', () => {
    const { crm } = crmWithCustomers();
    sortCustomers(crm, REP, col('Status'), false);
    insertBlankRows(crm, REP, 4, 2);
    const before = rowsById(crm);
    const added = registered(crm, REP, { name: 'New Person', email: 'new@example.com' });
    const after = rowsById(crm);
    expect(after.size).toBe(before.size + 1);
    for (const [id, row] of before) expect(after.get(id)).toEqual(row);
    expect(after.get(added.id)?.slice(0, 2)).toEqual([added.id, 'New Person']);
  });

  it('a customer deleted by hand is reported as gone, and its ID is never handed out again', () => {
    const { crm, customers } = crmWithCustomers();
    const last = customers[customers.length - 1] as Customer;
    deleteRow(crm, OWNER, sheetRowOf(crm, last.id));
    const before = stateJson(crm);
    const gone = crm.call(REP, 'updateCustomerStatus', last.id, 'Active', 1);
    expect(gone).toEqual({ ok: false, errors: { id: expect.stringContaining(`No customer has the ID "${last.id}"`) } });
    expect(stateJson(crm)).toBe(before);
    const next = registered(crm, REP, { name: 'After Deletion' });
    expect(next.id).not.toBe(last.id);
    expect(customers.map((c) => c.id)).not.toContain(next.id);
  });

  it('cells a person typed by hand in other columns of the row survive a save that does not change them', () => {
    const { crm, customers } = crmWithCustomers();
    const target = customers[1] as Customer;
    const row = sheetRowOf(crm, target.id);
    // Text in Deal value, a phone typed as a number, a date typed as text: the CRM reads them as best it can.
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Deal value'), value: 'about 5k' });
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Phone'), value: '5550102000' });
    crm.edit({ user: REP, sheet: 'Customers', row, column: col('Source'), value: 'TRUE' });
    const handTyped = (rowsById(crm).get(target.id) as unknown[]).slice();
    expect(handTyped[col('Deal value') - 1]).toBe('about 5k');
    expect(handTyped[col('Phone') - 1]).toBe(5550102000);
    expect(handTyped[col('Source') - 1]).toBe(true);

    sortCustomers(crm, REP, col('Name'), true);
    const current = succeeded(crm.call(REP, 'getCustomer', target.id)).customer;
    const saved = crm.call(REP, 'updateCustomerStatus', target.id, 'Contacted', current.version);
    expect(saved.ok).toBe(true);
    const after = rowsById(crm).get(target.id) as unknown[];
    expect(after[col('Deal value') - 1]).toBe('about 5k');
    expect(after[col('Phone') - 1]).toBe(5550102000);
    expect(after[col('Source') - 1]).toBe(true);
    expect(after[col('Status') - 1]).toBe('Contacted');
  });
});

describe('moved or renamed header columns', () => {
  type Call = [label: string, user: string, name: string, args: (c: Customer) => unknown[]];
  const calls: Call[] = [
    ['registerCustomer', REP, 'registerCustomer', () => [{ name: 'Someone New', email: 'someone@example.com' }]],
    ['updateCustomer', REP, 'updateCustomer', (c) => [c.id, { email: 'changed@example.com' }, c.version]],
    ['updateCustomerStatus', REP, 'updateCustomerStatus', (c) => [c.id, 'Contacted', c.version, 'note']],
    ['getCustomer', REP, 'getCustomer', (c) => [c.id]],
    ['searchCustomers', REP, 'searchCustomers', () => ['ann']],
    ['listCustomers', REP, 'listCustomers', () => [{}]],
    ['rebuildPipelineSummary', MANAGER, 'rebuildPipelineSummary', () => []],
  ];

  function expectRefusedEverywhere(crm: Crm, target: Customer, column: string): void {
    for (const [label, user, name, args] of calls) {
      const before = stateJson(crm);
      const result = crm.callRaw(user, name, ...args(target));
      expect({ label, result }).toEqual({
        label,
        result: {
          ok: false,
          errors: {
            form: expect.stringMatching(
              new RegExp(`Customers tab's columns have changed: column ${column} .*Set up / repair`),
            ),
          },
        },
      });
      expect({ label, unchanged: stateJson(crm) === before }).toEqual({ label, unchanged: true });
    }
    // A hand edit of a customer cell is not logged into the wrong columns either.
    const before = crm.tab('History');
    crm.edit({ user: REP, sheet: 'Customers', row: 2, column: 2, value: 'Typed by hand' });
    expect(crm.tab('History')).toEqual(before);
    expect(crm.gas.ui.last('toast')?.message).toMatch(
      /^Your edit was kept but not logged in History: .*Set up \/ repair/,
    );
    // Check data explains it too.
    expect(succeeded(crm.call(REP, 'checkData')).problems[0]?.problem).toContain('Set up / repair');
  }

  it('Email dragged after Phone: every call is refused, nothing written; Set up / repair puts it back and saving works', () => {
    const { crm, customers } = crmWithCustomers();
    const target = customers[1] as Customer;
    moveCustomersColumn(crm, col('Email'), col('Phone') + 1);
    expect(crm.tab('Customers')[0]?.slice(3, 5)).toEqual(['Phone', 'Email']);
    expectRefusedEverywhere(crm, target, 'D');

    const repaired = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(repaired.repaired).toContain('Customers: columns put back in order');
    expect(crm.tab('Customers')[0]).toEqual([...CUSTOMER_HEADERS]);
    const current = succeeded(crm.call(REP, 'getCustomer', target.id)).customer;
    expect(current.email).toBe(target.email);
    const saved = crm.call(REP, 'updateCustomer', target.id, { email: 'ann.berg@example.com' }, current.version);
    expect(saved).toMatchObject({ ok: true, customer: { email: 'ann.berg@example.com', phone: target.phone } });
    expect(rowsById(crm).get(target.id)?.[col('Email') - 1]).toBe('ann.berg@example.com');
  });

  it('Status moved to the front: refused; Version renamed: refused, and Set up explains instead of guessing', () => {
    const { crm, customers } = crmWithCustomers();
    moveCustomersColumn(crm, col('Status'), 1);
    expectRefusedEverywhere(crm, customers[0] as Customer, 'A');
    crm.call(OWNER, 'setUpCrm');
    expect(crm.tab('Customers')[0]).toEqual([...CUSTOMER_HEADERS]);

    renameCustomersHeader(crm, col('Version'), 'Revision');
    expectRefusedEverywhere(crm, customers[0] as Customer, 'P');
    const before = customerRows(crm);
    const setUp = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(setUp.messages.join(' ')).toContain('no column "Version"');
    expect(customerRows(crm)).toEqual(before);
  });

  it('a new column inserted in the middle of the customer columns is refused, not written around', () => {
    const { crm, customers } = crmWithCustomers();
    byHand(crm, OWNER, (ss) => customersSheet(ss).insertColumnsBefore(col('Status'), 1));
    renameCustomersHeader(crm, col('Status'), 'Region');
    expectRefusedEverywhere(crm, customers[3] as Customer, 'F');
  });
});
