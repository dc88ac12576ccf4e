/** getDisplayValues under number formats, and A1 notation. */
import { displayValue, parseA1 } from '../../../local/gas/spreadsheet';
import { setup } from './helpers';

describe('display values', () => {
  it.each([
    [1234.5, undefined, '1234.5'],
    [42, undefined, '42'],
    [0.1 + 0.2, undefined, '0.3'],
    [1 / 3, undefined, '0.3333333333'],
    [1e20, undefined, '1E+20'],
    [true, undefined, 'TRUE'],
    [false, '0.00', 'FALSE'],
    ['text', '0.00', 'text'],
    [1234.5, '@', '1234.5'],
    [1234.5, '0', '1235'],
    [1234.567, '0.00', '1234.57'],
    [1.005, '0.00', '1.01'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0.125, '0%', '13%'],
    [0.125, '0.0%', '12.5%'],
    [1234.5, '$#,##0.00', '$1,234.50'],
    [-5, '$#,##0.00', '-$5.00'],
    [1234.5, '#,##0.00 [$€]', '1,234.50 €'],
    [-3, '0.00;(0.00)', '(3.00)'],
    [12345, '0.00E+00', '1.23E+04'],
  ])('%p under %p', (value, format, shown) => {
    expect(displayValue(value, format)).toBe(shown);
  });

  it('formats dates and times in the spreadsheet time zone', () => {
    const { sheet, host } = setup();
    const when = new Date(Date.UTC(2024, 0, 31, 12, 5, 9)); // 13:05:09 in Paris
    const cells = sheet.getRange('A1:F1');
    cells.setValues([[when, when, when, when, when, when]]);
    cells.setNumberFormats([
      ['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'dd/mm/yyyy', 'M/d/yyyy H:mm:ss', 'h:mm am/pm', 'dddd d mmmm yyyy'],
    ]);
    expect(host.sheetDisplayValues('Sheet1')).toEqual([
      ['2024-01-31', '2024-01-31 13:05', '31/01/2024', '1/31/2024 13:05:09', '1:05 PM', 'Wednesday 31 January 2024'],
    ]);
  });

  it('shows typed dates the way they were typed and leaves empty cells empty', () => {
    const { sheet, host } = setup();
    sheet.getRange('A1:C1').setValues([['2024-01-31', '1/31/2024 9:05', '']]);
    sheet.getRange('D1').setValue('x'); // the host reads to the last column with content
    expect(host.sheetDisplayValues('Sheet1')).toEqual([['2024-01-31', '1/31/2024 9:05', '', 'x']]);
  });
});

describe('A1 notation', () => {
  it.each([
    ['B2', 'B2', 2, 2, 1, 1],
    ['$A$1:$C$3', 'A1:C3', 1, 1, 3, 3],
    ['c3:a1', 'A1:C3', 1, 1, 3, 3],
    ['A2:P', 'A2:P', 2, 1, 999, 16],
    ['A:A', 'A:A', 1, 1, 1000, 1],
    ['B:D', 'B:D', 1, 2, 1000, 3],
    ['2:2', '2:2', 2, 1, 1, 26],
    ['AA10', 'AA10', 10, 27, 1, 1],
  ])('%p', (a1, printed, row, col, numRows, numCols) => {
    const { sheet } = setup();
    sheet.insertColumnsAfter(26, 4);
    const r = sheet.getRange(a1);
    expect([r.getA1Notation(), r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([
      printed,
      row,
      col,
      numRows,
      a1 === '2:2' ? 30 : numCols,
    ]);
  });

  it('parses sheet-qualified ranges', () => {
    expect(parseA1("'My Sheet'!A1:B2")).toEqual({ sheetName: 'My Sheet', row1: 1, col1: 1, row2: 2, col2: 2 });
    const { ss, sheet } = setup();
    ss.insertSheet('Customers').getRange('B2').setValue('x');
    expect(sheet.getRange("'Customers'!B2").getValue()).toBe('x');
    expect(sheet.getRange('Customers!B2').getSheet().getName()).toBe('Customers');
  });

  it.each(['', 'A', '1', 'A0', 'A1:B2:C3', '!A1', 'A1B2'])('rejects %p', (a1) => {
    expect(parseA1(a1)).toBeNull();
  });
});
