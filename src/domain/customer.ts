/** The customer record: its fields, the `Customers` tab's columns (a contract), and the input shapes. */

import type { CustomValues } from './customFields/types';
import type { Status } from './statuses';

/** Column headers of the `Customers` tab, in order (spec contract). */
export const CUSTOMER_HEADERS = [
  'ID',
  'Name',
  'Company',
  'Email',
  'Phone',
  'Status',
  'Deal value',
  'Owner',
  'Source',
  'Notes',
  'Created at',
  'Created by',
  'Updated at',
  'Updated by',
  'Status changed at',
  'Version',
  'Next step',
  'Next step due',
  'Lost reason',
] as const;

/** The editable fields of the first version, in their column order (ID before them, the bookkeeping after). */
const FIRST_EDITABLE_KEYS = [
  'name',
  'company',
  'email',
  'phone',
  'status',
  'dealValue',
  'owner',
  'source',
  'notes',
] as const;
/** Editable fields added by Version 2, in columns after Version (a CRM set up earlier grows at its right edge). */
const ADDED_EDITABLE_KEYS = ['nextStep', 'nextStepDue', 'lostReason'] as const;

/** Fields a user may set (register input and update patch). */
export const EDITABLE_KEYS = [...FIRST_EDITABLE_KEYS, ...ADDED_EDITABLE_KEYS] as const;

/** Keys of a customer object, in the same order as CUSTOMER_HEADERS. */
export const CUSTOMER_KEYS = [
  'id',
  ...FIRST_EDITABLE_KEYS,
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'statusChangedAt',
  'version',
  ...ADDED_EDITABLE_KEYS,
] as const;

export type CustomerKey = (typeof CUSTOMER_KEYS)[number];

/** A customer as the API returns it: plain JSON, dates as ISO-8601 strings ('' when unknown). */
export interface Customer {
  id: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  status: Status;
  /** null when no deal value was given. */
  dealValue: number | null;
  owner: string;
  source: string;
  notes: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  statusChangedAt: string;
  version: number;
  /** What is to be done next ('' when nothing is planned). */
  nextStep: string;
  /** When, as 'YYYY-MM-DD' (a date cell in the spreadsheet's time zone); '' when not set. */
  nextStepDue: string;
  /** Why the deal was lost, as written in the Settings list; '' unless the status is Closed-lost. */
  lostReason: string;
  /** The custom fields defined in Settings (SPEC "Version 2"): `{ [field name]: value }`, not a fixed column. */
  custom: CustomValues;
}

/** A customer with every field empty (version 1): the base that fixtures and partial records fill in. */
export function blankCustomer(id: string): Customer {
  return {
    id,
    name: '',
    company: '',
    email: '',
    phone: '',
    status: 'Lead',
    dealValue: null,
    owner: '',
    source: '',
    notes: '',
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
    statusChangedAt: '',
    version: 1,
    nextStep: '',
    nextStepDue: '',
    lostReason: '',
    custom: {},
  };
}

export type EditableKey = (typeof EDITABLE_KEYS)[number];

/** Validated, normalised editable fields. */
export type CustomerFields = Pick<Customer, EditableKey>;

/** A change to a customer: some editable fields and some custom fields (each absent one is kept as it is). */
export type CustomerPatch = Partial<CustomerFields> & { custom?: CustomValues };

/** Field-level error messages, keyed by input field name (e.g. { email: 'Email: ...' }). */
export type FieldErrors = Record<string, string>;

/** Column headers of the `History` tab, in order (spec contract). */
export const HISTORY_HEADERS = ['At', 'Customer ID', 'Action', 'Field', 'From', 'To', 'By'] as const;

/** Kinds of activity logActivity records (History's Action; 'note' with Field '' is an activity, not a status note). */
export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'note'] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type HistoryAction =
  | 'create'
  | 'update'
  | 'status'
  | 'note'
  | 'manual edit'
  | 'import'
  | 'archive'
  | 'restore'
  | 'merge'
  | ActivityType;

/** Keys of a History event, in the same order as HISTORY_HEADERS. */
export const HISTORY_KEYS = ['at', 'customerId', 'action', 'field', 'from', 'to', 'by'] as const;

/** One History row as plain JSON. */
export interface HistoryEvent {
  at: string;
  customerId: string;
  action: HistoryAction;
  field: string;
  from: string;
  to: string;
  by: string;
}
