/**
 * The global functions Apps Script sees (menu items, triggers, google.script.run). Declarations only:
 * gas-webpack-plugin turns each `global.name = …` into a top-level `function name()` stub.
 */

import type { ServerApi } from './domain/api';
import { archiveCustomer, findDuplicateGroups, mergeCustomers, restoreCustomer } from './server/archive';
import {
  getCustomer,
  listCustomers,
  registerCustomer,
  searchCustomers,
  updateCustomer,
  updateCustomerStatus,
} from './server/customers';
import { getPipelineBoard, showPipelineBoard } from './server/board';
import { showPipelineSummary, showSetUp } from './server/menuActions';
import { listFollowUps, listStaff, logActivity } from './server/myWork';
import { importCustomers, proposeImportMapping } from './server/import';
import { checkData, showDataCheck } from './server/integrity';
import { listLostReasons } from './server/lostReasons';
import { listCustomFields } from './server/customFields';
import { onEdit } from './server/onEdit';
import { rebuildPipelineSummary } from './server/pipeline';
import { setUpCrm } from './server/setup';
import { checkSetUp, showSetUpCheck } from './server/setupCheck';
import {
  onInstall,
  onOpen,
  openCustomerSidebar,
  showFindDuplicates,
  showImportSidebar,
  showMyWork,
  showRegisterSidebar,
  showSearchDialog,
} from './server/ui';

// `global` is webpack's name for the Apps Script global object.
declare const global: Record<string, unknown>;

/** Adds the CRM menu when the spreadsheet opens. */
global.onOpen = onOpen;
/** Adds the CRM menu right after the add-on is installed. */
global.onInstall = onInstall;
/** Logs a hand edit of the Customers tab in History and bumps that row's Version. */
global.onEdit = onEdit;
/** Creates or repairs every CRM tab; never deletes data. */
global.setUpCrm = setUpCrm;
/** Registers a new customer: { ok, customer } or { ok: false, errors, duplicates? }. */
global.registerCustomer = registerCustomer;
/** Changes a customer's fields if expectedVersion is still current. */
global.updateCustomer = updateCustomer;
/** Moves a customer to another status, with an optional note. */
global.updateCustomerStatus = updateCustomerStatus;
/** One customer with its History. */
global.getCustomer = getCustomer;
/** Finds customers by name, company, e-mail or phone. */
global.searchCustomers = searchCustomers;
/** A page of customers, filtered and sorted. */
global.listCustomers = listCustomers;
/** Rebuilds the Pipeline tab and returns its summary. */
global.rebuildPipelineSummary = rebuildPipelineSummary;
/** Proposes how the Import tab's columns map to customer fields. */
global.proposeImportMapping = proposeImportMapping;
/** Imports (or dry-runs) a batch of rows from the Import tab. */
global.importCustomers = importCustomers;
/** Who a customer may be given to, and the user at the keyboard: { staff, me }. */
global.listStaff = listStaff;
/** The Lost reasons list of Settings: { reasons }. */
global.listLostReasons = listLostReasons;
/** The custom fields of Settings as form controls: { fields: [{ key, name, kind, required, choices }] }. */
global.listCustomFields = listCustomFields;
/** Logs a call, meeting, e-mail or note against a customer in History. */
global.logActivity = logActivity;
/** "My work": { overdue, today, upcoming, noNextStep } for an owner (default: the user; '*': everyone). */
global.listFollowUps = listFollowUps;
/** Menu: CRM ▸ My work. */
global.showMyWork = showMyWork;
/** Opens the sidebar on a customer's card (from the search dialog). */
global.openCustomerSidebar = openCustomerSidebar;
/** Menu: CRM ▸ Register customer. */
global.showRegisterSidebar = showRegisterSidebar;
/** Menu: CRM ▸ Search customers. */
global.showSearchDialog = showSearchDialog;
/** Every stage's figures and stalest cards: { columns: [{ status, count, value, weighted, customers }] }. */
global.getPipelineBoard = getPipelineBoard;
/** Menu: CRM ▸ Pipeline board. */
global.showPipelineBoard = showPipelineBoard;
/** Menu: CRM ▸ Pipeline summary. */
global.showPipelineSummary = showPipelineSummary;
/** Menu: CRM ▸ Import customers. */
global.showImportSidebar = showImportSidebar;
/** Moves a customer to the Archive tab: { ok, customer } or a conflict/errors. */
global.archiveCustomer = archiveCustomer;
/** Brings a customer back from Archive, or rebuilds one deleted by hand from History. */
global.restoreCustomer = restoreCustomer;
/** Groups of probable duplicates in the Customers tab. */
global.findDuplicateGroups = findDuplicateGroups;
/** Merges one customer into another and archives it. */
global.mergeCustomers = mergeCustomers;
/** Menu: CRM ▸ Find duplicates. */
global.showFindDuplicates = showFindDuplicates;
/** Duplicate IDs, invalid statuses and broken rows of the Customers tab (read-only report). */
global.checkData = checkData;
/** Menu: CRM ▸ Check data. */
global.showDataCheck = showDataCheck;
/** What the CRM relies on, checked point by point in this spreadsheet (read-only). */
global.checkSetUp = checkSetUp;
/** Menu: CRM ▸ Check set-up. */
global.showSetUpCheck = showSetUpCheck;
/** Menu: CRM ▸ Set up / repair. */
global.showSetUp = showSetUp;

// Compile-time check that the functions the HTML client calls match the typed API it was written against.
const serverApi: ServerApi = {
  setUpCrm,
  registerCustomer,
  updateCustomer,
  updateCustomerStatus,
  getCustomer,
  searchCustomers,
  listCustomers,
  checkData,
  checkSetUp,
  openCustomerSidebar,
  rebuildPipelineSummary,
  proposeImportMapping,
  importCustomers,
  listStaff,
  logActivity,
  listFollowUps,
  archiveCustomer,
  restoreCustomer,
  findDuplicateGroups,
  mergeCustomers,
  getPipelineBoard,
  listLostReasons,
  listCustomFields,
};
void serverApi;
