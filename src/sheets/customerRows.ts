/** One `Customers` row ⇄ one Customer object (column order from CUSTOMER_HEADERS). */

import { CUSTOMER_HEADERS, CUSTOMER_KEYS, type Customer, type CustomerKey, type HistoryEvent, HISTORY_HEADERS } from '../domain/customer';
import type { Status } from '../domain/statuses';
import { isStatus, parseStatus } from '../domain/statuses';
import { type CellValue, dateCell, numberCell, readDate, readNumber, readText, rewritable, textCell } from './cells';

export const CUSTOMER_WIDTH = CUSTOMER_HEADERS.length;
export const HISTORY_WIDTH = HISTORY_HEADERS.length;

export function customerToRow(c: Customer): CellValue[] {
  return [
    textCell(c.id),
    textCell(c.name),
    textCell(c.company),
    textCell(c.email),
    textCell(c.phone),
    // A stage label is written as is (the dropdown's value); anything else read from the sheet stays text.
    isStatus(c.status) ? c.status : textCell(c.status),
    numberCell(c.dealValue),
    textCell(c.owner),
    textCell(c.source),
    textCell(c.notes),
    dateCell(c.createdAt),
    textCell(c.createdBy),
    dateCell(c.updatedAt),
    textCell(c.updatedBy),
    dateCell(c.statusChangedAt),
    c.version,
  ];
}

/**
 * Keys a save writes even when their value happens to be the same (the same user saving twice, or twice in one
 * second): they say who saved last, when, and which version this is. Status changed at joins them when the
 * status changes; otherwise it is not the save's to write.
 */
const STAMP_KEYS: readonly CustomerKey[] = ['updatedAt', 'updatedBy', 'version'];

/**
 * The cells that turn a row read as `raw` (which held `before`) into `after`, by 1-based column: the fields
 * that changed, encoded afresh, and the save's stamp (Updated at, Updated by, Version; Status changed at only
 * when the status changed), each with its value as read for an undo. No other cell is written, not even as it
 * was read: a person may have typed there since the read, and an old value the Status dropdown now rejects
 * would make the write throw.
 */
export function changedCells(
  raw: readonly unknown[],
  before: Customer,
  after: Customer,
): Map<number, { value: CellValue; previous: CellValue }> {
  const fresh = customerToRow(after);
  const cells = new Map<number, { value: CellValue; previous: CellValue }>();
  CUSTOMER_KEYS.forEach((key, i) => {
    const stamped = STAMP_KEYS.includes(key) || (key === 'statusChangedAt' && before.status !== after.status);
    if (before[key] === after[key] && !stamped) return;
    cells.set(i + 1, { value: fresh[i] as CellValue, previous: rewritable(raw[i]) });
  });
  return cells;
}

/** True for a row with nothing in any customer column (a blank line left by a user). */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < CUSTOMER_WIDTH; i++) {
    const cell = row[i];
    if (cell !== '' && cell !== null && cell !== undefined) return false;
  }
  return true;
}

/**
 * A Status cell: its label, or, for text typed by hand that is not a status, that text as it is (CRM ▸ Check data
 * reports it) rather than silently rewritten.
 */
export function readStatus(cell: unknown): Status {
  const raw = readText(cell);
  return parseStatus(raw) ?? (raw as Status);
}

export function rowToCustomer(row: readonly unknown[]): Customer {
  return {
    id: readText(row[0]).trim(),
    name: readText(row[1]),
    company: readText(row[2]),
    email: readText(row[3]),
    phone: readText(row[4]),
    status: readStatus(row[5]),
    dealValue: readNumber(row[6]),
    owner: readText(row[7]),
    source: readText(row[8]),
    notes: readText(row[9]),
    createdAt: readDate(row[10]),
    createdBy: readText(row[11]),
    updatedAt: readDate(row[12]),
    updatedBy: readText(row[13]),
    statusChangedAt: readDate(row[14]),
    version: readNumber(row[15]) ?? 0,
  };
}

export function historyToRow(e: HistoryEvent): CellValue[] {
  return [dateCell(e.at), textCell(e.customerId), e.action, textCell(e.field), textCell(e.from), textCell(e.to), textCell(e.by)];
}

export function rowToHistory(row: readonly unknown[]): HistoryEvent {
  return {
    at: readDate(row[0]),
    customerId: readText(row[1]).trim(),
    action: readText(row[2]) as HistoryEvent['action'],
    field: readText(row[3]),
    from: readText(row[4]),
    to: readText(row[5]),
    by: readText(row[6]),
  };
}
