/**
 * buildPipelineSummary: every figure of the `Pipeline` tab, computed from plain data in one pass each.
 * Pure (no Apps Script, no clock): the sheet layer reads `Customers`, `History` and `Settings`, passes "now",
 * and writes pipelineLayout(summary) to the tab; the same summary is returned to the browser.
 *
 * Decisions the product side relies on:
 * - open stages are OPEN_STATUSES (Lead, Contacted, Qualified, In negotiation);
 * - weighted value = deal value × stage probability, a missing deal value counting as 0;
 * - open pipeline value / weighted forecast = deal value / weighted value of the open stages only;
 * - won value = deal value of customers now Closed-won or Active;
 * - money figures are rounded to the cent; days and rates are not rounded (the tab formats them);
 * - conversion, won/lost and time in stage: see conversion.ts and stageTimes.ts;
 * - stale: see idleCustomers below; the summary lists the STALE_LIST_LIMIT stalest (headline.staleCount counts
 *   them all); owners: see ownerRows below;
 * - headline, sales cycle, lost reasons, bottleneck: see manager.ts; snapshots and the weekly trend: snapshots.ts.
 */

import { DEFAULT_STAGE_PROBABILITIES, OPEN_STATUSES, STATUSES, type Status } from '../statuses';
import { computeConversion } from './conversion';
import { bottleneckSentences, longestWait, lostReasonRows, lowestConversion, salesCycleDays } from './manager';
import { mergeSnapshots, snapshotOf, weeklyForecast } from './snapshots';
import { computeStageTimes } from './stageTimes';
import { statusChangesByCustomer, timelinesOf } from './statusEvents';
import { compareText, DAY_MS, DEFAULT_STALE_DAYS, parseTime, roundMoney, STALE_LIST_LIMIT } from './time';
import { isoWeek } from './weeks';
import type { OwnerRow, PipelineCustomer, PipelineInput, PipelineSummary, StageRow, StaleRow } from './types';

/** A deal value usable in sums: a missing or non-numeric one counts as 0 rather than poisoning the total. */
function dealValue(customer: PipelineCustomer): number {
  const v = customer.dealValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Settings are edited by hand: a blank or non-numeric probability falls back to the spec default. */
export function effectiveProbabilities(given: Readonly<Record<Status, number>>): Record<Status, number> {
  const result = { ...DEFAULT_STAGE_PROBABILITIES };
  for (const status of STATUSES) {
    const p = given[status];
    if (typeof p === 'number' && Number.isFinite(p)) result[status] = p;
  }
  return result;
}

/** Same reason: a blank or negative threshold falls back to the default 14 days. */
export function effectiveStaleDays(given: number): number {
  return typeof given === 'number' && Number.isFinite(given) && given >= 0 ? given : DEFAULT_STALE_DAYS;
}

/** The later of two times, either of which may be missing. */
function latestTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null || a >= b ? a : b;
}

/** An open customer idle for staleDays whole days or more, with its exact idle time (the sort key). */
interface IdleCustomer {
  customer: PipelineCustomer;
  idleMs: number;
}

/**
 * Customers in an open stage idle for staleDays whole days or more: the tab says "N days or more without a change"
 * and its Days idle column shows the same whole days, so a customer listed never shows fewer than N. "Idle since"
 * is the latest parsable of Updated at, Status changed at and Created at, so an imported row with a blank Updated
 * at is still judged; a customer with no parsable date is never listed (we cannot tell).
 */
function idleCustomers(customers: readonly PipelineCustomer[], staleDays: number, now: number): IdleCustomer[] {
  const idle: IdleCustomer[] = [];
  for (const c of customers) {
    if (!isOpen(c.status)) continue;
    const latest = latestTime(latestTime(parseTime(c.updatedAt), parseTime(c.statusChangedAt)), parseTime(c.createdAt));
    if (latest === null) continue;
    const idleMs = now - latest;
    if (Math.floor(idleMs / DAY_MS) >= staleDays) idle.push({ customer: c, idleMs });
  }
  return idle;
}

/** Oldest first (by exact time, not the rounded days), ties by ID; daysIdle is whole days, rounded down. */
function staleRows(idle: IdleCustomer[]): StaleRow[] {
  idle.sort((a, b) => b.idleMs - a.idleMs || compareText(a.customer.id, b.customer.id));
  return idle.map(({ customer: c, idleMs }) => ({
    id: c.id,
    name: c.name,
    company: c.company,
    owner: c.owner.trim(),
    status: c.status,
    daysIdle: Math.floor(idleMs / DAY_MS),
    updatedAt: typeof c.updatedAt === 'number' ? new Date(c.updatedAt).toISOString() : c.updatedAt,
  }));
}

/** Every stale customer (see idleCustomers), oldest first, ties by ID: the board marks its cards with it. */
export function staleCustomers(customers: readonly PipelineCustomer[], staleDays: number, now: number): StaleRow[] {
  return staleRows(idleCustomers(customers, staleDays, now));
}

/**
 * The `limit` stalest customers (the order of staleCustomers) and how many are stale in all. At 50,000 customers
 * tens of thousands can be stale: only those listed are sorted and built (the idle times of the rest are compared
 * as one typed array, without a comparator call each).
 */
export function stalestCustomers(
  customers: readonly PipelineCustomer[],
  staleDays: number,
  now: number,
  limit: number,
): { listed: StaleRow[]; count: number } {
  const idle = idleCustomers(customers, staleDays, now);
  if (limit <= 0) return { listed: [], count: idle.length };
  if (idle.length <= limit) return { listed: staleRows(idle), count: idle.length };
  // The limit-th largest idle time: everyone at least that idle is a candidate (ties may add a few).
  const times = Float64Array.from(idle, (c) => c.idleMs).sort();
  const threshold = times[times.length - limit] as number;
  const candidates = idle.filter((c) => c.idleMs >= threshold);
  return { listed: staleRows(candidates).slice(0, limit), count: idle.length };
}

/**
 * One row per owner. Owners are matched trimmed and case-insensitively (staff type e-mails by hand) and
 * shown as first spelled; '' means no owner. weightedValue covers all the owner's customers, like the
 * By-stage weighted column, so the owner rows add up to the total (give or take cent rounding). Sorted by weighted value descending,
 * then name (case-insensitive), so '' (shown "(no owner)") comes first among equals.
 */
function ownerRows(
  customers: readonly PipelineCustomer[],
  probabilities: Record<Status, number>,
  today: string,
): OwnerRow[] {
  const byKey = new Map<
    string,
    { owner: string; count: number; openCount: number; weighted: number; overdue: number; noNextStep: number }
  >();
  // A CRM has a handful of owners: each raw spelling is trimmed and lower-cased once, not once per customer.
  const entryOf = new Map<string, NonNullable<ReturnType<typeof byKey.get>>>();
  for (const c of customers) {
    let entry = entryOf.get(c.owner);
    if (!entry) {
      const owner = c.owner.trim();
      const key = owner.toLowerCase();
      entry = byKey.get(key) ?? { owner, count: 0, openCount: 0, weighted: 0, overdue: 0, noNextStep: 0 };
      byKey.set(key, entry);
      entryOf.set(c.owner, entry);
    }
    entry.count++;
    if (isOpen(c.status)) entry.openCount++;
    entry.weighted += dealValue(c) * probabilities[c.status];
    // The same rules as My work's lists (src/domain/followUps.ts): days compare as 'YYYY-MM-DD' text.
    const due = c.nextStepDue ?? '';
    if (due !== '' && due < today) entry.overdue++;
    if (due === '' && isOpen(c.status)) entry.noNextStep++;
  }
  const rows: OwnerRow[] = [...byKey.values()].map((e) => ({
    owner: e.owner,
    count: e.count,
    openCount: e.openCount,
    weightedValue: roundMoney(e.weighted),
    overdueCount: e.overdue,
    noNextStepCount: e.noNextStep,
  }));
  rows.sort(
    (a, b) =>
      b.weightedValue - a.weightedValue ||
      compareText(a.owner.toLowerCase(), b.owner.toLowerCase()) ||
      compareText(a.owner, b.owner),
  );
  return rows;
}

export function buildPipelineSummary(input: PipelineInput): PipelineSummary {
  const now = parseTime(input.nowIso);
  // "Now" comes from the server clock; a bad value is a programming error, not user data to tolerate.
  if (now === null) throw new RangeError(`buildPipelineSummary: nowIso is not a date: ${String(input.nowIso)}`);
  const probabilities = effectiveProbabilities(input.probabilities);
  const staleDays = effectiveStaleDays(input.staleDays);
  const customers = input.customers;

  const stageSums = new Map<Status, { count: number; value: number }>(STATUSES.map((s) => [s, { count: 0, value: 0 }]));
  for (const c of customers) {
    const sums = stageSums.get(c.status);
    if (!sums) continue; // the type says this cannot happen; skipping beats a crash on a corrupt row
    sums.count++;
    sums.value += dealValue(c);
  }
  // Weighted per stage = stage total × probability (what the row shows); sums are of the rounded rows,
  // so every total on the tab is the sum of the figures printed above it.
  const stages: StageRow[] = STATUSES.map((status) => {
    const sums = stageSums.get(status) ?? { count: 0, value: 0 };
    const probability = probabilities[status];
    return {
      status,
      count: sums.count,
      totalValue: roundMoney(sums.value),
      probability,
      weightedValue: roundMoney(sums.value * probability),
    };
  });
  const sum = (rows: readonly StageRow[], pick: (r: StageRow) => number): number =>
    roundMoney(rows.reduce((acc, r) => acc + pick(r), 0));
  const openStages = stages.filter((r) => isOpen(r.status));
  const wonStages = stages.filter((r) => r.status === 'Closed-won' || r.status === 'Active');

  const timelines = timelinesOf(customers, input.statusChanges ?? statusChangesByCustomer(input.history ?? []));
  const { conversion, wonCount, lostCount, winRate } = computeConversion(customers, timelines);
  const stageTimes = computeStageTimes(customers, timelines, now);
  const stale = stalestCustomers(customers, staleDays, now, input.staleListLimit ?? STALE_LIST_LIMIT);
  const owners = ownerRows(customers, probabilities, input.today ?? input.nowIso.slice(0, 10));
  const cycle = salesCycleDays(customers, timelines);
  const lowest = lowestConversion(conversion);
  const wait = longestWait(stageTimes);
  const sentences = bottleneckSentences(lowest, wait);
  const week = input.week ?? isoWeek(input.today ?? input.nowIso.slice(0, 10));
  const snapshot = snapshotOf(stages, week, input.nowIso);

  return {
    rebuiltAt: input.nowIso,
    rebuiltBy: input.rebuiltBy,
    stages,
    totals: {
      count: stages.reduce((acc, r) => acc + r.count, 0),
      totalValue: sum(stages, (r) => r.totalValue),
      weightedValue: sum(stages, (r) => r.weightedValue),
    },
    openPipelineValue: sum(openStages, (r) => r.totalValue),
    weightedForecast: sum(openStages, (r) => r.weightedValue),
    wonValue: sum(wonStages, (r) => r.totalValue),
    conversion,
    wonCount,
    lostCount,
    winRate,
    stageTimes,
    stale: stale.listed,
    owners,
    staleDays,
    headline: {
      salesCycleDays: cycle.medianDays,
      salesCycleDeals: cycle.deals,
      staleCount: stale.count,
      overdueCount: owners.reduce((acc, o) => acc + o.overdueCount, 0),
      noNextStepCount: owners.reduce((acc, o) => acc + o.noNextStepCount, 0),
      lowestConversion: lowest,
      longestWait: wait,
      conversionSentence: sentences.conversion,
      waitSentence: sentences.wait,
    },
    lostReasons: lostReasonRows(customers),
    week,
    snapshot,
    weeklyForecast: weeklyForecast(mergeSnapshots(input.snapshots ?? [], snapshot)),
  };
}
