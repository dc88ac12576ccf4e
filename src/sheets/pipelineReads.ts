/**
 * The Pipeline rebuild's reads of Customers and History: only the columns its figures use, and only History's status
 * rows become events. On Google every cell a read returns costs time (local/bench/costModel.ts): at 50,000
 * customers the rebuild read 2.7 million cells when it read both tabs whole.
 */

import { CUSTOMER_COLUMNS, HISTORY_COLUMNS } from '../domain/columns';
import type { CustomerKey } from '../domain/customer';
import { type CustomFieldDefinition, customFieldKey } from '../domain/customFields';
import type { PipelineCustomer, PipelineEvent } from '../domain/pipeline';
import { statusCarrierTest } from '../domain/pipeline/statusEvents';
import { readText, readTime } from './cells';
import { toPipelineCustomer } from './customerRecords';
import { cellOf, customerLayout, isBlankRow, readHistoryField } from './customerRows';
import { checkHeader, readTab, requireSheet } from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Customers columns the figures use (toPipelineCustomer's fields), as runs of adjacent columns, one read each:
 * ID … Owner, Created at … Status changed at, Next step due … Lost reason (15 of 19 columns; Name and Company for
 * the stale list). Reading the tab whole instead costs one request less and 4 cells a row more: about the same at
 * 5,000 customers on the cost model (160 ms a request, 0.0145 ms a cell), 2.6 s more at 50,000.
 */
export const PIPELINE_CUSTOMER_RUNS: readonly (readonly [CustomerKey, CustomerKey])[] = [
  ['id', 'owner'],
  ['createdAt', 'statusChangedAt'],
  ['nextStepDue', 'lostReason'],
];

/** History's columns A..To (At, Customer ID, Action, Field, From, To): everything a status row says but By. */
const HISTORY_READ_WIDTH = HISTORY_COLUMNS.of.to.column;

/** A run of adjacent columns: its first (1-based) and how many, or 'rest' to the last column with content. */
interface ColumnRun {
  first: number;
  width: number | 'rest';
}

/**
 * The rows of `runs` put side by side at their places in full-width rows (header row included), one getSheetValues
 * each. A cell of a column no run reads is '' — and, in the header row, the header it must have: it is not checked
 * because nothing of it is used. Runs end at the same last row; a row a person added between two reads (the lock
 * does not stop people) is left out until the next rebuild. If a run cannot be read (a tab cut narrower by hand),
 * the tab is read whole once, so that the header check says what is wrong.
 */
function readColumnRuns(sheet: Sheet, runs: readonly ColumnRun[]): unknown[][] {
  let pieces: unknown[][][];
  try {
    pieces = runs.map((run) => sheet.getSheetValues(1, run.first, -1, run.width === 'rest' ? -1 : run.width));
  } catch {
    return readTab(sheet, 'all');
  }
  const count = Math.min(...pieces.map((piece) => piece.length));
  const ends = runs.map((run, i) => run.first - 1 + ((pieces[i] as unknown[][])[0]?.length ?? 0));
  const width = Math.max(CUSTOMER_COLUMNS.width, ...ends);
  const rows: unknown[][] = [];
  for (let r = 0; r < count; r++) {
    const row = new Array<unknown>(width).fill('');
    if (r === 0) {
      for (let i = 0; i < CUSTOMER_COLUMNS.width; i++) row[i] = CUSTOMER_COLUMNS.headers[i];
    }
    for (let p = 0; p < runs.length; p++) {
      const offset = (runs[p] as ColumnRun).first - 1;
      const cells = (pieces[p] as unknown[][])[r] as unknown[];
      for (let c = 0; c < cells.length; c++) row[offset + c] = cells[c];
    }
    rows.push(row);
  }
  return rows;
}

export interface PipelineCustomers {
  customers: PipelineCustomer[];
  /** With a "Group Pipeline by" field that has a column: each customer's cell of it, as text (a Choice). */
  choices: string[] | null;
}

/**
 * Every customer as the Pipeline rebuild reads it (toPipelineCustomer, blank rows left out), from the columns of
 * PIPELINE_CUSTOMER_RUNS; with `group`, the last run reaches the custom columns so its column is found by name.
 */
export function readPipelineCustomers(ss: Spreadsheet, group: CustomFieldDefinition | null): PipelineCustomers {
  const sheet = requireSheet(ss, TAB.customers);
  const runs: ColumnRun[] = PIPELINE_CUSTOMER_RUNS.map(([first, last], i) => ({
    first: CUSTOMER_COLUMNS.of[first].column,
    width:
      group !== null && i === PIPELINE_CUSTOMER_RUNS.length - 1
        ? 'rest'
        : CUSTOMER_COLUMNS.of[last].column - CUSTOMER_COLUMNS.of[first].column + 1,
  }));
  const rows = readColumnRuns(sheet, runs);
  checkHeader(rows[0], CUSTOMER_COLUMNS.headers, TAB.customers);
  const column = group === null ? undefined : customerLayout(rows[0] ?? [], [group]).map.of[customFieldKey(group.name)];
  const customers: PipelineCustomer[] = [];
  const choices: string[] | null = column === undefined ? null : [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    if (isBlankRow(row)) continue;
    customers.push(toPipelineCustomer(row));
    if (choices !== null && column !== undefined) choices.push(readText(cellOf(row, column)));
  }
  return { customers, choices };
}

/**
 * History's status rows as the pipeline reads them (the texts of rowToHistory, `at` in milliseconds or '' when the
 * cell holds no date), in sheet order: one read of columns A..To, and an event only for a row that carries a status
 * (statusCarrierTest: about two rows in five), so 250,000 rows do not become 250,000 objects.
 */
export function readPipelineStatusEvents(ss: Spreadsheet): PipelineEvent[] {
  const values = readTab(requireSheet(ss, TAB.history), HISTORY_READ_WIDTH);
  checkHeader(values[0], HISTORY_COLUMNS.headers.slice(0, HISTORY_READ_WIDTH), TAB.history);
  const carriesStatus = statusCarrierTest();
  const events: PipelineEvent[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    const action = readHistoryField(row, 'action');
    const field = readHistoryField(row, 'field');
    if (!carriesStatus(action, field)) continue;
    events.push({
      at: readTime(cellOf(row, HISTORY_COLUMNS.of.at)) ?? '',
      customerId: readHistoryField(row, 'customerId'),
      action,
      field,
      from: readHistoryField(row, 'from'),
      to: readHistoryField(row, 'to'),
    });
  }
  return events;
}
