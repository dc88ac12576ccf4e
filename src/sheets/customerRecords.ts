/**
 * Reads for the calls that return a few customers out of many (search, get) or only do arithmetic on them
 * (the Pipeline rebuild). The Customers tab is read with one call as everywhere (readTab), but full Customer objects
 * (three dates turned into ISO strings, numbers parsed) are built only for the rows a call returns: at 50,000
 * customers building every Customer cost several times the search itself. Records take each field from the
 * row exactly as rowToCustomer does.
 */

import { CUSTOMER_HEADERS, type Customer } from '../domain/customer';
import type { PipelineCustomer } from '../domain/pipeline';
import type { SearchableCustomer, SearchSource } from '../domain/search';
import { readNumber, readText, readTime } from './cells';
import { CUSTOMER_WIDTH, isBlankRow, readStatus, rowToCustomer } from './customerRows';
import { CustomersTable } from './customersTable';
import { checkHeader, readTab } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The searched fields of one row, and where the row is in the grid that was read. */
export interface CustomerRecord extends SearchableCustomer {
  /** 0-based index of the row in the values read (0 is the header). */
  index: number;
}

function readCustomersGrid(ss: Spreadsheet): unknown[][] {
  const values = readTab(CustomersTable.open(ss).sheet, CUSTOMER_WIDTH);
  checkHeader(values[0], CUSTOMER_HEADERS, TAB.customers);
  return values;
}

export class CustomerRecords {
  private constructor(
    private readonly values: readonly (readonly unknown[])[],
    /** One record per non-blank row, in sheet order. */
    readonly records: readonly CustomerRecord[],
  ) {}

  /** One read of the whole tab, header checked, as CustomersTable.read does. */
  static read(ss: Spreadsheet): CustomerRecords {
    const values = readCustomersGrid(ss);
    const records: CustomerRecord[] = [];
    for (let i = 1; i < values.length; i++) {
      const row = values[i] as unknown[];
      if (isBlankRow(row)) continue;
      records.push({
        index: i,
        id: readText(row[0]).trim(),
        name: readText(row[1]),
        company: readText(row[2]),
        email: readText(row[3]),
        phone: readText(row[4]),
        status: readStatus(row[5]),
        owner: readText(row[7]),
      });
    }
    return new CustomerRecords(values, records);
  }

  /** The full customer of a record (what CustomersTable.read would have built for that row). */
  customer(record: CustomerRecord): Customer {
    return rowToCustomer(this.values[record.index] as unknown[]);
  }

  /** The record with `id`, or null; an ID on two rows is refused as CustomersTable.indexOf does. */
  find(id: string): CustomerRecord | null {
    const index = CustomersTable.indexOf({ customers: this.records, rowNumbers: this.records.map((r) => r.index + 1) }, id);
    return index < 0 ? null : (this.records[index] as CustomerRecord);
  }
}

/** Where rowToCustomer takes the searched fields from. */
const SEARCH_COLUMNS = { id: 0, name: 1, company: 2, email: 3, phone: 4, status: 5, owner: 7 } as const;

/**
 * The Customers tab as search reads it: one read (header checked), searched in place. No object is built
 * per row: cells are read as rowToCustomer reads them (readText, status label, trimmed ID), blank rows are
 * passed over, and only the customers returned are built (rowToCustomer).
 */
export function customerSearchSource(ss: Spreadsheet): SearchSource<Customer> {
  return {
    rows: readCustomersGrid(ss),
    first: 1,
    columns: SEARCH_COLUMNS,
    text: readText,
    status: readStatus,
    id: (row) => readText(row[SEARCH_COLUMNS.id]).trim(),
    skip: isBlankRow,
    result: rowToCustomer,
  };
}

/**
 * Every customer as the Pipeline rebuild reads it (the rows and texts of CustomersTable.read), with the three
 * dates in milliseconds ('' when a cell holds no date): the pipeline only does time arithmetic with them.
 */
export function pipelineCustomers(ss: Spreadsheet): PipelineCustomer[] {
  const values = readCustomersGrid(ss);
  const customers: PipelineCustomer[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    if (isBlankRow(row)) continue;
    customers.push({
      id: readText(row[0]).trim(),
      name: readText(row[1]),
      company: readText(row[2]),
      status: readStatus(row[5]),
      dealValue: readNumber(row[6]),
      owner: readText(row[7]),
      createdAt: readTime(row[10]) ?? '',
      updatedAt: readTime(row[12]) ?? '',
      statusChangedAt: readTime(row[14]) ?? '',
    });
  }
  return customers;
}
