/**
 * Proposes which column of a pasted old sheet feeds which CRM field, from its header row. Old sheets say
 * "Full name", "E-mail", "Tel.", "Stage", "Value ($)": headers are compared without case, accents, spaces or
 * punctuation, against a list of common names. The proposal is only a proposal: the sidebar shows it and the
 * admin corrects it, so an unrecognised header is left unmapped rather than guessed.
 */

import { foldText } from '../text';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './types';
import { cellText } from './values';

/** Matching form of a header: folded, letters and digits only ("E-mail address:" → "emailaddress"). */
export function headerKey(header: unknown): string {
  return foldText(cellText(header)).replace(/[^a-z0-9]+/g, '');
}

/**
 * Header names (as headerKey forms) recognised for each field. Deliberately absent: "state" (a US state, not a
 * stage), "deal" (often a deal name), "number" (anything), "budget" (not the deal value).
 */
const SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  name: [
    'name',
    'fullname',
    'customer',
    'customername',
    'client',
    'clientname',
    'contact',
    'contactname',
    'contactperson',
    'person',
    'leadname',
    'prospect',
    'prospectname',
    'nameandsurname',
  ],
  firstName: ['firstname', 'first', 'givenname', 'forename', 'fname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname'],
  company: [
    'company',
    'companyname',
    'organisation',
    'organization',
    'org',
    'organisationname',
    'organizationname',
    'business',
    'businessname',
    'account',
    'accountname',
    'firm',
    'employer',
  ],
  email: ['email', 'emailaddress', 'mail', 'mailaddress', 'emailid', 'emails', 'contactemail'],
  phone: [
    'phone',
    'tel',
    'telephone',
    'phonenumber',
    'phoneno',
    'telno',
    'telnumber',
    'telephonenumber',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'mobileno',
    'cell',
    'cellphone',
    'cellnumber',
    'contactnumber',
    'ph',
  ],
  status: [
    'status',
    'stage',
    'pipelinestage',
    'dealstage',
    'salesstage',
    'leadstatus',
    'dealstatus',
    'pipeline',
    'phase',
  ],
  dealValue: [
    'dealvalue',
    'value',
    'amount',
    'dealamount',
    'dealsize',
    'revenue',
    'price',
    'opportunityvalue',
    'estimatedvalue',
    'expectedrevenue',
    'expectedvalue',
    'potentialvalue',
    'worth',
  ],
  owner: [
    'owner',
    'rep',
    'salesrep',
    'accountmanager',
    'assignedto',
    'salesperson',
    'handledby',
    'accountowner',
    'responsible',
    'agent',
    'seller',
    'leadowner',
    'dealowner',
  ],
  source: [
    'source',
    'leadsource',
    'channel',
    'origin',
    'leadorigin',
    'referral',
    'referredby',
    'howfound',
    'howdidtheyfindus',
    'campaign',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'remark', 'description', 'details', 'memo', 'info'],
};

/**
 * Second chance for longer headers ("Work e-mail", "Client company", "Estimated deal value"): a header that
 * ENDS with one of these. Short or ambiguous words ("name", "owner", "rep") are not used this way:
 * "Company name" and "Business owner" must not become Name and Owner.
 */
const SUFFIXES: Readonly<Partial<Record<ImportField, readonly string[]>>> = {
  name: ['fullname', 'customername', 'clientname', 'contactname'],
  company: ['company', 'companyname', 'organisation', 'organization'],
  email: ['email', 'emailaddress'],
  phone: ['phone', 'phonenumber', 'telephone', 'mobile'],
  status: ['status', 'stage'],
  dealValue: ['value', 'amount'],
  source: ['source'],
  notes: ['notes', 'comments'],
};

const EXACT: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((key) => [key, field] as const)),
);

export function emptyMapping(): ImportMapping {
  const mapping = {} as ImportMapping;
  for (const field of IMPORT_FIELDS) mapping[field] = null;
  return mapping;
}

/**
 * The proposed mapping for a header row. Exact names first, leftmost column winning (a sheet with "Phone" and
 * "Mobile" imports Phone); then suffix matches for the fields and columns still free, longest match first.
 * Name is not proposed from First/Last name columns: those map to firstName/lastName and are joined.
 */
export function proposeMapping(headers: readonly unknown[]): ImportMapping {
  const mapping = emptyMapping();
  const keys = headers.map(headerKey);
  const used = new Set<number>();

  keys.forEach((key, column) => {
    const field = EXACT.get(key);
    if (field !== undefined && mapping[field] === null) {
      mapping[field] = column;
      used.add(column);
    }
  });

  keys.forEach((key, column) => {
    if (used.has(column) || key === '') return;
    let best: { field: ImportField; length: number } | null = null;
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== null) continue;
      for (const suffix of SUFFIXES[field] ?? []) {
        if (key.endsWith(suffix) && (best === null || suffix.length > best.length))
          best = { field, length: suffix.length };
      }
    }
    if (best !== null) {
      mapping[best.field] = column;
      used.add(column);
    }
  });
  return mapping;
}
