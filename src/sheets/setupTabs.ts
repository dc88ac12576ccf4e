/** Creates or repairs every CRM tab: headers, frozen row, formats, Status dropdown, protections. Never deletes data. */

import { CUSTOMER_HEADERS, HISTORY_HEADERS } from '../domain/customer';
import { type CrmSettings, settingsGrid } from '../domain/settings';
import { STATUSES, STATUS_LIST_TEXT } from '../domain/statuses';
import { repairHeader } from './headerRepair';
import { framePipelineTab } from './pipelineTab';
import { applyProtection } from './protection';
import { TAB, columnOf } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetUpOutcome {
  created: string[];
  repaired: string[];
  messages: string[];
}

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const MONEY_FORMAT = '#,##0.00';
const HEADER_BACKGROUND = '#e8f0fe';

function ensureTab(ss: Spreadsheet, name: string, outcome: SetUpOutcome): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  outcome.created.push(name);
  return ss.insertSheet(name);
}

function styleHeader(sheet: Sheet, width: number): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
}

/** Applies the header; false when the tab needs a hand fix (then nothing else is touched). */
function ensureHeader(sheet: Sheet, headers: readonly string[], tab: string, outcome: SetUpOutcome): boolean {
  const result = repairHeader(sheet, headers, tab);
  if (typeof result === 'object') {
    outcome.messages.push(result.problem);
    return false;
  }
  if (result === 'reordered') outcome.repaired.push(`${tab}: columns put back in order`);
  if (result === 'written' && !outcome.created.includes(tab)) outcome.repaired.push(`${tab}: header row written`);
  return true;
}

function formatCustomers(sheet: Sheet): void {
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => columnOf(CUSTOMER_HEADERS, header);
  styleHeader(sheet, CUSTOMER_HEADERS.length);
  sheet.getRange(2, col('Deal value'), rows, 1).setNumberFormat(MONEY_FORMAT);
  for (const header of ['Created at', 'Updated at', 'Status changed at'] as const) {
    sheet.getRange(2, col(header), rows, 1).setNumberFormat(DATE_TIME_FORMAT);
  }
  sheet.getRange(2, col('Version'), rows, 1).setNumberFormat('0');
  const statusRule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...STATUSES], true)
    .setAllowInvalid(false)
    .setHelpText(`Choose one of: ${STATUS_LIST_TEXT}.`)
    .build();
  sheet.getRange(2, col('Status'), rows, 1).setDataValidation(statusRule);
  sheet.setColumnWidths(1, CUSTOMER_HEADERS.length, 120);
  sheet.setColumnWidth(col('ID'), 80);
  sheet.setColumnWidth(col('Name'), 180);
  sheet.setColumnWidth(col('Notes'), 260);
}

function formatHistory(sheet: Sheet): void {
  styleHeader(sheet, HISTORY_HEADERS.length);
  sheet.getRange(2, 1, Math.max(1, sheet.getMaxRows() - 1), 1).setNumberFormat(DATE_TIME_FORMAT);
  sheet.setColumnWidths(1, HISTORY_HEADERS.length, 130);
}

function ensureSettings(sheet: Sheet, settings: CrmSettings, outcome: SetUpOutcome): void {
  if (sheet.getLastRow() > 0) return; // The admin's values are theirs: only an empty tab is filled.
  const grid = settingsGrid(settings);
  sheet.getRange(1, 1, grid.length, (grid[0] ?? []).length).setValues(grid);
  styleHeader(sheet, (grid[0] ?? []).length);
  if (!outcome.created.includes(TAB.settings)) outcome.repaired.push(`${TAB.settings}: defaults written`);
}

export function setUpTabs(ss: Spreadsheet, admin: string, settings: CrmSettings): SetUpOutcome {
  const outcome: SetUpOutcome = { created: [], repaired: [], messages: [] };
  const customers = ensureTab(ss, TAB.customers, outcome);
  const history = ensureTab(ss, TAB.history, outcome);
  const pipeline = ensureTab(ss, TAB.pipeline, outcome);
  const settingsTab = ensureTab(ss, TAB.settings, outcome);
  ensureTab(ss, TAB.import, outcome);

  if (ensureHeader(customers, CUSTOMER_HEADERS, TAB.customers, outcome)) formatCustomers(customers);
  if (ensureHeader(history, HISTORY_HEADERS, TAB.history, outcome)) formatHistory(history);
  ensureSettings(settingsTab, settings, outcome);
  // Always, not only for a new tab: this is the repair path of the Pipeline tab's formats and chart.
  framePipelineTab(pipeline);

  const staffPlan = { editors: settings.staff, warnOnManualEdit: true };
  const changes = [
    ...applyProtection(customers, { ...staffPlan, description: 'customers (use the CRM sidebar)' }, admin),
    ...applyProtection(history, { ...staffPlan, description: 'history log (written by the CRM)' }, admin),
    ...applyProtection(pipeline, { ...staffPlan, description: 'generated pipeline summary' }, admin),
    ...applyProtection(settingsTab, { editors: [], warnOnManualEdit: false, description: 'settings (owner only)' }, admin),
  ];
  outcome.repaired.push(...changes);
  return outcome;
}
