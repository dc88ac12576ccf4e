/**
 * Statuses written in old sheets, mapped onto the CRM's eight stages. First the spec's own tolerant match
 * (case, spaces, hyphens: "closed won"); then a fixed list of common words ("won", "lost", "negotiating",
 * "prospect", "customer", "inactive"...). Anything else is reported for that row, never guessed: "closed" (won
 * or lost?), "pending" or "warm" do not say which stage they mean, so the admin decides.
 */

import { parseStatus, STATUS_LIST_TEXT, type Status } from '../statuses';
import { foldText } from '../text';
import { quote } from '../validation';
import { cellText, type DateFormatter, isBlankCell, isoDateText } from './values';

/** Matching form: folded, letters and digits only ("Closed (won)" → "closedwon", "Négociation" → "negociation"). */
function synonymKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '');
}

/** Common words per stage, in synonymKey form. Each word belongs to exactly one stage (checked by a test). */
export const STATUS_SYNONYMS: Readonly<Record<Status, readonly string[]>> = {
  Lead: [
    'new',
    'newlead',
    'lead',
    'leads',
    'prospect',
    'prospects',
    'prospecting',
    'inquiry',
    'enquiry',
    'notcontacted',
    'tocontact',
    'uncontacted',
    'cold',
    'coldlead',
    'incoming',
    'inbound',
  ],
  Contacted: [
    'contacted',
    'called',
    'emailed',
    'mailed',
    'reachedout',
    'incontact',
    'followup',
    'followingup',
    'attempted',
    'contactmade',
    'firstcontact',
    'messaged',
  ],
  Qualified: [
    'qualified',
    'qualifiedlead',
    'sql',
    'mql',
    'interested',
    'opportunity',
    'discovery',
    'meeting',
    'meetingbooked',
    'demo',
    'demoscheduled',
    'demodone',
    'needsanalysis',
  ],
  'In negotiation': [
    'negotiating',
    'negotiation',
    'negotiations',
    'negociation',
    'negociacion',
    'innegotiations',
    'proposal',
    'proposalsent',
    'quote',
    'quoted',
    'quotesent',
    'offer',
    'offersent',
    'contractsent',
  ],
  'Closed-won': [
    'won',
    'win',
    'closedwon',
    'dealwon',
    'wondeal',
    'signed',
    'sold',
    'converted',
    'closedwin',
    'success',
    'successful',
  ],
  'Closed-lost': [
    'lost',
    'closedlost',
    'deallost',
    'lostdeal',
    'rejected',
    'declined',
    'notinterested',
    'dead',
    'disqualified',
    'nodeal',
    'cancelled',
    'canceled',
    'closedlose',
  ],
  Active: [
    'active',
    'customer',
    'customers',
    'client',
    'clients',
    'activecustomer',
    'activeclient',
    'existingcustomer',
    'existingclient',
    'currentcustomer',
    'currentclient',
    'onboarded',
    'live',
    'recurring',
    'subscriber',
    'member',
  ],
  Dormant: [
    'dormant',
    'inactive',
    'churned',
    'churn',
    'formercustomer',
    'formerclient',
    'excustomer',
    'exclient',
    'pastcustomer',
    'pastclient',
    'lapsed',
    'onhold',
    'paused',
    'sleeping',
    'cancelledcustomer',
  ],
};

const BY_SYNONYM: ReadonlyMap<string, Status> = new Map(
  (Object.keys(STATUS_SYNONYMS) as Status[]).flatMap((status) =>
    STATUS_SYNONYMS[status].map((key) => [key, status] as const),
  ),
);

export type ImportStatusRead = { ok: true; status: Status | null } | { ok: false; message: string };

/**
 * A status cell → a stage; `status: null` for a blank cell (the new customer starts at the default stage).
 * A number, yes/no or date in the status column is reported like any unknown word (a date as the sheet shows it).
 */
export function readImportStatus(raw: unknown, formatDate: DateFormatter = isoDateText): ImportStatusRead {
  if (isBlankCell(raw)) return { ok: true, status: null };
  const text = cellText(raw, formatDate).trim();
  const status = parseStatus(text) ?? BY_SYNONYM.get(synonymKey(text)) ?? null;
  if (status !== null) return { ok: true, status };
  return {
    ok: false,
    message:
      `Status ${quote(text)} is not a pipeline stage the import recognises, so it was not guessed. ` +
      `Change it in the Import tab to one of: ${STATUS_LIST_TEXT} (or "won", "lost", "negotiating").`,
  };
}
