/** CustomersTable over the stand-in: one read, finding a customer, writing only the cells a change sets, and undo. */

import { applyChange } from '../../src/domain/change';
import { CUSTOMER_COLUMNS } from '../../src/domain/columns';
import type { Customer } from '../../src/domain/customer';
import { customerToRow } from '../../src/sheets/customerRows';
import { CustomersTable, KEY_WIDTH } from '../../src/sheets/customersTable';
import { SchemaError } from '../../src/sheets/schemaError';
import { TAB } from '../../src/sheets/tabs';
import { STAFF, customer, standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });
const C = CUSTOMER_COLUMNS.of;

const ANN = customer(1, { name: 'Ann Berg', company: 'Berg AB' });
const BOB = customer(2, { name: 'Bob Stone', phone: '+44 20 7946 0958', dealValue: 500 });
const CY = customer(3, { name: '=Cy', status: 'Qualified' });

/** Ann on row 2, Bob on row 3, a blank line on row 4 (left by a person), Cy on row 5. */
function seed(rows: Customer[] = [ANN, BOB, CY]): void {
  const { ss, run } = crm.current;
  run(() => {
    const sheet = ss.getSheetByName(TAB.customers) as GoogleAppsScript.Spreadsheet.Sheet;
    const [first, second, ...rest] = rows.map((c) => customerToRow(c));
    sheet.getRange(2, 1, 2, CUSTOMER_COLUMNS.width).setValues([first ?? [], second ?? []]);
    if (rest.length > 0) sheet.getRange(5, 1, rest.length, CUSTOMER_COLUMNS.width).setValues(rest);
  });
  crm.current.gas.runtime.calls.reset();
}

const table = () => CustomersTable.open(crm.current.ss);

describe('read', () => {
  it('reads every customer with one call, passing over blank lines', () => {
    seed();
    const snapshot = crm.current.run(() => table().read());
    expect(snapshot.customers).toEqual([ANN, BOB, CY]);
    expect(snapshot.rowNumbers).toEqual([2, 3, 5]);
    expect(snapshot.lastRow).toBe(5);
    expect(crm.current.gas.runtime.calls.get('Sheet.getSheetValues')).toBe(1);
  });

  it('reads a tab with only its header as empty', () => {
    const snapshot = crm.current.run(() => table().read());
    expect(snapshot).toEqual({ customers: [], rowNumbers: [], rows: [], lastRow: 1 });
  });

  it('refuses a tab whose columns were changed by hand, naming the column', () => {
    seed();
    crm.current.run(() => crm.current.ss.getSheetByName(TAB.customers)?.getRange(1, C.email.column).setValue('E-mail'));
    expect(() => crm.current.run(() => table().read())).toThrow(SchemaError);
    expect(() => crm.current.run(() => table().read())).toThrow('column D is "E-mail", expected "Email"');
  });
});

describe('indexOf', () => {
  it('finds a customer by ID, or -1', () => {
    seed();
    const snapshot = crm.current.run(() => table().read());
    expect(CustomersTable.indexOf(snapshot, 'C-00002')).toBe(1);
    expect(CustomersTable.indexOf(snapshot, 'C-00009')).toBe(-1);
  });

  it('refuses an ID on two rows rather than guess', () => {
    seed([ANN, BOB, { ...CY, id: ANN.id }]);
    const snapshot = crm.current.run(() => table().read());
    expect(() => CustomersTable.indexOf(snapshot, ANN.id)).toThrow('Customer C-00001 appears on rows 2 and 5');
  });
});

describe('writeChange and restore', () => {
  const AT = '2026-03-02T10:00:00.000Z';

  it('writes only the changed cells and the stamp, leaving what a person typed meanwhile', () => {
    seed();
    const { run, gas } = crm.current;
    const t = table();
    const snapshot = run(() => t.read());
    // After the read, a person types Bob's notes by hand.
    gas.sheets.userEdit({
      user: STAFF,
      sheet: TAB.customers,
      row: 3,
      column: C.notes.column,
      value: 'typed meanwhile',
    });
    const { next } = applyChange(
      BOB,
      { company: 'Stone Works', owner: 'boss@example.com' },
      { at: AT, by: 'boss@example.com' },
    );
    gas.runtime.calls.reset();
    const blocks = run(() => t.writeChange(snapshot, 1, next));

    // Company; Owner; Updated at and by; Version: one setValues per run of adjacent columns.
    expect(blocks.map((b) => [b.column, b.values[0]?.length])).toEqual([
      [C.company.column, 1],
      [C.owner.column, 1],
      [C.updatedAt.column, 2],
      [C.version.column, 1],
    ]);
    expect(gas.runtime.calls.get('Range.setValues')).toBe(4);
    const row = crm.current.values(TAB.customers)[2] as unknown[];
    expect(row[C.company.index]).toBe('Stone Works');
    expect(row[C.owner.index]).toBe('boss@example.com');
    expect(row[C.notes.index]).toBe('typed meanwhile');
    expect(row[C.version.index]).toBe(2);
    expect((row[C.statusChangedAt.index] as Date).toISOString()).toBe(BOB.statusChangedAt); // status did not move
  });

  it('writes Status changed at when the status moves', () => {
    seed();
    const t = table();
    const snapshot = crm.current.run(() => t.read());
    const { next } = applyChange(ANN, { status: 'Contacted' }, { at: AT, by: 'boss@example.com' });
    const blocks = crm.current.run(() => t.writeChange(snapshot, 0, next));
    expect(blocks.map((b) => b.column)).toEqual([C.status.column, C.updatedAt.column]);
    const row = crm.current.values(TAB.customers)[1] as unknown[];
    expect(row[C.status.index]).toBe('Contacted');
    expect((row[C.statusChangedAt.index] as Date).toISOString()).toBe(AT);
  });

  it('restore puts back exactly the cells it wrote', () => {
    seed();
    const { run, gas } = crm.current;
    const t = table();
    const before = crm.current.values(TAB.customers);
    const snapshot = run(() => t.read());
    const { next } = applyChange(CY, { name: 'Cy Young', status: 'Lead' }, { at: AT, by: 'boss@example.com' });
    run(() => t.writeChange(snapshot, 2, next));
    expect(crm.current.values(TAB.customers)[4]?.[C.name.index]).toBe('Cy Young');
    gas.sheets.userEdit({ user: STAFF, sheet: TAB.customers, row: 5, column: C.source.column, value: 'fair' });
    run(() => t.restore(snapshot, 2));
    const after = crm.current.values(TAB.customers);
    expect(after[4]?.[C.source.index]).toBe('fair'); // not written by the change: not touched by its undo
    after[4]?.splice(C.source.index, 1, '');
    expect(after).toEqual(before);
    // A second restore has nothing left to undo.
    gas.runtime.calls.reset();
    run(() => t.restore(snapshot, 2));
    expect(gas.runtime.calls.get('Range.setValues')).toBe(0);
  });
});

describe('append', () => {
  it('appends below the last row read and can take the rows out again', () => {
    seed();
    const t = table();
    const snapshot = crm.current.run(() => t.read());
    const dee = customer(4, { name: '+Dee' });
    const eve = customer(5, { name: '@Eve' });
    const appended = crm.current.run(() => t.append(snapshot, [dee, eve]));
    expect(appended).toEqual({ first: 6, count: 2, inserted: true });
    expect(crm.current.run(() => t.read()).customers).toEqual([ANN, BOB, CY, dee, eve]);
    crm.current.run(() => t.removeAppended(appended));
    expect(crm.current.run(() => t.read()).customers).toEqual([ANN, BOB, CY]);
  });
});

describe('readCustomer: the header, the rows a TextFinder gives, one row', () => {
  it('reads the customer with two reads of width cells and one TextFinder, not the ID column or the whole tab', () => {
    seed();
    const snapshot = crm.current.run(() => table().readCustomer(BOB.id));
    expect(snapshot).toEqual({
      customers: [BOB],
      rowNumbers: [3],
      rows: [expect.any(Array)],
      lastRow: Number.NaN,
    });
    const calls = crm.current.gas.runtime.calls;
    // Row 1, the finder on column A, Bob's row.
    expect(calls.get('Range.getValues')).toBe(2);
    expect(calls.get('TextFinder.findAll')).toBe(1);
    expect(calls.get('Sheet.getSheetValues') ?? 0).toBe(0);
  });

  it('answers null for an ID no row has, and finds an ID typed by hand with spaces', () => {
    seed([ANN, { ...BOB, id: ' C-00002 ' }]);
    expect(crm.current.run(() => table().readCustomer('C-00009'))).toBeNull();
    expect(crm.current.run(() => table().readCustomer('C-00002'))?.rowNumbers).toEqual([3]);
  });

  it('refuses an ID on two rows, as indexOf does', () => {
    seed([ANN, BOB, { ...CY, id: ANN.id }]);
    expect(() => crm.current.run(() => table().readCustomer(ANN.id))).toThrow(
      'Customer C-00001 appears on rows 2 and 5',
    );
  });

  it('refuses a changed header before reading any row', () => {
    seed();
    crm.current.run(() => crm.current.ss.getSheetByName(TAB.customers)?.getRange(1, C.version.column).setValue('Ver'));
    crm.current.gas.runtime.calls.reset();
    expect(() => crm.current.run(() => table().readCustomer(BOB.id))).toThrow('expected "Version"');
    expect(crm.current.gas.runtime.calls.get('Sheet.getSheetValues') ?? 0).toBe(0);
  });

  /** The Customers sheet, with `onRowRead(row)` run by hand just before each read of a data row. */
  function editedBeforeEachRowRead(onRowRead: (row: number) => void): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = crm.current.ss.getSheetByName(TAB.customers) as GoogleAppsScript.Spreadsheet.Sheet;
    return new Proxy(sheet, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property !== 'getRange') return typeof value === 'function' ? value.bind(target) : value;
        return (row: number | string, ...rest: number[]) => {
          if (typeof row === 'string') return target.getRange(row);
          if (row > 1) onRowRead(row);
          return target.getRange(row, ...(rest as [number, number, number]));
        };
      },
    });
  }

  it('a sort by hand between finding the row and reading it: the ID column read finds the row again', () => {
    seed();
    const { gas, run } = crm.current;
    let sorted = false;
    const sheet = editedBeforeEachRowRead((row) => {
      if (sorted) return;
      sorted = true; // Bob and Cy swap rows, once
      gas.sheets.userEdit({ user: STAFF, sheet: TAB.customers, row, column: C.id.column, value: CY.id });
      gas.sheets.userEdit({ user: STAFF, sheet: TAB.customers, row: row + 1, column: C.id.column, value: BOB.id });
    });
    expect(run(() => new CustomersTable(sheet).readCustomer(BOB.id))?.rowNumbers).toEqual([4]);
    expect(gas.runtime.calls.get('Sheet.getSheetValues')).toBe(1);
  });

  it('stops when the row no longer holds the ID by the time it is read (a sort by hand between the reads)', () => {
    seed();
    const { gas, run } = crm.current;
    // Before every row read, a person's sort moves Bob one row down.
    const sheet = editedBeforeEachRowRead((row) => {
      gas.sheets.userEdit({ user: STAFF, sheet: TAB.customers, row, column: C.id.column, value: 'C-00007' });
      gas.sheets.userEdit({ user: STAFF, sheet: TAB.customers, row: row + 1, column: C.id.column, value: BOB.id });
    });
    expect(() => run(() => new CustomersTable(sheet).readCustomer(BOB.id))).toThrow(
      'The Customers tab changed while C-00002 was being read',
    );
  });
});

describe('readKeys: the header and columns A..E', () => {
  it('reads the IDs and duplicate keys of every row with two reads', () => {
    seed();
    const keys = crm.current.run(() => table().readKeys());
    expect(KEY_WIDTH).toBe(C.phone.column);
    expect(keys.lastRow).toBe(5);
    expect(keys.rows.map((row) => row.length)).toEqual([5, 5, 5, 5, 5]);
    expect(keys.rows[2]?.[C.phone.index]).toBe(BOB.phone);
    expect(crm.current.gas.runtime.calls.get('Range.getValues')).toBe(1);
    expect(crm.current.gas.runtime.calls.get('Sheet.getSheetValues')).toBe(1);
  });
});
