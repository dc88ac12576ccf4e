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

/**
 * False when `raw` certainly does not fold to `folded`, judged from its first character alone: spares folding
 * every name in the sheet on each registration.
 */
function couldFoldTo(raw: string, folded: string): boolean {
  const head = plainFoldedCode(raw.charCodeAt(0));
  return head === -1 || head === folded.charCodeAt(0);
}

/**
 * Existing customers that are probably the same as `fields`: same e-mail (normalised), same phone (≥ 6 digits,
 * last 10 compared), or same folded name and same folded company (two blank companies count as the same).
 * Result keeps the order of `existing`, each customer at most once; `excludeId` skips the customer being edited.
 */
export function findProbableDuplicates(
  fields: Pick<CustomerFields, 'name' | 'company' | 'email' | 'phone'>,
  existing: readonly Customer[],
  excludeId?: string,
): Customer[] {
  const email = normaliseEmail(text(fields.email));
  const phone = phoneKey(text(fields.phone));
  const name = foldText(text(fields.name));
  const company = foldText(text(fields.company));
  const found: Customer[] = [];
  for (const customer of existing) {
    if (excludeId !== undefined && customer.id === excludeId) continue;
    const sameEmail = email !== '' && normaliseEmail(text(customer.email)) === email;
    const samePhone = !sameEmail && phone !== '' && phoneKey(text(customer.phone)) === phone;
    const sameNameAndCompany =
      !sameEmail &&
      !samePhone &&
      name !== '' &&
      couldFoldTo(text(customer.name), name) &&
      foldText(text(customer.name)) === name &&
      foldText(text(customer.company)) === company;
    if (sameEmail || samePhone || sameNameAndCompany) found.push(customer);
  }
  return found;
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
