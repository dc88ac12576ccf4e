/** setUpCrm: create or repair every tab. Only the owner (who can change protections) may run it. */

import type { SetUpReport } from '../domain/api';
import type { Failure } from '../domain/results';
import { saveAppliedStaff } from '../sheets/appliedStaff';
import { readSettings } from '../sheets/settingsTable';
import { setUpTabs } from '../sheets/setupTabs';
import { failure } from './failure';
import { handleWrite } from './guard';

export function setUpCrm(): SetUpReport | Failure {
  return handleWrite((ctx): SetUpReport | Failure => {
    if (ctx.owner !== null && ctx.user.toLowerCase() !== ctx.owner.toLowerCase()) {
      return failure({ access: `Only the spreadsheet's owner (${ctx.owner}) can run Set up / repair.` });
    }
    // One read of Settings: its problems are reported, its staff list applied.
    const { settings, problems } = readSettings(ctx.ss);
    const outcome = setUpTabs(ctx.ss, ctx.owner, settings);
    // The protections now carry this list: from here on the API lets in the same people (see appliedStaff.ts).
    saveAppliedStaff(settings.staff);
    return { ok: true, ...outcome, messages: [...outcome.messages, ...problems] };
  });
}
