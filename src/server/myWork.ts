/** "My work" on the server: the staff a customer may be given to, activities logged in History, the follow-ups. */

import { normaliseEmail } from '../domain/text';
import { activityEvent, validateActivity } from '../domain/activity';
import { followUpBuckets } from '../domain/followUps';
import { ownerChoices } from '../domain/owners';
import type { Failure, FollowUps, LogActivityResult, StaffList } from '../domain/results';
import { checkText, checkedField, issue, OWNER_MAX, parseOptions, validateId } from '../domain/validation';
import * as z from 'zod/mini';
import { followUpRows } from '../sheets/customerRecords';
import { CustomersTable } from '../sheets/customersTable';
import { HistoryTable } from '../sheets/historyTable';
import type { CrmContext } from './context';
import { failure } from './failure';
import { handleRead, handleWrite } from './guard';

/** Who may own a customer in this CRM: for the sidebar's owner dropdown. */
export function staffChoices(ctx: CrmContext): string[] {
  return ownerChoices(ctx.admin, ctx.staff);
}

export function listStaff(): StaffList | Failure {
  return handleRead((ctx): StaffList => ({ staff: staffChoices(ctx), me: normaliseEmail(ctx.user) }));
}

/** An activity moves no Pipeline figure: its write does not mark the tab out of date (guard.ts). */
const ACTIVITY_WRITE = { pipeline: 'unchanged' } as const;

/**
 * Logs a call, meeting, e-mail or note against a customer: one History row, under the lock, the customer's row
 * untouched (its Version does not move: an activity changes no field, so nobody's open card becomes stale).
 */
export function logActivity(id: string, activity: unknown): LogActivityResult {
  return handleWrite((ctx): LogActivityResult => {
    const idCheck = validateId(id);
    const valid = validateActivity(activity, Date.parse(ctx.nowIso));
    if (!idCheck.ok || !valid.ok)
      return failure({ ...(idCheck.ok ? {} : idCheck.errors), ...(valid.ok ? {} : valid.errors) });
    // The header, the ID column and the customer's row, not the whole tab (as getCustomer).
    if (CustomersTable.open(ctx.ss).readCustomer(idCheck.value) === null)
      return failure({ id: `No customer has the ID "${idCheck.value.slice(0, 40)}".` });
    const event = activityEvent(idCheck.value, valid.value, ctx.user);
    HistoryTable.open(ctx.ss).append([event]);
    return { ok: true, event };
  }, ACTIVITY_WRITE);
}

const followUpOptionsSchema = z.strictObject({
  owner: checkedField((raw, ctx): string | null | undefined => {
    const checked = checkText(raw, { label: 'Owner', max: OWNER_MAX, textOnly: true });
    if (!checked.ok) {
      return issue(ctx, checked.message);
    }
    if (checked.value === '') return undefined; // the user at the keyboard
    return checked.value === '*' ? null : checked.value.toLowerCase();
  }),
});

/** "My work": options { owner? } (default the user at the keyboard, '*' everyone). One read of Customers. */
export function listFollowUps(options?: unknown): FollowUps | Failure {
  return handleRead((ctx): FollowUps | Failure => {
    const parsed = parseOptions(followUpOptionsSchema, options);
    if (!parsed.ok) return failure(parsed.errors);
    const owner = parsed.value.owner === undefined ? normaliseEmail(ctx.user) : parsed.value.owner;
    const table = CustomersTable.open(ctx.ss, ctx.customFields);
    const buckets = followUpBuckets(followUpRows(table), ctx.today, owner);
    return {
      overdue: buckets.overdue.map(table.toCustomer),
      today: buckets.today.map(table.toCustomer),
      upcoming: buckets.upcoming.map(table.toCustomer),
      noNextStep: buckets.noNextStep.map(table.toCustomer),
    };
  });
}
