/** Result shapes of the server API (spec contract). Plain JSON only: no Date, no functions. */

import type { MaybeArchivedCustomer } from './archive';
import type { Customer, FieldErrors, HistoryEvent } from './customer';
import type { Status } from './statuses';

export interface Failure {
  ok: false;
  errors: FieldErrors;
}

export type SaveResult =
  /** `events` are the History rows this save logged, so the card can show them without another call. */
  | { ok: true; customer: Customer; events?: HistoryEvent[] }
  | { ok: false; errors: FieldErrors; duplicates?: Customer[] }
  | { ok: false; conflict: Customer; errors?: FieldErrors };

/** An archived customer comes with `archived: { at, by, reason }` (SPEC "Version 2"). */
export type GetCustomerResult = { ok: true; customer: MaybeArchivedCustomer; history: HistoryEvent[] } | Failure;

export interface SearchOptions {
  status?: Status | string;
  owner?: string;
  limit?: number;
}

export interface SearchResult {
  results: Customer[];
  total: number;
}

export interface ListOptions extends SearchOptions {
  offset?: number;
  /** A customer key, optionally prefixed with '-' for descending, e.g. "name" or "-updatedAt". */
  sort?: string;
}

export interface ListResult {
  customers: Customer[];
  total: number;
}

/** Input of registerCustomer: the editable fields, all optional but name, as the user typed them. */
export interface CustomerInput {
  name?: unknown;
  company?: unknown;
  email?: unknown;
  phone?: unknown;
  status?: unknown;
  dealValue?: unknown;
  owner?: unknown;
  source?: unknown;
  notes?: unknown;
  nextStep?: unknown;
  nextStepDue?: unknown;
  lostReason?: unknown;
  /** `{ [custom field name]: value }` for the fields defined in Settings. */
  custom?: unknown;
  allowDuplicate?: unknown;
}

/** listStaff(): who a customer may be given to (owner/admin first, then the applied staff) and who is asking. */
export interface StaffList {
  staff: string[];
  /** The user at the keyboard, lower-case ('' when Google does not tell). */
  me: string;
}

/** logActivity's second argument. */
export interface ActivityInput {
  type?: unknown;
  summary?: unknown;
  /** ISO-8601 date-time; now when absent; never in the future. */
  at?: unknown;
}

export type LogActivityResult = { ok: true; event: HistoryEvent } | Failure;

/** listFollowUps options: `owner` an e-mail, '*' for everyone; the user at the keyboard when absent. */
export interface FollowUpOptions {
  owner?: string;
}

/** "My work": customers by when their next step is due (spreadsheet time zone). */
export interface FollowUps {
  overdue: Customer[];
  today: Customer[];
  upcoming: Customer[];
  noNextStep: Customer[];
}

/** getPipelineBoard options: `owner` an e-mail ('' or '*' everyone, the default); `perStage` cards per column (default 50). */
export interface BoardOptions {
  owner?: string;
  perStage?: number;
}

/** A stage's figures on the Pipeline board, over every customer the filter keeps. */
export interface BoardStageFigures {
  status: Status;
  count: number;
  value: number;
  weighted: number;
  /** The stage's probability from Settings (the board recomputes `weighted` after a move). */
  probability: number;
}

/** What the board says of one card besides its customer. */
export interface BoardCardMark {
  /** Whole days since Status changed at (Created at when blank); null when neither is a date. */
  daysInStage: number | null;
  /** The Pipeline tab's stale mark. */
  stale: boolean;
}

/** One stage of the Pipeline board: its figures, and the stalest `perStage` of its customers. */
export interface BoardColumn extends BoardStageFigures {
  customers: Customer[];
  /** cards[i] describes customers[i]. */
  cards: BoardCardMark[];
}

/** getPipelineBoard's reply: all 8 stages in order, and what the dialog needs to draw its filter and marks. */
export interface PipelineBoard {
  columns: BoardColumn[];
  staleDays: number;
  /** Today in the spreadsheet's time zone, 'YYYY-MM-DD' (a next step due before it is overdue). */
  today: string;
  /** The owner filter's choices (listStaff's) and the user at the keyboard. */
  staff: string[];
  me: string;
  /** The Settings list of lost reasons: moving a card to Closed-lost asks for one of them. */
  lostReasons: string[];
}
