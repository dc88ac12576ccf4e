/**
 * Who is calling, on which spreadsheet, and when: gathered once per call, each part on first use.
 * Every part is a service call on Apps Script (the owner comes from Drive, the user from Session, the staff list,
 * the custom fields and the remembered time zone from one read of all the document properties, the settings from a
 * read of the Settings tab, the spreadsheet's time zone from a request of its own), so a call that does not need a
 * part does not pay for it: the reads (search, list, get) need only the properties; writes need the user, the staff
 * list and (unless the user is listed) the owner; only Set up and the Pipeline rebuild read Settings.
 */

import type { CustomFieldDefinition } from '../domain/customFields';
import type { CrmSettings } from '../domain/settings';
import { readRecordedAdmin } from '../sheets/admin';
import { appliedCustomFieldsIn } from '../sheets/appliedCustomFields';
import { appliedStaffIn } from '../sheets/appliedStaff';
import { todayIsProved } from '../domain/zoneProof';
import { daysProvedInRememberedZone, useTimeZones } from '../sheets/cells';
import { rememberTimeZone, rememberedTimeZoneIn } from '../sheets/rememberedTimeZone';
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
  /**
   * Today in the spreadsheet's time zone, 'YYYY-MM-DD' (follow-up buckets, the board's overdue marks, the Pipeline
   * tab's overdue counts): in the remembered zone when this call's date cells proved it for today and tomorrow
   * (domain/zoneProof.ts todayIsProved), else in the spreadsheet's zone, asked once per call and shared with the
   * date-cell reads. Read it after the cells it may rest on.
   */
  readonly today: string;
  /**
   * Keeps the spreadsheet's zone in the document properties when it differs from the remembered one (one Properties
   * call then, none otherwise): for zones this call asked anyway (every write, guard.ts), or asked now (`'ask'`: Set up).
   */
  rememberTimeZone(ask?: 'ask'): void;
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
  let zoneAsked = false;
  const timeZone = once(() => {
    zoneAsked = true;
    return ss.getSpreadsheetTimeZone();
  });
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
  // The zone the CRM last saw, from the same read of the document properties: date cells prove it or ask (cells.ts).
  const rememberedZone = once(() => rememberedTimeZoneIn(properties()));
  useTimeZones({
    remembered: rememberedZone,
    spreadsheet: timeZone,
    spreadsheetIfAsked: () => (zoneAsked ? timeZone() : null),
  });
  const nowIso = new Date().toISOString();
  const today = once(() => {
    const now = new Date(Date.parse(nowIso));
    const remembered = zoneAsked ? null : rememberedZone();
    if (remembered !== null) {
      const day = Utilities.formatDate(now, remembered, 'yyyy-MM-dd');
      if (todayIsProved(day, daysProvedInRememberedZone())) return day;
    }
    return Utilities.formatDate(now, timeZone(), 'yyyy-MM-dd');
  });
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
    rememberTimeZone(ask) {
      if (!zoneAsked && ask !== 'ask') return; // nothing learnt: the call trusted only what it proved
      rememberTimeZone(timeZone(), rememberedZone());
    },
  };
}
