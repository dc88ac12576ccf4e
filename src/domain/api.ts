/**
 * The server API as the sidebar sees it through google.script.run (spec contract).
 * Pure types: the HTML client imports them (with the DOM lib) and src/index.ts is checked against them,
 * so renaming a server function breaks the build, not production.
 */

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
  view: 'mywork' | 'register' | 'customer' | 'search' | 'import';
  customerId?: string;
  /** Set when the person at the keyboard may only look: what they can and cannot do (shown as the page opens). */
  readOnly?: string;
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
}

export interface IntegrityReport {
  ok: true;
  checkedRows: number;
  problems: IntegrityProblem[];
}

export interface ServerApi {
  setUpCrm(): SetUpReport | Failure;
  registerCustomer(input: CustomerInput): SaveResult;
  updateCustomer(id: string, patch: CustomerInput, expectedVersion: number): SaveResult;
  updateCustomerStatus(id: string, status: string, expectedVersion: number, note?: string): SaveResult;
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
  /** Opens the sidebar on a customer's card (called from the search dialog). */
  openCustomerSidebar(id: string): void;
}

export type { Customer, FieldErrors };
