/**
 * CRM ▸ Check data and CRM ▸ Check set-up over the Archive tab's custom-field columns, through the built bundle:
 * customers archived with their custom values, then hand edits of those cells on Archive (text in a Number column,
 * a formula-looking text, a huge string, markup, a choice dropped from the list) are reported by Archive row, ID,
 * field and column, in a sorted tab, with nothing changed; good values are not; an Archive tab without the custom
 * columns (Set up not run since) is a Check set-up point per field.
 */

import { ARCHIVE_COLUMNS } from '../../src/domain/archive';
import type { Customer } from '../../src/domain/customer';
import type { SetUpCheckReport } from '../../src/domain/setupCheck';
import { archiveRowOf, type Crm, MANAGER, OWNER, REP, registered as register, succeeded } from '../support/crm';
import { crmWithCustomFields, fourFields } from '../support/customFields';
import { byHand, stateJson } from './safety/helpers';

/** The Archive tab's custom columns follow its 22 own (Customers' 19, then Archived at, by, reason): W..Z. */
const FIXED = ARCHIVE_COLUMNS.width;
const [INDUSTRY, EMPLOYEES, RENEWAL, REGION] = [FIXED + 1, FIXED + 2, FIXED + 3, FIXED + 4];
const letter = (column: number): string => String.fromCharCode(64 + column);

function archiveSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName('Archive');
  if (!sheet) throw new Error('no Archive tab');
  return sheet;
}

/** A person (staff: the Archive tab is theirs to edit, as History) types `value` into a cell of `id`'s Archive row. */
function typeIntoArchive(crm: Crm, id: string, column: number, value: string): void {
  crm.edit({ user: REP, sheet: 'Archive', row: archiveRowOf(crm, id), column, value });
}

function archive(crm: Crm, customer: Customer): void {
  succeeded(crm.call(MANAGER, 'archiveCustomer', customer.id, customer.version, 'gone quiet'), 'archiveCustomer');
}

function checkSetUp(crm: Crm): SetUpCheckReport {
  const report = crm.call(OWNER, 'checkSetUp');
  if (!report.ok) throw new Error(JSON.stringify(report));
  return report;
}

function archivePoints(report: SetUpCheckReport): string[] {
  return report.points
    .filter((p) => p.point.startsWith('Custom field') && p.point.endsWith('on Archive'))
    .map((p) => `${p.ok ? '✓' : '✗'} ${p.point}: ${p.detail}`);
}

/** A CRM with the four fields, one customer left in Customers and five archived with good custom values. */
function crmWithArchived(): { crm: Crm; kept: Customer; archived: Customer[] } {
  const crm = crmWithCustomFields(fourFields());
  const kept = register(crm, { name: 'Kim', custom: { Industry: 'Health' } });
  const archived = [
    register(crm, { name: 'Ann', custom: { Industry: 'Retail', Employees: 12, Renewal: '2026-09-30', Region: 'N' } }),
    register(crm, { name: 'Bob', custom: { Industry: 'Software', Employees: 40 } }),
    register(crm, { name: 'Cara', custom: { Employees: -3.5, Region: 'Zürich 🚀 مرحبا' } }),
    register(crm, { name: 'Dan', custom: { Region: '=1+1 <b>x</b>' } }),
    register(crm, { name: 'Eve', custom: { Renewal: '2027-01-15' } }),
  ];
  for (const customer of archived) archive(crm, customer);
  return { crm, kept, archived };
}

describe('checkData on the Archive tab’s custom-field cells', () => {
  it('finds nothing wrong in archived good values, and counts the archived rows it checked', () => {
    const { crm, archived } = crmWithArchived();
    const [ann, , cara] = archived as [Customer, Customer, Customer];
    // The archived rows hold their custom values in the Archive tab's own custom columns.
    const annRow = crm.tab('Archive')[archiveRowOf(crm, ann.id) - 1] ?? [];
    expect(annRow.slice(INDUSTRY - 1, REGION)).toEqual(['Retail', 12, expect.anything(), 'N']);
    expect(crm.tab('Archive')[archiveRowOf(crm, cara.id) - 1]?.[REGION - 1]).toBe('Zürich 🚀 مرحبا');

    const reads = crm.gas.runtime.calls.get('Range.getValues');
    const report = succeeded(crm.call(MANAGER, 'checkData'));
    expect(report).toMatchObject({ checkedRows: 1, checkedArchivedRows: 5, problems: [] });
    // One getValues of Customers and ONE of Archive (its IDs and its custom cells from the same read).
    expect(crm.gas.runtime.calls.get('Range.getValues') - reads).toBe(2);
    crm.run(OWNER, 'showDataCheck');
    expect(crm.gas.ui.last('alert')?.prompt).toBe('Checked 1 customer row and 5 archived rows: no problems found.');
  });

  it('reports each bad hand edit by Archive row, ID, field and column, in a sorted tab, and changes nothing', () => {
    const { crm, archived } = crmWithArchived();
    const [ann, bob, cara, dan, eve] = archived as [Customer, Customer, Customer, Customer, Customer];
    const huge = 'y'.repeat(10_000);
    typeIntoArchive(crm, bob.id, EMPLOYEES, '12 units'); // text in a Number column
    typeIntoArchive(crm, cara.id, EMPLOYEES, "'=1+1"); // typed with an apostrophe: the text "=1+1"
    typeIntoArchive(crm, dan.id, REGION, huge);
    typeIntoArchive(crm, eve.id, RENEWAL, '<b>x</b>');
    // A choice not in the list: the dropdown refuses one typed by hand, so the owner drops Retail from the list.
    expect(() => typeIntoArchive(crm, bob.id, INDUSTRY, 'Mining')).toThrow();
    crm.edit({ user: OWNER, sheet: 'Settings', row: 2, column: 11, value: 'Software, Health' });
    succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm (choices changed)');
    byHand(crm, REP, (ss) => archiveSheet(ss).sort(2, false)); // by Name, Z to A: Eve, Dan, Cara, Bob, Ann

    const before = stateJson(crm);
    const report = succeeded(crm.call(MANAGER, 'checkData'));
    expect(stateJson(crm)).toBe(before);
    expect(report.checkedArchivedRows).toBe(5);
    expect(report.problems).toEqual([
      {
        tab: 'Archive',
        row: 2,
        id: eve.id,
        problem: `Renewal "<b>x</b>" is not a date (a date cell, such as 2026-03-31) (column ${letter(RENEWAL)}).`,
      },
      {
        tab: 'Archive',
        row: 3,
        id: dan.id,
        problem: expect.stringMatching(
          new RegExp(`^Region is too long: 10,000 characters.*\\(column ${letter(REGION)}\\)\\.$`),
        ),
      },
      {
        tab: 'Archive',
        row: 4,
        id: cara.id,
        problem: `Employees "=1+1" is text, not a number (column ${letter(EMPLOYEES)}).`,
      },
      {
        tab: 'Archive',
        row: 5,
        id: bob.id,
        problem: `Employees "12 units" is text, not a number (column ${letter(EMPLOYEES)}).`,
      },
      {
        tab: 'Archive',
        row: 6,
        id: ann.id,
        problem: `Industry "Retail" is not one of the choices: Software, Health (column ${letter(INDUSTRY)}).`,
      },
    ]);
    expect(JSON.stringify(report).length).toBeLessThan(5_000); // the huge value is never echoed whole

    crm.run(OWNER, 'showDataCheck');
    const lines = (crm.gas.ui.last('alert')?.prompt ?? '').split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Checked 1 customer row and 5 archived rows: 5 problems found.',
      `• Archive row 2 (${eve.id}): Renewal "<b>x</b>" is not a date (a date cell, such as 2026-03-31) (column ${letter(RENEWAL)}).`,
    ]);
    expect(stateJson(crm)).toBe(before);
    // The archived customer is still as it was archived: the check reports, it does not repair.
    expect(succeeded(crm.call(REP, 'getCustomer', ann.id)).customer.custom.Industry).toBe('Retail');
  });

  it('a good value typed by hand is not reported, and a cell put right drops its problem', () => {
    const { crm, archived } = crmWithArchived();
    const [, bob, , , eve] = archived as [Customer, Customer, Customer, Customer, Customer];
    typeIntoArchive(crm, bob.id, EMPLOYEES, 'lots');
    expect(succeeded(crm.call(MANAGER, 'checkData')).problems.map((p) => [p.tab, p.id])).toEqual([['Archive', bob.id]]);
    typeIntoArchive(crm, bob.id, EMPLOYEES, '250'); // typed, so a number cell
    typeIntoArchive(crm, eve.id, RENEWAL, '2027-02-01'); // typed, so a date cell
    typeIntoArchive(crm, eve.id, REGION, '<i>South</i> =A1'); // any one-line text is a Text field's value
    typeIntoArchive(crm, bob.id, INDUSTRY, 'Health'); // a choice of the list
    expect(succeeded(crm.call(MANAGER, 'checkData'))).toMatchObject({ checkedArchivedRows: 5, problems: [] });
  });
});

describe('checkSetUp and the Archive tab’s custom-field columns', () => {
  it('a point per field for its Archive column, as for Customers, all holding after Set up', () => {
    const crm = crmWithCustomFields(fourFields());
    const before = stateJson(crm);
    const report = checkSetUp(crm);
    expect(stateJson(crm)).toBe(before);
    expect(report.allOk).toBe(true);
    expect(archivePoints(report)).toEqual([
      '✓ Custom field "Industry" (Choice) column in place on Archive: Column W, with its dropdown (Retail, Software, Health).',
      '✓ Custom field "Employees" (Number) column in place on Archive: Column X, in a number format.',
      '✓ Custom field "Renewal" (Date) column in place on Archive: Column Y, formatted yyyy-mm-dd.',
      '✓ Custom field "Region" (Text) column in place on Archive: Column Z.',
    ]);
  });

  it('an Archive tab without the custom columns (Set up not run since): said per field; Set up puts them back', () => {
    const crm = crmWithCustomFields(fourFields());
    // The Archive tab as a CRM set up before it had custom columns leaves it: its own 22 columns only.
    byHand(crm, OWNER, (ss) => archiveSheet(ss).deleteColumns(INDUSTRY, 4));
    const report = checkSetUp(crm);
    expect(report.allOk).toBe(false);
    const missing = (name: string, type: string): string =>
      `✗ Custom field "${name}" (${type}) column in place on Archive: No Archive column is headed "${name}", so archiving a customer does not keep its value of the field. Run CRM ▸ Set up / repair.`;
    expect(archivePoints(report)).toEqual([
      missing('Industry', 'Choice'),
      missing('Employees', 'Number'),
      missing('Renewal', 'Date'),
      missing('Region', 'Text'),
    ]);
    // Only the Archive points fail: the Customers columns are in place.
    expect(report.points.filter((p) => !p.ok).every((p) => p.point.endsWith('on Archive'))).toBe(true);

    // What the point warns of: a customer archived now keeps no custom value there, and Check data checks nothing.
    const ann = register(crm, { name: 'Ann', custom: { Industry: 'Retail', Employees: 12 } });
    archive(crm, ann);
    expect(crm.tab('Archive')[archiveRowOf(crm, ann.id) - 1]?.length).toBe(FIXED);
    expect(succeeded(crm.call(MANAGER, 'checkData'))).toMatchObject({ checkedArchivedRows: 0, problems: [] });

    succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm again');
    expect(checkSetUp(crm).allOk).toBe(true);
  });

  it('a dropdown removed and a format changed by hand on Archive alone are reported there', () => {
    const crm = crmWithCustomFields(fourFields());
    byHand(crm, OWNER, (ss) => {
      const sheet = archiveSheet(ss);
      sheet.getRange(4, INDUSTRY, 3, 1).clearDataValidations();
      sheet.getRange(2, EMPLOYEES, 5, 1).setNumberFormat('@');
      sheet.getRange(3, RENEWAL).setNumberFormat('dd/mm/yyyy');
    });
    expect(
      checkSetUp(crm)
        .points.filter((p) => !p.ok)
        .map((p) => `${p.point}: ${p.detail}`),
    ).toEqual([
      'Custom field "Industry" (Choice) column in place on Archive: Column W: some of its cells have no dropdown. Run CRM ▸ Set up / repair.',
      'Custom field "Employees" (Number) column in place on Archive: Column X: some of its cells are formatted as plain text ("@"), so numbers typed there are stored as text. Select the column and choose Format ▸ Number ▸ Automatic.',
      'Custom field "Renewal" (Date) column in place on Archive: Column Y: some of its cells are formatted "dd/mm/yyyy", not yyyy-mm-dd. Run CRM ▸ Set up / repair.',
    ]);
  });
});
