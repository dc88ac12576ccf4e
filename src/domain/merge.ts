/**
 * Merging two records of one customer (SPEC "Version 2": mergeCustomers): the kept customer's empty fields are
 * filled from the other, Notes are joined, and the other is archived with the reason `merged into <keepId>`.
 * Pure: what the kept customer becomes and the `merge` events of both; the server moves the rows.
 */

import { mergedReason } from './archive';
import { stampChange } from './change';
import { EDITABLE_KEYS, type Customer, type FieldErrors, type HistoryEvent } from './customer';
import { mergedFields } from './mergeFields';
import { fieldLabel, formatCount, NOTES_MAX } from './validation';

function logText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export interface MergeOutcome {
  /** The kept customer after the merge (Version + 1, Updated at/by stamped). */
  kept: Customer;
  /** The kept customer's events: one saying what was merged, then one per filled field. */
  keptEvents: HistoryEvent[];
  /** The other customer's `merge` event (its archive event is added by the archive itself). */
  mergedEvents: HistoryEvent[];
  /** The reason the other customer is archived with. */
  reason: string;
}

/**
 * The merge of `other` into `keep`, or field errors: two records of the same ID, or Notes that would exceed their
 * limit once joined (nothing is cut).
 */
export function planMerge(
  keep: Customer,
  other: Customer,
  at: string,
  by: string,
): { ok: true; value: MergeOutcome } | { ok: false; errors: FieldErrors } {
  if (keep.id === other.id) return { ok: false, errors: { mergeId: 'A customer cannot be merged into itself.' } };
  const filled = mergedFields(keep, other);
  if ((filled.notes ?? '').length > NOTES_MAX) {
    return {
      ok: false,
      errors: {
        notes: `Notes do not fit: joined they would be ${formatCount((filled.notes ?? '').length)} characters, the limit is ${formatCount(NOTES_MAX)}. Shorten one customer's Notes first.`,
      },
    };
  }

  const keptEvents: HistoryEvent[] = [
    { at, customerId: keep.id, action: 'merge', field: '', from: other.id, to: keep.id, by },
  ];
  for (const key of EDITABLE_KEYS) {
    if (!(key in filled)) continue;
    const to = logText(filled[key]);
    keptEvents.push({
      at,
      customerId: keep.id,
      action: 'merge',
      field: fieldLabel(key),
      from: logText(keep[key]),
      to,
      by,
    });
  }
  const kept: Customer = { ...keep, ...filled, ...stampChange(keep, false, at, by) };
  const mergedEvents: HistoryEvent[] = [
    { at, customerId: other.id, action: 'merge', field: '', from: other.id, to: keep.id, by },
  ];
  return { ok: true, value: { kept, keptEvents, mergedEvents, reason: mergedReason(keep.id) } };
}
