/**
 * Time in stage: each customer's status timeline cut into stays, then average and median days per stage.
 * A stay lasts until the next status change; the current (ongoing) stay is counted up to now, which the
 * tab's label says, so a deal stuck in negotiation shows up as a bottleneck before it moves.
 */

import { STATUSES, type Status } from '../statuses';
import type { DatedChange, Timeline } from './statusEvents';
import type { PipelineCustomer, StageTimeRow } from './types';
import { DAY_MS, parseTime } from './time';

/**
 * Adds the days of each stay of one customer to `days` (per status), without building the stays: at 50,000
 * customers the arrays and objects of a stay list per customer were a large part of the rebuild's garbage. Rules,
 * in order:
 * - no dated status row at all (e.g. imported before History existed): one stay in the current status from
 *   `Status changed at` (else `Created at`) to now;
 * - the first dated row is not the opening one but names a `From`: that status is taken to have started at
 *   `Created at` (when it parses and is not later), so a lost create row does not lose the first stay;
 * - a row that repeats the status already in force is not a change (the stay goes on);
 * - `Customers` is the truth for the current status: if History ends in another status, the current stay
 *   starts at `Status changed at` when that parses and is not earlier; otherwise we cannot tell when the
 *   current status began, and the open-ended stay is left out rather than guessed.
 * The stay still going on is counted up to now; a start in the future (clock skew between staff machines) counts
 * as 0 days, never negative.
 */
function addCustomerStays(
  customer: PipelineCustomer,
  dated: readonly DatedChange[],
  now: number,
  days: StayDays,
): void {
  let current: Status | null = null;
  let since = 0;
  const first = dated[0];
  if (first === undefined) {
    const start = parseTime(customer.statusChangedAt) ?? parseTime(customer.createdAt);
    if (start !== null) {
      current = customer.status;
      since = start;
    }
  } else {
    const created = parseTime(customer.createdAt);
    if (!first.opening && first.from !== null && created !== null && created <= first.time) {
      current = first.from;
      since = created;
    }
    for (let i = 0; i < dated.length; i++) {
      const change = dated[i] as DatedChange;
      if (change.to === current) continue;
      if (current !== null) days.add(current, change.time - since);
      current = change.to;
      since = change.time;
    }
  }
  if (current === null) return;
  if (current !== customer.status) {
    const changedAt = parseTime(customer.statusChangedAt);
    if (changedAt === null || changedAt < since) return;
    days.add(current, changedAt - since);
    current = customer.status;
    since = changedAt;
  }
  days.add(current, Math.max(since, now) - since);
}

/** The days of every stay, per status. */
class StayDays {
  private readonly byStatus = new Map<Status, number[]>(STATUSES.map((s) => [s, []]));

  add(status: Status, ms: number): void {
    this.byStatus.get(status)?.push(ms / DAY_MS);
  }

  of(status: Status): readonly number[] {
    return this.byStatus.get(status) ?? [];
  }
}

/** Median of the values; an even count gives the mean of the two middle values; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without a comparator call per comparison: at 50,000 stays per stage that is
  // most of the rebuild's time in stage. The values are finite (days between two parsed times).
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1];
  return lower === undefined ? upper : (lower + upper) / 2;
}

/** Mean of the values, or null when empty. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Stays, average and median days per stage, every status in spec order. Only customers present in
 * `Customers` are counted: the tab describes that list, and an orphan History row has no current status.
 */
export function computeStageTimes(
  customers: readonly PipelineCustomer[],
  timelines: readonly Timeline[],
  now: number,
): StageTimeRow[] {
  const days = new StayDays();
  for (let i = 0; i < customers.length; i++) {
    addCustomerStays(customers[i] as PipelineCustomer, timelines[i]?.dated ?? [], now, days);
  }
  return STATUSES.map((status) => {
    const list = days.of(status);
    return { status, stays: list.length, averageDays: average(list), medianDays: median(list) };
  });
}
