/**
 * Customer IDs ("C-00042"): formatting, parsing and choosing the next number. IDs are never derived from
 * row numbers and never reused, so the next number is above both the stored counter and every ID present.
 */

export const CUSTOMER_ID_PREFIX = 'C-';

/** Minimum number of digits; numbers above 99999 simply get longer ("C-100000"). */
const MIN_DIGITS = 5;

const ID_PATTERN = /^C-(\d+)$/i;

/** 'C-00001' for 1. Throws RangeError for anything but a positive safe integer (a programming error). */
export function formatCustomerId(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Customer number must be a positive whole number, got ${String(n)}.`);
  }
  return CUSTOMER_ID_PREFIX + String(n).padStart(MIN_DIGITS, '0');
}

/**
 * The number inside a customer ID, or null when `id` is not one. Lenient about case, surrounding spaces and
 * the digit count ("c-7" → 7) because IDs typed into the sheet by hand must still block their number.
 */
export function customerIdNumber(id: string): number | null {
  if (typeof id !== 'string') return null;
  const match = ID_PATTERN.exec(id.trim());
  if (!match || match[1] === undefined) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/**
 * The number for the next new customer: one above the larger of the stored counter and the highest ID in the
 * sheet. Taking the maximum means a lost or stale counter (e.g. a restored copy) can never hand out an ID twice.
 */
export function nextCustomerNumber(storedCounter: number | null, existingIds: readonly string[]): number {
  let highest = storedCounter !== null && Number.isSafeInteger(storedCounter) && storedCounter > 0 ? storedCounter : 0;
  for (const id of existingIds) {
    const n = customerIdNumber(id);
    if (n !== null && n > highest) highest = n;
  }
  return highest + 1;
}

/**
 * Orders IDs by their number ("C-99999" before "C-100000", which plain text order gets wrong); IDs that are not
 * customer IDs (hand-typed) come after, in text order. Used as the deterministic tie-break of every sort.
 */
export function compareCustomerIds(a: string, b: string): number {
  return compareIdKeys(customerIdNumber(a), a, customerIdNumber(b), b);
}

/** compareCustomerIds with the numbers already parsed (for sorting many rows). */
export function compareIdKeys(numberA: number | null, a: string, numberB: number | null, b: string): number {
  if (numberA !== null && numberB !== null && numberA !== numberB) return numberA - numberB;
  if (numberA !== null && numberB === null) return -1;
  if (numberA === null && numberB !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
