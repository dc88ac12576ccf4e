/** The workbook survives a JSON round trip. */
import {
  UiLog,
  createChartsFake,
  createSpreadsheetApp,
  createSpreadsheetHost,
  parseWorkbook,
  serializeWorkbook,
  workbookFromJSON,
  workbookToJSON,
} from '../../../local/gas/spreadsheet';
import { OWNER, STAFF, STRANGER, cell, setup } from './helpers';

describe('persistence', () => {
  it('round-trips values, formats, validations, notes, styles, sheet settings, protections and charts', () => {
    const { app, ss, runtime, workbook } = setup({ id: 'wb-1', name: 'CRM' });
    const customers = ss.insertSheet('Customers');
    customers.getRange('A1:D3').setValues([
      ['ID', 'Created', 'Value', 'Status'],
      ['C-1', new Date(Date.UTC(2024, 0, 31, 9)), '$1,200.00', 'Lead'],
      ["'=x", '2024-02-01', '=1+1', 'Won'],
    ]);
    customers.sheetData.notes.set(1, 0, 'first'); // A2 (a person's note: the product writes none)
    customers.getRange('A1:D1').setFontWeight('bold').setBackground('#eeeeee');
    customers
      .getRange('D2:D3')
      .setDataValidation(app.newDataValidation().requireValueInList(['Lead', 'Qualified']).build());
    customers.setFrozenRows(1);
    customers.setColumnWidth(2, 180);
    customers.hideRows(3);
    runtime.run(OWNER, () =>
      app.getActive().getSheetByName('Customers')!.protect().setDescription('data').removeEditors([STRANGER]),
    );
    customers.getRange('B2:B3').protect().setWarningOnly(true);
    const chart = customers
      .newChart()
      .setChartType(createChartsFake().ChartType.COLUMN)
      .addRange(customers.getRange('A1:C3'))
      .setPosition(5, 6, 1, 2)
      .setOption('title', 'Pipeline')
      .build();
    customers.insertChart(chart);

    const text = serializeWorkbook(workbook);
    const restored = parseWorkbook(text);
    expect(workbookToJSON(restored)).toEqual(workbookToJSON(workbook));

    const app2 = createSpreadsheetApp(runtime, restored, new UiLog());
    const c2 = app2.getActive().getSheetByName('Customers')!;
    expect(c2.getRange('A1:D3').getValues()).toEqual(customers.getRange('A1:D3').getValues());
    const host2 = createSpreadsheetHost(runtime, restored, new UiLog());
    expect(host2.sheetFormulas('Customers')).toEqual([
      ['', '', '', ''],
      ['', '', '', ''],
      ['', '', '=1+1', ''],
    ]);
    expect(host2.sheetDisplayValues('Customers')).toEqual(
      createSpreadsheetHost(runtime, workbook, new UiLog()).sheetDisplayValues('Customers'),
    );
    const data = c2.sheetData;
    expect([
      data.frozenRows,
      data.columnWidths[1],
      data.hiddenRows[2],
      cell(data, 'A2').note,
      cell(data, 'B1').background,
    ]).toEqual([1, 180, true, 'first', '#eeeeee']);
    expect(c2.getRange('D3').getDataValidation()!.getCriteriaValues()).toEqual([['Lead', 'Qualified'], true]);
    expect(host2.validationViolations('Customers').map((v) => v.a1)).toEqual(['D3']);
    expect(c2.getSheetId()).toBe(customers.getSheetId());
    expect(data.charts.map((c) => [c.type, c.options.title, c.anchorColumn])).toEqual([['COLUMN', 'Pipeline', 6]]);
    runtime.run(STAFF, () => {
      const [p] = app2.getActive().getProtections(app2.ProtectionType.SHEET);
      expect(p!.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
    });
    expect(() => runtime.run(STRANGER, () => c2.getRange('A5').setValue('x'))).toThrow('protected cell');
    expect([restored.id, restored.name, restored.owner, restored.timeZone]).toEqual([
      'wb-1',
      'CRM',
      OWNER,
      'Europe/Paris',
    ]);
    // New sheets after restore get fresh ids.
    expect(app2.getActive().insertSheet('Later').getSheetId()).not.toBe(c2.getSheetId());
  });

  it('refuses foreign documents', () => {
    expect(() => workbookFromJSON({ hello: 1 })).toThrow('not a pipeline-crm-workbook v1 document');
  });
});
