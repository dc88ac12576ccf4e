/**
 * The global functions Apps Script sees (menu items, triggers, google.script.run). Declarations only:
 * gas-webpack-plugin turns each `global.name = …` into a top-level `function name()` stub.
 */

import type { ServerApi } from './domain/api';
import {
  getCustomer,
  listCustomers,
  registerCustomer,
  searchCustomers,
  updateCustomer,
  updateCustomerStatus,
} from './server/customers';
import { showPipelineBoard } from './server/board';
import { listFollowUps, listStaff, logActivity } from './server/myWork';
import { listLostReasons } from './server/lostReasons';
import { listCustomFields } from './server/customFields';
import { onDemandCall, onDemandMenuItem } from './server/onDemand';
import { onEdit } from './server/onEdit';
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

// The occasional features run from on-demand modules (src/onDemand/*, pushed as onDemand_*.html) that only the calls
// needing them load, so the code Apps Script parses on every call stays small; these are their entry points.
const setUpCrm = onDemandCall('setup', 'setUpCrm');
const checkData = onDemandCall('setup', 'checkData');
const checkSetUp = onDemandCall('setup', 'checkSetUp');
const proposeImportMapping = onDemandCall('import', 'proposeImportMapping');
const importCustomers = onDemandCall('import', 'importCustomers');
const archiveCustomer = onDemandCall('archive', 'archiveCustomer');
const restoreCustomer = onDemandCall('archive', 'restoreCustomer');
const findDuplicateGroups = onDemandCall('archive', 'findDuplicateGroups');
const mergeCustomers = onDemandCall('archive', 'mergeCustomers');
const rebuildPipelineSummary = onDemandCall('pipeline', 'rebuildPipelineSummary');
const getPipelineBoard = onDemandCall('pipeline', 'getPipelineBoard');

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
global.showPipelineSummary = onDemandMenuItem('pipeline', 'showPipelineSummary', 'Pipeline summary');
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
global.showDataCheck = onDemandMenuItem('setup', 'showDataCheck', 'Check data');
/** What the CRM relies on, checked point by point in this spreadsheet (read-only). */
global.checkSetUp = checkSetUp;
/** Menu: CRM ▸ Check set-up. */
global.showSetUpCheck = onDemandMenuItem('setup', 'showSetUpCheck', 'Check set-up');
/** Menu: CRM ▸ Set up / repair. */
global.showSetUp = onDemandMenuItem('setup', 'showSetUp', 'Set up / repair');

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
