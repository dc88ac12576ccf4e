/**
 * Shared helpers of the data-safety bundle tests: what people do to the sheet by hand (sort, insert or delete
 * rows, move or rename columns, change a protection) through the stand-in's SpreadsheetApp as that person,
 * the add-on's writes that were made without the document lock (people's own edits excluded), and plain
 * views of the tabs for comparisons.
 */

import type { Customer } from '../../../src/domain/customer';
import { CUSTOMER_HEADERS, CUSTOMER_KEYS } from '../../../src/domain/customer';
import type { UnlockedWrite } from '../../../local/gas/runtime';
import type { Crm } from '../../support/crm';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetAppType = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export type { Failure as Refusal, SaveResult } from '../../../src/domain/results';

/** Executions that were a person working in the sheet (their writes take no lock, as in Sheets). */
const manualExecutions = new WeakMap<Crm, Set<number>>();

/** The stand-in's SpreadsheetApp, as the add-on sees it. */
export function spreadsheetApp(crm: Crm): SpreadsheetAppType {
  return crm.gas.globals.SpreadsheetApp as unknown as SpreadsheetAppType;
}

/** `user` works in the spreadsheet by hand (one execution that takes no lock); returns what `body` returns. */
export function byHand<T>(crm: Crm, user: string, body: (ss: Spreadsheet, app: SpreadsheetAppType) => T): T {
  return crm.gas.runtime.run(user, () => {
    const executions = manualExecutions.get(crm) ?? new Set<number>();
    executions.add(crm.gas.runtime.execution().id);
    manualExecutions.set(crm, executions);
    const app = spreadsheetApp(crm);
    return body(app.getActiveSpreadsheet(), app);
  });
}

/** Writes the add-on made without holding the document lock (people's own edits by hand are not counted). */
export function addOnUnlockedWrites(crm: Crm): UnlockedWrite[] {
  const manual = manualExecutions.get(crm) ?? new Set<number>();
  return crm.gas.runtime.unlockedWrites.filter((w) => !manual.has(w.executionId));
}

/** The whole workbook (values, formats, validations, protections, sizes...) as one comparable string. */
export function workbookJson(crm: Crm): string {
  return JSON.stringify(crm.gas.toJSON().workbook);
}

/** Everything a call could change: the workbook and the document properties. */
export function stateJson(crm: Crm): string {
  return JSON.stringify(crm.gas.toJSON());
}

export function customersSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName('Customers');
  if (!sheet) throw new Error('no Customers tab');
  return sheet;
}

/** A person sorts the Customers tab by `column` (1-based), below the frozen header. */
export function sortCustomers(crm: Crm, user: string, column: number, ascending: boolean): void {
  byHand(crm, user, (ss) => customersSheet(ss).sort(column, ascending));
}

/** A person inserts `count` blank rows before sheet row `before` of the Customers tab. */
export function insertBlankRows(crm: Crm, user: string, before: number, count = 1): void {
  byHand(crm, user, (ss) => customersSheet(ss).insertRowsBefore(before, count));
}

/** A person deletes sheet row `row` of the Customers tab. */
export function deleteRow(crm: Crm, user: string, row: number): void {
  byHand(crm, user, (ss) => customersSheet(ss).deleteRow(row));
}

/** Cell values re-encoded so that setValues stores them unchanged (text keeps a leading apostrophe guard). */
function asWritten(values: unknown[][]): unknown[][] {
  return values.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
}

/**
 * The owner drags column `from` (1-based) of the Customers tab to sit before column `to`, as Sheets does: a
 * new column is inserted, the whole column's contents move into it, and the old column is deleted.
 */
export function moveCustomersColumn(crm: Crm, from: number, to: number): void {
  byHand(crm, crm.gas.runtime.owner, (ss) => {
    const sheet = customersSheet(ss);
    const rows = sheet.getMaxRows();
    const values = sheet.getRange(1, from, rows, 1).getValues();
    sheet.insertColumnsBefore(to, 1);
    const source = from >= to ? from + 1 : from;
    sheet.getRange(1, to, rows, 1).setValues(asWritten(values));
    sheet.deleteColumn(source);
  });
}

/** A person types `text` over a header cell of the Customers tab. */
export function renameCustomersHeader(crm: Crm, column: number, text: string): void {
  crm.gas.sheets.userEdit({ user: crm.gas.runtime.owner, sheet: 'Customers', row: 1, column, value: text });
}

/**
 * A row of the Customers tab as the Customer it holds (dates as ISO strings), keyed by column header; `custom` is
 * {} (these CRMs define no custom field).
 */
export function rowAsCustomer(row: readonly unknown[]): Customer {
  const out: Record<string, unknown> = { custom: {} };
  CUSTOMER_KEYS.forEach((key, i) => {
    const v = row[i];
    out[key] = key === 'dealValue' && v === '' ? null : v;
  });
  return out as unknown as Customer;
}

/** The data rows of the Customers tab that are not blank, as plain values (dates as ISO strings). */
export function customerRows(crm: Crm): unknown[][] {
  return crm
    .tab('Customers')
    .slice(1)
    .filter((row) => row.slice(0, CUSTOMER_HEADERS.length).some((v) => v !== ''));
}

/** The Customers tab's rows by ID. */
export function rowsById(crm: Crm): Map<string, unknown[]> {
  return new Map(customerRows(crm).map((row) => [String(row[0]), row]));
}

/** Sheet row number (1-based) of the customer `id` right now. */
export function sheetRowOf(crm: Crm, id: string): number {
  const index = crm.tab('Customers').findIndex((row) => row[0] === id);
  if (index < 0) throw new Error(`no row holds ${id}`);
  return index + 1;
}

/** Every cell of every tab that holds a formula, as "Tab!row:col=formula". */
export function formulasAnywhere(crm: Crm): string[] {
  const found: string[] = [];
  for (const name of crm.gas.sheets.sheetNames()) {
    crm.gas.sheets.sheetFormulas(name).forEach((row, r) =>
      row.forEach((f, c) => {
        if (f !== '') found.push(`${name}!${r + 1}:${c + 1}=${f}`);
      }),
    );
  }
  return found;
}

/** registerCustomer that must succeed; returns the saved customer. */
export function registered(crm: Crm, user: string, input: Record<string, unknown>): Customer {
  const result = crm.call(user, 'registerCustomer', input);
  if (!result.ok) throw new Error(`registerCustomer failed: ${JSON.stringify(result)}`);
  return result.customer;
}

/**
 * Values put into the Customers tab past its dropdowns, as data typed before the dropdown existed (or by an older
 * version) sits there: the owner takes the rules off the block, writes, and puts them back. A script cannot write
 * a value a reject-input rule refuses (the stand-in models that), so this is how tests make such old data.
 */
export function writePastValidation(crm: Crm, row: number, column: number, values: (string | number)[][]): void {
  byHand(crm, 'owner@example.com', (ss) => {
    const target = customersSheet(ss).getRange(row, column, values.length, (values[0] ?? []).length);
    const rules = target.getDataValidations();
    target.clearDataValidations();
    target.setValues(values);
    target.setDataValidations(rules);
  });
}
