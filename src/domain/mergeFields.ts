/**
 * What a merge takes from the other customer (SPEC "Version 2": the kept customer's empty fields are filled from
 * the other, Notes joined). Kept apart from merge.ts, with no import but the customer type, so the Find duplicates
 * dialog previews the merged result with the very rule the server applies.
 */

import { EDITABLE_KEYS, type Customer, type EditableKey } from './customer';

/** Fields never filled: the status is the kept customer's pipeline position (always set); Notes are joined. */
const NOT_FILLED: ReadonlySet<EditableKey> = new Set(['status', 'notes', 'lostReason']);

function isEmptyValue(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** Both customers' Notes, the kept customer's first, on separate lines; the other's left out if already there. */
export function joinNotes(kept: string, other: string): string {
  const a = kept.replace(/\s+$/, '');
  const b = other.trim();
  if (b === '' || a.includes(b)) return kept;
  return a === '' ? b : `${a}\n${b}`;
}

/** The fields of `keep` a merge of `other` changes, with their new values (empty when nothing is taken). */
export function mergedFields(keep: Customer, other: Customer): Partial<Customer> {
  const filled: Partial<Customer> = {};
  for (const key of EDITABLE_KEYS) {
    if (NOT_FILLED.has(key)) continue;
    if (isEmptyValue(keep[key]) && !isEmptyValue(other[key])) Object.assign(filled, { [key]: other[key] });
  }
  // A lost reason belongs with Closed-lost: taken only when the kept customer is lost without one.
  if (keep.status === 'Closed-lost' && keep.lostReason === '' && other.lostReason !== '')
    filled.lostReason = other.lostReason;
  const notes = joinNotes(keep.notes, other.notes);
  if (notes !== keep.notes) filled.notes = notes;
  return filled;
}
