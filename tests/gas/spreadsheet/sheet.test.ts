/** Sheet operations: appendRow, sort moving whole rows, inserting/deleting rows, sizes, sheets. */
import { cell, setup } from './helpers';

describe('appendRow', () => {
  it('writes after the last row with content and types strings like setValues', () => {
    const { sheet, host, workbook } = setup();
    sheet.getRange('A1:C1').setValues([['ID', 'Name', 'Value']]);
    sheet.getRange('B5').setNumberFormat('0.00'); // formatting does not count as content
    sheet.appendRow(['C-1', "'=cmd", '12%']);
    sheet.appendRow(['C-2', '=1+1', 5]);
    expect(host.sheetValues('Sheet1')).toEqual([
      ['ID', 'Name', 'Value'],
      ['C-1', '=cmd', 0.12],
      ['C-2', 2, 5],
    ]);
    expect(sheet.getLastRow()).toBe(3);
    expect(cell(workbook.sheets[0]!, 'B3').formula).toBe('=1+1');
  });

  it('grows a full sheet by a row (and columns for a wide row)', () => {
    const { ss } = setup();
    const small = ss.insertSheet('Small');
    small.deleteRows(3, 998);
    small.deleteColumns(3, 24);
    small.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    small.appendRow([5, 6, 7]);
    expect([
      small.getMaxRows(),
      small.getMaxColumns(),
      small.getLastRow(),
      small.sheetData.extent().lastColumn,
    ]).toEqual([3, 3, 3, 3]);
    expect(small.getRange('A3:C3').getValues()).toEqual([[5, 6, 7]]);
  });
});

describe('sorting', () => {
  function customers() {
    const ctx = setup();
    const { sheet, app } = ctx;
    sheet.getRange('A1:C1').setValues([['Name', 'Value', 'Status']]);
    sheet.setFrozenRows(1);
    sheet.getRange('A2:C5').setValues([
      ['carol', 30, 'Lead'],
      ['Alice', 10, 'Qualified'],
      ['bob', '', 'Lead'],
      ['dave', 20, 'Active'],
    ]);
    sheet.getRange('B3').setNumberFormat('0.00'); // Alice's value
    ctx.workbook.sheets[0]!.notes.set(2, 0, 'vip'); // A3 (the product writes no notes; a person may)
    const rule = app.newDataValidation().requireValueInList(['Lead', 'Qualified', 'Active']).build();
    sheet.getRange('C3').setDataValidation(rule);
    sheet.getRange('C3').setBackground('#ff0000');
    return ctx;
  }

  it('Sheet.sort sorts rows under the frozen ones and moves formats, notes, validation and styles', () => {
    const { sheet, host, workbook } = customers();
    sheet.sort(1);
    expect(host.sheetValues('Sheet1')).toEqual([
      ['Name', 'Value', 'Status'],
      ['Alice', 10, 'Qualified'],
      ['bob', '', 'Lead'],
      ['carol', 30, 'Lead'],
      ['dave', 20, 'Active'],
    ]);
    expect(cell(workbook.sheets[0]!, 'B2').display).toBe('10.00');
    expect(cell(workbook.sheets[0]!, 'A2').note).toBe('vip');
    expect(sheet.getRange('C2').getDataValidation()?.getCriteriaValues()[0]).toEqual(['Lead', 'Qualified', 'Active']);
    expect(cell(workbook.sheets[0]!, 'C2').background).toBe('#ff0000');
    expect(sheet.getRange('C3').getDataValidation()).toBeNull();
  });

  it('puts empty cells last in both directions', () => {
    const { sheet } = customers();
    sheet.sort(2, false);
    expect(sheet.getRange('A2:A5').getValues().flat()).toEqual(['carol', 'dave', 'Alice', 'bob']);
    sheet.sort(2, true);
    expect(sheet.getRange('A2:A5').getValues().flat()).toEqual(['Alice', 'dave', 'carol', 'bob']);
  });
});

describe('rows and columns', () => {
  it('inserts rows that shift data and inherit the row above’s format and validation', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.getRange('A2').setNumberFormat('0.00');
    sheet.getRange('A2').setDataValidation(app.newDataValidation().requireValueInList(['b']).build());
    sheet.insertRowsAfter(2, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['a', 'b', '', '', 'c']);
    expect(sheet.getRange('A3').getNumberFormats()).toEqual([['0.00']]);
    expect(sheet.getRange('A4').getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    sheet.deleteRow(3);
    sheet.deleteRows(3, 1);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['a', 'b', 'c']);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['', 'a', 'b', 'c']);
  });

  it('inserts and deletes columns, moving widths and values', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.setColumnWidth(2, 250);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1, '', 2, 3]]);
    expect(sheet.sheetData.columnWidths.slice(0, 3)).toEqual([undefined, undefined, 250]);
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[1, 2, 3]]);
    expect(sheet.getMaxColumns()).toBe(26);
  });

  it('keeps frozen rows, widths and hidden rows', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(1, 3, 80);
    sheet.setColumnWidth(2, 120);
    sheet.hideRows(7, 2);
    const data = sheet.sheetData;
    expect([data.frozenRows, data.columnWidths.slice(0, 4)]).toEqual([1, [80, 120, 80, undefined]]);
    expect(data.hiddenRows.slice(5, 9)).toEqual([undefined, true, true, undefined]);
    expect(() => sheet.setColumnWidths(26, 2, 80)).toThrow('Those columns are out of bounds.');
  });
});

describe('spreadsheet and sheets', () => {
  it('inserts sheets (1000 x 26, active), finds them and deletes them', () => {
    const { app, ss, host } = setup();
    const c = ss.insertSheet('Customers');
    expect([c.getMaxRows(), c.getMaxColumns(), host.sheetNames()]).toEqual([1000, 26, ['Sheet1', 'Customers']]);
    expect(app.getActiveSheet().getName()).toBe('Customers');
    ss.insertSheet('History', 0);
    // Without an index, a new sheet goes right after the active one (History, just inserted).
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    expect(host.sheetNames()).toEqual(['History', 'Sheet4', 'Sheet1', 'Customers']);
    expect(ss.getSheetByName('customers')?.getSheetId()).toBe(c.getSheetId());
    expect(ss.getSheetByName('Nope')).toBeNull();
    ss.deleteSheet(c);
    expect(ss.getSheetByName('Customers')).toBeNull();
    expect(new Set(host.workbook.sheets.map((s) => s.sheetId)).size).toBe(3);
  });

  it('exposes owner and time zone; getDataRange covers the data', () => {
    const { ss, sheet } = setup({ id: 'abc123', name: 'CRM' });
    expect([ss.getOwner()!.getEmail(), ss.getSpreadsheetTimeZone()]).toEqual(['owner@example.com', 'Europe/Paris']);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C4').setValue('x');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
    expect([sheet.getRange('B2:C4').getLastRow(), sheet.getRange('B2:C4').getLastColumn()]).toEqual([4, 3]);
  });

  it('getSheetValues reads a rectangle, -1 meaning "to the last row/column with data"', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C3').setValues([
      ['h1', 'h2', 'h3'],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    sheet.getRange('B5').setValue('x'); // row 4 blank: the data's extent is rows 1-5, columns A-C
    expect(sheet.getSheetValues(1, 1, 2, 2)).toEqual(sheet.getRange(1, 1, 2, 2).getValues());
    expect(sheet.getSheetValues(2, 1, -1, -1)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      ['', '', ''],
      ['', 'x', ''],
    ]);
    // A fixed width with -1 rows: the columns asked for, down to the last row with data anywhere.
    expect(sheet.getSheetValues(1, 2, -1, 1)).toEqual([['h2'], [2], [5], [''], ['x']]);
    expect(() => sheet.getSheetValues(7, 1, -1, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getSheetValues(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => (sheet.getSheetValues as (...args: unknown[]) => unknown)(1, 1, 1)).toThrow(/getSheetValues/);
  });

  it('clears contents, formats and whole sheets', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setValues([[1, 2]]);
    r.setNumberFormat('0.00');
    r.setFontWeight('bold');
    r.clearContent();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getNumberFormats()).toEqual([['0.00', '0.00']]);
    r.setValues([[1, 2]]);
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
    expect([r.getNumberFormats(), cell(sheet.sheetData, 'A1').fontWeight]).toEqual([
      [['0.###############', '0.###############']],
      undefined,
    ]);
  });
});

describe('a new spreadsheet and deleteSheet', () => {
  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String): "Creates a new
  // spreadsheet with the given name." A new spreadsheet opens on one empty tab, "Sheet1" in an English locale, of
  // 1000 rows × 26 columns (what Sheets shows; the reference is silent on the tab, so the English default is modelled).
  it('starts with one empty Sheet1 of 1000 × 26', () => {
    const { ss, host } = setup();
    const first = ss.getSheetByName('Sheet1');
    expect(first).not.toBeNull();
    expect([first?.getLastRow(), first?.getMaxRows(), first?.getMaxColumns()]).toEqual([0, 1000, 26]);
    expect(host.sheetValues('Sheet1')).toEqual([]);
  });

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet): "Deletes the specified
  // sheet." The reference is silent on deleting the only tab; Sheets refuses it with the text below (verified).
  it('deletes the given sheet, and refuses to delete the last one', () => {
    const { ss } = setup();
    const customers = ss.insertSheet('Customers');
    ss.deleteSheet(ss.getSheetByName('Sheet1'));
    expect(ss.getSheetByName('Sheet1')).toBeNull();
    expect(() => ss.deleteSheet(customers)).toThrow("You can't remove all the sheets in a document.");
    expect(ss.getSheetByName('Customers')).not.toBeNull();
  });
});
