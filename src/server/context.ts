/** Who is calling, on which spreadsheet, and when: gathered once per call. */

import type { CrmSettings } from '../domain/settings';
import { readSettings } from '../sheets/settingsTable';

export interface CrmContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** E-mail of the user at the keyboard ('' when Google does not tell). */
  user: string;
  /** E-mail of the spreadsheet's owner, or null (e.g. a file in a shared drive). */
  owner: string | null;
  nowIso: string;
  settings: CrmSettings;
}

export function openContext(): CrmContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owner = ss.getOwner();
  return {
    ss,
    user: Session.getActiveUser().getEmail(),
    owner: owner ? owner.getEmail() : null,
    nowIso: new Date().toISOString(),
    settings: readSettings(ss).settings,
  };
}
