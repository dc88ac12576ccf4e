/**
 * The manager's reading of the figures: the sales cycle, the Lost reasons table and the bottleneck said in words.
 * Pure; buildPipelineSummary calls these with what it has already computed.
 *
 * Decisions:
 * - sales cycle = median whole-and-fractional days from a customer's creation to its FIRST move to Closed-won
 *   (History's dated status rows; Created at from Customers, else the opening History row), over every customer
 *   that ever reached Closed-won (those now Active included); none → null;
 * - Lost reasons = the customers NOW in Closed-lost, by reason as stored ('' → "(no reason given)"), most
 *   customers first, then deal value, then the reason;
 * - lowest conversion = the funnel step with the lowest rate among those with a denominator (ties: the earlier
 *   step); longest wait = the open stage with the highest median days in stage (ties: the earlier stage).
 */

import { NO_LOST_REASON } from '../lostReasons';
import { OPEN_STATUSES } from '../statuses';
import { median } from './stageTimes';
import type { Timeline } from './statusEvents';
import { DAY_MS, parseTime, roundMoney } from './time';
import type { ConversionRow, LostReasonRow, PipelineCustomer, StageTimeRow } from './types';

export function salesCycleDays(
  customers: readonly PipelineCustomer[],
  timelines: readonly Timeline[],
): { medianDays: number | null; deals: number } {
  const days: number[] = [];
  customers.forEach((c, i) => {
    const dated = timelines[i]?.dated ?? [];
    const won = dated.find((change) => change.to === 'Closed-won');
    if (!won) return;
    const created = parseTime(c.createdAt) ?? dated.find((change) => change.opening)?.time ?? null;
    if (created === null || won.time < created) return;
    days.push((won.time - created) / DAY_MS);
  });
  return { medianDays: median(days), deals: days.length };
}

export function lostReasonRows(customers: readonly PipelineCustomer[]): LostReasonRow[] {
  const byReason = new Map<string, { count: number; value: number }>();
  for (const c of customers) {
    if (c.status !== 'Closed-lost') continue;
    const reason = (c.lostReason ?? '').trim() || NO_LOST_REASON;
    const entry = byReason.get(reason) ?? { count: 0, value: 0 };
    entry.count++;
    entry.value += typeof c.dealValue === 'number' && Number.isFinite(c.dealValue) ? c.dealValue : 0;
    byReason.set(reason, entry);
  }
  return [...byReason.entries()]
    .map(([reason, e]) => ({ reason, count: e.count, totalValue: roundMoney(e.value) }))
    .sort((a, b) => b.count - a.count || b.totalValue - a.totalValue || (a.reason < b.reason ? -1 : 1));
}

export function lowestConversion(conversion: readonly ConversionRow[]): ConversionRow | null {
  let lowest: ConversionRow | null = null;
  for (const row of conversion) {
    if (row.rate === null) continue;
    if (lowest === null || row.rate < (lowest.rate as number)) lowest = row;
  }
  return lowest;
}

export function longestWait(stageTimes: readonly StageTimeRow[]): StageTimeRow | null {
  let longest: StageTimeRow | null = null;
  for (const row of stageTimes) {
    if (!OPEN_STATUSES.includes(row.status) || row.medianDays === null) continue;
    if (longest === null || row.medianDays > (longest.medianDays as number)) longest = row;
  }
  return longest;
}

const oneDecimal = (days: number): string => (Math.round(days * 10) / 10).toFixed(1);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The two bottleneck sentences of the headline. */
export function bottleneckSentences(
  conversion: ConversionRow | null,
  wait: StageTimeRow | null,
): { conversion: string; wait: string } {
  return {
    conversion:
      conversion === null
        ? 'Lowest conversion: not enough history yet.'
        : `Lowest conversion: ${conversion.from} → ${conversion.to}, ${conversion.reached} of ${conversion.fromReached} (${Math.round((conversion.rate ?? 0) * 100)}%).`,
    wait:
      wait === null
        ? 'Longest wait: no customer has been in an open stage yet.'
        : `Longest wait: ${wait.status}, median ${oneDecimal(wait.medianDays ?? 0)} days over ${plural(wait.stays, 'stay')}.`,
  };
}
