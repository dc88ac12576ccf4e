/**
 * The column maps' codecs through a real write and read of the stand-in's cells: a customer (or History event)
 * written as customerToRow encodes it and read back with rowToCustomer is the same object, whatever its text.
 */

import { CUSTOMER_COLUMNS, HISTORY_COLUMNS } from '../../src/domain/columns';
import type { HistoryEvent } from '../../src/domain/customer';
import { customerToRow, historyToRow, readField, rowToCustomer, rowToHistory } from '../../src/sheets/customerRows';
import { TAB } from '../../src/sheets/tabs';
import { customer, standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });

/** Writes `rows` below the header of `tab` with one setValues and reads them back with one getValues. */
function roundTrip(tab: string, width: number, rows: unknown[][]): unknown[][] {
  const { ss, run } = crm.current;
  return run(() => {
    const sheet = ss.getSheetByName(tab) as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(2, 1, rows.length, width).setValues(rows);
    return sheet.getRange(2, 1, rows.length, width).getValues();
  });
}

const HOSTILE = [
  '=SUM(A1)',
  '+44 20 7946 0958',
  '-x',
  '@mention',
  '0123',
  'TRUE',
  '1/2',
  "'quoted",
  ' spaced ',
  'line\nbreak',
];

describe('Customers row round trip', () => {
  it('stores hostile text as text in every text column', () => {
    const customers = HOSTILE.map((text, i) =>
      customer(i + 1, {
        name: text,
        company: text,
        email: text,
        phone: text,
        owner: text,
        source: text,
        notes: text,
        createdBy: text,
        updatedBy: text,
      }),
    );
    const back = roundTrip(
      TAB.customers,
      CUSTOMER_COLUMNS.width,
      customers.map((c) => customerToRow(c)),
    );
    expect(back.map((r) => rowToCustomer(r))).toEqual(customers);
    // The cells hold the text itself (no formula ran, no number or boolean was made of it).
    expect(back.map((row) => row[CUSTOMER_COLUMNS.of.name.index])).toEqual(HOSTILE);
  });

  it('keeps numbers, an empty deal value, dates, statuses and versions', () => {
    const customers = [
      customer(1, { name: 'Ann', dealValue: 1234.5, status: 'Qualified', version: 7 }),
      customer(2, { name: 'Bob', dealValue: null, status: 'Closed-won', version: 1 }),
      customer(3, { name: 'Cy', dealValue: 0, status: 'Lead', createdAt: '', updatedAt: '', statusChangedAt: '' }),
    ];
    const back = roundTrip(
      TAB.customers,
      CUSTOMER_COLUMNS.width,
      customers.map((c) => customerToRow(c)),
    );
    expect(back.map((r) => rowToCustomer(r))).toEqual(customers);
    const C = CUSTOMER_COLUMNS.of;
    expect(back[0]?.[C.dealValue.index]).toBe(1234.5);
    expect(back[1]?.[C.dealValue.index]).toBe('');
    expect(back[0]?.[C.createdAt.index]).toBeInstanceOf(Date);
    expect(back[0]?.[C.version.index]).toBe(7);
  });

  it('reads an ID typed with spaces around it as the ID', () => {
    const row = customerToRow(customer(1, { name: 'Ann' }));
    row[CUSTOMER_COLUMNS.of.id.index] = "' C-00001 ";
    const [back] = roundTrip(TAB.customers, CUSTOMER_COLUMNS.width, [row]);
    expect(readField(back as unknown[], 'id')).toBe('C-00001');
    expect(rowToCustomer(back as unknown[]).id).toBe('C-00001');
  });
});

describe('History row round trip', () => {
  it('keeps every field of an event, hostile text included', () => {
    const events: HistoryEvent[] = HOSTILE.map((text, i) => ({
      at: `2026-03-0${(i % 9) + 1}T08:00:00.000Z`,
      customerId: 'C-00001',
      action: i % 2 === 0 ? 'manual edit' : 'status',
      field: 'Name',
      from: text,
      to: `${text} (new)`,
      by: text,
    }));
    const back = roundTrip(TAB.history, HISTORY_COLUMNS.width, events.map(historyToRow));
    expect(back.map(rowToHistory)).toEqual(events);
  });
});
