/**
 * The Pipeline board's figures (pure): one column per stage in STATUSES order with its count, deal value and
 * weighted value over every customer the owner filter keeps, and the `perStage` stalest cards (longest since
 * `Status changed at`). Sums and the stale mark follow the Pipeline tab's rules (src/domain/pipeline/summary.ts).
 */

import { effectiveProbabilities, effectiveStaleDays, staleCustomers } from './pipeline/summary';
import { compareText, DAY_MS, parseTime, roundMoney } from './pipeline/time';
import type { PipelineCustomer } from './pipeline/types';
import type { BoardCardMark, BoardStageFigures } from './results';
import { STATUSES, type Status } from './statuses';

/** Cards per column when the caller does not say (spec: default 50). */
export const DEFAULT_PER_STAGE = 50;
/** Most cards per column one call returns: 8 × 1,000 full customers stays a small reply. */
export const MAX_PER_STAGE = 1000;

export interface BoardRow<T> {
  customer: PipelineCustomer;
  /** What the caller turns into the card's customer (the sheet row): only done for the cards shown. */
  item: T;
}

export interface BoardInput<T> {
  rows: readonly BoardRow<T>[];
  /** Lower-case e-mail, or null for everyone. Owners compare trimmed and case-insensitively, as on the Pipeline tab. */
  owner: string | null;
  perStage: number;
  probabilities: Readonly<Record<Status, number>>;
  staleDays: number;
  nowIso: string;
}

export interface BoardCardOf<T> extends BoardCardMark {
  item: T;
}

export interface BoardColumnOf<T> extends BoardStageFigures {
  cards: BoardCardOf<T>[];
}

function dealValue(customer: PipelineCustomer): number {
  const v = customer.dealValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** When the customer entered its stage: Status changed at, else Created at (an imported row may lack the first). */
function stageSince(customer: PipelineCustomer): number | null {
  return parseTime(customer.statusChangedAt) ?? parseTime(customer.createdAt);
}

export function buildBoard<T>(input: BoardInput<T>): BoardColumnOf<T>[] {
  const now = parseTime(input.nowIso);
  if (now === null) throw new RangeError(`buildBoard: nowIso is not a date: ${String(input.nowIso)}`);
  const probabilities = effectiveProbabilities(input.probabilities);
  const byStatus = new Map<Status, BoardRow<T>[]>(STATUSES.map((s) => [s, []]));
  for (const row of input.rows) {
    if (input.owner !== null && row.customer.owner.trim().toLowerCase() !== input.owner) continue;
    byStatus.get(row.customer.status)?.push(row);
  }
  const staleDays = effectiveStaleDays(input.staleDays);
  const columns = STATUSES.map((status) => {
    const rows = byStatus.get(status) ?? [];
    const value = roundMoney(rows.reduce((sum, r) => sum + dealValue(r.customer), 0));
    // Stalest first; a customer with no date at all last; ties by ID so the order never flickers.
    const since = rows.map((row) => ({ row, since: stageSince(row.customer) }));
    since.sort(
      (a, b) =>
        (a.since ?? Number.POSITIVE_INFINITY) - (b.since ?? Number.POSITIVE_INFINITY) ||
        compareText(a.row.customer.id, b.row.customer.id),
    );
    return { status, rows, value, shown: since.slice(0, input.perStage) };
  });
  // The Pipeline tab's own rule, asked only about the cards shown (at 50,000 customers, not every open deal).
  const shown = columns.flatMap((c) => c.shown.map((s) => s.row.customer));
  const staleIds = new Set(staleCustomers(shown, staleDays, now).map((s) => s.id));

  return columns.map(
    ({ status, rows, value, shown: cards }): BoardColumnOf<T> => ({
      status,
      count: rows.length,
      value,
      // As the Pipeline tab's By stage row: the stage total × its probability.
      weighted: roundMoney(value * probabilities[status]),
      probability: probabilities[status],
      cards: cards.map(({ row, since: at }) => ({
        item: row.item,
        daysInStage: at === null ? null : Math.max(0, Math.floor((now - at) / DAY_MS)),
        stale: staleIds.has(row.customer.id),
      })),
    }),
  );
}
