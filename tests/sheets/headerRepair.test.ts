/** repairHeader over the stand-in: writes a missing header, puts dragged columns back with their rules, never guesses. */

import { CUSTOMER_COLUMNS } from '../../src/domain/columns';
import { blankCustomer, type Customer } from '../../src/domain/customer';
import { customerToRow, rowToCustomer } from '../../src/sheets/customerRows';
import { repairHeader } from '../../src/sheets/headerRepair';
import { TAB } from '../../src/sheets/tabs';
import { standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });
const C = CUSTOMER_COLUMNS.of;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const customersSheet = (): Sheet => crm.current.ss.getSheetByName(TAB.customers) as Sheet;
const repair = () => crm.current.run(() => repairHeader(customersSheet(), CUSTOMER_COLUMNS.headers, TAB.customers));

const ANN: Customer = {
  ...blankCustomer('C-00001'),
  name: 'Ann',
  phone: '+44 20 7946 0958',
  status: 'Qualified',
  dealValue: 1200,
  createdAt: '2026-03-01T09:00:00.000Z',
};
const BOB: Customer = { ...blankCustomer('C-00002'), name: '=Bob', notes: '@bob', status: 'Lead', version: 3 };

function seed(): void {
  crm.current.run(() =>
    customersSheet()
      .getRange(2, 1, 2, CUSTOMER_COLUMNS.width)
      .setValues([customerToRow(ANN), customerToRow(BOB)]),
  );
}

/**
 * The tab as a person leaves it after dragging column `from` (1-based) to position `to`: every row's value, number
 * format and rule moves with the column. Built as one permutation of the whole grid.
 */
function dragColumn(from: number, to: number): void {
  const width = CUSTOMER_COLUMNS.width;
  const order = [...Array(width).keys()].filter((i) => i !== from - 1);
  order.splice(to - 1, 0, from - 1);
  const moved = <T>(grid: T[][]): T[][] => grid.map((row) => order.map((i) => row[i] as T));
  crm.current.run(() => {
    const whole = customersSheet().getRange(1, 1, customersSheet().getMaxRows(), width);
    const values = whole.getValues().map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
    const formats = whole.getNumberFormats();
    const rules = whole.getDataValidations();
    whole.clearDataValidations();
    whole.setNumberFormats(moved(formats));
    whole.setValues(moved(values));
    whole.setDataValidations(moved(rules));
  });
}

/** Columns (1-based) that carry a data validation rule on any row. */
function columnsWithRules(): number[] {
  return crm.current.run(() => {
    const sheet = customersSheet();
    const found = new Set<number>();
    sheet
      .getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns())
      .getDataValidations()
      .forEach((row) => row.forEach((rule, c) => rule !== null && found.add(c + 1)));
    return [...found].sort((a, b) => a - b);
  });
}

it('leaves a right header alone', () => {
  expect(repair()).toBe('ok');
  expect(crm.current.gas.runtime.calls.get('Range.setValues')).toBe(0);
});

it('writes the header on an empty tab', () => {
  crm.current.run(() => customersSheet().getRange(1, 1, 1, CUSTOMER_COLUMNS.width).clearContent());
  expect(repair()).toBe('written');
  expect(crm.current.values(TAB.customers)[0]).toEqual([...CUSTOMER_COLUMNS.headers]);
});

it.each([
  ['to the front', 1],
  ['after Name', C.name.column + 1],
  ['to the end', CUSTOMER_COLUMNS.width],
])('puts Status dragged %s back, with every value and the dropdown on Status only', (_label, to) => {
  seed();
  dragColumn(C.status.column, to);
  expect(crm.current.values(TAB.customers)[0]).not.toEqual([...CUSTOMER_COLUMNS.headers]);
  expect(repair()).toBe('reordered');
  const values = crm.current.values(TAB.customers);
  expect(values[0]).toEqual([...CUSTOMER_COLUMNS.headers]);
  expect(values.slice(1, 3).map((r) => rowToCustomer(r))).toEqual([ANN, BOB]);
  expect(columnsWithRules()).toEqual([C.status.column]);
});

it('refuses to guess when a header was renamed', () => {
  seed();
  crm.current.run(() => customersSheet().getRange(1, C.phone.column).setValue('Tel'));
  expect(repair()).toEqual({ problem: expect.stringContaining('The Customers tab has no column "Phone"') });
  expect(crm.current.values(TAB.customers)[0]?.[C.phone.index]).toBe('Tel');
  expect(
    crm.current
      .values(TAB.customers)
      .slice(1, 3)
      .map((r) => rowToCustomer(r)),
  ).toEqual([ANN, BOB]);
});
