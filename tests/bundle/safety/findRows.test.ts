/**
 * Rows found with a TextFinder (issue 17: no ID column read) are candidates only: the finder matches part of a cell
 * and what a cell shows. Every case where its answer is not one row holding exactly the ID goes the exact way (the
 * ID column read), so an ID on two rows is still refused, a longer ID containing this one is never taken for it,
 * and History gives only the customer's own events, wherever its rows are.
 */

import type { Customer } from '../../../src/domain/customer';
import { REP, type Crm, newCrm, succeeded } from '../../support/crm';
import { byHand, customersSheet, rowsById, sheetRowOf, stateJson } from './helpers';

function register(crm: Crm, count: number): Customer[] {
  return Array.from(
    { length: count },
    (_, i) =>
      succeeded(crm.call(REP, 'registerCustomer', { name: `Finder ${i}`, email: `finder.${i}@example.com` })).customer,
  );
}

/** A person types `text` into the ID cell of sheet row `row` of Customers. */
function typeId(crm: Crm, row: number, text: string): void {
  byHand(crm, crm.gas.runtime.owner, (ss) => customersSheet(ss).getRange(row, 1).setValue(`'${text}`));
}

describe('rows found by TextFinder are checked by ID', () => {
  it('an ID on two rows (one typed with spaces) is refused, nothing written', () => {
    const crm = newCrm();
    const [first, second] = register(crm, 2) as [Customer, Customer];
    typeId(crm, sheetRowOf(crm, second.id), ` ${first.id} `);
    const before = stateJson(crm);
    const saved = crm.call(REP, 'updateCustomerStatus', first.id, 'Contacted', first.version);
    expect(saved).toMatchObject({ ok: false });
    expect(JSON.stringify(saved)).toContain('appears on rows 2 and 3');
    expect(stateJson(crm)).toBe(before);
    expect(JSON.stringify(crm.call(REP, 'getCustomer', first.id))).toContain('appears on rows 2 and 3');
  });

  it('a longer ID containing the one asked for is not taken for it', () => {
    const crm = newCrm();
    const [first] = register(crm, 2) as [Customer, Customer];
    // The only cell showing first.id now also holds a digit more: no customer has first.id.
    typeId(crm, sheetRowOf(crm, first.id), `${first.id}2`);
    const before = stateJson(crm);
    const saved = crm.call(REP, 'updateCustomerStatus', first.id, 'Contacted', first.version);
    expect(saved).toMatchObject({
      ok: false,
      errors: { id: expect.stringContaining(`No customer has the ID "${first.id}"`) },
    });
    expect(stateJson(crm)).toBe(before);
    expect(succeeded(crm.call(REP, 'getCustomer', `${first.id}2`)).customer.name).toBe('Finder 0');
  });

  it('a row whose ID was typed with spaces around it is still found and changed, only it', () => {
    const crm = newCrm();
    const customers = register(crm, 3);
    const target = customers[1] as Customer;
    typeId(crm, sheetRowOf(crm, target.id), `  ${target.id} `);
    const before = rowsById(crm);
    const saved = succeeded(crm.call(REP, 'updateCustomerStatus', target.id, 'Qualified', target.version));
    expect(saved.customer.status).toBe('Qualified');
    const after = rowsById(crm);
    for (const other of customers) if (other !== target) expect(after.get(other.id)).toEqual(before.get(other.id));
  });

  it("History: only the customer's events, read in at most two runs with the header, wherever its rows are", () => {
    const crm = newCrm();
    const [target] = register(crm, 1) as [Customer];
    // Events of other customers (one with an ID containing target's) between the target's, 2,000 rows apart.
    const filler = (id: string, n: number) =>
      Array.from({ length: n }, () => ['2026-03-02T09:00:00.000Z', id, 'note', '', '', 'filler', REP]);
    byHand(crm, crm.gas.runtime.owner, (ss) => {
      const history = ss.getSheetByName('History') as GoogleAppsScript.Spreadsheet.Sheet;
      const rows = [...filler(`${target.id}0`, 2000), ...filler('C-99999', 2000)];
      history.insertRowsAfter(history.getMaxRows(), rows.length);
      history.getRange(history.getLastRow() + 1, 1, rows.length, 7).setValues(rows);
    });
    crm.gas.runtime.advance(60_000);
    succeeded(crm.call(REP, 'updateCustomerStatus', target.id, 'Contacted', target.version));
    const recorded = crm.tab('History').filter((row) => row[1] === target.id).length;
    crm.gas.runtime.calls.reset();
    const { history } = succeeded(crm.call(REP, 'getCustomer', target.id));
    expect(history).toHaveLength(recorded);
    expect(history.every((e) => e.customerId === target.id)).toBe(true);
    expect(crm.gas.runtime.calls.get('Sheet.getSheetValues')).toBe(0);
    // Customers header + row; History: at most two reads for its header and the two far-apart groups of rows.
    expect(crm.gas.runtime.calls.get('Range.getValues')).toBeLessThanOrEqual(4);
  });

  it('rows hidden by hand (a finder may not see them): a hidden customer is still found and saved', () => {
    const crm = newCrm();
    const customers = register(crm, 3);
    const target = customers[1] as Customer;
    byHand(crm, crm.gas.runtime.owner, (ss) => customersSheet(ss).hideRows(sheetRowOf(crm, target.id)));
    const saved = succeeded(crm.call(REP, 'updateCustomerStatus', target.id, 'Qualified', target.version));
    expect(saved.customer).toMatchObject({ id: target.id, status: 'Qualified' });
    expect(succeeded(crm.call(REP, 'getCustomer', target.id)).customer.status).toBe('Qualified');
  });

  it('a customer rebuilt from History counts its hidden History rows too', () => {
    const crm = newCrm();
    const [target] = register(crm, 1) as [Customer];
    crm.gas.runtime.advance(60_000);
    const moved = succeeded(crm.call(REP, 'updateCustomerStatus', target.id, 'Contacted', target.version)).customer;
    crm.gas.runtime.advance(60_000);
    succeeded(crm.call(REP, 'updateCustomer', target.id, { company: 'Hidden Ltd' }, moved.version));
    const asItWas = rowsById(crm).get(target.id);
    byHand(crm, crm.gas.runtime.owner, (ss) => {
      const history = ss.getSheetByName('History') as GoogleAppsScript.Spreadsheet.Sheet;
      history.hideRows(2, history.getLastRow() - 1); // every event of the customer
      customersSheet(ss).deleteRow(sheetRowOf(crm, target.id));
    });
    const restored = succeeded(crm.call(REP, 'restoreCustomer', target.id)).customer;
    expect(restored).toMatchObject({ company: 'Hidden Ltd', status: 'Contacted', version: 3 });
    expect(rowsById(crm).get(target.id)).toEqual(asItWas);
  });
});
