/**
 * Who is calling, on which spreadsheet, and when: gathered once per call, each part on first use.
 * Every part is a service call on Apps Script (the owner comes from Drive, the user from Session, the staff list
 * and the custom fields from one read of all the document properties, the settings from a read of the Settings tab), so a call that does not need a
 * part does not pay for it: the reads (search, list, get) need none of them; writes need the user, the staff
 * list and (unless the user is listed) the owner; only Set up and the Pipeline rebuild read Settings.
 */

import type { CustomFieldDefinition } from '../domain/customFields';
import type { CrmSettings } from '../domain/settings';
import { readRecordedAdmin } from '../sheets/admin';
import { appliedCustomFieldsIn } from '../sheets/appliedCustomFields';
import { appliedStaffIn } from '../sheets/appliedStaff';
import { useTimeZone } from '../sheets/cells';
import { readSettings } from '../sheets/settingsTable';

export interface CrmContext {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** E-mail of the user at the keyboard ('' when Google does not tell). */
  readonly user: string;
  /** E-mail of the spreadsheet's owner, or null (e.g. a file in a shared drive). */
  readonly owner: string | null;
  /** Who administers the CRM: the owner, or in a shared drive the person recorded by the first Set up (null before). */
  readonly admin: string | null;
  readonly nowIso: string;
  readonly settings: CrmSettings;
  /** The custom fields Set up applied (their columns exist); the Settings tab's if it never stored them. */
  readonly customFields: readonly CustomFieldDefinition[];
  /** Settings' "Group Pipeline by" value ('' when none): the Choice field the Pipeline figures are grouped by. */
  readonly groupPipelineBy: string;
  /** Who may write besides the owner: the list Set up applied (the Settings tab's list if it never stored one). */
  readonly staff: readonly string[];
  /** Today in the spreadsheet's time zone (asked once per call, shared with date-cell reads), 'YYYY-MM-DD' (follow-up buckets, the Pipeline tab's overdue counts). */
  readonly today: string;
}

/** `compute` run once, on first use. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export function openContext(): CrmContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = once(() => ss.getSpreadsheetTimeZone());
  useTimeZone(timeZone);
  const user = once(() => Session.getActiveUser().getEmail());
  const owner = once(() => {
    const found = ss.getOwner();
    return found ? found.getEmail() : null;
  });
  const admin = once(() => owner() ?? readRecordedAdmin());
  const read = once(() => readSettings(ss));
  const settings = once(() => read().settings);
  // Every document property in one call: the applied staff list and custom fields are two of them, and each
  // Properties call leaves the script (≈ 30 ms on Google).
  const properties = once(() => PropertiesService.getDocumentProperties().getProperties());
  const customFields = once(() => appliedCustomFieldsIn(properties()) ?? read().customFields);
  const staff = once(() => appliedStaffIn(properties()) ?? settings().staff);
  const nowIso = new Date().toISOString();
  const today = once(() => Utilities.formatDate(new Date(Date.parse(nowIso)), timeZone(), 'yyyy-MM-dd'));
  return {
    ss,
    nowIso,
    get user() {
      return user();
    },
    get owner() {
      return owner();
    },
    get admin() {
      return admin();
    },
    get settings() {
      return settings();
    },
    get customFields() {
      return customFields();
    },
    get groupPipelineBy() {
      return read().groupPipelineBy;
    },
    get staff() {
      return staff();
    },
    get today() {
      return today();
    },
  };
}
