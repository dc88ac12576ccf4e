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

/** What someone not on the staff list can still do, and what they cannot: said with every refusal. */
export const READER_RIGHTS =
  'You can search customers, open their cards and read the Pipeline tab; you cannot register or change customers, ' +
  'log activities, import, or rebuild the Pipeline summary.';

/** The refusal shown to someone who may read the sheet but not change customers. */
export function accessRefusal(userEmail: string): string {
  const user = normaliseEmail(String(userEmail ?? ''));
  const rule = 'Only the owner of this spreadsheet and the staff listed in the Settings tab can change customers.';
  if (user === '') {
    return (
      `Google did not tell the CRM who you are (you may be signed out, or in a different organisation from the ` +
      `owner), so nothing was changed. ${rule} ${READER_RIGHTS} Sign in with your work account, or ask the owner ` +
      'for help.'
    );
  }
  return (
    `You are signed in as ${user}, which is not allowed to change customers, so nothing was changed. ${rule} ` +
    `${READER_RIGHTS} Ask the owner to add ${user} to the Settings tab and run CRM ▸ Set up / repair.`
  );
}

/** The notice a sidebar shows when it opens for someone who may not write (before they fill a form in). */
export function readOnlyNotice(userEmail: string): string {
  const user = normaliseEmail(String(userEmail ?? ''));
  const who =
    user === ''
      ? 'Google did not tell the CRM who you are, so you can only look: '
      : `You are signed in as ${user}, which is not on this CRM's staff list, so you can only look: `;
  const fix =
    user === ''
      ? 'Sign in with your work account, or ask the owner for help.'
      : `To change customers, ask the owner to add ${user} to the Settings tab and run CRM ▸ Set up / repair.`;
  return `${who}${READER_RIGHTS.charAt(0).toLowerCase()}${READER_RIGHTS.slice(1)} ${fix}`;
}
