/**
 * Who may own a customer (SPEC "Owner"): the CRM's admin (the spreadsheet's owner, or the recorded admin in a shared
 * drive) and the applied staff, compared case-insensitively and stored lower-case. No owner given means the user
 * at the keyboard.
 */

import { quote } from './validation';

/** The e-mails a customer may be given to, lower-case, admin first, then the staff in their order, no repeats. */
export function ownerChoices(admin: string | null, staff: readonly string[]): string[] {
  const choices: string[] = [];
  for (const email of [admin ?? '', ...staff]) {
    const normal = email.trim().toLowerCase();
    if (normal !== '' && !choices.includes(normal)) choices.push(normal);
  }
  return choices;
}

export type OwnerCheck = { ok: true; owner: string } | { ok: false; message: string };

/** `owner` (already checked as text) as stored: '' → `user`; one of `choices` in lower case; else a message. */
export function resolveOwner(owner: string, choices: readonly string[], user: string): OwnerCheck {
  const normal = owner.trim().toLowerCase();
  if (normal === '') return { ok: true, owner: user.trim().toLowerCase() };
  if (choices.includes(normal)) return { ok: true, owner: normal };
  const list = choices.length > 0 ? choices.join(', ') : 'nobody yet (the owner must run CRM ▸ Set up / repair)';
  return { ok: false, message: `Owner ${quote(owner.trim())} is not on the staff list. Choose one of: ${list}.` };
}
