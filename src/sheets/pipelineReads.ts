/**
 * The Pipeline rebuild's reads of Customers and History: only the columns its figures use, and only History's status
 * rows become events. On Google every cell a read returns costs time (local/bench/costModel.ts): at 50,000
 * customers the rebuild read 2.7 million cells when it read both tabs whole.
 */

import { CUSTOMER_COLUMNS, HISTORY_COLUMNS } from '../domain/columns';
import { type CustomFieldDefinition, customFieldKey } from '../domain/customFields';
import { type PipelineCustomer, StatusChangeCollector } from '../domain/pipeline';
import { readText, readTime } from './cells';
import { toPipelineCustomer } from './customerRecords';
import { CustomersTable } from './customersTable';
import { cellOf, isBlankRow, readHistoryField } from './customerRows';
import { checkHeader, readTab, requireSheet } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Customers columns the figures use (toPipelineCustomer's fields) end at Lost reason, the last fixed column; a
 * "Group Pipeline by" field's column is further right. They are read as ONE range from row 2, A to the last of
 * them, not as runs of the columns used: a person may sort the tab by hand while the rebuild runs (the lock does not
 * stop people), and separate reads could then pair one customer's Name with another's dates on the tab. One read is
 * one snapshot. It costs 4 cells a row more than the runs (ID … Owner, Created at … Status changed at, Next step due
 * … Lost reason) and two requests less: on the cost model (160 ms a request, 0.0145 ms a cell) about the same at
 * 5,000 customers, 2.6 s more at 50,000 — where the rebuild is far beyond a user's patience either way.
 */
const LAST_FIXED_COLUMN = CUSTOMER_COLUMNS.of.lostReason.column;

/** History's columns A..To (At, Customer ID, Action, Field, From, To): everything a status row says but By. */
const HISTORY_READ_WIDTH = HISTORY_COLUMNS.of.to.column;

export interface PipelineCustomers {
  customers: PipelineCustomer[];
  /** With a "Group Pipeline by" field that has a column: each customer's cell of it, as text (a Choice). */
  choices: string[] | null;
}

/**
 * Every customer as the Pipeline rebuild reads it (toPipelineCustomer, blank rows left out): the header row read
 * and checked whole, as every call checks it (a moved or renamed column stops the call), then one read of every
 * row from column A to Lost reason or, with `group`, to that field's column (found by name in the header row).
 */
export function readPipelineCustomers(ss: Spreadsheet, group: CustomFieldDefinition | null): PipelineCustomers {
  const table = CustomersTable.open(ss, group === null ? [] : [group]);
  const layout = table.checkHeaderRow();
  const column = group === null ? undefined : layout.map.of[customFieldKey(group.name)];
  const width = Math.max(LAST_FIXED_COLUMN, column?.column ?? 0);
  let rows: unknown[][];
  try {
    rows = table.sheet.getSheetValues(2, 1, -1, width);
  } catch {
    // A tab with no data row: getSheetValues refuses 0 rows.
    rows = readTab(table.sheet, width).slice(1);
  }
  const customers: PipelineCustomer[] = [];
  const choices: string[] | null = column === undefined ? null : [];
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    customers.push(toPipelineCustomer(row));
    if (choices !== null && column !== undefined) choices.push(readText(cellOf(row, column)));
  }
  return { customers, choices };
}

/**
 * History's status changes per customer, as the pipeline reads them (the texts of rowToHistory, `at` in milliseconds
 * or '' when the cell holds no date): one read of columns A..To, and only a row that carries a status
 * (StatusChangeCollector.carriesStatus: about two rows in five) has its other cells read, so 250,000 rows do not
 * become 250,000 objects. By (G) is not read: no figure uses it, and a moved column shifts A..To, which the header
 * check catches.
 */
export function readPipelineStatusChanges(ss: Spreadsheet): StatusChangeCollector['byId'] {
  const values = readTab(requireSheet(ss, TAB.history), HISTORY_READ_WIDTH);
  checkHeader(values[0], HISTORY_COLUMNS.headers.slice(0, HISTORY_READ_WIDTH), TAB.history);
  const collector = new StatusChangeCollector();
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    const action = readHistoryField(row, 'action');
    if (!collector.carriesStatus(action, readHistoryField(row, 'field'))) continue;
    collector.add(
      i,
      readTime(cellOf(row, HISTORY_COLUMNS.of.at)) ?? '',
      readHistoryField(row, 'customerId'),
      action,
      readHistoryField(row, 'from'),
      readHistoryField(row, 'to'),
    );
  }
  return collector.byId;
}
