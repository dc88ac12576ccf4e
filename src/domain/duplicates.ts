/**
 * Probable-duplicate detection for registerCustomer: the same person entered twice is the most common way a
 * small team's customer list rots, so a match on e-mail, phone or name+company is shown before saving.
 */

import type { Customer, CustomerFields } from './customer';
import { foldText, normaliseEmail, phoneDigits, plainFoldedCode } from './text';
import { PHONE_MIN_DIGITS } from './validation';

/**
 * Phone numbers are compared on their last 10 digits, so a number written with a country code
 * ("+1 555 010 2000") matches the same number written without it ("555-010-2000").
 */
const PHONE_COMPARE_DIGITS = 10;

function phoneKey(phone: string): string {
  const digits = phoneDigits(phone);
  return digits.length >= PHONE_MIN_DIGITS ? digits.slice(-PHONE_COMPARE_DIGITS) : '';
}

function text(value: unknown): string {
  // Rows read from a hand-edited sheet may hold numbers (a phone typed without a leading +) or blanks.
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** The fields a probable duplicate is judged on. */
export type DuplicateKeys = Pick<CustomerFields, 'name' | 'company' | 'email' | 'phone'>;

/**
 * The test "is this existing record probably the same as `fields`?", with `fields` normalised once: same e-mail
 * (normalised), same phone (≥ 6 digits, last 10 compared), or same folded name and same folded company (two blank
 * companies count as the same). It takes the four values as they are (text, or what a hand-edited cell holds), so a
 * caller can run it over raw rows without building a customer per row.
 *
 * It runs once per customer on every registration (50,000 rows), in code the fresh execution has not optimised yet,
 * so each rule first rules a row out from a character or two, written out here rather than called (half the time of
 * helper calls per row), and normalises the row's value only when that cannot:
 * - e-mail: a printable ASCII character at either end survives trim() and lowercases to ASCII, so it must equal the
 *   e-mail's character there, and so must an ASCII second character after it (most addresses share their ending
 *   and many their first letter, so three characters are looked at);
 * - phone: the key ends with the number's last digits, so the value's last two digits must be them (couldBePhone);
 * - name: folding keeps a printable non-space ASCII character at either end in place, lowercased (plainFoldedCode),
 *   so it must be the folded name's first (last) character.
 */
export function probableDuplicateTest(
  fields: DuplicateKeys,
): (name: unknown, company: unknown, email: unknown, phone: unknown) => boolean {
  const email = normaliseEmail(text(fields.email));
  const phone = phoneKey(text(fields.phone));
  const name = foldText(text(fields.name));
  const company = foldText(text(fields.company));
  const emailFirst = email.charCodeAt(0);
  const emailLast = email.charCodeAt(email.length - 1);
  const emailSecond = email.charCodeAt(1);
  const nameFirst = name.charCodeAt(0);
  const nameLast = name.charCodeAt(name.length - 1);
  return (otherName, otherCompany, otherEmail, otherPhone) => {
    if (email !== '') {
      if (typeof otherEmail !== 'string') {
        if (normaliseEmail(text(otherEmail)) === email) return true;
      } else {
        // Lowercased when an ASCII capital (the only case change that keeps a character ASCII), inline: no call.
        let first = otherEmail.charCodeAt(0);
        if (first >= 0x41 && first <= 0x5a) first += 0x20;
        let last = otherEmail.charCodeAt(otherEmail.length - 1);
        if (last >= 0x41 && last <= 0x5a) last += 0x20;
        // Not printable ASCII (whitespace, non-ASCII, an empty cell's NaN): only the full comparison can tell.
        const firstFits = !(first > 0x20 && first < 0x7f) || first === emailFirst;
        const lastFits = !(last > 0x20 && last < 0x7f) || last === emailLast;
        // After a printable ASCII first character (kept by trim), a printable ASCII second one is the e-mail's second.
        let second = first > 0x20 && first < 0x7f ? otherEmail.charCodeAt(1) : Number.NaN;
        if (second >= 0x41 && second <= 0x5a) second += 0x20;
        const secondFits = !(second > 0x20 && second < 0x7f) || second === emailSecond;
        if (firstFits && lastFits && secondFits && normaliseEmail(otherEmail) === email) return true;
      }
    }
    if (phone !== '' && couldBePhone(otherPhone, phone) && phoneKey(text(otherPhone)) === phone) return true;
    if (name === '') return false;
    const rawName = typeof otherName === 'string' ? otherName : text(otherName);
    const head = plainFoldedCode(rawName.charCodeAt(0));
    if (head !== -1 && head !== nameFirst) return false;
    const tail = plainFoldedCode(rawName.charCodeAt(rawName.length - 1));
    return (tail === -1 || tail === nameLast) && foldText(rawName) === name && foldText(text(otherCompany)) === company;
  };
}

/** False when `raw`'s last two digits differ from the phone key's (keys end with the number's last digits). */
function couldBePhone(raw: unknown, key: string): boolean {
  if (typeof raw !== 'string') return true;
  // The key's last two digits are the value's last two (phoneDigits keeps ASCII digits only, in order).
  let wanted = key.length - 1;
  for (let i = raw.length - 1; i >= 0 && wanted >= key.length - 2; i--) {
    const code = raw.charCodeAt(i);
    if (code < 0x30 || code > 0x39) continue;
    if (code !== key.charCodeAt(wanted)) return false;
    wanted--;
  }
  return wanted < key.length - 1; // no digit at all: no phone key
}

/**
 * Existing customers that are probably the same as `fields` (probableDuplicateTest).
 * Result keeps the order of `existing`, each customer at most once; `excludeId` skips the customer being edited.
 */
export function findProbableDuplicates(
  fields: DuplicateKeys,
  existing: readonly Customer[],
  excludeId?: string,
): Customer[] {
  const isDuplicate = probableDuplicateTest(fields);
  return existing.filter(
    (customer) =>
      !(excludeId !== undefined && customer.id === excludeId) &&
      isDuplicate(customer.name, customer.company, customer.email, customer.phone),
  );
}

/**
 * Every set of customers that are probable duplicates of one another by the registration rules above (same e-mail,
 * same phone, or same name and company), joined transitively (A~B and B~C is one group of three). Each group keeps
 * sheet order; groups are ordered by their first customer. Keys in maps, not every pair: linear in the customers.
 */
export function findDuplicateGroups(customers: readonly Customer[]): Customer[][] {
  const parent = customers.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r; // shortens the next walk from i
    return r;
  };
  const firstWith = new Map<string, number>();
  const join = (key: string, i: number): void => {
    const first = firstWith.get(key);
    if (first === undefined) firstWith.set(key, i);
    else {
      const [a, b] = [root(first), root(i)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  customers.forEach((customer, i) => {
    const email = normaliseEmail(text(customer.email));
    const phone = phoneKey(text(customer.phone));
    const name = foldText(text(customer.name));
    if (email !== '') join(`e:${email}`, i);
    if (phone !== '') join(`p:${phone}`, i);
    if (name !== '') join(`n:${name}\u0000${foldText(text(customer.company))}`, i);
  });
  const groups = new Map<number, Customer[]>();
  customers.forEach((customer, i) => {
    const r = root(i);
    const group = groups.get(r) ?? [];
    group.push(customer);
    groups.set(r, group);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * Why `fields` probably is `other`, by the rule of findProbableDuplicates that matched: the words the
 * registration warning and the import report both use ("same e-mail address").
 */
export function duplicateReason(
  fields: Pick<CustomerFields, 'company' | 'email' | 'phone'>,
  other: Pick<CustomerFields, 'email' | 'phone'>,
): string {
  const email = normaliseEmail(text(fields.email));
  if (email !== '' && normaliseEmail(text(other.email)) === email) return 'same e-mail address';
  const phone = phoneKey(text(fields.phone));
  if (phone !== '' && phoneKey(text(other.phone)) === phone) return 'same phone number';
  return foldText(text(fields.company)) === '' ? 'same name, no company' : 'same name and company';
}
