/** CRM ▸ Check set-up: gathers the facts in the real spreadsheet and reports each point (read-only, no lock). */

import { normaliseEmail } from '../domain/text';
import type { Failure } from '../domain/results';
import { type SetUpCheckReport, setUpCheckText, setUpChecks } from '../domain/setupCheck';
import { readAppliedCustomFields } from '../sheets/appliedCustomFields';
import { readAppliedStaff } from '../sheets/appliedStaff';
import { gatherSetUpFacts } from '../sheets/setupFacts';
import { readSettings } from '../sheets/settingsTable';
import { failure } from './failure';
import { handleRead } from './guard';
import { refusedOwnerItem } from './ui';

const TITLE = 'Check set-up';

/**
 * The admin's check. Someone Google does not name may run it too: that the script cannot see their e-mail is
 * itself the first thing the report must say.
 */
export function checkSetUp(): SetUpCheckReport | Failure {
  return handleRead((ctx): SetUpCheckReport | Failure => {
    const user = normaliseEmail(ctx.user);
    if (user !== '' && ctx.admin !== null && ctx.admin.toLowerCase() !== user) {
      return failure({ access: `Only the CRM's admin (${ctx.admin}) can run Check set-up.` });
    }
    const settings = readSettings(ctx.ss);
    const facts = gatherSetUpFacts(ctx.ss, {
      user: ctx.user,
      owner: ctx.owner,
      admin: ctx.admin,
      appliedStaff: readAppliedStaff(),
      settingsStaff: settings.settings.staff,
      appliedCustomFields: readAppliedCustomFields(),
      settingsCustomFields: settings.customFields,
    });
    return setUpChecks(facts);
  });
}

/** Menu item: runs checkSetUp and shows the report point by point. */
export function showSetUpCheck(): void {
  if (refusedOwnerItem(TITLE)) return;
  const ui = SpreadsheetApp.getUi();
  const result = checkSetUp();
  ui.alert(TITLE, result.ok ? setUpCheckText(result) : Object.values(result.errors).join('\n'), ui.ButtonSet.OK);
}
