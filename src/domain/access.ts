/**
 * Who may change customers: the sheet's owner and the staff listed in the Settings tab. Google's tab
 * protections enforce the same list; this check gives the clear refusal before anything is attempted.
 */

import { normaliseEmail } from './text';

/** True for the owner and listed staff (e-mails compared case-insensitively); never for an unknown user. */
export function canWrite(userEmail: string, ownerEmail: string | null, staff: readonly string[]): boolean {
  const user = normaliseEmail(String(userEmail ?? ''));
  if (user === '') return false;
  if (ownerEmail !== null && normaliseEmail(String(ownerEmail)) === user) return true;
  return staff.some((member) => normaliseEmail(String(member)) === user);
}

/** The refusal shown to someone who may read the sheet but not change customers. */
export function accessRefusal(userEmail: string): string {
  const user = normaliseEmail(String(userEmail ?? ''));
  const rule = 'Only the owner of this spreadsheet and the staff listed in the Settings tab can change customers.';
  if (user === '') {
    return (
      `Google did not tell the CRM who you are (you may be signed out, or in a different organisation from the ` +
      `owner), so nothing was changed. ${rule} Sign in with your work account, or ask the owner for help.`
    );
  }
  return (
    `You are signed in as ${user}, which is not allowed to change customers, so nothing was changed. ${rule} ` +
    `Ask the owner to add ${user} to the Settings tab and run CRM ▸ Set up / repair.`
  );
}
