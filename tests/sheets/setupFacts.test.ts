/** gatherSetUpFacts over the stand-in: what CRM ▸ Check set-up sees after Set up, and after things go wrong. */

import { CUSTOMER_COLUMNS } from '../../src/domain/columns';
import { saveAppliedStaff } from '../../src/sheets/appliedStaff';
import { gatherSetUpFacts, type Who } from '../../src/sheets/setupFacts';
import { STATUSES } from '../../src/domain/statuses';
import { TAB } from '../../src/sheets/tabs';
import { OWNER, STAFF, STRANGER, standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });

const WHO: Who = { user: OWNER, owner: OWNER, admin: OWNER, appliedStaff: [STAFF], settingsStaff: [STAFF] };

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
