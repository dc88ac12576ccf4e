/** gatherSetUpFacts over the stand-in: what CRM ▸ Check set-up sees after Set up, and after things go wrong. */

import { ARCHIVE_COLUMNS } from '../../src/domain/archive';
import { CUSTOMER_COLUMNS } from '../../src/domain/columns';
import type { CustomFieldDefinition } from '../../src/domain/customFields';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { setUpChecks } from '../../src/domain/setupCheck';
import { setUpTabs } from '../../src/sheets/setupTabs';
import { saveAppliedStaff } from '../../src/sheets/appliedStaff';
import { gatherSetUpFacts, type Who } from '../../src/sheets/setupFacts';
import { STATUSES } from '../../src/domain/statuses';
import { TAB } from '../../src/sheets/tabs';
import { OWNER, STAFF, STRANGER, standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });

const WHO: Who = {
  user: OWNER,
  owner: OWNER,
  admin: OWNER,
  appliedStaff: [STAFF],
  settingsStaff: [STAFF],
  appliedCustomFields: null,
  settingsCustomFields: [],
};

const facts = (who: Who = WHO) => crm.current.run(() => gatherSetUpFacts(crm.current.ss, who));

it('reports a set-up CRM as set up', () => {
  crm.current.run(() => saveAppliedStaff([STAFF], '2026-03-02T09:00:00.000Z'));
  expect(facts()).toEqual({
    userEmail: OWNER,
    owner: OWNER,
    admin: OWNER,
    documentLock: 'available',
    protections: [
      {
        tab: TAB.customers,
        exists: true,
        intended: [OWNER, STAFF],
        protection: { warningOnly: false, domainEdit: false, editors: [OWNER, STAFF] },
      },
      {
        tab: TAB.history,
        exists: true,
        intended: [OWNER, STAFF],
        protection: { warningOnly: false, domainEdit: false, editors: [OWNER, STAFF] },
      },
      {
        tab: TAB.pipeline,
        exists: true,
        intended: [OWNER, STAFF],
        protection: { warningOnly: false, domainEdit: false, editors: [OWNER, STAFF] },
      },
      {
        tab: TAB.archive,
        exists: true,
        intended: [OWNER, STAFF],
        protection: { warningOnly: false, domainEdit: false, editors: [OWNER, STAFF] },
      },
      {
        tab: TAB.snapshots,
        exists: true,
        intended: [OWNER, STAFF],
        protection: { warningOnly: false, domainEdit: false, editors: [OWNER, STAFF] },
      },
      {
        tab: TAB.settings,
        exists: true,
        intended: [OWNER],
        protection: { warningOnly: false, domainEdit: false, editors: [OWNER] },
      },
    ],
    protectionsAppliedAt: '2026-03-02T09:00:00.000Z',
    fileEditors: [STAFF, STRANGER],
    headers: [
      { tab: TAB.customers, problem: null },
      { tab: TAB.history, problem: null },
      { tab: TAB.archive, problem: null },
    ],
    statusDropdown: 'ok',
    customColumns: [],
    settingsCustomFields: [],
    appliedCustomFields: null,
    spreadsheetTimeZone: 'Etc/UTC',
    scriptTimeZone: 'Etc/UTC',
    settingsStaff: [STAFF],
    appliedStaff: [STAFF],
  });
});

it('reads only: no value, rule or protection is written', () => {
  facts();
  const calls = crm.current.gas.runtime.calls.snapshot();
  const writes = Object.keys(calls).filter((method) =>
    /\.(set|add|remove|insert|delete|clear|protect|append)/.test(method),
  );
  expect(writes).toEqual([]);
});

it('reports a changed header, a missing tab, a dropdown with another list and a busy lock', () => {
  const { run, ss, gas } = crm.current;
  run(() => {
    const customers = ss.getSheetByName(TAB.customers) as GoogleAppsScript.Spreadsheet.Sheet;
    customers.getRange(1, CUSTOMER_COLUMNS.of.owner.column).setValue('Rep');
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Lead'], true).setAllowInvalid(true).build();
    customers.getRange(2, CUSTOMER_COLUMNS.of.status.column).setDataValidation(rule);
    ss.deleteSheet(ss.getSheetByName(TAB.history) as GoogleAppsScript.Spreadsheet.Sheet);
  });
  const release = gas.services.holdDocumentLockElsewhere();
  const found = facts();
  release();
  expect(found.headers).toEqual([
    {
      tab: TAB.customers,
      problem: `The Customers tab's columns have changed: column H is "Rep", expected "Owner". Run CRM ▸ Set up / repair.`,
    },
    { tab: TAB.history, problem: 'The History tab is missing.' },
    { tab: TAB.archive, problem: null },
  ]);
  expect(found.protections[1]).toEqual({ tab: TAB.history, exists: false, protection: null, intended: [OWNER, STAFF] });
  expect(found.statusDropdown).toBe('wrong list');
  expect(found.documentLock).toBe('busy');
});

it('says when the Status dropdown lets anything in', () => {
  crm.current.run(() => {
    const customers = crm.current.ss.getSheetByName(TAB.customers) as GoogleAppsScript.Spreadsheet.Sheet;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...STATUSES], true)
      .setAllowInvalid(true)
      .build();
    customers.getRange(3, CUSTOMER_COLUMNS.of.status.column).setDataValidation(rule);
  });
  expect(facts().statusDropdown).toBe('allows invalid');
});

describe('custom field columns', () => {
  const FIELDS: CustomFieldDefinition[] = [
    { name: 'Industry', type: 'Choice', choices: ['Retail', 'Tech'], required: false },
    { name: 'Renewal', type: 'Date', choices: [], required: false },
    { name: 'Employees', type: 'Number', choices: [], required: false },
    { name: 'Région 北', type: 'Text', choices: [], required: false },
  ];
  const FIXED = CUSTOMER_COLUMNS.width;
  const ARCHIVE_FIXED = ARCHIVE_COLUMNS.width; // its custom columns follow Archived at, by and reason
  const archive = (): GoogleAppsScript.Spreadsheet.Sheet =>
    crm.current.ss.getSheetByName(TAB.archive) as GoogleAppsScript.Spreadsheet.Sheet;
  const WITH_FIELDS: Who = { ...WHO, appliedCustomFields: FIELDS, settingsCustomFields: FIELDS };
  const customers = (): GoogleAppsScript.Spreadsheet.Sheet =>
    crm.current.ss.getSheetByName(TAB.customers) as GoogleAppsScript.Spreadsheet.Sheet;
  const setUpWithFields = (): void =>
    crm.current.run(() => {
      setUpTabs(crm.current.ss, OWNER, { ...DEFAULT_SETTINGS, staff: [STAFF] }, FIELDS);
    });

  it('finds each column by its header, with the dropdown and formats Set up gave it', () => {
    setUpWithFields();
    const found = facts(WITH_FIELDS);
    expect(found.customColumns).toEqual([
      { tab: TAB.customers, definition: FIELDS[0], column: FIXED + 1, dropdown: 'ok', formats: null },
      { tab: TAB.customers, definition: FIELDS[1], column: FIXED + 2, dropdown: null, formats: ['yyyy-mm-dd'] },
      { tab: TAB.customers, definition: FIELDS[2], column: FIXED + 3, dropdown: null, formats: ['0.###############'] },
      { tab: TAB.customers, definition: FIELDS[3], column: FIXED + 4, dropdown: null, formats: null },
      { tab: TAB.archive, definition: FIELDS[0], column: ARCHIVE_FIXED + 1, dropdown: 'ok', formats: null },
      { tab: TAB.archive, definition: FIELDS[1], column: ARCHIVE_FIXED + 2, dropdown: null, formats: ['yyyy-mm-dd'] },
      {
        tab: TAB.archive,
        definition: FIELDS[2],
        column: ARCHIVE_FIXED + 3,
        dropdown: null,
        formats: ['0.###############'],
      },
      { tab: TAB.archive, definition: FIELDS[3], column: ARCHIVE_FIXED + 4, dropdown: null, formats: null },
    ]);
    expect(found.settingsCustomFields).toBe(FIELDS);
    expect(
      setUpChecks(found)
        .points.filter((p) => p.point.startsWith('Custom field'))
        .every((p) => p.ok),
    ).toBe(true);
  });

  it('sees a renamed header, a loosened dropdown and changed formats, in a sorted tab too', () => {
    setUpWithFields();
    crm.current.run(() => {
      const sheet = customers();
      sheet.getRange(1, FIXED + 4).setValue('Region'); // the Text field's header renamed by hand
      const loose = SpreadsheetApp.newDataValidation().requireValueInList(['Retail', 'Tech'], true);
      sheet.getRange(5, FIXED + 1).setDataValidation(loose.setAllowInvalid(true).build());
      sheet.getRange(3, FIXED + 2).setNumberFormat('dd/mm/yyyy');
      sheet.getRange(4, FIXED + 3, 2, 1).setNumberFormat('@');
    });
    const found = facts(WITH_FIELDS);
    const onCustomers = found.customColumns.filter((c) => c.tab === TAB.customers);
    expect(onCustomers.map((c) => [c.definition.name, c.column, c.dropdown, c.formats])).toEqual([
      ['Industry', FIXED + 1, 'allows invalid', null],
      ['Renewal', FIXED + 2, null, ['yyyy-mm-dd', 'dd/mm/yyyy']],
      ['Employees', FIXED + 3, null, ['0.###############', '@']],
      ['Région 北', null, null, null],
    ]);
    expect(
      setUpChecks(found)
        .points.filter((p) => !p.ok && p.point.startsWith('Custom field'))
        .map((p) => p.point),
    ).toEqual([
      'Custom field "Industry" (Choice) column in place on Customers',
      'Custom field "Renewal" (Date) column in place on Customers',
      'Custom field "Employees" (Number) column in place on Customers',
      'Custom field "Région 北" (Text) column in place on Customers',
    ]);
    // A sorted tab does not matter: columns are found by header, rules read by column.
    crm.current.run(() => customers().sort(CUSTOMER_COLUMNS.of.name.column, false));
    expect(facts(WITH_FIELDS).customColumns[2]?.formats).toEqual(['0.###############', '@']);
  });

  it('finds the Archive tab’s columns by header after its own three, and sees each changed there alone', () => {
    setUpWithFields();
    crm.current.run(() => {
      const sheet = archive();
      // The headers of Région 北 and Industry swapped by hand: Industry is found by header, over cells that have
      // no dropdown (Région's), and Région over the dropdown's cells (a Text column has none to check).
      const headers = sheet.getRange(1, ARCHIVE_FIXED + 1, 1, 4).getValues()[0] as string[];
      sheet.getRange(1, ARCHIVE_FIXED + 1, 1, 4).setValues([[headers[3], headers[1], headers[2], headers[0]]]);
      sheet.getRange(2, ARCHIVE_FIXED + 3, 1, 1).setNumberFormat('@');
      sheet.getRange(1, ARCHIVE_FIXED + 2).setValue('Renewal date'); // renamed: no Renewal column any more
    });
    const found = facts(WITH_FIELDS);
    const onArchive = found.customColumns.filter((c) => c.tab === TAB.archive);
    expect(onArchive.map((c) => [c.definition.name, c.column, c.dropdown, c.formats])).toEqual([
      ['Industry', ARCHIVE_FIXED + 4, 'missing', null],
      ['Renewal', null, null, null],
      ['Employees', ARCHIVE_FIXED + 3, null, ['@', '0.###############']],
      ['Région 北', ARCHIVE_FIXED + 1, null, null],
    ]);
    expect(
      setUpChecks(found)
        .points.filter((p) => !p.ok && p.point.startsWith('Custom field'))
        .map((p) => p.point),
    ).toEqual([
      'Custom field "Industry" (Choice) column in place on Archive',
      'Custom field "Renewal" (Date) column in place on Archive',
      'Custom field "Employees" (Number) column in place on Archive',
    ]);
  });

  it('has no Archive facts when the tab is missing (its header point says so)', () => {
    setUpWithFields();
    crm.current.run(() => crm.current.ss.deleteSheet(archive()));
    const found = facts(WITH_FIELDS);
    expect(found.customColumns.map((c) => c.tab)).toEqual([TAB.customers, TAB.customers, TAB.customers, TAB.customers]);
    expect(found.headers[2]).toEqual({ tab: TAB.archive, problem: 'The Archive tab is missing.' });
  });

  it('reads only, one read per custom column besides the header row', () => {
    setUpWithFields();
    crm.current.gas.runtime.calls.reset();
    facts(WITH_FIELDS);
    const calls = crm.current.gas.runtime.calls.snapshot();
    expect(Object.keys(calls).filter((m) => /\.(set|add|remove|insert|delete|clear|protect|append)/.test(m))).toEqual(
      [],
    );
    // Status + Industry dropdowns (Customers, Archive), Renewal + Employees formats (Customers, Archive).
    expect(calls['Range.getDataValidations']).toBe(3);
    expect(calls['Range.getNumberFormats']).toBe(4);
  });
});
