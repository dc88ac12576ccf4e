/**
 * setUpCrm: create or repair every tab. Only the admin may run it: the owner, or in a shared drive (no owner) the
 * first person who runs it, recorded then; everyone else, staff included, is refused and nothing changes.
 */

import { normaliseEmail } from '../domain/text';
import { accessRefusal } from '../domain/access';
import type { SetUpReport } from '../domain/api';
import type { Failure } from '../domain/results';
import { recordAdmin } from '../sheets/admin';
import { saveAppliedStaff } from '../sheets/appliedStaff';
import { saveAppliedCustomFields } from '../sheets/appliedCustomFields';
import { readSettings } from '../sheets/settingsTable';
import { setUpTabs } from '../sheets/setupTabs';
import { TAB } from '../sheets/tabs';
import type { CrmContext } from './context';
import { failure } from './failure';
import { handleWrite, isAllowedWriter } from './guard';

/** The refusal for anyone but the admin, or null when `ctx.user` may run Set up. */
function setUpRefusal(ctx: CrmContext): Failure | null {
  const user = normaliseEmail(ctx.user);
  if (user === '') return failure({ access: accessRefusal(ctx.user) });
  if (ctx.admin === null || ctx.admin.toLowerCase() === user) return null;
  if (!isAllowedWriter(ctx)) return failure({ access: accessRefusal(ctx.user) });
  const who = ctx.owner !== null ? `the spreadsheet's owner (${ctx.admin})` : `${ctx.admin}, who set up this CRM,`;
  return failure({ access: `Only ${who} can run Set up / repair.` });
}

/** The tab a new Google spreadsheet starts with (English locale; another locale's name is left alone). */
const DEFAULT_SHEET_NAME = 'Sheet1';
/** A new tab's grid: 1000 rows × 26 columns. */
const DEFAULT_GRID = { rows: 1000, columns: 26 };

/**
 * On the first Set up of a new spreadsheet, the default Sheet1 is clutter beside the CRM's tabs: removed when it
 * is untouched — no value anywhere, its original size, no protection, no chart. Anything else is kept: a tab
 * someone used is never deleted. True when it was removed.
 */
function removeUntouchedDefaultSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const sheet = ss.getSheetByName(DEFAULT_SHEET_NAME);
  if (sheet === null) return false; // Set up has just created the CRM's tabs: Sheet1 is not the last tab.
  const untouched =
    sheet.getLastRow() === 0 &&
    sheet.getMaxRows() === DEFAULT_GRID.rows &&
    sheet.getMaxColumns() === DEFAULT_GRID.columns &&
    sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0 &&
    sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length === 0 &&
    sheet.getCharts().length === 0;
  if (!untouched) return false;
  ss.deleteSheet(sheet);
  return true;
}

export function setUpCrm(): SetUpReport | Failure {
  // Not the staff check of other writes: the first Set up in a shared drive comes before any staff list.
  return handleWrite(
    (ctx): SetUpReport | Failure => {
      const refusal = setUpRefusal(ctx);
      if (refusal) return refusal;
      const admin = ctx.admin ?? normaliseEmail(ctx.user);
      const firstAdmin = ctx.admin === null;
      // One read of Settings: its problems are reported, its staff list applied.
      const { settings, customFields, problems } = readSettings(ctx.ss);
      const outcome = setUpTabs(ctx.ss, admin, settings, customFields);
      if (outcome.created.includes(TAB.customers) && removeUntouchedDefaultSheet(ctx.ss)) {
        outcome.repaired.push(`Removed the empty ${DEFAULT_SHEET_NAME} tab the new spreadsheet came with`);
      }
      if (firstAdmin) {
        recordAdmin(admin);
        outcome.repaired.push(
          `No owner is reported for this file (shared drive): ${admin} is recorded as the CRM's admin`,
        );
      }
      // The protections now carry this list: from here on the API lets in the same people (see appliedStaff.ts).
      saveAppliedStaff(settings.staff, ctx.nowIso);
      saveAppliedCustomFields(customFields);
      ctx.rememberTimeZone('ask'); // reads then trust it where a date cell proves it (context.ts)
      return { ok: true, ...outcome, messages: [...outcome.messages, ...problems] };
    },
    { allow: 'anyone', pipeline: 'unchanged' },
  );
}
