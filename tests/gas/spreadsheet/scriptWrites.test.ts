/**
 * Script writes into cells whose data validation rejects invalid input.
 *
 * Google's reference is SILENT on this (developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 * and …/data-validation-builder#setAllowInvalid(Boolean) say nothing about script writes), and public reports
 * conflict (some say scripts bypass validation, others quote an exception from real runs). The stricter case is
 * modelled, as the product SPEC (Version 2 › Real Sheets) states: "A script write (setValues, appendRow, setValue)
 * into a cell whose data validation rejects invalid input throws ("The data you entered in cell … violates the data
 * validation rules set on this sheet") and writes nothing."
 */
import { thrown } from '../services/setup';
import { OWNER, setup } from './helpers';

const STATUSES = ['Lead', 'Contacted', 'Qualified'];
const rejected = (a1: string) =>
  `The data you entered in cell ${a1} violates the data validation rules set on this sheet.`;

function withStatusRule(allowInvalid = false) {
  const ctx = setup();
  const { app, sheet } = ctx;
  sheet.getRange('A1:C1').setValues([['Name', 'Status', 'Amount']]);
  sheet
    .getRange('B2:B10')
    .setDataValidation(app.newDataValidation().requireValueInList(STATUSES).setAllowInvalid(allowInvalid).build());
  sheet
    .getRange('C2:C10')
    .setDataValidation(
      app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(allowInvalid).build(),
    );
  ctx.runtime.calls.reset();
  return ctx;
}

describe('script writes into reject-input cells (SPEC: "throws … and writes nothing"; reference silent → stricter)', () => {
  it('setValues throws naming the FIRST offending cell (row-major) and writes none of the values', () => {
    const { sheet, host } = withStatusRule();
    const before = host.sheetValues('Sheet1');
    const error = thrown(() =>
      sheet.getRange('A2:C3').setValues([
        ['Ann', 'Lead', 5],
        ['Bob', 'Won', -1],
      ]),
    );
    expect(error.message).toBe(rejected('B3'));
    expect(error.name).toBe('Exception');
    expect(String(error)).toBe(`Exception: ${rejected('B3')}`);
    expect(host.sheetValues('Sheet1')).toEqual(before);
  });

  it('setValue into one cell or a whole range is refused whole', () => {
    const { sheet, host } = withStatusRule();
    expect(() => sheet.getRange('B4').setValue('Won')).toThrow(rejected('B4'));
    expect(() => sheet.getRange('A5:C5').setValue('Lead')).toThrow(rejected('C5')); // 'Lead' is no number ≥ 0
    expect(host.sheetValues('Sheet1')).toEqual([['Name', 'Status', 'Amount']]);
    sheet.getRange('B4').setValue('Qualified');
    expect(host.sheetValues('Sheet1')[3]).toEqual(['', 'Qualified', '']);
  });

  it('checks the value as the cell would store it (typed strings, numbers)', () => {
    const { sheet, host } = withStatusRule();
    sheet.getRange('C2').setValue('12'); // typed to the number 12
    expect(() => sheet.getRange('C3').setValue('-3')).toThrow(rejected('C3'));
    expect(() => sheet.getRange('C3').setValue('abc')).toThrow(rejected('C3'));
    expect(host.sheetValues('Sheet1')[1]).toEqual(['', '', 12]);
  });

  it('appendRow is refused whole: no row is added, even when the sheet would have grown', () => {
    const { sheet, host, runtime } = withStatusRule();
    sheet.appendRow(['Ann', 'Lead', 10]);
    expect(() => sheet.appendRow(['Bob', 'Nope', 3])).toThrow(rejected('B3'));
    expect(host.sheetValues('Sheet1')).toEqual([
      ['Name', 'Status', 'Amount'],
      ['Ann', 'Lead', 10],
    ]);
    // A full sheet: the appended row would inherit the last row's rule (inserted rows copy the row above).
    const { app } = withStatusRule();
    const small = app.getActive().insertSheet('Small');
    small.deleteRows(3, small.getMaxRows() - 2); // 2 rows left
    small
      .getRange('A2')
      .setDataValidation(app.newDataValidation().requireValueInList(STATUSES).setAllowInvalid(false).build());
    small.getRange('A1:A2').setValues([['Status'], ['Lead']]);
    expect(() => small.appendRow(['Won'])).toThrow(rejected('A3'));
    expect(small.getMaxRows()).toBe(2);
    small.appendRow(['Contacted']);
    expect([small.getMaxRows(), small.getRange('A3').getValue()]).toEqual([3, 'Contacted']);
    expect(runtime.calls.get('Sheet.appendRow')).toBe(2);
  });

  it('warning rules (allowInvalid true) never block a script write', () => {
    const { sheet, host } = withStatusRule(true);
    sheet.getRange('A2:C2').setValues([['Ann', 'Won', -1]]);
    sheet.appendRow(['Bob', 'Nope', -2]);
    expect(host.validationViolations().map((v) => v.a1)).toEqual(['B2', 'C2', 'B3', 'C3']);
  });

  it('empty values pass: an empty cell is not flagged invalid by a dropdown in Sheets (clearing always works)', () => {
    const { sheet, host } = withStatusRule();
    sheet.getRange('A2:C2').setValues([['Ann', 'Lead', 3]]);
    sheet.getRange('A2:C2').setValues([['Ann', '', null]]);
    sheet.getRange('B3').setValue('');
    sheet.appendRow(['Cy', '', '']);
    sheet.getRange('A2:C3').clearContent();
    expect(host.sheetValues('Sheet1')).toEqual([['Name', 'Status', 'Amount']]);
    expect(host.validationViolations()).toEqual([]);
  });

  it('protection is checked first; a refused write is not noted as a write; calls are still counted', () => {
    const { sheet, runtime, app } = withStatusRule();
    runtime.run(OWNER, () => {
      const p = app.getActiveSheet().getRange('B2:B3').protect();
      p.removeEditors(p.getEditors());
    });
    const writesBefore = runtime.unlockedWrites.length;
    expect(() => runtime.run('rep@example.com', () => app.getActiveSheet().getRange('B2').setValue('Won'))).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(() => sheet.getRange('B4').setValue('Won')).toThrow(rejected('B4'));
    expect(runtime.unlockedWrites.length).toBe(writesBefore);
    expect(runtime.calls.get('Range.setValue')).toBe(2);
  });
});
