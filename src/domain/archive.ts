/**
 * The `Archive` tab's row and the History events of archive and restore (SPEC "Version 2": nothing is ever
 * deleted). An archived row is the customer's Customers row, cell for cell, followed by Archived at, Archived by and
 * Archive reason; the row layout comes from the column map, so a column added to Customers is added here too.
 */

import { CUSTOMER_COLUMNS, type ColumnMap, columnMap, type FieldSpec } from './columns';
import type { Customer, CustomerKey, HistoryEvent } from './customer';
import { checkText, type Validated } from './validation';

/** When, by whom and why a customer was archived (what getCustomer adds to an archived customer). */
export interface ArchiveInfo {
  at: string;
  by: string;
  reason: string;
}

/** A customer as getCustomer returns it: `archived` is there only for a customer in the Archive tab. */
export type MaybeArchivedCustomer = Customer & { archived?: ArchiveInfo };

export type ArchiveKey = CustomerKey | 'archivedAt' | 'archivedBy' | 'archiveReason';

/** The Archive row: every Customers column in its order, then the three archive columns. */
export const ARCHIVE_COLUMNS: ColumnMap<ArchiveKey> = columnMap<ArchiveKey>([
  ...CUSTOMER_COLUMNS.list.map(({ key, header, kind }): FieldSpec<ArchiveKey> => ({ key, header, kind })),
  { key: 'archivedAt', header: 'Archived at', kind: 'dateTime' },
  { key: 'archivedBy', header: 'Archived by', kind: 'text' },
  { key: 'archiveReason', header: 'Archive reason', kind: 'text' },
]);

export const ARCHIVE_REASON_MAX = 500;

/** The optional reason of archiveCustomer: text of at most ARCHIVE_REASON_MAX characters on one line. */
export function validateArchiveReason(reason: unknown): Validated<string> {
  const checked = checkText(reason, { label: 'Reason', max: ARCHIVE_REASON_MAX, textOnly: true });
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, errors: { reason: checked.message } };
}

/** The reason a merge archives the other customer with (SPEC: `merged into <keepId>`). */
export function mergedReason(keepId: string): string {
  return `merged into ${keepId}`;
}

/** Where restoreCustomer took a customer from: the Archive tab, or History for a row deleted by hand. */
export type RestoreSource = 'Archive' | 'History';

/** The History row of an archive: Field '', To = the reason. */
export function archiveEvent(customerId: string, reason: string, at: string, by: string): HistoryEvent {
  return { at, customerId, action: 'archive', field: '', from: '', to: reason, by };
}

/** The History row of a restore: From = where the customer came back from, To = 'Customers'. */
export function restoreEvent(customerId: string, source: RestoreSource, at: string, by: string): HistoryEvent {
  return { at, customerId, action: 'restore', field: '', from: source, to: 'Customers', by };
}

/**
 * A customer coming back from Archive: Version + 1 and Updated at/by stamped (a client still holding the version
 * from before the archive gets a conflict); every field as it was archived.
 */
export function restoredFromArchive(customer: Customer, at: string, by: string): Customer {
  return { ...customer, version: customer.version + 1, updatedAt: at, updatedBy: by };
}
