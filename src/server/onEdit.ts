/**
 * onEdit (simple trigger): a hand edit of a Customers cell is logged in History and bumps that row's
 * Version, so the sidebar's optimistic check sees it. Script writes do not fire onEdit.
 * When the edit cannot be logged (the CRM stayed busy, or the tab's columns were changed by hand) nothing is
 * written and the person is told with a toast, rather than the trigger failing where nobody sees it.
 */

import { stampChange } from '../domain/change';
import { CUSTOMER_HEADERS, type HistoryEvent } from '../domain/customer';
import { lastRecordedFields } from '../domain/recorded';
import { SETTINGS_COLUMNS } from '../domain/settings';
import { parseStatus } from '../domain/statuses';
import { type CellValue, dateCell, readDate, readNumber, readText, rewritable, textCell } from '../sheets/cells';
import { CUSTOMER_WIDTH } from '../sheets/customerRows';
import { historyOfCustomers } from '../sheets/historyReads';
import { HistoryTable } from '../sheets/historyTable';
import { SchemaError } from '../sheets/schemaError';
import { checkHeader } from '../sheets/table';
import { TAB, columnOf } from '../sheets/tabs';

type Header = (typeof CUSTOMER_HEADERS)[number];
const column = (header: Header): number => columnOf(CUSTOMER_HEADERS, header);
const ID_COLUMN = column('ID');
const STATUS_COLUMN = column('Status');
const UPDATED_AT_COLUMN = column('Updated at');
const UPDATED_BY_COLUMN = column('Updated by');
const STATUS_CHANGED_AT_COLUMN = column('Status changed at');
const VERSION_COLUMN = column('Version');
const DATE_COLUMNS = new Set([column('Created at')]);
/** Columns the CRM maintains itself (Updated at … Version): edits of those are not customer changes. */
const FIRST_BOOKKEEPING_COLUMN = UPDATED_AT_COLUMN;
const BOOKKEEPING_WIDTH = VERSION_COLUMN - UPDATED_AT_COLUMN + 1;

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

/** A cell as the text History logs and compares: a stage label for Status, an ISO time for a date column. */
function cellText(columnNumber: number, value: unknown): string {
  if (DATE_COLUMNS.has(columnNumber)) return readDate(value) || readText(value);
  const text = readText(value);
  return columnNumber === STATUS_COLUMN ? (parseStatus(text) ?? text) : text;
}

/** The text a column held before the edit: the event's oldValue for one typed cell, else what History recorded. */
type PreviousText = (id: string, columnNumber: number) => string;

function previousFromEvent(e: GoogleAppsScript.Events.SheetsOnEdit): PreviousText | null {
  // "oldValue … Only available if the edited range is a single cell" (and absent when the cell was empty, or for a
  // paste): without it, compare with History.
  const single = e.range.getNumRows() === 1 && e.range.getNumColumns() === 1;
  if (!single || e.oldValue === undefined) return null;
  const old = readText(e.oldValue);
  return (_id, columnNumber) => (columnNumber === STATUS_COLUMN ? (parseStatus(old) ?? old) : old);
}

function previousFromHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: ReadonlySet<string>): PreviousText {
  const recorded = lastRecordedFields(historyOfCustomers(ss, ids), ids);
  return (id, columnNumber) => {
    const text = recorded.get(id)?.get(CUSTOMER_HEADERS[columnNumber - 1] as string) ?? '';
    return columnNumber === STATUS_COLUMN ? (parseStatus(text) ?? text) : text;
  };
}

/** The events of one row: one per edited column whose text differs from what it held before. */
function rowEvents(
  row: readonly unknown[],
  columns: { first: number; last: number },
  previous: PreviousText,
  at: string,
  by: string,
): HistoryEvent[] {
  const id = readText(row[ID_COLUMN - 1]).trim();
  const events: HistoryEvent[] = [];
  for (let c = columns.first; c <= columns.last; c++) {
    const from = previous(id, c);
    const to = cellText(c, row[c - 1]);
    if (from === to) continue;
    const isStatus = c === STATUS_COLUMN;
    events.push({ at, customerId: id, action: isStatus ? 'status' : 'manual edit', field: CUSTOMER_HEADERS[c - 1] as string, from, to, by });
  }
  return events;
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (tab === TAB.settings) return remindToApplyStaff(range);
  if (tab !== TAB.customers || range.getLastRow() < 2) return;
  const firstRow = Math.max(2, range.getRow());
  const columns = { first: range.getColumn(), last: Math.min(range.getLastColumn(), FIRST_BOOKKEEPING_COLUMN - 1) };
  if (columns.first > columns.last) return;

  // Simple triggers have 30 s: wait a while, and never block the user's edit on a busy CRM.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(EDIT_LOCK_WAIT_MS)) {
    notify(`${NOT_LOGGED} the CRM was busy saving another change. Please make the change again in a moment.`);
    return;
  }
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const header = sheet.getRange(1, 1, 1, CUSTOMER_WIDTH).getValues()[0];
    checkHeader(header, CUSTOMER_HEADERS, TAB.customers);
    // Both headers are checked before anything is written: a Version bump without its log entry is a half-write.
    const history = HistoryTable.open(ss);
    history.checkHeader();
    const rows = sheet.getRange(firstRow, 1, range.getLastRow() - firstRow + 1, CUSTOMER_WIDTH).getValues();
    const ids = new Set(rows.map((row) => readText(row[ID_COLUMN - 1]).trim()).filter((id) => id !== ''));
    if (ids.size === 0) return;
    // In a simple trigger Google often does not say who edited (blank e-mail): the log says so rather than guess.
    const by = (e.user && e.user.getEmail()) || Session.getActiveUser().getEmail() || 'unknown user';
    const at = new Date().toISOString();
    const previous = previousFromEvent(e) ?? previousFromHistory(ss, ids);
    const events: HistoryEvent[] = [];
    const asRead = rows.map((row) => row.slice(UPDATED_AT_COLUMN - 1, VERSION_COLUMN).map(rewritable));
    const bookkeeping = rows.map((row, i): CellValue[] => {
      if (readText(row[ID_COLUMN - 1]).trim() === '') return asRead[i] as CellValue[];
      const changes = rowEvents(row, columns, previous, at, by);
      if (changes.length === 0) return asRead[i] as CellValue[];
      events.push(...changes);
      const statusChanged = changes.some((event) => event.action === 'status');
      const stamp = stampChange(
        {
          version: readNumber(row[VERSION_COLUMN - 1]) ?? 0,
          updatedAt: readDate(row[UPDATED_AT_COLUMN - 1]),
          updatedBy: readText(row[UPDATED_BY_COLUMN - 1]),
          statusChangedAt: readDate(row[STATUS_CHANGED_AT_COLUMN - 1]),
        },
        statusChanged,
        at,
        by,
      );
      const statusChangedAt = statusChanged ? dateCell(stamp.statusChangedAt) : rewritable(row[STATUS_CHANGED_AT_COLUMN - 1]);
      return [dateCell(stamp.updatedAt), textCell(stamp.updatedBy), statusChangedAt, stamp.version];
    });
    if (events.length === 0) return; // a paste of the values already there: nothing changed, nothing logged
    const target = sheet.getRange(firstRow, UPDATED_AT_COLUMN, rows.length, BOOKKEEPING_WIDTH);
    target.setValues(bookkeeping);
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
