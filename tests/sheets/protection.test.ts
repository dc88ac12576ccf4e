/** applyProtection over the stand-in: explicit editors (Google's sample), closed to later sharing, idempotent. */

import { applyProtection, PROTECTION_PREFIX } from '../../src/sheets/protection';
import { OWNER, STAFF, STRANGER, standInPerTest } from './standIn';

const crm = standInPerTest();
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PLAN = { editors: [STAFF], warnOnManualEdit: true, description: 'customers (use the CRM sidebar)' };

function dataTab(): Sheet {
  return crm.current.run(() => crm.current.ss.insertSheet('Customers'));
}

function protect(sheet: Sheet, plan = PLAN): string[] {
  return crm.current.run(() => applyProtection(sheet, plan, OWNER));
}

function sheetProtection(sheet: Sheet) {
  return crm.current.run(() => {
    const [p] = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    return {
      editors: p?.getEditors().map((u) => u.getEmail()),
      warningOnly: p?.isWarningOnly(),
      description: p?.getDescription(),
    };
  });
}

function writes(user: string): boolean {
  try {
    crm.current.run(() => crm.current.ss.getSheetByName('Customers')?.getRange('B2').setValue(`by ${user}`), user);
    return true;
  } catch {
    return false;
  }
}

it('makes the editors explicit: the admin and the staff, nobody the file is shared with', () => {
  const sheet = dataTab();
  expect(protect(sheet)).toEqual([
    'protected Customers',
    `Customers: removed ${STRANGER}`,
    'Customers: warning on manual edits',
  ]);
  expect(sheetProtection(sheet)).toEqual({
    editors: [OWNER, STAFF],
    warningOnly: false,
    description: `${PROTECTION_PREFIX}: customers (use the CRM sidebar)`,
  });
  expect([writes(OWNER), writes(STAFF), writes(STRANGER)]).toEqual([true, true, false]);
});

it('stays closed to someone the file is shared with later', () => {
  const sheet = dataTab();
  protect(sheet);
  crm.current.gas.sheets.shareWith('later@example.com');
  expect(writes('later@example.com')).toBe(false);
});

it('changes nothing when run again, and follows a new staff list', () => {
  const sheet = dataTab();
  protect(sheet);
  expect(protect(sheet)).toEqual([]);
  expect(protect(sheet, { ...PLAN, editors: ['new@example.com'] })).toEqual([
    `Customers: removed ${STAFF}`,
    'Customers: added new@example.com',
  ]);
  expect(sheetProtection(sheet).editors).toEqual([OWNER, 'new@example.com']);
  expect(crm.current.run(() => sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).length).toBe(1);
});

it('closes an owner-only tab to everyone else, without a manual-edit warning', () => {
  const sheet = crm.current.run(() => crm.current.ss.insertSheet('Settings'));
  protect(sheet, { editors: [], warnOnManualEdit: false, description: 'settings (owner only)' });
  expect(sheetProtection(sheet).editors).toEqual([OWNER]);
  expect(crm.current.run(() => sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE))).toEqual([]);
});
