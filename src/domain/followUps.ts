/**
 * "My work" (SPEC "Follow-ups and activities"): customers whose next step is due before today, today, or in the
 * next 7 days (after today up to today + 7 inclusive), and the open deals with no due date. Days are 'YYYY-MM-DD'
 * in the spreadsheet's time zone, so comparing them as text is comparing them as days. Pure: the server reads the
 * rows and says what day it is.
 */

import { addDays } from './dates';
import { OPEN_STATUSES, type Status } from './statuses';

/** How far ahead "upcoming" looks, in days after today. */
export const UPCOMING_DAYS = 7;

/** What the buckets need of a customer; `item` is what ends up in the lists (a customer, or a row to build one). */
export interface FollowUpRow<T> {
  name: string;
  owner: string;
  status: Status;
  nextStepDue: string;
  item: T;
}

export interface FollowUpBuckets<T> {
  overdue: T[];
  today: T[];
  upcoming: T[];
  noNextStep: T[];
}

/** Lower-case owner to keep, or null for everyone. */
export type OwnerFilter = string | null;

function byDueThenName<T>(a: FollowUpRow<T>, b: FollowUpRow<T>): number {
  if (a.nextStepDue !== b.nextStepDue) return a.nextStepDue < b.nextStepDue ? -1 : 1;
  const an = a.name.toLowerCase();
  const bn = b.name.toLowerCase();
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/** The four lists for `owner` (null: everyone) on `today`, each by due date then name. */
export function followUpBuckets<T>(
  rows: Iterable<FollowUpRow<T>>,
  today: string,
  owner: OwnerFilter,
): FollowUpBuckets<T> {
  const horizon = addDays(today, UPCOMING_DAYS);
  const overdue: FollowUpRow<T>[] = [];
  const dueToday: FollowUpRow<T>[] = [];
  const upcoming: FollowUpRow<T>[] = [];
  const noNextStep: FollowUpRow<T>[] = [];
  for (const row of rows) {
    if (owner !== null && row.owner.trim().toLowerCase() !== owner) continue;
    const due = row.nextStepDue;
    if (due === '') {
      if (OPEN_STATUSES.includes(row.status)) noNextStep.push(row);
    } else if (due < today) overdue.push(row);
    else if (due === today) dueToday.push(row);
    else if (due <= horizon) upcoming.push(row);
  }
  const sorted = (list: FollowUpRow<T>[]): T[] => list.sort(byDueThenName).map((row) => row.item);
  return {
    overdue: sorted(overdue),
    today: sorted(dueToday),
    upcoming: sorted(upcoming),
    noNextStep: sorted(noNextStep),
  };
}
