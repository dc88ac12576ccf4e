/**
 * Conversion through the funnel Lead → Contacted → Qualified → In negotiation → Closed-won, and won/lost.
 * "Reached" is about history, not the current stage: a lost deal that got to negotiation still counts
 * as having reached negotiation, which is what a manager asks of a funnel.
 */

import type { Status } from '../statuses';
import type { StatusChange } from './statusEvents';
import type { ConversionRow, PipelineCustomer } from './types';

export const FUNNEL: readonly Status[] = ['Lead', 'Contacted', 'Qualified', 'In negotiation', 'Closed-won'];

/**
 * How far down the funnel a status is (index in FUNNEL), or -1. Active is a won customer being served,
 * so it sits at Closed-won's depth; Closed-lost and Dormant imply nothing about how far a deal got.
 */
export function funnelDepth(status: Status): number {
  if (status === 'Active') return FUNNEL.indexOf('Closed-won');
  return FUNNEL.indexOf(status);
}

/**
 * Every status a customer is known to have had: its current status, and the `To` and `From` of its status
 * rows (a known `From` proves the earlier status even when the row that set it is missing). Undated rows
 * count here: only time maths needs the date.
 */
export function reachedStatuses(
  customer: Pick<PipelineCustomer, 'status'>,
  changes: readonly StatusChange[],
): Set<Status> {
  const reached = new Set<Status>([customer.status]);
  for (const change of changes) {
    reached.add(change.to);
    if (change.from !== null) reached.add(change.from);
  }
  return reached;
}

export interface ConversionFigures {
  conversion: ConversionRow[];
  wonCount: number;
  lostCount: number;
  winRate: number | null;
}

/**
 * Funnel rows and won/lost counts. Reaching a later funnel stage implies the earlier ones (registered
 * straight at Qualified = reached Lead and Contacted), so every rate is at most 100%. A customer that was
 * lost and later won counts in both won and lost: the counts say what happened, not the final state.
 */
export function computeConversion(
  customers: readonly PipelineCustomer[],
  changesById: ReadonlyMap<string, readonly StatusChange[]>,
): ConversionFigures {
  const reachedAtDepth = FUNNEL.map(() => 0);
  let wonCount = 0;
  let lostCount = 0;
  // reachedStatuses, folded into counters: no Set per customer (this loop runs once per customer at 50,000).
  let depth = -1;
  let won = false;
  let lost = false;
  const reach = (status: Status): void => {
    depth = Math.max(depth, funnelDepth(status));
    if (status === 'Closed-won' || status === 'Active') won = true;
    else if (status === 'Closed-lost') lost = true;
  };
  for (const customer of customers) {
    depth = -1;
    won = false;
    lost = false;
    reach(customer.status);
    for (const change of changesById.get(String(customer.id).trim()) ?? []) {
      reach(change.to);
      if (change.from !== null) reach(change.from);
    }
    for (let d = 0; d <= depth; d++) reachedAtDepth[d] = (reachedAtDepth[d] ?? 0) + 1;
    if (won) wonCount++;
    if (lost) lostCount++;
  }

  const conversion: ConversionRow[] = [];
  for (let d = 1; d < FUNNEL.length; d++) {
    const from = FUNNEL[d - 1];
    const to = FUNNEL[d];
    if (from === undefined || to === undefined) continue;
    const reached = reachedAtDepth[d] ?? 0;
    const fromReached = reachedAtDepth[d - 1] ?? 0;
    conversion.push({ from, to, reached, fromReached, rate: fromReached === 0 ? null : reached / fromReached });
  }
  const decided = wonCount + lostCount;
  return { conversion, wonCount, lostCount, winRate: decided === 0 ? null : wonCount / decided };
}
