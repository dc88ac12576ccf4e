/** Issue 3's end-to-end path through the built bundle: register, search, two status changes, list, then the tabs cell by cell. */

import { CUSTOMER_HEADERS, HISTORY_HEADERS } from '../../src/domain/customer';
import { DAY_MS, MANAGER, REP, START_MS, newCrm, succeeded } from '../support/crm';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('customer registry through the built bundle', () => {
  it('registers, finds, moves twice and lists a customer; the tabs hold exactly that', () => {
    const crm = newCrm();
    const t0 = crm.gas.runtime.now();
    expect(t0).toBe(START_MS + 0); // set-up ran without moving the clock

    const saved = succeeded(
      crm.call(REP, 'registerCustomer', {
        name: 'Zoë Ångström',
        company: 'Nordic Pumps AB',
        email: 'Zoe@Example.com',
        phone: '+46 (8) 555-0100',
        dealValue: '12,500.50',
        owner: REP,
        source: 'Trade fair',
        notes: '=HYPERLINK("http://x")',
      }),
    );
    expect(saved.ok).toBe(true);
    const id = saved.customer.id;
    expect(id).toBe('C-00001');

    const found = succeeded(crm.call(MANAGER, 'searchCustomers', 'zoe angstrom'));
    expect(found.total).toBe(1);
    expect(found.results[0]?.id).toBe(id);
    expect(succeeded(crm.call(MANAGER, 'searchCustomers', '+46 8 5550100')).total).toBe(1);

    crm.gas.runtime.advance(2 * DAY_MS);
    const t1 = crm.gas.runtime.now();
    const contacted = succeeded(crm.call(REP, 'updateCustomerStatus', id, 'contacted', 1));
    expect(contacted.customer).toMatchObject({ status: 'Contacted', version: 2, statusChangedAt: iso(t1) });

    crm.gas.runtime.advance(3 * DAY_MS);
    const t2 = crm.gas.runtime.now();
    const qualified = succeeded(crm.call(MANAGER, 'updateCustomerStatus', id, 'QUALIFIED', 2, 'Budget confirmed'));
    expect(qualified.customer).toMatchObject({ status: 'Qualified', version: 3, updatedBy: MANAGER });

    const listed = succeeded(crm.call(MANAGER, 'listCustomers', { status: 'Qualified' }));
    expect(listed.total).toBe(1);
    expect(listed.customers[0]).toEqual(qualified.customer);

    const notes = `=HYPERLINK("http://x")\n${iso(t2).slice(0, 10)} ${MANAGER}: Budget confirmed`;
    expect(crm.tab('Customers')).toEqual([
      [...CUSTOMER_HEADERS],
      [
        id,
        'Zoë Ångström',
        'Nordic Pumps AB',
        'zoe@example.com',
        '+46 (8) 555-0100',
        'Qualified',
        12500.5,
        REP,
        'Trade fair',
        notes,
        iso(t0),
        REP,
        iso(t2),
        MANAGER,
        iso(t2),
        3,
        '', // Next step
        '', // Next step due
        '', // Lost reason
      ],
    ]);
    expect(qualified.customer.notes).toBe(notes);
    // Free text that looks like a formula is stored as text, never run.
    expect(
      crm.gas.sheets
        .sheetFormulas('Customers')
        .flat()
        .every((f) => f === ''),
    ).toBe(true);

    expect(crm.tab('History')).toEqual([
      [...HISTORY_HEADERS],
      [iso(t0), id, 'create', 'Status', '', 'Lead', REP],
      // Creation logs every initial value, so the customer can be rebuilt from History alone.
      [iso(t0), id, 'create', 'Name', '', 'Zoë Ångström', REP],
      [iso(t0), id, 'create', 'Company', '', 'Nordic Pumps AB', REP],
      [iso(t0), id, 'create', 'Email', '', 'zoe@example.com', REP],
      [iso(t0), id, 'create', 'Phone', '', '+46 (8) 555-0100', REP],
      [iso(t0), id, 'create', 'Deal value', '', '12500.5', REP],
      [iso(t0), id, 'create', 'Owner', '', REP, REP],
      [iso(t0), id, 'create', 'Source', '', 'Trade fair', REP],
      [iso(t0), id, 'create', 'Notes', '', '=HYPERLINK("http://x")', REP],
      [iso(t1), id, 'status', 'Status', 'Lead', 'Contacted', REP],
      [iso(t2), id, 'status', 'Status', 'Contacted', 'Qualified', MANAGER],
      [iso(t2), id, 'note', 'Notes', '', 'Budget confirmed', MANAGER],
    ]);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });
});
