/**
 * onEdit (simple trigger): a hand edit of a Customers cell is logged in History and bumps that row's
 * Version, so the sidebar's optimistic check sees it. Script writes do not fire onEdit.
 * When the edit cannot be logged (the CRM stayed busy, or the tab's columns were changed by hand) nothing is
 * written and the person is told with a toast, rather than the trigger failing where nobody sees it.
 */

import { CUSTOMER_HEADERS, type HistoryEvent } from '../domain/customer';
import { SETTINGS_COLUMNS } from '../domain/settings';
import { parseStatus } from '../domain/statuses';
import { type CellValue, dateCell, readNumber, readText, rewritable, textCell } from '../sheets/cells';
import { CUSTOMER_WIDTH } from '../sheets/customerRows';
import { HistoryTable } from '../sheets/historyTable';
import { SchemaError } from '../sheets/schemaError';
import { checkHeader } from '../sheets/table';
import { TAB, columnOf } from '../sheets/tabs';

const STATUS_COLUMN = columnOf(CUSTOMER_HEADERS, 'Status');
const UPDATED_AT_COLUMN = columnOf(CUSTOMER_HEADERS, 'Updated at');
/** Columns the CRM maintains itself (Updated at … Version): edits of those are not customer changes. */
const FIRST_BOOKKEEPING_COLUMN = UPDATED_AT_COLUMN;

/** How long a hand edit waits for a CRM write to finish (simple triggers stop after 30 s). */
const EDIT_LOCK_WAIT_MS = 15_000;
const NOT_LOGGED = 'Your edit was kept but not logged in History:';

function notify(message: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'Pipeline CRM', 10);
}

/** The staff list takes effect when Set up applies it to the protections (and the CRM's own check): say so. */
function remindToApplyStaff(range: GoogleAppsScript.Spreadsheet.Range): void {
  const staffColumn = SETTINGS_COLUMNS.staff + 1;
  if (range.getColumn() > staffColumn || range.getLastColumn() < staffColumn || range.getLastRow() < 2) return;
  notify('Staff list changed. It takes effect when the owner runs CRM ▸ Set up / repair.');
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (tab === TAB.settings) return remindToApplyStaff(range);
  if (tab !== TAB.customers || range.getLastRow() < 2) return;
  const firstRow = Math.max(2, range.getRow());
  const lastColumn = Math.min(range.getLastColumn(), FIRST_BOOKKEEPING_COLUMN - 1);
  if (range.getColumn() > lastColumn) return;

  // Simple triggers have 30 s: wait a while, and never block the user's edit on a busy CRM.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(EDIT_LOCK_WAIT_MS)) {
    notify(`${NOT_LOGGED} the CRM was busy saving another change. Please make the change again in a moment.`);
    return;
  }
  try {
    const header = sheet.getRange(1, 1, 1, CUSTOMER_WIDTH).getValues()[0];
    checkHeader(header, CUSTOMER_HEADERS, TAB.customers);
    // Both headers are checked before anything is written: a Version bump without its log entry is a half-write.
    const history = HistoryTable.open(SpreadsheetApp.getActiveSpreadsheet());
    history.checkHeader();
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
      const statusChangedAt = statusChanged ? dateCell(at) : rewritable(row[CUSTOMER_WIDTH - 2]);
      return [dateCell(at), textCell(by), statusChangedAt, version];
    });
    if (events.length === 0) return;
    // Rows without an ID keep their bookkeeping cells exactly as they were read.
    const asRead = rows.map((row) => row.slice(UPDATED_AT_COLUMN - 1, UPDATED_AT_COLUMN + 3).map(rewritable));
    const merged = bookkeeping.map((cells, i) => cells ?? (asRead[i] as CellValue[]));
    const target = sheet.getRange(firstRow, UPDATED_AT_COLUMN, rows.length, 4);
    target.setValues(merged);
    try {
      history.append(events, { headerChecked: true });
    } catch (error) {
      // No Version bump without its log entry: put the bookkeeping back as it was read.
      target.setValues(asRead);
      notify(`${NOT_LOGGED} the History tab refused it, so nothing else was changed. Ask the owner to run CRM ▸ Set up / repair.`);
      throw error;
    }
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    notify(`${NOT_LOGGED} ${error.message}`);
  } finally {
    SpreadsheetApp.flush(); // before the lock is released, so the next write reads what this one wrote
    lock.releaseLock();
  }
}
