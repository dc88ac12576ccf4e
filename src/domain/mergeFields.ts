/**
 * What a merge takes from the other customer (SPEC "Version 2": the kept customer's empty fields are filled from
 * the other, Notes joined; custom fields too). Kept apart from merge.ts, with no import but the customer types, so
 * the Find duplicates dialog previews the merged result with the very rule the server applies.
 */

import { EDITABLE_KEYS, type Customer, type EditableKey } from './customer';
import { type CustomValues, ownCustomValue } from './customFields/types';

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

/**
 * The kept customer's custom values with its empty ones filled from `other` (a field `other` does not hold, or holds
 * empty, is left as it is), or null when none is filled. Every field of `keep.custom` is in the result, so
 * `{ ...keep, custom }` is the whole merged customer (as the dialog's preview builds it).
 */
function mergedCustom(keep: Readonly<CustomValues>, other: Readonly<CustomValues>): CustomValues | null {
  let merged: CustomValues | null = null;
  for (const name of Object.keys(keep)) {
    const theirs = ownCustomValue(other, name);
    if (!isEmptyValue(ownCustomValue(keep, name)) || isEmptyValue(theirs)) continue;
    if (merged === null) merged = { ...keep };
    merged[name] = theirs as CustomValues[string];
  }
  return merged;
}

/**
 * The fields of `keep` a merge of `other` changes, with their new values (empty when nothing is taken); `custom`,
 * when a custom value is filled, is the kept customer's whole `custom` with the filled values in it.
 */
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
  const custom = mergedCustom(keep.custom, other.custom);
  if (custom !== null) filled.custom = custom;
  return filled;
}
