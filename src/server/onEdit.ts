/**
 * onEdit (simple trigger): a hand edit of a Customers cell is logged in History and bumps that row's
 * Version, so the sidebar's optimistic check sees it. Script writes do not fire onEdit.
 */

import { CUSTOMER_HEADERS, type HistoryEvent } from '../domain/customer';
import { parseStatus } from '../domain/statuses';
import { dateCell, readNumber, readText, textCell } from '../sheets/cells';
import { CUSTOMER_WIDTH } from '../sheets/customerRows';
import { HistoryTable } from '../sheets/historyTable';
import { checkHeader } from '../sheets/table';
import { TAB, columnOf } from '../sheets/tabs';

const STATUS_COLUMN = columnOf(CUSTOMER_HEADERS, 'Status');
const UPDATED_AT_COLUMN = columnOf(CUSTOMER_HEADERS, 'Updated at');
/** Columns the CRM maintains itself (Updated at … Version): edits of those are not customer changes. */
const FIRST_BOOKKEEPING_COLUMN = UPDATED_AT_COLUMN;

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== TAB.customers || range.getLastRow() < 2) return;
  const firstRow = Math.max(2, range.getRow());
  const lastColumn = Math.min(range.getLastColumn(), FIRST_BOOKKEEPING_COLUMN - 1);
  if (range.getColumn() > lastColumn) return;

  // Simple triggers have 30 s: wait briefly, and never block the user's edit on a busy CRM.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(5_000)) return;
  try {
    const header = sheet.getRange(1, 1, 1, CUSTOMER_WIDTH).getValues()[0];
    checkHeader(header, CUSTOMER_HEADERS, TAB.customers);
    const rows = sheet.getRange(firstRow, 1, range.getLastRow() - firstRow + 1, CUSTOMER_WIDTH).getValues();
    const by = (e.user && e.user.getEmail()) || Session.getActiveUser().getEmail() || 'unknown user';
    const at = new Date().toISOString();
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    const events: HistoryEvent[] = [];
    const bookkeeping = rows.map((row) => {
      const id = readText(row[0]).trim();
      if (id === '') return null;
      let statusChanged = false;
      for (let column = range.getColumn(); column <= lastColumn; column++) {
        const isStatus = column === STATUS_COLUMN;
        statusChanged = statusChanged || isStatus;
        events.push({
          at,
          customerId: id,
          action: isStatus ? 'status' : 'manual edit',
          field: CUSTOMER_HEADERS[column - 1] as string,
          from: single ? readText(e.oldValue) : '',
          to: isStatus ? (parseStatus(readText(row[column - 1])) ?? readText(row[column - 1])) : readText(row[column - 1]),
          by,
        });
      }
      const version = (readNumber(row[CUSTOMER_WIDTH - 1]) ?? 0) + 1;
      const statusChangedAt = statusChanged ? dateCell(at) : row[CUSTOMER_WIDTH - 2];
      return [dateCell(at), textCell(by), statusChangedAt, version];
    });
    if (events.length === 0) return;
    // Rows without an ID keep their bookkeeping cells as they were read.
    const merged = bookkeeping.map((cells, i) => {
      if (cells) return cells;
      const row = rows[i] as unknown[];
      return [row[UPDATED_AT_COLUMN - 1], textCell(readText(row[UPDATED_AT_COLUMN])), row[UPDATED_AT_COLUMN + 1], row[UPDATED_AT_COLUMN + 2]];
    });
    sheet.getRange(firstRow, UPDATED_AT_COLUMN, rows.length, 4).setValues(merged as unknown[][]);
    HistoryTable.open(SpreadsheetApp.getActiveSpreadsheet()).append(events);
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}
