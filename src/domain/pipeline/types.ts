/**
 * Shapes of the Pipeline summary: the input the sheet layer gathers and the plain-JSON result.
 * The result crosses google.script.run (rebuildPipelineSummary), so it holds only strings, numbers,
 * null and arrays/objects of them: no Date, no Map, no undefined.
 */

import type { ChoiceGroups } from '../customFields/groupBy';
import type { Customer, HistoryEvent } from '../customer';
import type { Status } from '../statuses';
import type { SnapshotRow, WeekForecast } from './snapshots';
import type { StatusChange } from './statusEvents';

/**
 * The part of a History row the pipeline reads. `at` may be given as milliseconds since the epoch: the sheet
 * layer reads History's dates that way, so 250,000 rows are not turned into ISO strings only to be parsed back.
 */
export type PipelineEvent = Pick<HistoryEvent, 'customerId' | 'action' | 'field' | 'from' | 'to'> & {
  at: string | number;
};

/** The part of a customer the pipeline reads; its dates may be given as milliseconds, as History's `at`. */
export type PipelineCustomer = Pick<Customer, 'id' | 'name' | 'company' | 'owner' | 'status' | 'dealValue'> & {
  /** 'YYYY-MM-DD' or '' (absent: no next step planned). */
  nextStepDue?: string;
  /** Why a Closed-lost deal was lost ('' or absent: none given). */
  lostReason?: string;
  createdAt: string | number;
  updatedAt: string | number;
  statusChangedAt: string | number;
};

export interface PipelineInput {
  customers: readonly PipelineCustomer[];
  /** History's rows (the status rows are picked out); absent when `statusChanges` gives them grouped already. */
  history?: readonly PipelineEvent[];
  /** The status changes per customer ID, as StatusChangeCollector groups them while the sheet layer reads History. */
  statusChanges?: ReadonlyMap<string, readonly StatusChange[]>;
  /** Win probability per stage from `Settings` (0..1); a non-finite entry falls back to the default. */
  probabilities: Readonly<Record<Status, number>>;
  /** Stale threshold from `Settings`, in days; a non-finite or negative value falls back to 14. */
  staleDays: number;
  /** "Now" as an ISO string: passed in so the maths stays pure and testable. */
  nowIso: string;
  /**
   * Today in the spreadsheet's time zone, 'YYYY-MM-DD': a follow-up due before it is overdue. Absent: the UTC day of
   * nowIso.
   */
  today?: string;
  rebuiltBy: string;
  /** The Snapshots tab's rows so far (this week's are replaced); absent: none. */
  snapshots?: readonly SnapshotRow[];
  /** The ISO week of `today` ('2026-W49'); absent: computed from today. */
  week?: string;
  /** How many stale customers to list (absent: STALE_LIST_LIMIT); tests list fewer to see the cap. */
  staleListLimit?: number;
}

/** One row of the Lost reasons table: customers now Closed-lost with that reason. */
export interface LostReasonRow {
  /** As stored; NO_LOST_REASON for a Closed-lost customer without one. */
  reason: string;
  count: number;
  totalValue: number;
}

/** The headline block: what a manager reads first, the bottleneck in words. */
export interface Headline {
  /** Median days from creation to the first Closed-won, over `salesCycleDeals` deals; null when none. */
  salesCycleDays: number | null;
  salesCycleDeals: number;
  /** Every stale customer, listed or not. */
  staleCount: number;
  overdueCount: number;
  noNextStepCount: number;
  lowestConversion: ConversionRow | null;
  longestWait: StageTimeRow | null;
  /** The two sentences the tab shows. */
  conversionSentence: string;
  waitSentence: string;
}

/** One row of the By-stage table. Money is rounded to the cent (see summary.ts). */
export interface StageRow {
  status: Status;
  /** Customers whose current status is this stage. */
  count: number;
  /** Sum of their deal values (a missing deal value counts as 0). */
  totalValue: number;
  probability: number;
  /** totalValue × probability. */
  weightedValue: number;
}

/** One step of the funnel Lead → Contacted → Qualified → In negotiation → Closed-won. */
export interface ConversionRow {
  from: Status;
  to: Status;
  /** Customers that reached `to`. */
  reached: number;
  /** Customers that reached `from` (the denominator). */
  fromReached: number;
  /** reached / fromReached, or null when fromReached is 0. */
  rate: number | null;
}

/** Bottleneck figures for one stage; days are fractional (rounded only when displayed). */
export interface StageTimeRow {
  status: Status;
  /** Number of stays, the ongoing one included. */
  stays: number;
  averageDays: number | null;
  medianDays: number | null;
}

export interface StaleRow {
  id: string;
  name: string;
  company: string;
  /** Raw owner ('' when none; the tab shows NO_OWNER_LABEL). */
  owner: string;
  status: Status;
  /** Whole days since the last recorded change, rounded down. */
  daysIdle: number;
  updatedAt: string;
}

export interface OwnerRow {
  /** Owner as first spelled in `Customers`, trimmed; '' when none (the tab shows NO_OWNER_LABEL). */
  owner: string;
  count: number;
  /** How many of them are in an open stage. */
  openCount: number;
  /** Weighted value of all their customers (the owner rows add up to totals.weightedValue). */
  weightedValue: number;
  /** Customers whose next step was due before today (what "My work" lists as overdue). */
  overdueCount: number;
  /** Customers in an open stage with no next step due date (My work's "no next step"). */
  noNextStepCount: number;
}

export interface PipelineSummary {
  rebuiltAt: string;
  rebuiltBy: string;
  /** Every status, in spec order. */
  stages: StageRow[];
  totals: { count: number; totalValue: number; weightedValue: number };
  /** Deal value of customers in OPEN_STATUSES. */
  openPipelineValue: number;
  /** Weighted value of customers in OPEN_STATUSES. */
  weightedForecast: number;
  /** Deal value of customers currently Closed-won or Active. */
  wonValue: number;
  conversion: ConversionRow[];
  /** Customers that ever reached Closed-won (or Active). */
  wonCount: number;
  /** Customers that ever reached Closed-lost. */
  lostCount: number;
  /** wonCount / (wonCount + lostCount), or null when both are 0. */
  winRate: number | null;
  /** Every status, in spec order. */
  stageTimes: StageTimeRow[];
  /** The STALE_LIST_LIMIT stalest customers, oldest first, ties by id (headline.staleCount counts them all). */
  stale: StaleRow[];
  /** Weighted value descending, then owner name. */
  owners: OwnerRow[];
  /** The threshold actually used (after falling back to the default). */
  staleDays: number;
  headline: Headline;
  /** Most customers first. */
  lostReasons: LostReasonRow[];
  /** The ISO week of this rebuild and its 8 Snapshots rows. */
  week: string;
  snapshot: SnapshotRow[];
  /** Weighted forecast per week (this one included), oldest first, at most TREND_WEEKS. */
  weeklyForecast: WeekForecast[];
  /** Count and deal value per choice of the Choice field Settings' "Group Pipeline by" names (absent when none). */
  byChoice?: ChoiceGroups;
}
