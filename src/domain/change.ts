/**
 * The one rule of every recorded change to a customer, whichever path made it (sidebar save, hand edit seen by
 * onEdit, import merge): when anything changed, the Version goes up by one, Updated at/by say when and who, and
 * "Status changed at" moves only when the status itself moved. Nothing changed → nothing is stamped.
 */

import { appendNote, changeEvents, noteEvent } from './history';
import type { CustomFieldDefinition } from './customFields/types';
import type { Customer, CustomerPatch, HistoryEvent } from './customer';

export type ChangeStamp = Pick<Customer, 'version' | 'updatedAt' | 'updatedBy' | 'statusChangedAt'>;

const ALWAYS_STAMPED = ['updatedAt', 'updatedBy', 'version'] as const;
const WITH_STATUS = [...ALWAYS_STAMPED, 'statusChangedAt'] as const;

/**
 * The stamp fields a change writes even when a value happens to be the same (the same user saving twice, or twice
 * in one second): they say who changed it last, when, and which version this is. Status changed at joins them
 * only when the status moved; otherwise it is not the change's to write.
 */
export function stampedKeys(statusChanged: boolean): readonly (keyof ChangeStamp)[] {
  return statusChanged ? WITH_STATUS : ALWAYS_STAMPED;
}

/** The bookkeeping of a change made at `at` by `by` to a customer stamped `before`. */
export function stampChange(before: ChangeStamp, statusChanged: boolean, at: string, by: string): ChangeStamp {
  return {
    version: before.version + 1,
    updatedAt: at,
    updatedBy: by,
    statusChangedAt: statusChanged ? at : before.statusChangedAt,
  };
}

export interface AppliedChange {
  /** The customer after the change (the same object as `before` when nothing changed). */
  next: Customer;
  /** Its History events, in column order (a note last); empty when nothing changed. */
  events: HistoryEvent[];
}

/**
 * `fields` (custom ones logged for `definitions`) (and an optional status note, appended to Notes and logged as one 'note' event) applied to `before`:
 * the next customer and the events that record it.
 */
export function applyChange(
  before: Customer,
  fields: CustomerPatch,
  options: { at: string; by: string; note?: string | undefined; definitions?: readonly CustomFieldDefinition[] },
): AppliedChange {
  // Custom fields absent from the patch keep their values (a patch names only what it changes).
  const next: Customer = { ...before, ...fields, custom: { ...before.custom, ...fields.custom } };
  const events = changeEvents(before, next, options.at, options.by, 'update', options.definitions);
  if (options.note) {
    // A note is logged as one 'note' event, not as an edit of the whole Notes text.
    next.notes = appendNote(before.notes, options.note, options.at, options.by);
    events.push(noteEvent(before.id, options.note, options.at, options.by));
  }
  if (events.length === 0) return { next: before, events };
  return { next: { ...next, ...stampChange(before, next.status !== before.status, options.at, options.by) }, events };
}
