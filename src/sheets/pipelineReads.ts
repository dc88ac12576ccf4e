/**
 * The Pipeline rebuild's reads of Customers and History: only the columns its figures use, and only History's status
 * rows become events. On Google every cell a read returns costs time (local/bench/costModel.ts): at 50,000
 * customers the rebuild read 2.7 million cells when it read both tabs whole.
 */

import { CUSTOMER_COLUMNS, HISTORY_COLUMNS } from '../domain/columns';
import type { CustomerKey } from '../domain/customer';
import { type CustomFieldDefinition, customFieldKey } from '../domain/customFields';
import { type PipelineCustomer, StatusChangeCollector } from '../domain/pipeline';
import { readText, readTime } from './cells';
import { toPipelineCustomer } from './customerRecords';
import { CustomersTable } from './customersTable';
import { cellOf, isBlankRow, readHistoryField } from './customerRows';
import { checkHeader, readTab, requireSheet } from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Customers columns the figures use (toPipelineCustomer's fields), as runs of adjacent columns, one read each:
 * ID … Owner, Created at … Status changed at, Next step due … Lost reason (15 of 19 columns; Name and Company for
 * the stale list), after the header row. Reading the tab whole instead costs three requests less and 4 cells a row
 * more (more with custom fields): on the cost model (160 ms a request, 0.0145 ms a cell) 0.2 s less at 5,000
 * customers without custom fields, 0.2 s more with five, 2.4 s more at 50,000.
 */
export const PIPELINE_CUSTOMER_RUNS: readonly (readonly [CustomerKey, CustomerKey])[] = [
  ['id', 'owner'],
  ['createdAt', 'statusChangedAt'],
  ['nextStepDue', 'lostReason'],
];

/** History's columns A..To (At, Customer ID, Action, Field, From, To): everything a status row says but By. */
const HISTORY_READ_WIDTH = HISTORY_COLUMNS.of.to.column;

/** A run of adjacent columns: its first (1-based) and how many. */
interface ColumnRun {
  first: number;
  width: number;
}

/**
 * Calls `each` with every data row (row 2 down) of `runs` put side by side at their places in a row `width` wide,
 * one getSheetValues per run; a cell of a column no run reads is ''. The row passed is one scratch array refilled
 * for each row (50,000 rows need no 50,000 arrays): `each` must take what it needs and not keep it. Runs end at the
 * same last row; a row a person added between two reads (the lock does not stop people) is left out until the next
 * rebuild. A tab with no data row has none to read (getSheetValues refuses 0 rows): then, or if a run cannot be
 * read at all, the tab is read whole once.
 */
function forEachRunRow(
  sheet: Sheet,
  runs: readonly ColumnRun[],
  width: number,
  each: (row: readonly unknown[]) => void,
): void {
  let pieces: unknown[][][];
  try {
    pieces = runs.map((run) => sheet.getSheetValues(2, run.first, -1, run.width));
  } catch {
    readTab(sheet, 'all').slice(1).forEach(each);
    return;
  }
  const count = Math.min(...pieces.map((piece) => piece.length));
  const row = new Array<unknown>(width).fill('');
  for (let r = 0; r < count; r++) {
    for (let p = 0; p < runs.length; p++) {
      const offset = (runs[p] as ColumnRun).first - 1;
      const cells = (pieces[p] as unknown[][])[r] as unknown[];
      for (let c = 0; c < cells.length; c++) row[offset + c] = cells[c];
    }
    each(row);
  }
}

export interface PipelineCustomers {
  customers: PipelineCustomer[];
  /** With a "Group Pipeline by" field that has a column: each customer's cell of it, as text (a Choice). */
  choices: string[] | null;
}

/**
 * Every customer as the Pipeline rebuild reads it (toPipelineCustomer, blank rows left out): the header row read
 * and checked whole, as every call checks it (a moved or renamed column stops the call), then the columns of
 * PIPELINE_CUSTOMER_RUNS and, with `group`, that field's column (found by name in the header row).
 */
export function readPipelineCustomers(ss: Spreadsheet, group: CustomFieldDefinition | null): PipelineCustomers {
  const table = CustomersTable.open(ss, group === null ? [] : [group]);
  const layout = table.checkHeaderRow();
  const column = group === null ? undefined : layout.map.of[customFieldKey(group.name)];
  const runs: ColumnRun[] = PIPELINE_CUSTOMER_RUNS.map(([first, last]) => ({
    first: CUSTOMER_COLUMNS.of[first].column,
    width: CUSTOMER_COLUMNS.of[last].column - CUSTOMER_COLUMNS.of[first].column + 1,
  }));
  if (column !== undefined) runs.push({ first: column.column, width: 1 });
  const customers: PipelineCustomer[] = [];
  const choices: string[] | null = column === undefined ? null : [];
  forEachRunRow(table.sheet, runs, layout.map.width, (row) => {
    if (isBlankRow(row)) return;
    customers.push(toPipelineCustomer(row));
    if (choices !== null && column !== undefined) choices.push(readText(cellOf(row, column)));
  });
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
