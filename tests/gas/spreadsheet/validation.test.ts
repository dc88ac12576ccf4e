/** Data validation: builder, storage, warning rules, violations, manual entry (script writes: scriptWrites.test.ts). */
import { UserEditRefused } from '../../../local/gas/spreadsheet';
import { STAFF, setup } from './helpers';

const STATUSES = ['Lead', 'Contacted', 'Qualified'];

describe('data validation', () => {
  it('builds and reads back rules like Apps Script', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(STATUSES, true)
      .setAllowInvalid(false)
      .setHelpText('Pick a status')
      .build();
    sheet.getRange('F2:F100').setDataValidation(rule);
    const back = sheet.getRange('F50').getDataValidation()!;
    expect(back.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(back.getCriteriaValues()).toEqual([STATUSES, true]);
    expect([back.getAllowInvalid(), back.data.helpText]).toEqual([false, 'Pick a status']);
    expect(sheet.getRange('F101').getDataValidation()).toBeNull();
    const defaults = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    expect([defaults.getAllowInvalid(), defaults.data.helpText, defaults.getCriteriaValues()]).toEqual([
      true,
      null,
      [0],
    ]);
  });

  it('lets warning rules through and lists the cells that break their rule', () => {
    const { app, sheet, host } = setup();
    // A warning rule (allowInvalid true, the default) never blocks a write; the cell is only marked invalid.
    sheet.getRange('B2:B3').setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange('A2:B3').setValues([
      ['Won', -5],
      ['', 3],
    ]);
    expect(sheet.getRange('A2').getValue()).toBe('Won');
    // A reject-input rule set AFTER the values were written flags them, as Sheets does.
    sheet
      .getRange('A2:A4')
      .setDataValidation(app.newDataValidation().requireValueInList(STATUSES).setAllowInvalid(false).build());
    expect(host.validationViolations().map((v) => [v.a1, v.value, v.criteria, v.allowInvalid])).toEqual([
      ['A2', 'Won', 'VALUE_IN_LIST', false],
      ['B2', -5, 'NUMBER_GREATER_THAN_OR_EQUAL_TO', true],
    ]);
    sheet.getRange('A2:A4').setDataValidation(null);
    expect(host.validationViolations().map((v) => v.a1)).toEqual(['B2']);
  });

  it('rejects an invalid manual entry when the rule rejects input, and changes nothing', () => {
    const { app, sheet, host } = setup();
    sheet.getRange('A2').setValue('Lead');
    sheet
      .getRange('A2')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(STATUSES)
          .setAllowInvalid(false)
          .setHelpText('Pick a status')
          .build(),
      );
    expect(() => host.userEdit({ user: STAFF, sheet: 'Sheet1', a1: 'A2', value: 'Won' })).toThrow(UserEditRefused);
    expect(() => host.userEdit({ user: STAFF, sheet: 'Sheet1', a1: 'A2', value: 'Won' })).toThrow('Pick a status');
    expect(sheet.getRange('A2').getValue()).toBe('Lead');
    expect(host.userEdit({ user: STAFF, sheet: 'Sheet1', a1: 'A2', value: 'Qualified' }).oldValue).toBe('Lead');
  });

  it('refuses list rules over 500 items and wrong argument types', () => {
    const { app, sheet } = setup();
    const big = app
      .newDataValidation()
      .requireValueInList(Array.from({ length: 501 }, (_, i) => `v${i}`))
      .build();
    expect(() => sheet.getRange('A1').setDataValidation(big)).toThrow('more than 500 items');
    expect(() => app.newDataValidation().requireValueInList('Lead')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
    );
    expect(() => sheet.getRange('A1').setDataValidation('x')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  });
});
