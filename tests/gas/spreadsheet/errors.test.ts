/** Error texts and argument checks match Apps Script's. */
import { Runtime } from '../../../local/gas/runtime';
import { UiLog, Workbook, createSpreadsheetApp } from '../../../local/gas/spreadsheet';
import { OWNER, setup } from './helpers';

describe('Range.setValues size and type errors', () => {
  it('reports too many rows with both counts', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 1, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 1.',
    );
  });

  it('reports a row of the wrong width', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('rejects a string and a 1-D array with the signature error', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValues('x')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => sheet.getRange('A1:C1').setValues([1, 2, 3])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('names the error "Exception" like Apps Script and changes nothing', () => {
    const { sheet, host } = setup();
    let caught: unknown;
    try {
      sheet.getRange(1, 1, 1, 1).setValues([['a'], ['b']]);
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).name).toBe('Exception');
    expect(String(caught)).toMatch(/^Exception: The number of rows/);
    expect(host.sheetValues('Sheet1')).toEqual([]);
  });

  it('refuses a cell over 50,000 characters before writing anything', () => {
    const { sheet, host } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([['ok', 'x'.repeat(50_001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(host.sheetValues('Sheet1')).toEqual([]);
  });
});

describe('Sheet.getRange errors', () => {
  it.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 26, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%j)', (args, message) => {
    const { sheet } = setup();
    expect(() => (sheet.getRange as (...a: unknown[]) => unknown)(...args)).toThrow(message);
  });

  it('accepts the last cell of a 1000 x 26 sheet', () => {
    const { sheet } = setup();
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('rejects strings where numbers are expected, and bad A1', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('2', 1)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => sheet.getRange(5)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange('A1:A1001')).toThrow('Range not found');
  });
});

describe('sheet-level errors', () => {
  it('refuses a duplicate sheet name, whatever the case', () => {
    const { ss } = setup();
    ss.insertSheet('Customers');
    expect(() => ss.insertSheet('Customers')).toThrow(
      'A sheet with the name "Customers" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('customers')).toThrow(
      'A sheet with the name "customers" already exists. Please enter another name.',
    );
  });

  it('refuses to delete the last sheet', () => {
    const { ss, sheet } = setup();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  it('refuses deleting out-of-bounds rows and every non-frozen row', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFrozenRows()
  // "getFrozenRows() Returns the number of frozen rows. Return Integer — the number of frozen rows"
  it('getFrozenRows returns the number setFrozenRows set (0 for a new sheet) and takes no argument', () => {
    const { sheet } = setup();
    expect(sheet.getFrozenRows()).toBe(0);
    sheet.setFrozenRows(2);
    expect(sheet.getFrozenRows()).toBe(2);
    expect(() => (sheet.getFrozenRows as (n: number) => number)(1)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getFrozenRows.",
    );
  });

  it('checks enum arguments instead of accepting strings', () => {
    const { ss } = setup();
    expect(() => ss.getProtections('SHEET')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Spreadsheet.getProtections.",
    );
  });
});

describe('AuthMode.NONE', () => {
  it('refuses the document but still builds menus', () => {
    const runtime = new Runtime(OWNER, 'Etc/UTC');
    const ui = new UiLog('Pipeline CRM');
    const app = createSpreadsheetApp(runtime, new Workbook({ owner: OWNER, timeZone: 'Etc/UTC' }), ui);
    runtime.run(
      'someone@example.com',
      () => {
        expect(() => app.getActiveSpreadsheet()).toThrow(
          'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
        );
        expect(() => app.getActive()).toThrow('You do not have permission to call SpreadsheetApp.getActive.');
        app.getUi().createAddonMenu().addItem('Open', 'openSidebar').addToUi();
      },
      'NONE',
    );
    expect(ui.menus.get('Pipeline CRM')?.entries).toEqual([
      { kind: 'item', caption: 'Open', functionName: 'openSidebar' },
    ]);
    runtime.run(
      'someone@example.com',
      () => expect(app.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe('Etc/UTC'),
      'LIMITED',
    );
  });
});
