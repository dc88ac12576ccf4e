/**
 * Status changes read out of `History` rows, grouped per customer.
 * History is written by several paths (sidebar, onEdit, import) and may be hand-sorted or hold stray labels,
 * so this reader is tolerant: it keeps input order only as a tie-break and skips what it cannot understand.
 */

import type { PipelineEvent } from './types';
import { parseStatus, statusKey, type Status } from '../statuses';
import { parseTime } from './time';

export interface StatusChange {
  /** ms since the epoch; null when `at` does not parse (still counts for "reached", not for time in stage). */
  time: number | null;
  /** The status before the change, when the row names a known one. */
  from: Status | null;
  to: Status;
  /** True for the row that opened the record (create/import): its `to` is the first status. */
  opening: boolean;
  /** Position in the input, the last tie-break so equal timestamps keep their logged order. */
  index: number;
}

/**
 * A test of whether a History row records a status. `status` rows always do; so does any row whose Field is Status
 * (an update through the sidebar or a manual edit of the Status cell); a create/import row with no field carries
 * the first status in `To`. The sheet layer asks it of every raw row, so only status rows become events.
 */
export function statusCarrierTest(): (action: unknown, field: unknown) => boolean {
  // History holds a handful of distinct Field labels: each is normalised once per rebuild, not once per row.
  const fieldKeys = new Map<string, string>();
  return (action, field) => {
    if (action === 'status') return true;
    const raw = typeof field === 'string' ? field : '';
    let key = fieldKeys.get(raw);
    if (key === undefined) {
      key = raw === 'Status' ? 'status' : statusKey(raw);
      fieldKeys.set(raw, key);
    }
    if (key === 'status') return true;
    return (action === 'create' || action === 'import') && key === '';
  };
}

/**
 * A customer ID as the changes are keyed: trimmed. IDs nearly always come trimmed already (the sheet layer reads
 * them so), and trim() makes a new string to hash each time: only an ID that starts or ends with a space or a
 * non-ASCII character (which might be one) is trimmed.
 */
export function idKey(id: unknown): string {
  const text = String(id);
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || first >= 128 || last <= 32 || last >= 128 ? text.trim() : text;
}

/**
 * Status changes grouped per customer ID (trimmed), row by row: statusChangesByCustomer for a list of events, and
 * the sheet layer's reader for raw History cells (it tests each row with carriesStatus and adds only those, so no
 * event object is made per row). A `To` that is not a known label (a typo, a label renamed since) is skipped
 * entirely: it neither starts nor ends a stay, and reaches nothing.
 */
export class StatusChangeCollector {
  readonly byId = new Map<string, StatusChange[]>();
  /** Whether a row with this Action and Field records a status (statusCarrierTest). */
  readonly carriesStatus = statusCarrierTest();

  /** A row that carries a status, at position `index` of History (the tie-break of equal times). */
  add(index: number, at: unknown, customerId: unknown, action: unknown, from: unknown, to: unknown): void {
    const status = parseStatus(to);
    if (status === null) return;
    const id = idKey(customerId);
    const change: StatusChange = {
      time: parseTime(at),
      from: parseStatus(from),
      to: status,
      opening: action === 'create' || action === 'import',
      index,
    };
    const list = this.byId.get(id);
    if (list) list.push(change);
    else this.byId.set(id, [change]);
  }
}

/** Status changes per customer ID (trimmed), in input order (see StatusChangeCollector). */
export function statusChangesByCustomer(history: readonly PipelineEvent[]): Map<string, StatusChange[]> {
  const collector = new StatusChangeCollector();
  history.forEach((event, index) => {
    if (collector.carriesStatus(event.action, event.field)) {
      collector.add(index, event.at, event.customerId, event.action, event.from, event.to);
    }
  });
  return collector.byId;
}

export type DatedChange = StatusChange & { time: number };

/**
 * The dated changes in chronological order. On equal timestamps the opening row goes first (a create and
 * its first status change logged in the same second), then input order.
 */
export function chronological(changes: readonly StatusChange[]): readonly DatedChange[] {
  // History is written in time order, so the list usually is already: then it is returned as it is (no copy).
  let ordered = true;
  for (let i = 0; i < changes.length && ordered; i++) {
    const change = changes[i] as StatusChange;
    const before = changes[i - 1];
    ordered =
      change.time !== null &&
      (before === undefined || compareChanges(before as DatedChange, change as DatedChange) <= 0);
  }
  if (ordered) return changes as readonly DatedChange[];
  return changes.filter((c): c is DatedChange => c.time !== null).sort(compareChanges);
}

function compareChanges(a: DatedChange, b: DatedChange): number {
  return a.time - b.time || Number(b.opening) - Number(a.opening) || a.index - b.index;
}

/** One customer's status changes as History has them, and the dated ones in chronological order. */
export interface Timeline {
  changes: readonly StatusChange[];
  dated: readonly DatedChange[];
}

const NO_TIMELINE: Timeline = { changes: [], dated: [] };

/**
 * Each customer's timeline, in the customers' order: the ID looked up and the changes put in order once per
 * customer, for every figure that walks them (conversion, time in stage, sales cycle).
 */
export function timelinesOf(
  customers: readonly { id: string }[],
  changesById: ReadonlyMap<string, readonly StatusChange[]>,
): Timeline[] {
  return customers.map((customer) => {
    const changes = changesById.get(idKey(customer.id));
    return changes === undefined ? NO_TIMELINE : { changes, dated: chronological(changes) };
  });
}
