/**
 * Gathers the facts CRM ▸ Check set-up judges (src/domain/setupCheck.ts) from the real spreadsheet: each tab's
 * protection as Google reports it, the document lock, headers, the Status dropdown, each custom field's column
 * (its header, a Choice's dropdown, a Date or Number column's formats), time zones. Reads only.
 */

import { spreadsheetTimeZone } from './cells';
import { CUSTOMER_COLUMNS, HISTORY_COLUMNS } from '../domain/columns';
import { type CustomFieldDefinition, customColumnsLayout, customFieldKey } from '../domain/customFields';
import type { CustomColumnFacts, DropdownVerdict, ProtectionFacts, SetUpFacts } from '../domain/setupCheck';
import { STATUSES } from '../domain/statuses';
import { readProtectionsAppliedAt } from './appliedStaff';
import { SchemaError } from './schemaError';
import { checkHeader } from './table';
import { TAB } from './tabs';
import { ARCHIVE_COLUMNS } from '../domain/archive';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Who {
  user: string;
  owner: string | null;
  admin: string | null;
  appliedStaff: string[] | null;
  settingsStaff: string[];
  /** The custom fields Set up last applied (document properties), or null when it never stored them. */
  appliedCustomFields: CustomFieldDefinition[] | null;
  /** The custom fields the Settings table defines now (valid rows). */
  settingsCustomFields: CustomFieldDefinition[];
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

/**
 * The dropdown of column `column` of `sheet` below the header (one read of its rules): every cell must offer
 * exactly `expected`, in order, and reject anything else, as Set up makes the Status and Choice dropdowns.
 */
function dropdownOf(sheet: Sheet, column: number, expected: readonly string[]): DropdownVerdict {
  if (sheet.getMaxRows() < 2) return 'missing';
  const rules = sheet.getRange(2, column, sheet.getMaxRows() - 1, 1).getDataValidations();
  let verdict: DropdownVerdict = 'ok';
  for (const [rule] of rules) {
    if (!rule) return 'missing';
    if (rule.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST) return 'wrong list';
    const values = rule.getCriteriaValues()[0];
    const list = Array.isArray(values) ? values.map(String) : [];
    if (list.length !== expected.length || expected.some((s, i) => list[i] !== s)) return 'wrong list';
    if (rule.getAllowInvalid()) verdict = 'allows invalid';
  }
  return verdict;
}

/** The Status column's rules, with one read of the whole column below the header. */
function statusDropdown(ss: Spreadsheet): DropdownVerdict {
  const sheet = ss.getSheetByName(TAB.customers);
  if (!sheet) return 'missing';
  return dropdownOf(sheet, CUSTOMER_COLUMNS.of.status.column, STATUSES);
}

/** The distinct number formats of column `column` below the header (one read), in the order first met. */
function formatsOf(sheet: Sheet, column: number): string[] {
  if (sheet.getMaxRows() < 2) return [];
  const formats = new Set<string>();
  for (const [format] of sheet.getRange(2, column, sheet.getMaxRows() - 1, 1).getNumberFormats()) {
    formats.add(String(format));
  }
  return [...formats];
}

/**
 * Each custom field's column on `tab` (Customers or Archive: Set up gives both one per field), found by its header
 * as every call finds it (customColumnsLayout: one read of row 1; on Archive the three archive columns are not
 * fields), with what Set up gives it: a Choice's dropdown, a Date's or a Number's number formats (one read of the
 * column each). A field without a column has neither. Empty when the tab is missing (its header point says so).
 */
function customColumnFacts(
  ss: Spreadsheet,
  tab: string,
  definitions: readonly CustomFieldDefinition[],
): CustomColumnFacts[] {
  const sheet = ss.getSheetByName(tab);
  if (!sheet || definitions.length === 0) return [];
  const headers = sheet.getSheetValues(1, 1, 1, -1)[0] ?? [];
  const layout = customColumnsLayout(headers, definitions);
  const missing = new Set(layout.append.map((spec) => spec.key));
  return definitions.map((definition): CustomColumnFacts => {
    const key = customFieldKey(definition.name);
    const found = missing.has(key) ? undefined : layout.map.of[key];
    if (found === undefined) return { tab, definition, column: null, dropdown: null, formats: null };
    const column = found.column;
    return {
      tab,
      definition,
      column,
      dropdown: definition.type === 'Choice' ? dropdownOf(sheet, column, definition.choices) : null,
      formats: definition.type === 'Date' || definition.type === 'Number' ? formatsOf(sheet, column) : null,
    };
  });
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
    customColumns: [TAB.customers, TAB.archive].flatMap((tab) =>
      // The fields calls use: the applied ones, else (Set up never stored them) the Settings tab's, as openContext.
      customColumnFacts(ss, tab, who.appliedCustomFields ?? who.settingsCustomFields),
    ),
    settingsCustomFields: who.settingsCustomFields,
    appliedCustomFields: who.appliedCustomFields,
    spreadsheetTimeZone: spreadsheetTimeZone(),
    scriptTimeZone: Session.getScriptTimeZone(),
    settingsStaff: who.settingsStaff,
    appliedStaff: who.appliedStaff,
  };
}
