/** Creates or repairs every CRM tab: headers, frozen row, formats, Status dropdown, protections. Never deletes data. */

import { ARCHIVE_COLUMNS } from '../domain/archive';
import { type CellKind, type ColumnMap, CUSTOMER_COLUMNS, columnLetter, HISTORY_COLUMNS } from '../domain/columns';
import { DEFAULT_LOST_REASONS, LOST_REASONS_HEADER } from '../domain/lostReasons';
import { type CrmSettings, lostReasonsColumn, SETTINGS_COLUMNS, settingsGrid } from '../domain/settings';
import { STATUSES, STATUS_LIST_TEXT } from '../domain/statuses';
import { readText } from './cells';
import type { CustomFieldDefinition } from '../domain/customFields';
import { ensureCustomColumns, ensureCustomFieldTable } from './customColumnsSetup';
import { repairHeader } from './headerRepair';
import { framePipelineTab } from './pipelineTab';
import { frameSnapshotsTab } from './snapshotsTab';
import { applyProtection } from './protection';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetUpOutcome {
  created: string[];
  repaired: string[];
  messages: string[];
}

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';
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
  if (typeof result === 'string' && result.startsWith('extended')) outcome.repaired.push(`${tab}: ${result.slice(9)}`);
  if (result === 'written' && !outcome.created.includes(tab)) outcome.repaired.push(`${tab}: header row written`);
  return true;
}

/**
 * Number formats by kind of cell; text cells keep the automatic format (their apostrophe keeps them text). The one
 * number column, Deal value, is an amount.
 */
const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  number: MONEY_FORMAT,
  dateTime: DATE_TIME_FORMAT,
  date: DATE_FORMAT,
  integer: '0',
};

/** Header style, then each column's number format over the rows below the header; returns how many rows. */
function formatColumns(sheet: Sheet, map: ColumnMap): number {
  styleHeader(sheet, map.width);
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  for (const column of map.list) {
    const format = NUMBER_FORMATS[column.kind];
    if (format !== undefined) sheet.getRange(2, column.column, rows, 1).setNumberFormat(format);
  }
  return rows;
}

function formatCustomers(sheet: Sheet): void {
  const C = CUSTOMER_COLUMNS.of;
  const rows = formatColumns(sheet, CUSTOMER_COLUMNS);
  const statusRule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...STATUSES], true)
    .setAllowInvalid(false)
    .setHelpText(`Choose one of: ${STATUS_LIST_TEXT}.`)
    .build();
  sheet.getRange(2, C.status.column, rows, 1).setDataValidation(statusRule);
  sheet.setColumnWidths(1, CUSTOMER_COLUMNS.width, 120);
  sheet.setColumnWidth(C.id.column, 80);
  sheet.setColumnWidth(C.name.column, 180);
  sheet.setColumnWidth(C.notes.column, 260);
}

function formatHistory(sheet: Sheet): void {
  formatColumns(sheet, HISTORY_COLUMNS);
  sheet.setColumnWidths(1, HISTORY_COLUMNS.width, 130);
}

function ensureSettings(sheet: Sheet, settings: CrmSettings, outcome: SetUpOutcome): void {
  if (sheet.getLastRow() > 0) {
    addLostReasons(sheet, outcome);
    return; // The admin's values are theirs: only an empty tab is filled.
  }
  const grid = settingsGrid(settings);
  sheet.getRange(1, 1, grid.length, (grid[0] ?? []).length).setValues(grid);
  styleHeader(sheet, (grid[0] ?? []).length);
  if (!outcome.created.includes(TAB.settings)) outcome.repaired.push(`${TAB.settings}: defaults written`);
}

/**
 * A Settings tab from before the Lost reasons list gets the column with the default reasons; nothing else is
 * touched. A column N that already holds something under another header is reported, not overwritten.
 */
function addLostReasons(sheet: Sheet, outcome: SetUpOutcome): void {
  const column = SETTINGS_COLUMNS.lostReasons + 1;
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < column) sheet.insertColumnsAfter(maxColumns, column - maxColumns);
  const rows = Math.max(1, sheet.getLastRow());
  const cells = sheet.getRange(1, column, rows, 1).getValues();
  const header = readText(cells[0]?.[0]).trim();
  if (header.toLowerCase() === LOST_REASONS_HEADER.toLowerCase()) return;
  if (cells.some((row) => readText(row[0]).trim() !== '')) {
    outcome.messages.push(
      `Settings: column ${columnLetter(column)} is not empty, so the "${LOST_REASONS_HEADER}" list was not added there; the default reasons apply.`,
    );
    return;
  }
  const written = lostReasonsColumn(DEFAULT_LOST_REASONS);
  sheet.getRange(1, column, written.length, 1).setValues(written);
  sheet.getRange(1, column).setFontWeight('bold');
  outcome.repaired.push(`${TAB.settings}: "${LOST_REASONS_HEADER}" list added in column ${columnLetter(column)}`);
}

export function setUpTabs(
  ss: Spreadsheet,
  admin: string,
  settings: CrmSettings,
  customFields: readonly CustomFieldDefinition[] = [],
): SetUpOutcome {
  const outcome: SetUpOutcome = { created: [], repaired: [], messages: [] };
  const customers = ensureTab(ss, TAB.customers, outcome);
  const history = ensureTab(ss, TAB.history, outcome);
  const pipeline = ensureTab(ss, TAB.pipeline, outcome);
  const settingsTab = ensureTab(ss, TAB.settings, outcome);
  ensureTab(ss, TAB.import, outcome);
  const archive = ensureTab(ss, TAB.archive, outcome);
  const snapshots = ensureTab(ss, TAB.snapshots, outcome);

  if (ensureHeader(customers, CUSTOMER_COLUMNS.headers, TAB.customers, outcome)) {
    formatCustomers(customers);
    ensureCustomColumns(customers, TAB.customers, customFields, outcome);
  }
  if (ensureHeader(history, HISTORY_COLUMNS.headers, TAB.history, outcome)) formatHistory(history);
  if (ensureHeader(archive, ARCHIVE_COLUMNS.headers, TAB.archive, outcome)) {
    formatColumns(archive, ARCHIVE_COLUMNS);
    ensureCustomColumns(archive, TAB.archive, customFields, outcome);
  }
  ensureSettings(settingsTab, settings, outcome);
  ensureCustomFieldTable(settingsTab, outcome);
  // Always, not only for a new tab: this is the repair path of the Pipeline tab's formats and chart.
  framePipelineTab(pipeline);
  frameSnapshotsTab(snapshots);

  const staffPlan = { editors: settings.staff, warnOnManualEdit: true };
  const changes = [
    ...applyProtection(customers, { ...staffPlan, description: 'customers (use the CRM sidebar)' }, admin),
    ...applyProtection(history, { ...staffPlan, description: 'history log (written by the CRM)' }, admin),
    ...applyProtection(pipeline, { ...staffPlan, description: 'generated pipeline summary' }, admin),
    ...applyProtection(archive, { ...staffPlan, description: 'archived customers (restore them from the CRM)' }, admin),
    ...applyProtection(
      snapshots,
      { ...staffPlan, description: 'weekly pipeline snapshots (written by the CRM)' },
      admin,
    ),
    ...applyProtection(
      settingsTab,
      { editors: [], warnOnManualEdit: false, description: 'settings (owner only)' },
      admin,
    ),
  ];
  outcome.repaired.push(...changes);
  return outcome;
}
