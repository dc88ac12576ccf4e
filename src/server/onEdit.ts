/**
 * onEdit (simple trigger): a hand edit of a Customers cell is logged in History and bumps that row's
 * Version, so the sidebar's optimistic check sees it. Script writes do not fire onEdit.
 * When the edit cannot be logged (the CRM stayed busy, or the tab's columns were changed by hand) nothing is
 * written and the person is told with a toast, rather than the trigger failing where nobody sees it.
 */

import { type ChangeStamp, stampChange, stampedKeys } from '../domain/change';
import { type Column, CUSTOMER_COLUMNS } from '../domain/columns';
import type { CustomerKey, HistoryEvent } from '../domain/customer';
import { handEditLostReason } from '../domain/lostReasons';
import { lastRecordedFields } from '../domain/recorded';
import { SETTINGS_COLUMNS } from '../domain/settings';
import { parseStatus } from '../domain/statuses';
import { type CellValue, readDate, readDay, readText, rewritable } from '../sheets/cells';
import { readAppliedCustomFields } from '../sheets/appliedCustomFields';
import { CUSTOMER_WIDTH, cellOf, customerLayout, encodeField, readField } from '../sheets/customerRows';
import { historyOfCustomers } from '../sheets/historyReads';
import { HistoryTable } from '../sheets/historyTable';
import { markPipelineOutOfDate } from '../sheets/pipelineTab';
import { SchemaError } from '../sheets/schemaError';
import { checkHeader } from '../sheets/table';
import { TAB } from '../sheets/tabs';

/** A fixed column, or a custom field's (`custom:<name>`, logged under the field's name). */
type CustomerColumn = Column<CustomerKey> | Column<`custom:${string}`>;

const STAMP_KEYS: ReadonlySet<CustomerKey> = new Set(stampedKeys(true));
const isStampKey = (key: string): key is keyof ChangeStamp => STAMP_KEYS.has(key as CustomerKey);
/** Columns the CRM maintains itself (Updated at … Version): edits of those are not customer changes. */
const STAMP_COLUMNS = CUSTOMER_COLUMNS.list.filter((column) => isStampKey(column.key));
/** The block a hand edit's stamp is written into with one setValues: the stamp columns and any between them. */
const STAMP_BLOCK = CUSTOMER_COLUMNS.list.slice(
  Math.min(...STAMP_COLUMNS.map((c) => c.index)),
  Math.max(...STAMP_COLUMNS.map((c) => c.index)) + 1,
);

const LOST_REASON = CUSTOMER_COLUMNS.of.lostReason;

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

/** Text as History logs and compares it in `column`: a stage label for Status. */
function loggedText(column: CustomerColumn, text: string): string {
  return column.kind === 'status' ? (parseStatus(text) ?? text) : text;
}

/** A cell as the text History logs and compares: a stage label for Status, an ISO time for a date column. */
function cellText(column: CustomerColumn, value: unknown): string {
  if (column.kind === 'dateTime') return readDate(value) || readText(value);
  if (column.kind === 'date') return readDay(value) || readText(value);
  return loggedText(column, readText(value));
}

/** The text a column held before the edit: the event's oldValue for one typed cell, else what History recorded. */
type PreviousText = (id: string, column: CustomerColumn) => string;

function previousFromEvent(e: GoogleAppsScript.Events.SheetsOnEdit): PreviousText | null {
  // "oldValue … Only available if the edited range is a single cell" (and absent when the cell was empty, or for a
  // paste): without it, compare with History.
  const single = e.range.getNumRows() === 1 && e.range.getNumColumns() === 1;
  if (!single || e.oldValue === undefined) return null;
  const old = readText(e.oldValue);
  return (_id, column) => loggedText(column, old);
}

function previousFromHistory(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ids: ReadonlySet<string>,
  customHeaders: readonly string[],
): PreviousText {
  const recorded = lastRecordedFields(historyOfCustomers(ss, ids), ids, customHeaders);
  return (id, column) => loggedText(column, recorded.get(id)?.get(column.header) ?? '');
}

/** The events of one row: one per edited column whose text differs from what it held before. */
function rowEvents(
  row: readonly unknown[],
  columns: readonly CustomerColumn[],
  previous: PreviousText,
  at: string,
  by: string,
): HistoryEvent[] {
  const id = readField(row, 'id');
  const events: HistoryEvent[] = [];
  for (const column of columns) {
    const from = previous(id, column);
    const to = cellText(column, cellOf(row, column));
    if (from === to) continue;
    const action = column.key === 'status' ? 'status' : 'manual edit';
    events.push({ at, customerId: id, action, field: column.header, from, to, by });
  }
  return events;
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (tab === TAB.settings) {
    remindToApplyStaff(range);
    return;
  }
  if (tab !== TAB.customers || range.getLastRow() < 2) return;
  const firstRow = Math.max(2, range.getRow());
  const first = range.getColumn();
  const last = range.getLastColumn();
  const inEdit = (column: number): boolean => column >= first && column <= last;
  // The custom fields Set up applied (a Properties read): an edit right of the fixed columns may be one of them.
  const definitions = last > CUSTOMER_WIDTH ? (readAppliedCustomFields() ?? []) : [];
  const fixedColumns = CUSTOMER_COLUMNS.list.filter((c) => c.column >= first && c.column <= last && !isStampKey(c.key));
  if (fixedColumns.length === 0 && definitions.length === 0) return;

  // Simple triggers have 30 s: wait a while, and never block the user's edit on a busy CRM.
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(EDIT_LOCK_WAIT_MS)) {
    notify(`${NOT_LOGGED} the CRM was busy saving another change. Please make the change again in a moment.`);
    return;
  }
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const header =
      definitions.length === 0
        ? sheet.getRange(1, 1, 1, CUSTOMER_WIDTH).getValues()[0]
        : sheet.getSheetValues(1, 1, 1, -1)[0];
    checkHeader(header, CUSTOMER_COLUMNS.headers, TAB.customers);
    const layout = customerLayout(header ?? [], definitions);
    const customColumns = layout.map.list.filter(
      (c): c is Column<`custom:${string}`> => c.key.startsWith('custom:') && inEdit(c.column),
    );
    const columns: CustomerColumn[] = [...fixedColumns, ...customColumns];
    if (columns.length === 0) return;
    const width = Math.max(CUSTOMER_WIDTH, ...customColumns.map((c) => c.column));
    // Both headers are checked before anything is written: a Version bump without its log entry is a half-write.
    const history = HistoryTable.open(ss);
    history.checkHeader();
    const rows = sheet.getRange(firstRow, 1, range.getLastRow() - firstRow + 1, width).getValues();
    const ids = new Set(rows.map((row) => readField(row, 'id')).filter((id) => id !== ''));
    if (ids.size === 0) return;
    // In a simple trigger Google often does not say who edited (blank e-mail): the log says so rather than guess.
    const by = e.user?.getEmail() || Session.getActiveUser().getEmail() || 'unknown user';
    const at = new Date().toISOString();
    const customHeaders = customColumns.map((c) => c.header);
    const previous = previousFromEvent(e) ?? previousFromHistory(ss, ids, customHeaders);
    const events: HistoryEvent[] = [];
    const asRead = rows.map((row) => STAMP_BLOCK.map((column) => rewritable(cellOf(row, column))));
    const reasonsAsRead = rows.map((row) => [rewritable(cellOf(row, LOST_REASON))]);
    const reasons = reasonsAsRead.map((cells) => [...cells]);
    const warnings: string[] = [];
    const bookkeeping = rows.map((row, i): CellValue[] => {
      const kept = asRead[i] as CellValue[];
      if (readField(row, 'id') === '') return kept;
      const changes = rowEvents(row, columns, previous, at, by);
      if (changes.length === 0) return kept;
      const statusEvent = changes.find((event) => event.action === 'status');
      const lost = handEditLostReason(statusEvent ?? null, readField(row, 'lostReason'));
      if (lost.warning) warnings.push(`${readField(row, 'id')}: ${lost.warning}`);
      if (lost.clear) {
        // Leaving Closed-lost clears the reason (History keeps it): one more cell, logged like the rest.
        const from = readField(row, 'lostReason');
        changes.push({
          at,
          customerId: readField(row, 'id'),
          action: 'manual edit',
          field: LOST_REASON.header,
          from,
          to: '',
          by,
        });
        reasons[i] = [''];
      }
      events.push(...changes);
      const statusChanged = statusEvent !== undefined;
      const before: ChangeStamp = {
        version: readField(row, 'version'),
        updatedAt: readField(row, 'updatedAt'),
        updatedBy: readField(row, 'updatedBy'),
        statusChangedAt: readField(row, 'statusChangedAt'),
      };
      const stamp = stampChange(before, statusChanged, at, by);
      const written: ReadonlySet<CustomerKey> = new Set(stampedKeys(statusChanged));
      // The change's stamp, encoded; every other cell of the block (Status changed at when the status stayed) as read.
      return STAMP_BLOCK.map((column, j) =>
        isStampKey(column.key) && written.has(column.key)
          ? encodeField(column.key, stamp[column.key])
          : (kept[j] as CellValue),
      );
    });
    if (warnings.length > 0) notify(warnings.slice(0, 3).join(' '));
    if (events.length === 0) return; // a paste of the values already there: nothing changed, nothing logged
    const blockStart = (STAMP_BLOCK[0] as CustomerColumn).column;
    const target = sheet.getRange(firstRow, blockStart, rows.length, STAMP_BLOCK.length);
    target.setValues(bookkeeping);
    // Only the span from the first to the last cleared reason is rewritten (cells between them as read).
    const cleared = reasons.flatMap((cells, i) => (cells[0] !== reasonsAsRead[i]?.[0] ? [i] : []));
    const first = cleared[0];
    const span = first === undefined ? 0 : (cleared[cleared.length - 1] as number) - first + 1;
    const reasonCells = first === undefined ? null : sheet.getRange(firstRow + first, LOST_REASON.column, span, 1);
    reasonCells?.setValues(reasons.slice(first, (first ?? 0) + span));
    try {
      history.append(events, { headerChecked: true });
    } catch (error) {
      // No Version bump without its log entry: put the bookkeeping back as it was read.
      target.setValues(asRead);
      reasonCells?.setValues(reasonsAsRead.slice(first, (first ?? 0) + span));
      notify(
        `${NOT_LOGGED} the History tab refused it, so nothing else was changed. Ask the owner to run CRM ▸ Set up / repair.`,
      );
      throw error;
    }
    markPipelineOutOfDate(ss, at, by); // a hand edit moves the figures as much as a save does
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    notify(`${NOT_LOGGED} ${error.message}`);
  } finally {
    SpreadsheetApp.flush(); // before the lock is released, so the next write reads what this one wrote
    lock.releaseLock();
  }
}
