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
      if (firstAdmin) {
        recordAdmin(admin);
        outcome.repaired.push(
          `No owner is reported for this file (shared drive): ${admin} is recorded as the CRM's admin`,
        );
      }
      // The protections now carry this list: from here on the API lets in the same people (see appliedStaff.ts).
      saveAppliedStaff(settings.staff, ctx.nowIso);
      saveAppliedCustomFields(customFields);
      return { ok: true, ...outcome, messages: [...outcome.messages, ...problems] };
    },
    { allow: 'anyone', pipeline: 'unchanged' },
  );
}
