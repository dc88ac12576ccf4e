/**
 * Custom fields in the import (SPEC "Version 2", Custom fields: "import maps columns to them by header"), through the
 * built bundle: an Import column whose header names a field (any case, any accents) feeds it; each value is checked
 * by the API's rule; a bad value or a required field left empty → the field empty, the row imported, a warning;
 * the imported values are logged in History with the other creation events.
 */

import { CUSTOMER_HEADERS } from '../../src/domain/customer';
import { type Crm, having, OWNER, newCrm, succeeded } from '../support/crm';
import { defineCustomFields, fourFields } from '../support/customFields';

const FIELDS = fourFields(true);
const FIXED = CUSTOMER_HEADERS.length;
const HUGE = 'x'.repeat(5_000);

/** The old sheet: headers in other cases and accents; rows typed cell by cell (Sheets parses each entry). */
const SHEET: string[][] = [
  ['Name', 'INDUSTRY', 'Employées', 'renewal', 'Région', 'Email'],
  ['Ann Archer', 'software', '1,200', '2026-09-30', 'North', 'ann@a.example'], //         2 all good
  ['Bob Baker', 'Mining', 'lots', 'spring', 'South', 'bob@b.example'], //            3 three bad values
  ['Cara Cole', 'HEALTH', '=1000+250', '', `'=HYPERLINK("http://evil.example")`, ''], // 4 formula, formula text
  ['Dan Dale', 'Retail', '-3.5', '', '', ''], //                                          5 required Region missing
  ['Eve Ewing', HUGE, '1e400', '', '<b>Zürich</b> 🚀 مرحبا', ''], //                      6 huge, markup, unicode
  ['Finn Ford', '', '', '', '+44 20 7946 0000', ''], //                                  7 #ERROR! in Region
];

function importCrm(): Crm {
  const crm = newCrm();
  defineCustomFields(crm, FIELDS);
  succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm (custom fields)');
  SHEET.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== '') crm.edit({ user: OWNER, sheet: 'Import', row: r + 1, column: c + 1, value });
    }),
  );
  return crm;
}

function customOf(crm: Crm, id: string): Record<string, unknown> {
  return succeeded(crm.call(OWNER, 'getCustomer', id)).customer.custom;
}

function warningsOf(result: { warnings: { row: number; reason: string }[] }, row: number): string {
  return result.warnings
    .filter((w) => w.row === row)
    .map((w) => w.reason)
    .join('\n');
}

describe('importCustomers with custom fields', () => {
  it('maps columns to custom fields by header and imports each type, good and bad', () => {
    const crm = importCrm();
    const result = succeeded(crm.call(OWNER, 'importCustomers', {}));
    expect(result.imported).toBe(6);
    expect(result.skipped).toEqual([]);
    const [ann, bob, cara, dan, eve, finn] = result.ids as [string, string, string, string, string, string];

    // Good values of every type, a Choice as the definition spells it, a number from "1,200" and from a formula.
    expect(customOf(crm, ann)).toEqual({
      Industry: 'Software',
      Employees: 1200,
      Renewal: '2026-09-30',
      Region: 'North',
    });
    expect(warningsOf(result, 2)).toBe('');
    expect(customOf(crm, cara)).toMatchObject({ Industry: 'Health', Employees: 1250 });
    // Text that looks like a formula is kept as text (stored so, never run), as the API does.
    expect(customOf(crm, cara).Region).toBe('=HYPERLINK("http://evil.example")');
    expect(crm.gas.sheets.sheetFormulas('Customers').flat().join('')).not.toContain('HYPERLINK');
    expect(customOf(crm, dan)).toMatchObject({ Industry: 'Retail', Employees: -3.5, Region: '' });

    // Bad values: left empty, row imported, each reported by field name.
    expect(customOf(crm, bob)).toEqual({ Industry: '', Employees: null, Renewal: '', Region: 'South' });
    const bobWarnings = warningsOf(result, 3);
    expect(bobWarnings).toMatch(
      /Industry "Mining" is not one of the choices: Retail, Software, Health\. Imported with Industry left empty\./,
    );
    expect(bobWarnings).toMatch(/Employees "lots" is not a number.*Imported with Employees left empty\./);
    expect(bobWarnings).toMatch(/Renewal "spring" is not a date.*Imported with Renewal left empty\./);

    // A required field without a value: imported anyway, said so.
    expect(warningsOf(result, 5)).toBe('Row 5: Region is required but has no value. Imported with Region left empty.');

    // Hostile: a huge Choice, an infinite number, markup and unicode kept as text.
    expect(customOf(crm, eve)).toEqual({
      Industry: '',
      Employees: null,
      Renewal: '',
      Region: '<b>Zürich</b> 🚀 مرحبا',
    });
    expect(warningsOf(result, 6)).toMatch(/Industry .*Imported with Industry left empty\./);
    expect(warningsOf(result, 6)).toMatch(/Employees .*Imported with Employees left empty\./);
    // A cell showing a spreadsheet error is reported as such, then the required rule.
    expect(warningsOf(result, 7)).toMatch(/Region \(column E\) shows the spreadsheet error #ERROR!/);
    expect(customOf(crm, finn).Region).toBe('');

    // The Customers columns hold the values (after the fixed ones, in the table's order).
    const annRow = crm.tab('Customers').find((row) => row[0] === ann) as unknown[];
    expect(annRow.slice(FIXED, FIXED + 2)).toEqual(['Software', 1200]);
    expect(annRow[FIXED + 3]).toBe('North');

    // History: the creation events include the custom values under the field's name, action "import".
    const logged = crm
      .tab('History')
      .filter((row) => row[1] === ann)
      .map((row) => row.slice(2, 6));
    expect(logged).toEqual(
      expect.arrayContaining([
        ['import', 'Industry', '', 'Software'],
        ['import', 'Employees', '', '1200'],
        ['import', 'Renewal', '', '2026-09-30'],
        ['import', 'Region', '', 'North'],
      ]),
    );
    expect(crm.tab('History').filter((row) => row[1] === bob && row[3] === 'Industry')).toEqual([]);
  });

  it('a column mapped to a fixed field does not also feed a custom field of the same name', () => {
    const crm = importCrm();
    // The admin maps the Région column to Notes: it then feeds Notes only.
    const result = succeeded(crm.call(OWNER, 'importCustomers', { mapping: { name: 0, notes: 4 } }));
    const [ann] = result.ids as [string];
    const got = succeeded(crm.call(OWNER, 'getCustomer', ann)).customer;
    expect(got.notes).toBe('North');
    expect(got.custom.Region).toBe('');
    expect(got.custom.Industry).toBe('Software');
    expect(warningsOf(result, 2)).toBe('Row 2: Region is required but has no value. Imported with Region left empty.');
  });

  it('a dry run reports the same warnings and writes nothing', () => {
    const crm = importCrm();
    const before = JSON.stringify([crm.tab('Customers'), crm.tab('History')]);
    const result = succeeded(crm.call(OWNER, 'importCustomers', { dryRun: true }));
    expect(result.imported).toBe(6);
    expect(warningsOf(result, 3)).toMatch(/Industry "Mining"/);
    expect(JSON.stringify([crm.tab('Customers'), crm.tab('History')])).toBe(before);
  });

  it('proposes the custom fields with their columns, and imports the columns the admin chose', () => {
    const crm = importCrm();
    const proposal = succeeded(crm.call(OWNER, 'proposeImportMapping'));
    expect(proposal.customFields).toEqual([
      { name: 'Industry', column: 1 },
      { name: 'Employees', column: 2 },
      { name: 'Renewal', column: 3 },
      { name: 'Region', column: 4 },
    ]);
    // The admin's choice: Industry not imported, Employees by its column as the select sends it (text), Region from F.
    const result = succeeded(
      crm.call(OWNER, 'importCustomers', {
        mapping: { name: 0 },
        // A <select> sends its value as text: '2' is column C.
        customMapping: { Industry: null, Employees: '2', Region: 5 } as unknown as Record<string, number>,
      }),
    );
    const [ann] = result.ids as [string];
    expect(customOf(crm, ann)).toEqual({ Industry: '', Employees: 1200, Renewal: '', Region: 'ann@a.example' });
  });

  it('refuses a bad custom mapping with one message under mapping, nothing written', () => {
    const crm = importCrm();
    const before = JSON.stringify([crm.tab('Customers'), crm.tab('History')]);
    const bad = having(
      crm.call(OWNER, 'importCustomers', {
        mapping: { name: 0, email: 5 },
        // Wrong types on purpose: what a hostile or buggy client may send.
        customMapping: { Nope: 1, Industry: 0, Region: 99, Employees: 'two', '=cmd|x': 3 } as unknown as Record<
          string,
          number
        >,
      }),
      'errors',
    );
    expect(bad.errors.mapping).toMatch(
      /"Nope" is not a custom field \(they are Industry, Employees, Renewal, Region\)\./,
    );
    expect(bad.errors.mapping).toMatch(/Industry and Name are both mapped to column A \("Name"\)/);
    expect(bad.errors.mapping).toMatch(/Region: the column must be a column of the Import tab/);
    expect(bad.errors.mapping).toMatch(/Employees: the column must be a column of the Import tab/);
    expect(bad.errors.mapping).toMatch(/"=cmd\|x" is not a custom field/);
    expect(
      having(
        crm.call(OWNER, 'importCustomers', {
          mapping: { name: 0 },
          customMapping: ['Industry'] as unknown as Record<string, number>,
        }),
        'errors',
      ).errors.mapping,
    ).toMatch(/must be an object/);
    expect(JSON.stringify([crm.tab('Customers'), crm.tab('History')])).toBe(before);
  });
});
