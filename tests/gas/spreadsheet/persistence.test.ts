/** The workbook survives a JSON round trip. */
import {
  UiLog,
  createSpreadsheetApp,
  parseWorkbook,
  serializeWorkbook,
  workbookFromJSON,
  workbookToJSON,
} from '../../../local/gas/spreadsheet';
import { OWNER, STAFF, STRANGER, setup } from './helpers';

describe('persistence', () => {
  it('round-trips values, formats, validations, notes, styles, sheet settings, protections and charts', () => {
    const { app, ss, sheet, runtime, workbook } = setup({ id: 'wb-1', name: 'CRM' });
    const customers = ss.insertSheet('Customers');
    customers.getRange('A1:D3').setValues([
      ['ID', 'Created', 'Value', 'Ok'],
      ['C-1', new Date(Date.UTC(2024, 0, 31, 9)), '$1,200.00', true],
      ["'=x", '2024-02-01', '=1+1', false],
    ]);
    customers.getRange('A2').setNote('first');
    customers.getRange('A1:D1').setFontWeight('bold').setBackground('#eeeeee');
    customers.getRange('D2:D3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    customers.getRange('C2:C3').setDataValidation(app.newDataValidation().requireValueInRange(sheet.getRange('A1:A5')).build());
    customers.setFrozenRows(1);
    customers.setColumnWidth(2, 180);
    customers.hideColumns(4);
    customers.hideRows(3);
    customers.setTabColor('#00ff00');
    sheet.hideSheet();
    runtime.run(OWNER, () => {
      const p = app.getActive().getSheetByName('Customers')!.protect().setDescription('data');
      p.removeEditors([STRANGER]);
      p.setUnprotectedRanges([app.getActive().getSheetByName('Customers')!.getRange('J1:J5')]);
    });
    customers.getRange('B2:B3').protect().setWarningOnly(true);
    const chart = customers.newChart().asColumnChart().addRange(customers.getRange('A1:C3')).setPosition(5, 6, 1, 2).setOption('title', 'Pipeline').build();
    customers.insertChart(chart);

    const text = serializeWorkbook(workbook);
    expect(text).not.toContain('"$date"'); // cell dates are serial numbers, as in Sheets
    const restored = parseWorkbook(text);
    expect(workbookToJSON(restored)).toEqual(workbookToJSON(workbook));

    const app2 = createSpreadsheetApp(runtime, restored, new UiLog());
    const c2 = app2.getActive().getSheetByName('Customers')!;
    expect(c2.getRange('A1:D3').getValues()).toEqual(customers.getRange('A1:D3').getValues());
    expect(c2.getRange('A1:D3').getFormulas()).toEqual([['', '', '', ''], ['', '', '', ''], ['', '', '=1+1', '']]);
    expect(c2.getRange('A1:D3').getDisplayValues()).toEqual(customers.getRange('A1:D3').getDisplayValues());
    expect([c2.getFrozenRows(), c2.getColumnWidth(2), c2.isColumnHiddenByUser(4), c2.isRowHiddenByUser(3), c2.getTabColor()]).toEqual([
      1, 180, true, true, '#00ff00',
    ]);
    expect(c2.getRange('A2').getNote()).toBe('first');
    expect(c2.getRange('B1').getBackground()).toBe('#eeeeee');
    const ruleRange = c2.getRange('C2').getDataValidation()!.getCriteriaValues()[0] as { getA1Notation(): string; getSheet(): { getName(): string } };
    expect([ruleRange.getSheet().getName(), ruleRange.getA1Notation()]).toEqual(['Sheet1', 'A1:A5']);
    expect(app2.getActive().getSheetByName('Sheet1')!.isSheetHidden()).toBe(true);
    expect(c2.getSheetId()).toBe(customers.getSheetId());
    expect(c2.getCharts()[0]!.getOptions().get('title')).toBe('Pipeline');
    expect(c2.getCharts()[0]!.getContainerInfo().getAnchorColumn()).toBe(6);
    runtime.run(STAFF, () => {
      const [p] = app2.getActive().getProtections(app2.ProtectionType.SHEET);
      expect(p!.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
      expect(p!.getUnprotectedRanges()[0]!.getA1Notation()).toBe('J1:J5');
    });
    expect(() => runtime.run(STRANGER, () => c2.getRange('A5').setValue('x'))).toThrow('protected cell');
    expect([restored.id, restored.name, restored.owner, restored.timeZone]).toEqual(['wb-1', 'CRM', OWNER, 'Europe/Paris']);
    // New sheets after restore get fresh ids.
    expect(app2.getActive().insertSheet('Later').getSheetId()).not.toBe(c2.getSheetId());
  });

  it('writes Dates outside cells as {"$date": iso} and refuses foreign documents', () => {
    const { workbook } = setup();
    const json = workbookToJSON(workbook);
    json.rules.push({ criteria: 'DATE_AFTER', args: [{ $date: '2024-01-01T00:00:00.000Z' }], allowInvalid: true, helpText: null });
    json.sheets[0]!.validations = [[0]];
    const back = workbookFromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.sheets[0]!.validations.get(0, 0)?.args[0]).toEqual({ $date: '2024-01-01T00:00:00.000Z' });
    expect(() => workbookFromJSON({ hello: 1 })).toThrow('not a pipeline-crm-workbook v1 document');
  });
});
