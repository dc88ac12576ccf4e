/**
 * Reads of the Customers tab for the calls that return a few customers out of many (search, list, My work), only do
 * arithmetic on them (the Pipeline rebuild) or check a registration against them (IDs, probable duplicates). Full
 * Customer objects (three dates turned into ISO strings, numbers parsed) are built only for the rows a call returns:
 * at 50,000 customers building every Customer cost several times the work itself. Each field is taken from the row
 * exactly as rowToCustomer takes it.
 */

import { CUSTOMER_COLUMNS } from '../domain/columns';
import { searchedCustomIndexes } from '../domain/customFields';
import type { Customer, CustomerKey } from '../domain/customer';
import { type DuplicateKeys, probableDuplicateTest } from '../domain/duplicates';
import type { FollowUpRow } from '../domain/followUps';
import type { ListSource } from '../domain/listing';
import type { PipelineCustomer } from '../domain/pipeline';
import type { SearchColumns, SearchSource } from '../domain/search';
import { readText, readTime } from './cells';
import { cellOf, fieldReader, isBlankRow, readField, readStatus } from './customerRows';
import type { CustomersTable, KeyRows } from './customersTable';

const C = CUSTOMER_COLUMNS.of;
const [NAME, COMPANY, EMAIL, PHONE] = [C.name.index, C.company.index, C.email.index, C.phone.index];

/** Where rowToCustomer takes the searched fields from. */
const SEARCH_COLUMNS: SearchColumns = {
  id: C.id.index,
  name: C.name.index,
  company: C.company.index,
  email: C.email.index,
  phone: C.phone.index,
  status: C.status.index,
  owner: C.owner.index,
};

/**
 * The Customers tab as search reads it: one read (header checked), searched in place. No object is built
 * per row: cells are read as rowToCustomer reads them (readText, status label, trimmed ID), blank rows are
 * passed over, and only the customers returned are built (rowToCustomer).
 */
export function customerSearchSource(table: CustomersTable): SearchSource<Customer> {
  const rows = table.readGrid();
  const layout = table.layout();
  const custom = searchedCustomIndexes(layout.map, layout.definitions);
  return {
    rows,
    first: 1,
    columns: custom.length === 0 ? SEARCH_COLUMNS : { ...SEARCH_COLUMNS, custom },
    text: readText,
    status: readStatus,
    id: (row) => readField(row, 'id'),
    skip: isBlankRow,
    result: table.toCustomer,
  };
}

/**
 * One row as the Pipeline rebuild (pipelineReads.ts) and the board read it: the texts of rowToCustomer, with the
 * three dates in milliseconds ('' when a cell holds no date): the pipeline only does time arithmetic with them.
 */
export function toPipelineCustomer(row: readonly unknown[]): PipelineCustomer {
  return {
    id: readField(row, 'id'),
    name: readField(row, 'name'),
    company: readField(row, 'company'),
    status: readField(row, 'status'),
    dealValue: readField(row, 'dealValue'),
    owner: readField(row, 'owner'),
    nextStepDue: readField(row, 'nextStepDue'),
    lostReason: readField(row, 'lostReason'),
    // Milliseconds rather than the ISO strings readField would build: the pipeline only subtracts them.
    createdAt: readTime(cellOf(row, C.createdAt)) ?? '',
    updatedAt: readTime(cellOf(row, C.updatedAt)) ?? '',
    statusChangedAt: readTime(cellOf(row, C.statusChangedAt)) ?? '',
  };
}

/**
 * Every customer as the Pipeline board sums and sorts them (toPipelineCustomer's fields), each with its row: one read
 * of the tab, and full customers are built (rowToCustomer) only for the cards the board shows.
 */
export function pipelineRows(table: CustomersTable): { customer: PipelineCustomer; item: readonly unknown[] }[] {
  const values = table.readGrid();
  const rows: { customer: PipelineCustomer; item: readonly unknown[] }[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    if (isBlankRow(row)) continue;
    rows.push({ customer: toPipelineCustomer(row), item: row });
  }
  return rows;
}

/**
 * Every customer as "My work" sorts them (name, owner, status, due day), each with its row: one read of the tab,
 * and full customers are built (rowToCustomer) only for the rows a list returns.
 */
export function followUpRows(table: CustomersTable): FollowUpRow<readonly unknown[]>[] {
  const values = table.readGrid();
  const rows: FollowUpRow<readonly unknown[]>[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    if (isBlankRow(row)) continue;
    rows.push({
      name: readField(row, 'name'),
      owner: readField(row, 'owner'),
      status: readField(row, 'status'),
      nextStepDue: readField(row, 'nextStepDue'),
      item: row,
    });
  }
  return rows;
}

/**
 * 0-based grid indexes of the rows of `keys` that probably hold `fields` (probableDuplicateTest on the raw cells,
 * read as rowToCustomer reads them): no customer is built for a row that does not match.
 */
export function duplicateRowIndexes(keys: KeyRows, fields: DuplicateKeys): number[] {
  const isDuplicate = probableDuplicateTest(fields);
  const found: number[] = [];
  const rows = keys.rows;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as unknown[];
    // Text cells as they are (what readText gives them), without a call per cell: nearly every cell is text.
    const name = row[NAME];
    const company = row[COMPANY];
    const email = row[EMAIL];
    const phone = row[PHONE];
    if (
      isDuplicate(
        typeof name === 'string' ? name : readText(name),
        typeof company === 'string' ? company : readText(company),
        typeof email === 'string' ? email : readText(email),
        typeof phone === 'string' ? phone : readText(phone),
      )
    ) {
      found.push(i);
    }
  }
  return found;
}

/**
 * The Customers tab as listing reads it: one read (header checked), blank rows left out, each sorted or filtered
 * field read from its cell as rowToCustomer reads it (fieldReader), and customers built only for the page returned.
 */
export function customerListSource(table: CustomersTable): ListSource<readonly unknown[]> {
  const values = table.readGrid();
  const rows: (readonly unknown[])[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    if (!isBlankRow(row)) rows.push(row);
  }
  return { rows, reader: listedField, result: table.toCustomer };
}

/**
 * A field as listing compares it: as readField reads it, except date-times as milliseconds (null when not a date)
 * instead of ISO strings: the same order (ISO strings of instants sort as the instants), without building a string
 * per row when a list is sorted by a date.
 */
function listedField(key: CustomerKey): (row: readonly unknown[]) => unknown {
  const column = C[key];
  return column.kind === 'dateTime' ? (row) => readTime(cellOf(row, column)) : fieldReader(key);
}
