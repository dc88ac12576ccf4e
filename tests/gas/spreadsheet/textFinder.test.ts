/**
 * Range.createTextFinder and TextFinder, held to Google's reference
 * (https://developers.google.com/apps-script/reference/spreadsheet/text-finder and
 * https://developers.google.com/apps-script/reference/spreadsheet/range#createTextFinder(String)).
 */
import { thrown } from '../services/setup';
import { TEXT_FINDER_ERR } from '../../../local/gas/spreadsheet/textFinder';
import { setup } from './helpers';

/** Column B of a small sheet: IDs as a person might leave them. */
function idColumn() {
  const ctx = setup();
  ctx.sheet.getRange('A1:B7').setValues([
    ['At', 'Customer ID'],
    ['x', 'C-00001'],
    ['x', 'c-00001'],
    ['x', ' C-00001 '],
    ['x', 'C-000012'],
    ['x', 'C-00002'],
    ['C-00001', ''],
  ]);
  return ctx;
}

const rowsOf = (ranges: { getRow(): number }[]): number[] => ranges.map((r) => r.getRow());

describe('TextFinder', () => {
  it('findAll returns every matching cell of the range as a one-cell Range, row by row', () => {
    // "findAll() Returns all cells matching the search criteria." Return: Range[] — all matching cells.
    const { sheet } = idColumn();
    const found = sheet.getRange('B2:B').createTextFinder('C-00001').findAll();
    expect(found.map((r) => r.getA1Notation())).toEqual(['B2', 'B3', 'B4', 'B5']);
    // Only the range is searched: A7 holds the text too.
    expect(rowsOf(found)).not.toContain(7);
  });

  it('is case-insensitive and partial unless told otherwise', () => {
    // matchCase: "... otherwise the search defaults to case-insensitive matching."
    // matchEntireCell: "... otherwise, the search defaults to partial matching."
    const { sheet } = idColumn();
    const column = sheet.getRange('B2:B');
    expect(rowsOf(column.createTextFinder('C-00001').matchCase(true).findAll())).toEqual([2, 4, 5]);
    expect(rowsOf(column.createTextFinder('C-00001').matchEntireCell(true).findAll())).toEqual([2, 3]);
    expect(rowsOf(column.createTextFinder('C-00001').matchCase(true).matchEntireCell(true).findAll())).toEqual([2]);
    expect(column.createTextFinder('C-99999').findAll()).toEqual([]);
  });

  it('matches what a cell shows; a formula by its shown value unless matchFormulaText', () => {
    // matchFormulaText: "If true, configures the search to return matches that appear within formula text;
    // otherwise cells with formulas are considered based on their displayed value."
    // Cells without a formula: the reference is silent; the displayed value is modelled (as Sheets' Find does).
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['="C-7"'], [1234.5], ['plain']]);
    sheet.getRange('A2').setNumberFormat('#,##0.00');
    const column = sheet.getRange('A1:A3');
    expect(rowsOf(column.createTextFinder('C-7').matchEntireCell(true).findAll())).toEqual([1]);
    expect(rowsOf(column.createTextFinder('="').findAll())).toEqual([]);
    expect(rowsOf(column.createTextFinder('="').matchFormulaText(true).findAll())).toEqual([1]);
    expect(rowsOf(column.createTextFinder('1,234.50').findAll())).toEqual([2]);
    expect(rowsOf(column.createTextFinder('1234.5').findAll())).toEqual([]);
  });

  it('ignores diacritics and reads regular expressions only when told', () => {
    // ignoreDiacritics: "... otherwise the search matches diacritics."; useRegularExpression: "... otherwise the
    // search interprets the search string as normal text."
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['Müller'], ['Muller'], ['C.0001']]);
    const column = sheet.getRange('A1:A3');
    expect(rowsOf(column.createTextFinder('muller').findAll())).toEqual([2]);
    expect(rowsOf(column.createTextFinder('muller').ignoreDiacritics(true).findAll())).toEqual([1, 2]);
    expect(rowsOf(column.createTextFinder('C.0').findAll())).toEqual([3]);
    expect(rowsOf(column.createTextFinder('M.ller').findAll())).toEqual([]);
    expect(rowsOf(column.createTextFinder('^M.ller$').useRegularExpression(true).findAll())).toEqual([1, 2]);
    expect(thrown(() => column.createTextFinder('(').useRegularExpression(true).findAll()).message).toBe(
      TEXT_FINDER_ERR.badRegularExpression('('),
    );
  });

  it('leaves out rows hidden by hand (reference silent: the stricter case, a finder that may not see them)', () => {
    const { sheet } = idColumn();
    sheet.hideRows(3, 2);
    expect(rowsOf(sheet.getRange('B2:B').createTextFinder('C-00001').findAll())).toEqual([2, 5]);
  });

  it('findNext walks the matches and gives null when there are none', () => {
    // findNext(): "Returns the next cell matching the search criteria." Return: "the next matching cell or null if
    // there are no previous matches".
    const { sheet } = idColumn();
    const finder = sheet.getRange('B2:B').createTextFinder('C-00002');
    expect(finder.findNext()?.getA1Notation()).toBe('B6');
    expect(sheet.getRange('B2:B').createTextFinder('C-99999').findNext()).toBeNull();
  });

  it('checks its arguments as Apps Script does; refuses an empty search (reference silent: stricter case)', () => {
    const { sheet } = idColumn();
    const column = sheet.getRange('B2:B') as unknown as { createTextFinder(...a: unknown[]): unknown };
    expect(thrown(() => column.createTextFinder()).message).toBe(
      "The parameters () don't match the method signature for SpreadsheetApp.Range.createTextFinder.",
    );
    expect(thrown(() => column.createTextFinder('')).message).toBe(TEXT_FINDER_ERR.emptyFindText);
    const finder = sheet.getRange('B2:B').createTextFinder('C') as unknown as { matchCase(...a: unknown[]): unknown };
    expect(thrown(() => finder.matchCase('yes')).message).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.TextFinder.matchCase.",
    );
  });

  it('counts each call, and findAll reads no values', () => {
    const { sheet, runtime } = idColumn();
    runtime.calls.reset();
    sheet.getRange('B2:B').createTextFinder('C-00001').matchCase(true).findAll();
    expect(runtime.calls.snapshot()).toEqual({
      'Range.createTextFinder': 1,
      'Sheet.getRange': 1,
      'TextFinder.findAll': 1,
      'TextFinder.matchCase': 1,
    });
  });
});
