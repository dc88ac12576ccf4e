/**
 * The `Snapshots` tab: `Week, Stage, Customers, Deal value, Weighted value, Taken at`. Each rebuild writes the 8
 * rows of the current ISO week, replacing that week's earlier rows (one set per week, the latest within the week),
 * and the Pipeline tab charts the weighted forecast (the open stages' weighted value) week by week.
 * Pure: the sheet layer reads the tab's values and writes back what mergeSnapshots returns.
 */

import { isDate } from '../dates';
import { OPEN_STATUSES, parseStatus, STATUSES, type Status } from '../statuses';
import { roundMoney } from './time';
import type { StageRow } from './types';
import { isIsoWeek } from './weeks';

export const SNAPSHOT_HEADERS = ['Week', 'Stage', 'Customers', 'Deal value', 'Weighted value', 'Taken at'] as const;

export interface SnapshotRow {
  week: string;
  stage: Status;
  customers: number;
  dealValue: number;
  weightedValue: number;
  /** ISO date-time of the rebuild that wrote it. */
  takenAt: string;
}

/** How many weeks the Pipeline tab's trend shows (its table has a fixed height). */
export const TREND_WEEKS = 12;

export interface WeekForecast {
  week: string;
  /** Sum of the open stages' weighted value in that week's snapshot. */
  weightedForecast: number;
}

/** This week's 8 rows from the By-stage figures. */
export function snapshotOf(stages: readonly StageRow[], week: string, takenAt: string): SnapshotRow[] {
  return STATUSES.map((stage) => {
    const row = stages.find((s) => s.status === stage);
    return {
      week,
      stage,
      customers: row?.count ?? 0,
      dealValue: row?.totalValue ?? 0,
      weightedValue: row?.weightedValue ?? 0,
      takenAt,
    };
  });
}

const asNumber = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * The tab's data rows (header excluded) as snapshots; a row without a week label or a known stage (a scribble,
 * a blank line) is dropped, so the next write tidies it away.
 */
export function readSnapshots(rows: readonly (readonly unknown[])[]): SnapshotRow[] {
  const snapshots: SnapshotRow[] = [];
  for (const row of rows) {
    const week = typeof row[0] === 'string' ? row[0].trim() : '';
    const stage = parseStatus(row[1]);
    if (!isIsoWeek(week) || stage === null) continue;
    const taken = row[5];
    snapshots.push({
      week,
      stage,
      customers: asNumber(row[2]),
      dealValue: asNumber(row[3]),
      weightedValue: asNumber(row[4]),
      takenAt: isDate(taken) ? taken.toISOString() : typeof taken === 'string' ? taken : '',
    });
  }
  return snapshots;
}

/** Earlier weeks as they were, then `current` (which replaces its week's rows), in week then stage order. */
export function mergeSnapshots(existing: readonly SnapshotRow[], current: readonly SnapshotRow[]): SnapshotRow[] {
  const replaced = new Set(current.map((row) => row.week));
  const kept = existing.filter((row) => !replaced.has(row.week));
  const order = (row: SnapshotRow): number => STATUSES.indexOf(row.stage);
  return [...kept, ...current].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : order(a) - order(b)));
}

/** The weighted forecast of the last `TREND_WEEKS` weeks that have a snapshot, oldest first. */
export function weeklyForecast(snapshots: readonly SnapshotRow[]): WeekForecast[] {
  const byWeek = new Map<string, number>();
  for (const row of snapshots) {
    const open = OPEN_STATUSES.includes(row.stage);
    byWeek.set(row.week, (byWeek.get(row.week) ?? 0) + (open ? row.weightedValue : 0));
  }
  return [...byWeek.keys()]
    .sort()
    .slice(-TREND_WEEKS)
    .map((week) => ({ week, weightedForecast: roundMoney(byWeek.get(week) ?? 0) }));
}
