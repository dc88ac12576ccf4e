/**
 * Gathers the facts CRM ▸ Check set-up judges (src/domain/setupCheck.ts) from the real spreadsheet: each tab's
 * protection as Google reports it, the document lock, headers, the Status dropdown, time zones. Reads only.
 */

import { spreadsheetTimeZone } from './cells';
import { CUSTOMER_COLUMNS, HISTORY_COLUMNS } from '../domain/columns';
import type { ProtectionFacts, SetUpFacts } from '../domain/setupCheck';
import { STATUSES } from '../domain/statuses';
import { readProtectionsAppliedAt } from './appliedStaff';
import { SchemaError } from './schemaError';
import { checkHeader } from './table';
import { TAB } from './tabs';
import { ARCHIVE_COLUMNS } from '../domain/archive';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Who {
  user: string;
  owner: string | null;
  admin: string | null;
  appliedStaff: string[] | null;
  settingsStaff: string[];
}

function protectionFacts(ss: Spreadsheet, tab: string, intended: string[]): ProtectionFacts {
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return { tab, exists: false, protection: null, intended };
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (!protection) return { tab, exists: true, protection: null, intended };
  try {
    return {
      tab,
      exists: true,
      intended,
      protection: {
        warningOnly: protection.isWarningOnly(),
        domainEdit: protection.canDomainEdit(),
        editors: protection.getEditors().map((user) => user.getEmail()),
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      tab,
      exists: true,
      protection: null,
      intended,
      unreadable: `Google would not show you its editors (${reason}).`,
    };
  }
}

function headerProblem(ss: Spreadsheet, tab: string, headers: readonly string[]): string | null {
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return `The ${tab} tab is missing.`;
  try {
    checkHeader(sheet.getRange(1, 1, 1, headers.length).getValues()[0], headers, tab);
    return null;
  } catch (error) {
    if (error instanceof SchemaError) return error.message;
    throw error;
  }
}

/** The Status column's rules, with one read of the whole column below the header. */
function statusDropdown(ss: Spreadsheet): SetUpFacts['statusDropdown'] {
  const sheet = ss.getSheetByName(TAB.customers);
  if (!sheet || sheet.getMaxRows() < 2) return 'missing';
  const rules = sheet.getRange(2, CUSTOMER_COLUMNS.of.status.column, sheet.getMaxRows() - 1, 1).getDataValidations();
  let verdict: SetUpFacts['statusDropdown'] = 'ok';
  for (const [rule] of rules) {
    if (!rule) return 'missing';
    if (rule.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST) return 'wrong list';
    const values = rule.getCriteriaValues()[0];
    const list = Array.isArray(values) ? values.map(String) : [];
    if (list.length !== STATUSES.length || STATUSES.some((s, i) => list[i] !== s)) return 'wrong list';
    if (rule.getAllowInvalid()) verdict = 'allows invalid';
  }
  return verdict;
}

function documentLock(): SetUpFacts['documentLock'] {
  const lock = LockService.getDocumentLock();
  if (lock === null) return 'missing';
  if (!lock.tryLock(1)) return 'busy';
  lock.releaseLock();
  return 'available';
}

export function gatherSetUpFacts(ss: Spreadsheet, who: Who): SetUpFacts {
  const admin = who.admin ?? '';
  const staff = who.appliedStaff ?? who.settingsStaff;
  const dataEditors = [admin, ...staff].filter((email) => email !== '');
  const fileEditors = ss
    .getEditors()
    .map((user) => user.getEmail())
    .filter((email) => who.owner === null || email.toLowerCase() !== who.owner.toLowerCase());
  return {
    userEmail: who.user,
    owner: who.owner,
    admin: who.admin,
    documentLock: documentLock(),
    protections: [
      protectionFacts(ss, TAB.customers, dataEditors),
      protectionFacts(ss, TAB.history, dataEditors),
      protectionFacts(ss, TAB.pipeline, dataEditors),
      protectionFacts(ss, TAB.archive, dataEditors),
      protectionFacts(ss, TAB.snapshots, dataEditors),
      protectionFacts(ss, TAB.settings, admin === '' ? [] : [admin]),
    ],
    protectionsAppliedAt: readProtectionsAppliedAt(),
    fileEditors,
    headers: [
      { tab: TAB.customers, problem: headerProblem(ss, TAB.customers, CUSTOMER_COLUMNS.headers) },
      { tab: TAB.history, problem: headerProblem(ss, TAB.history, HISTORY_COLUMNS.headers) },
      { tab: TAB.archive, problem: headerProblem(ss, TAB.archive, ARCHIVE_COLUMNS.headers) },
    ],
    statusDropdown: statusDropdown(ss),
    spreadsheetTimeZone: spreadsheetTimeZone(),
    scriptTimeZone: Session.getScriptTimeZone(),
    settingsStaff: who.settingsStaff,
    appliedStaff: who.appliedStaff,
  };
}
