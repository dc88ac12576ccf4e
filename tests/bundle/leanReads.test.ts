/**
 * Through the built bundle: register, update, get and log activity read only what they need (issue 17): the
 * header rows and the customer's own rows, found by a TextFinder on the ID columns (no cells read), never a whole
 * tab or ID column, whatever the number of rows.
 */

import type { Customer } from '../../src/domain/customer';
import { REP, newCrm, succeeded } from '../support/crm';

function registerMany(crm: ReturnType<typeof newCrm>, count: number): Customer[] {
  return Array.from(
    { length: count },
    (_, i) =>
      succeeded(crm.call(REP, 'registerCustomer', { name: `Lean Probe ${i}`, email: `lean.${i}@example.com` }))
        .customer,
  );
}

/** The counted calls of one execution. */
function callsOf(crm: ReturnType<typeof newCrm>, body: () => unknown): (method: string) => number {
  crm.gas.runtime.calls.reset();
  body();
  return (method) => crm.gas.runtime.calls.get(method) ?? 0;
}

describe.each([3, 40])('with %i customers', (count) => {
  it('update status reads the header and the row it finds with a TextFinder (and the History header)', () => {
    const crm = newCrm();
    const customers = registerMany(crm, count);
    const target = customers[count - 2] as Customer;
    const calls = callsOf(crm, () =>
      succeeded(crm.call(REP, 'updateCustomerStatus', target.id, 'Contacted', target.version)),
    );
    expect(calls('TextFinder.findAll')).toBe(1); // the row holding the ID
    expect(calls('Sheet.getSheetValues')).toBe(0); // no ID column
    expect(calls('Range.getValues')).toBe(3); // the Customers header, the row, the History header
    expect(calls('Sheet.getDataRange')).toBe(0);
  });

  it('get reads the customer row and its own History rows, each found with a TextFinder on its ID column', () => {
    const crm = newCrm();
    const customers = registerMany(crm, count);
    const target = customers[1] as Customer;
    let history: unknown[] = [];
    const calls = callsOf(crm, () => {
      history = succeeded(crm.call(REP, 'getCustomer', target.id)).history;
    });
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((e) => (e as { customerId: string }).customerId === target.id)).toBe(true);
    expect(calls('TextFinder.findAll')).toBe(2); // Customers' ID column, History's Customer ID column
    expect(calls('Sheet.getSheetValues')).toBe(0);
    // The Customers header, the customer's row, and one run from History's header down to the customer's rows.
    expect(calls('Range.getValues')).toBe(3);
  });

  it('register reads the header and the key columns; log activity finds its customer as get does', () => {
    const crm = newCrm();
    const customers = registerMany(crm, count);
    const register = callsOf(crm, () => succeeded(crm.call(REP, 'registerCustomer', { name: 'One More' })));
    expect(register('Sheet.getSheetValues')).toBe(1); // columns A..E
    expect(register('Range.getValues')).toBe(2); // the Customers and History headers
    const target = customers[0] as Customer;
    const log = callsOf(crm, () =>
      succeeded(crm.call(REP, 'logActivity', target.id, { type: 'call', summary: 'Lean call' })),
    );
    expect(log('TextFinder.findAll')).toBe(1);
    expect(log('Sheet.getSheetValues')).toBe(0);
    expect(log('Range.getValues')).toBe(3); // the Customers header, the row, the History header
  });
});
