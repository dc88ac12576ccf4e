/** What written values become, as when a user types them; Dates cross vm realms. */
import * as vm from 'node:vm';
import { cell, setup } from './helpers';

type Row = [input: unknown, value: unknown, formula: string, format: string];

// Spreadsheet time zone Europe/Paris (UTC+1 in winter, UTC+2 in summer).
const TABLE: Row[] = [
  ["'=1+2", '=1+2', '', '0.###############'],
  ["'+44 20 7946 0000", '+44 20 7946 0000', '', '0.###############'],
  ["'", '', '', '0.###############'],
  ['=1+2*3', 7, '=1+2*3', '0.###############'],
  ['=SUM(A1:A3)', '#ERROR!', '=SUM(A1:A3)', '0.###############'],
  ['+44 20 7946 0000', '#ERROR!', '=+44 20 7946 0000', '0.###############'],
  ['-abc', '#NAME?', '=-abc', '0.###############'],
  ['+12', 12, '', '0.###############'],
  ['-3.5', -3.5, '', '0.###############'],
  ['1,234.5', 1234.5, '', '0.###############'],
  ['1e3', 1000, '', '0.###############'],
  ['0012', 12, '', '0.###############'],
  ['12%', 0.12, '', '0%'],
  ['12.5%', 0.125, '', '0.00%'],
  ['$1,234.50', 1234.5, '', '$#,##0.00'],
  ['TRUE', true, '', '0.###############'],
  ['false', false, '', '0.###############'],
  ['12,34', '12,34', '', '0.###############'],
  ['555-0102', '555-0102', '', '0.###############'],
  ['2024-01-31T10:00:00.000Z', '2024-01-31T10:00:00.000Z', '', '0.###############'],
  ['Acme', 'Acme', '', '0.###############'],
  ['', '', '', '0.###############'],
  [null, '', '', '0.###############'],
  [undefined, '', '', '0.###############'],
  [42, 42, '', '0.###############'],
  [false, false, '', '0.###############'],
  [Number.NaN, '#NUM!', '', '0.###############'],
];

describe('value typing table', () => {
  it.each(TABLE)('%p → %p', (input, value, formula, format) => {
    const { sheet } = setup();
    const b2 = sheet.getRange('B2');
    b2.setValue(input);
    expect(b2.getValue()).toEqual(value);
    expect(cell(sheet.sheetData, 'B2').formula).toBe(formula);
    expect(b2.getNumberFormats()).toEqual([[format]]);
  });
});

describe('dates', () => {
  it.each([
    ['2024-01-31', '2024-01-30T23:00:00.000Z', 'yyyy-mm-dd'],
    ['2024-01-31 13:45', '2024-01-31T12:45:00.000Z', 'yyyy-mm-dd H:mm'],
    ['2024-07-01 08:00:30', '2024-07-01T06:00:30.000Z', 'yyyy-mm-dd H:mm:ss'],
    ['1/31/2024', '2024-01-30T23:00:00.000Z', 'M/d/yyyy'],
    ['Jan 31, 2024', '2024-01-30T23:00:00.000Z', 'mmm d, yyyy'],
    ['7/14', '2024-07-13T22:00:00.000Z', 'M/d'],
  ])('%p is a Date in the spreadsheet time zone', (typed, iso, format) => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(typed);
    const v = sheet.getRange('A1').getValue();
    expect(Object.prototype.toString.call(v)).toBe('[object Date]');
    expect((v as Date).toISOString()).toBe(iso);
    expect(sheet.getRange('A1').getNumberFormats()).toEqual([[format]]);
  });

  it('rejects impossible dates as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2024-02-30');
    expect(sheet.getRange('A1').getValue()).toBe('2024-02-30');
  });

  it('keeps Date objects (default format M/d/yyyy H:mm:ss) and a number under a date format reads as a Date', () => {
    const { sheet } = setup();
    const when = new Date(Date.UTC(2024, 2, 10, 9, 30, 15));
    sheet.getRange('A1').setValue(when);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange('A1').getNumberFormats()).toEqual([['M/d/yyyy H:mm:ss']]);
    expect(cell(sheet.sheetData, 'A1').display).toBe('3/10/2024 10:30:15');
    // clearContent keeps the format: the next number written there reads back as a Date, as in Sheets.
    sheet.getRange('A1').clearContent();
    sheet.getRange('A1').setValue(1);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('1899-12-30T23:50:39.000Z');
    sheet.getRange('A1').setNumberFormat('0');
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  it('accepts Dates from another realm and returns Dates of the DateCtor realm', () => {
    const context = vm.createContext({});
    const VmDate = vm.runInContext('Date', context) as DateConstructor;
    const { sheet } = setup({}, VmDate);
    const foreign = vm.runInContext('new Date(Date.UTC(2024, 0, 2, 3, 4, 5))', context) as Date;
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange('A1:B1').setValues(vm.runInContext('[[1, 2]]', context) as unknown[][]);
    sheet.getRange('A2').setValue(foreign);
    const back = sheet.getRange('A2').getValue();
    expect(back instanceof VmDate).toBe(true);
    expect(back instanceof Date).toBe(false);
    expect((back as Date).getTime()).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 2]]);
  });
});

describe('plain-text cells', () => {
  it('keep typed strings as text but still drop the apostrophe and make formulas', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['0012', "'x", '=1+1', '+44 20']]);
    expect(r.getValues()).toEqual([['0012', 'x', 2, '+44 20']]);
  });
});
