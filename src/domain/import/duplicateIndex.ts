/**
 * Probable-duplicate look-up for thousands of rows at once. findProbableDuplicates scans every customer per
 * call, which is fine for one registration but would be 5,000 × 5,000 comparisons for an import. This index
 * finds the few candidates sharing an e-mail, phone or name+company key in O(1), then asks
 * findProbableDuplicates about those candidates only, so the rule itself stays in one place (duplicates.ts).
 */

import { blankCustomer, type Customer, type CustomerFields } from '../customer';
import { duplicateReason, findProbableDuplicates } from '../duplicates';
import { foldText, normaliseEmail, phoneDigits } from '../text';
import { PHONE_MIN_DIGITS } from '../validation';

type MatchFields = Pick<CustomerFields, 'name' | 'company' | 'email' | 'phone'>;

/** Same comparison length as duplicates.ts: the last 10 digits, so a country code does not hide a match. */
const PHONE_COMPARE_DIGITS = 10;

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

export function phoneMatchKey(phone: unknown): string {
  const digits = phoneDigits(text(phone));
  return digits.length >= PHONE_MIN_DIGITS ? digits.slice(-PHONE_COMPARE_DIGITS) : '';
}

/** Keys under which a record is filed: one per rule of findProbableDuplicates that could match it. */
function keysOf(fields: MatchFields): string[] {
  const keys: string[] = [];
  const email = normaliseEmail(text(fields.email));
  if (email !== '') keys.push(`e:${email}`);
  const phone = phoneMatchKey(fields.phone);
  if (phone !== '') keys.push(`p:${phone}`);
  const name = foldText(text(fields.name));
  if (name !== '') keys.push(`n:${name}\u0000${foldText(text(fields.company))}`);
  return keys;
}

/** Why two records are probably the same, in the words of a skip reason (the registration warning's words). */
export const matchReason = duplicateReason;

interface Entry<T> {
  seq: number;
  item: T;
  /** The record as it is now: merges fill its fields, so it is read through this function at match time. */
  current: () => MatchFields;
}

export class DuplicateIndex<T> {
  private readonly byKey = new Map<string, Array<Entry<T>>>();
  private readonly entries = new Map<T, Entry<T>>();

  /** Files `item` (each item once) under the keys of its current fields. */
  add(item: T, current: () => MatchFields): void {
    const entry: Entry<T> = { seq: this.entries.size, item, current };
    this.entries.set(item, entry);
    this.file(entry);
  }

  /** After a merge filled e-mail, phone or company of `item`: files it under its new keys as well. */
  refresh(item: T): void {
    const entry = this.entries.get(item);
    if (entry) this.file(entry);
  }

  /** Items probably the same as `fields`, in the order they were added, each once. */
  matches(fields: MatchFields): T[] {
    const found = new Map<number, Entry<T>>();
    for (const key of keysOf(fields)) {
      for (const entry of this.byKey.get(key) ?? []) found.set(entry.seq, entry);
    }
    if (found.size === 0) return [];
    const ordered = [...found.values()].sort((a, b) => a.seq - b.seq);
    // Keys only narrow the search; the rule itself (and stale keys left by a merge) is checked by duplicates.ts.
    return ordered
      .filter((entry) => findProbableDuplicates(fields, [asCustomer(entry.current())]).length > 0)
      .map((entry) => entry.item);
  }

  private file(entry: Entry<T>): void {
    for (const key of keysOf(entry.current())) {
      const list = this.byKey.get(key);
      if (!list) this.byKey.set(key, [entry]);
      else if (!list.includes(entry)) list.push(entry);
    }
  }
}

/** findProbableDuplicates wants Customers; only the four compared fields matter. */
function asCustomer(fields: MatchFields): Customer {
  return { ...blankCustomer(''), name: fields.name, company: fields.company, email: fields.email, phone: fields.phone };
}
