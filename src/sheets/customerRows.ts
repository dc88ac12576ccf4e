/** One `Customers` row ⇄ one Customer object (column order from CUSTOMER_HEADERS). */

import { CUSTOMER_HEADERS, CUSTOMER_KEYS, type Customer, type HistoryEvent, HISTORY_HEADERS } from '../domain/customer';
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
 * The cells that turn a row read as `raw` (which held `before`) into `after`: the fields that changed are
 * encoded afresh, every other cell is written back exactly as it was read. Re-encoding an unchanged cell could
 * lose what a person typed by hand (text in Deal value reads as "no amount", a phone typed as a number would
 * become text, a date typed as text would be dropped).
 */
export function rowOver(raw: readonly unknown[], before: Customer, after: Customer): CellValue[] {
  const fresh = customerToRow(after);
  return fresh.map((cell, i) => {
    const key = CUSTOMER_KEYS[i] as (typeof CUSTOMER_KEYS)[number];
    return before[key] === after[key] ? rewritable(raw[i]) : cell;
  });
}

/** The cells that put back a row exactly as it was read. */
export function rowAsRead(raw: readonly unknown[]): CellValue[] {
  const out: CellValue[] = [];
  for (let i = 0; i < CUSTOMER_WIDTH; i++) out.push(rewritable(raw[i]));
  return out;
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
