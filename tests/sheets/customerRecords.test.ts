/**
 * The lean readers of the Customers tab against the stand-in: listing over raw rows (customerListSource) answers as
 * listing the customers CustomersTable.read builds; the registration's duplicate scan and ID cells.
 */

import { CUSTOMER_COLUMNS } from '../../src/domain/columns';
import { CUSTOMER_KEYS, type Customer } from '../../src/domain/customer';
import { listCustomers, listRows } from '../../src/domain/listing';
import { customerListSource, duplicateRowIndexes } from '../../src/sheets/customerRecords';
import { customerToRow } from '../../src/sheets/customerRows';
import { CustomersTable } from '../../src/sheets/customersTable';
import { TAB } from '../../src/sheets/tabs';
import { customer, standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });

const day = (d: number, h = 9): string => new Date(Date.UTC(2026, 1, d, h)).toISOString();
const ROWS: Customer[] = [
  customer(1, { name: 'Éva Kiss', company: 'Kiss Kft', status: 'Qualified', updatedAt: day(3), dealValue: 900 }),
  customer(2, { name: 'eva kiss', company: 'kiss kft', email: 'eva@kiss.example', updatedAt: day(1) }),
  customer(3, {
    name: 'Bob',
    phone: '+44 20 7946 0958',
    status: 'Active',
    updatedAt: day(3),
    owner: 'rep@example.com',
  }),
  customer(4, { name: '=Zed', updatedAt: day(2, 23), dealValue: 5 }),
  customer(5, { name: 'Ann', updatedAt: '', statusChangedAt: '', owner: 'REP@example.com' }),
];

function seed(): void {
  crm.current.run(() => {
    const sheet = crm.current.ss.getSheetByName(TAB.customers) as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(2, 1, ROWS.length, CUSTOMER_COLUMNS.width).setValues(ROWS.map((c) => customerToRow(c)));
    // A hand-typed text in a date column, and a blank line, as people leave them.
    sheet.getRange(4, CUSTOMER_COLUMNS.of.createdAt.column).setValue('soon');
    sheet.getRange(ROWS.length + 3, 1).setValue('');
  });
}

describe('customerListSource', () => {
  it('lists as listing the whole customers does, for every sort key, both directions, with filters', () => {
    seed();
    const { run } = crm.current;
    const customers = run(() => CustomersTable.open(crm.current.ss).read().customers);
    for (const key of CUSTOMER_KEYS) {
      for (const sort of [key, `-${key}`]) {
        for (const filters of [{}, { status: 'Lead' }, { owner: 'rep@example.com' }]) {
          const options = { sort, limit: 3, ...filters };
          const lean = run(() => listRows(customerListSource(CustomersTable.open(crm.current.ss)), options));
          expect({ sort, filters, lean }).toEqual({ sort, filters, lean: listCustomers(customers, options) });
        }
      }
    }
  });

  it('builds customers only for the page returned', () => {
    seed();
    const source = crm.current.run(() => customerListSource(CustomersTable.open(crm.current.ss)));
    const built: unknown[] = [];
    const counted = {
      ...source,
      result: (row: readonly unknown[]) => {
        built.push(row);
        return source.result(row);
      },
    };
    const page = crm.current.run(() => listRows(counted, { limit: 2 }));
    expect('customers' in page && page.customers.map((c) => c.name)).toEqual(['=Zed', 'Ann']);
    expect(built).toHaveLength(2);
  });
});

describe('duplicateRowIndexes', () => {
  it('finds the rows a registration would duplicate, on the key columns alone', () => {
    seed();
    const keys = crm.current.run(() => CustomersTable.open(crm.current.ss).readKeys());
    expect(duplicateRowIndexes(keys, { name: 'EVA KISS', company: 'Kiss KFT', email: '', phone: '' })).toEqual([1, 2]);
    expect(duplicateRowIndexes(keys, { name: 'X', company: '', email: '', phone: '020 7946 0959' })).toEqual([]);
    expect(duplicateRowIndexes(keys, { name: 'X', company: '', email: '', phone: '+44 20 7946 0958' })).toEqual([3]);
  });
});
