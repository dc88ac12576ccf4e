/**
 * The server API as the sidebar sees it through google.script.run (spec contract).
 * Pure types: the HTML client imports them (with the DOM lib) and src/index.ts is checked against them,
 * so renaming a server function breaks the build, not production.
 */

import type { CustomFormField } from './customFields';
import type { Customer, FieldErrors } from './customer';
import type { ImportMappingProposal, ImportOptions, ImportResult } from './import/types';
import type { PipelineSummary } from './pipeline/types';
import type { SetUpCheckReport } from './setupCheck';
import type {
  ActivityInput,
  CustomerInput,
  Failure,
  FollowUpOptions,
  FollowUps,
  BoardOptions,
  PipelineBoard,
  LogActivityResult,
  StaffList,
  GetCustomerResult,
  ListOptions,
  ListResult,
  SaveResult,
  SearchOptions,
  SearchResult,
} from './results';

/** What a sidebar or dialog needs to know when it opens (passed through the HTML template). */
export interface SidebarState {
  view: 'mywork' | 'register' | 'customer' | 'search' | 'import' | 'duplicates' | 'board';
  customerId?: string;
  /** Set when the person at the keyboard may only look: what they can and cannot do (shown as the page opens). */
  readOnly?: string;
}

/** findDuplicateGroups(): each group is customers that are probably one person. */
export interface DuplicateGroups {
  ok: true;
  groups: Customer[][];
}

export interface SetUpReport {
  ok: true;
  created: string[];
  repaired: string[];
  messages: string[];
}

export interface IntegrityProblem {
  row: number;
  id: string;
  problem: string;
  /** The tab `row` is on when it is not Customers: an archived row's custom-field cell (or the Archive header). */
  tab?: 'Archive';
}

/** A customer whose row was deleted by hand: its ID is in History, in neither Customers nor Archive. */
export interface DeletedCustomer {
  id: string;
  /** Its last recorded name ('' if History has none). */
  name: string;
}

export interface IntegrityReport {
  ok: true;
  checkedRows: number;
  /** Archive rows whose custom-field cells were checked (absent or 0: none, e.g. no field has an Archive column). */
  checkedArchivedRows?: number;
  problems: IntegrityProblem[];
  /** Customers deleted by hand, by ID: restoreCustomer(id) rebuilds each from History. */
  deletedByHand: DeletedCustomer[];
}

export interface ServerApi {
  setUpCrm(): SetUpReport | Failure;
  registerCustomer(input: CustomerInput): SaveResult;
  updateCustomer(id: string, patch: CustomerInput, expectedVersion: number): SaveResult;
  updateCustomerStatus(
    id: string,
    status: string,
    expectedVersion: number,
    note?: string,
    lostReason?: string,
  ): SaveResult;
  getCustomer(id: string): GetCustomerResult;
  searchCustomers(query: string, options?: SearchOptions): SearchResult | Failure;
  listCustomers(options?: ListOptions): ListResult | Failure;
  checkData(): IntegrityReport | Failure;
  checkSetUp(): SetUpCheckReport | Failure;
  rebuildPipelineSummary(): PipelineSummary | Failure;
  proposeImportMapping(): ImportMappingProposal | Failure;
  importCustomers(options?: ImportOptions): ImportResult | Failure;
  /** Who a customer may be given to (owner/admin first, then the applied staff) and the user at the keyboard. */
  listStaff(): StaffList | Failure;
  /** Logs a call, meeting, e-mail or note in History (the customer's Version does not change). */
  logActivity(id: string, activity: ActivityInput): LogActivityResult;
  /** "My work": overdue, today, upcoming (7 days) and open deals with no next step. */
  listFollowUps(options?: FollowUpOptions): FollowUps | Failure;
  /** Moves a customer to the Archive tab (nothing is deleted); a stale version → conflict. */
  archiveCustomer(id: string, expectedVersion: number, reason?: string): SaveResult;
  /** Brings an archived customer back (Version + 1), or rebuilds from History one whose row was deleted by hand. */
  restoreCustomer(id: string): SaveResult;
  /** Probable duplicates of the Customers tab, in groups, by the registration rules. */
  findDuplicateGroups(): DuplicateGroups | Failure;
  /** Fills keepId's empty fields from mergeId (Notes joined) and archives mergeId; both versions must be current. */
  mergeCustomers(keepId: string, mergeId: string, expectedVersions: Record<string, number>): SaveResult;
  /** The Pipeline board: every stage's count, deal value, weighted value and stalest cards. */
  getPipelineBoard(options?: BoardOptions): PipelineBoard | Failure;
  /** The Lost reasons list of Settings (what a move to Closed-lost chooses from). */
  listLostReasons(): { reasons: string[] } | Failure;
  /** The custom fields Set up applied, one form control each (SPEC "Version 2", Custom fields). */
  listCustomFields(): { fields: CustomFormField[] } | Failure;
  /** Opens the sidebar on a customer's card (called from the search dialog). */
  openCustomerSidebar(id: string): void;
}

export type { Customer, FieldErrors };
