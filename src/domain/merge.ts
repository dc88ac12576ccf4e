/**
 * Merging two records of one customer (SPEC "Version 2": mergeCustomers): the kept customer's empty fields (custom
 * ones included) are filled from the other, Notes are joined, and the other is archived with the reason
 * `merged into <keepId>`. Pure: what the kept customer becomes and the `merge` events of both; the server moves
 * the rows.
 */

import { mergedReason } from './archive';
import { applyChange, stampChange } from './change';
import type { Customer, CustomerPatch, FieldErrors, HistoryEvent } from './customer';
import type { CustomFieldDefinition } from './customFields/types';
import { mergedFields } from './mergeFields';
import { formatCount, NOTES_MAX } from './validation';

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
 * limit once joined (nothing is cut). `definitions`: the custom fields with a column, whose filled values History
 * logs after the fixed fields (as every save logs them).
 */
export function planMerge(
  keep: Customer,
  other: Customer,
  at: string,
  by: string,
  definitions: readonly CustomFieldDefinition[] = [],
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

  // The one change rule (as a save and an import merge): an event per changed field, fixed then custom, each
  // logged as `merge`. The merge itself is a change even when nothing is filled, so it is always stamped.
  const patch: CustomerPatch = filled;
  const { next, events } = applyChange(keep, patch, { at, by, definitions });
  const keptEvents: HistoryEvent[] = [
    { at, customerId: keep.id, action: 'merge', field: '', from: other.id, to: keep.id, by },
    ...events.map((event): HistoryEvent => ({ ...event, action: 'merge' })),
  ];
  const kept: Customer = { ...next, ...stampChange(keep, false, at, by) };
  const mergedEvents: HistoryEvent[] = [
    { at, customerId: other.id, action: 'merge', field: '', from: other.id, to: keep.id, by },
  ];
  return { ok: true, value: { kept, keptEvents, mergedEvents, reason: mergedReason(keep.id) } };
}
