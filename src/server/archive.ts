/**
 * Nothing is ever deleted (SPEC "Version 2"): archiveCustomer moves a customer's row to the Archive tab,
 * restoreCustomer moves it back (or rebuilds from History a row deleted by hand), findDuplicateGroups lists the
 * probable duplicates, mergeCustomers fills one customer from another and archives the other. Each is one write
 * under the document lock: rows found by ID under the lock, the Version checked, and every step undone if a later
 * one is refused (a customer is never in neither tab, nor in both, nor moved without its History rows).
 */

import type { DuplicateGroups } from '../domain/api';
import {
  type ArchiveInfo,
  archiveEvent,
  restoredFromArchive,
  restoreEvent,
  validateArchiveReason,
} from '../domain/archive';
import type { Customer, HistoryEvent } from '../domain/customer';
import { findDuplicateGroups as groupDuplicates } from '../domain/duplicates';
import { planMerge } from '../domain/merge';
import { rebuildCustomer } from '../domain/recorded';
import type { Failure, SaveResult } from '../domain/results';
import { validateExpectedVersion, validateId } from '../domain/validation';
import { ArchiveTable, putBackRow, removeCustomerRow } from '../sheets/archiveTable';
import { moveBlockers } from '../domain/moveCheck';
import { CustomersTable } from '../sheets/customersTable';
import { historyOf } from '../sheets/historyReads';
import { appendCustomers, openHistory } from './customerWrites';
import { rollBack } from '../sheets/table';
import type { CrmContext } from './context';
import { CrmFailure, failure } from './failure';
import { handleRead, handleWrite } from './guard';

/** An ID from outside, or a CrmFailure keyed `key`. */
function checkedId(id: unknown, key = 'id'): string {
  const checked = validateId(id);
  if (!checked.ok) throw new CrmFailure({ [key]: checked.errors.id as string });
  return checked.value;
}

function checkedVersion(version: unknown, key = 'expectedVersion'): number {
  const checked = validateExpectedVersion(version);
  if (!checked.ok) throw new CrmFailure({ [key]: checked.errors.expectedVersion as string });
  return checked.value;
}

const shownId = (id: string): string => id.slice(0, 40);

/**
 * Moves the customer `id` (at `expectedVersion`) to the Archive tab with `reason`, logs `archive`.
 * → `{ ok: true, customer, events }` (the customer as it was moved; getCustomer adds `archived`), a conflict, or
 * field errors.
 */
export function archiveCustomer(id: string, expectedVersion: number, reason?: string): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const errors: Record<string, string> = {};
    const idCheck = validateId(id);
    const versionCheck = validateExpectedVersion(expectedVersion);
    const reasonCheck = validateArchiveReason(reason);
    for (const check of [idCheck, versionCheck, reasonCheck]) if (!check.ok) Object.assign(errors, check.errors);
    if (!idCheck.ok || !versionCheck.ok || !reasonCheck.ok) return failure(errors);
    return moveToArchive(ctx, idCheck.value, versionCheck.value, reasonCheck.value);
  });
}

/** Customers and Archive, each read whole under the lock: where a customer is, and what an undo puts back. */
function readBothTabs(ctx: CrmContext) {
  const table = CustomersTable.open(ctx.ss, ctx.customFields);
  const archive = ArchiveTable.open(ctx.ss, ctx.customFields);
  return { table, snapshot: table.read(), archive, archived: archive.read() };
}

/** The archive of customer `id`: refused unless it is in Customers at `version`. */
function moveToArchive(ctx: CrmContext, id: string, version: number, reason: string): SaveResult {
  const { table, snapshot, archive, archived } = readBothTabs(ctx);
  const index = CustomersTable.indexOf(snapshot, id);
  if (index < 0) return notInCustomers(id, archived);
  const current = snapshot.customers[index] as Customer;
  if (current.version !== version) return { ok: false, conflict: current };
  const blockers = moveBlockers([table.rowToMove(snapshot, index, 'archive')]);
  if (blockers !== null) return failure(blockers);

  const info: ArchiveInfo = { at: ctx.nowIso, by: ctx.user, reason };
  const events = [archiveEvent(id, reason, ctx.nowIso, ctx.user)];
  moveRowLogged(ctx, events, {
    take: () => removeCustomerRow(table.sheet, snapshot.rowNumbers[index] as number, id, table.layout().map.width),
    add: () => archive.append(archived, current, info),
    unAdd: (added) => archive.removeAppended(added),
    putBack: (removed) => putBackRow(table.sheet, removed),
  });
  return { ok: true, customer: current, events };
}

/** One row moved between tabs: taken from one, added to the other, and how each step is undone. */
interface RowMove<Taken, Added> {
  take(): Taken;
  add(): Added;
  unAdd(added: Added): void;
  putBack(taken: Taken): void;
}

/**
 * Moves one row between tabs and logs `events` as one change. History's header and last row are read before any
 * write; then `first` (an earlier write of the same change, which puts itself back if refused, and returns its
 * undo) runs, then the move: the row is added to its new tab BEFORE it is taken from the old one, so a refused
 * add (a dropdown rejecting a value, a protection) leaves the old tab untouched — putting a removed row back
 * re-inserts its values but not its formats, dropdowns or place in a protected range — and an execution stopped
 * between the two steps leaves the customer in both tabs, never in neither. If adding, taking or logging is
 * refused, what was done is undone, last write first (`first`'s undo last), and the error is rethrown (rollBack).
 * So a customer is never lost, nor left in both tabs by a refusal, nor moved without its History rows.
 */
function moveRowLogged<Taken, Added>(
  ctx: CrmContext,
  events: readonly HistoryEvent[],
  move: RowMove<Taken, Added>,
  first?: () => () => void,
): void {
  const { history, lastRow } = openHistory(ctx.ss, events.length);
  const undoBefore = first?.();
  // Boxed so that a step's own result (whatever it is) is told apart from "not done".
  let taken: { value: Taken } | null = null;
  let added: { value: Added } | null = null;
  try {
    added = { value: move.add() };
    taken = { value: move.take() };
    history.append(events, { headerChecked: true, lastRow });
  } catch (error) {
    const [undoAdd, undoTake] = [added, taken];
    rollBack(error, [
      ...(undoTake ? [() => move.putBack(undoTake.value)] : []),
      ...(undoAdd ? [() => move.unAdd(undoAdd.value)] : []),
      ...(undoBefore ? [undoBefore] : []),
    ]);
  }
}

/** Why a customer that is not in Customers cannot be changed: archived (with its reason), or unknown. */
function notInCustomers(id: string, archived: ReturnType<ArchiveTable['read']>): Failure {
  const entry = ArchiveTable.find(archived, id);
  if (entry !== null) {
    return failure({
      id: `Customer ${id} is archived (${entry.archived.reason || 'no reason given'}): restore it first.`,
    });
  }
  return failure({ id: `No customer has the ID "${shownId(id)}".` });
}

/**
 * Brings customer `id` back to Customers: from the Archive tab (Version + 1, logged `restore` from Archive), or,
 * for a row deleted by hand (in History, in neither tab), rebuilt from History exactly as it was (Version too),
 * logged `restore` from History. → `{ ok: true, customer }` or field errors.
 */
export function restoreCustomer(id: string): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const customerId = checkedId(id);
    const { table, snapshot, archive, archived } = readBothTabs(ctx);
    if (CustomersTable.indexOf(snapshot, customerId) >= 0) {
      return failure({ id: `Customer ${customerId} is already in the Customers tab: nothing to restore.` });
    }
    const entry = ArchiveTable.find(archived, customerId);
    if (entry !== null) {
      const blockers = moveBlockers([archive.rowToRestore(entry)]);
      if (blockers !== null) return failure(blockers);
      const customer = restoredFromArchive(entry.customer, ctx.nowIso, ctx.user);
      const events = [restoreEvent(customerId, 'Archive', ctx.nowIso, ctx.user)];
      moveRowLogged(ctx, events, {
        take: () => archive.remove(entry),
        add: () => table.append(snapshot, [customer]),
        unAdd: (added) => table.removeAppended(added),
        putBack: (removed) => putBackRow(archive.sheet, removed),
      });
      return { ok: true, customer, events };
    }
    const history = historyOf(ctx.ss, customerId, { exact: true }); // every event, hidden rows too
    const customer = rebuildCustomer(history, customerId, ctx.customFields);
    if (customer === null)
      return failure({ id: `No customer has the ID "${shownId(customerId)}", not even in History.` });
    const events = [restoreEvent(customerId, 'History', ctx.nowIso, ctx.user)];
    appendCustomers(ctx.ss, table, snapshot, [customer], events);
    return { ok: true, customer, events };
  });
}

/** CRM ▸ Find duplicates: `{ groups: [[customer, …]] }` of the Customers tab by the registration rules. */
export function findDuplicateGroups(): DuplicateGroups | Failure {
  return handleRead(
    (ctx): DuplicateGroups => ({
      ok: true,
      groups: groupDuplicates(CustomersTable.open(ctx.ss, ctx.customFields).read().customers),
    }),
  );
}

/** `expectedVersions` as `{ [id]: version }` with both IDs, or a CrmFailure keyed `expectedVersions`. */
function versionsOf(expectedVersions: unknown, keepId: string, mergeId: string): { keep: number; merge: number } {
  if (typeof expectedVersions !== 'object' || expectedVersions === null || Array.isArray(expectedVersions)) {
    throw new CrmFailure({
      expectedVersions: `Expected versions must be an object such as { "${keepId}": 3, "${mergeId}": 1 }: reload the customers and try again.`,
    });
  }
  const sent = expectedVersions as Record<string, unknown>;
  const missing = [keepId, mergeId].filter((id) => !(id in sent)); // IDs are checked: never a prototype key
  if (missing.length > 0) {
    throw new CrmFailure({ expectedVersions: `Expected versions has no version for ${missing.join(' and ')}.` });
  }
  return {
    keep: checkedVersion(sent[keepId], 'expectedVersions'),
    merge: checkedVersion(sent[mergeId], 'expectedVersions'),
  };
}

/**
 * Merges customer `mergeId` into `keepId`: the kept customer's empty fields filled from the other (Notes joined),
 * Version + 1, logged `merge`; the other archived with the reason `merged into <keepId>` (logged `merge` and
 * `archive`). Both versions must be current, else `{ ok: false, conflict }` with the first stale customer.
 */
export function mergeCustomers(keepId: string, mergeId: string, expectedVersions: Record<string, number>): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const keep = checkedId(keepId, 'keepId');
    const other = checkedId(mergeId, 'mergeId');
    if (keep === other)
      return failure({ mergeId: 'A customer cannot be merged into itself: choose two different customers.' });
    const versions = versionsOf(expectedVersions, keep, other);

    const { table, snapshot, archive, archived } = readBothTabs(ctx);
    const keepIndex = CustomersTable.indexOf(snapshot, keep);
    const otherIndex = CustomersTable.indexOf(snapshot, other);
    if (keepIndex < 0) return renamed(notInCustomers(keep, archived), 'keepId');
    if (otherIndex < 0) return renamed(notInCustomers(other, archived), 'mergeId');
    const kept = snapshot.customers[keepIndex] as Customer;
    const merged = snapshot.customers[otherIndex] as Customer;
    if (kept.version !== versions.keep) return { ok: false, conflict: kept };
    if (merged.version !== versions.merge) return { ok: false, conflict: merged };
    // The kept row's cells are rewritten (its empty fields filled) and the other row moves to Archive.
    const blockers = moveBlockers([
      table.rowToMove(snapshot, keepIndex, 'merge'),
      table.rowToMove(snapshot, otherIndex, 'merge'),
    ]);
    if (blockers !== null) return failure(blockers);

    const plan = planMerge(kept, merged, ctx.nowIso, ctx.user, table.layout().definitions);
    if (!plan.ok) return failure(plan.errors);
    const { value } = plan;
    const info: ArchiveInfo = { at: ctx.nowIso, by: ctx.user, reason: value.reason };
    const events = [
      ...value.keptEvents,
      ...value.mergedEvents,
      archiveEvent(other, value.reason, ctx.nowIso, ctx.user),
    ];
    // The kept row's changed cells first, then the other row moves to Archive; if that is refused, the kept row's
    // cells are put back once the other row is back where it was.
    moveRowLogged(
      ctx,
      events,
      {
        take: () =>
          removeCustomerRow(table.sheet, snapshot.rowNumbers[otherIndex] as number, other, table.layout().map.width),
        add: () => archive.append(archived, merged, info),
        unAdd: (added) => archive.removeAppended(added),
        putBack: (removed) => putBackRow(table.sheet, removed),
      },
      () => {
        const written = table.writeChange(snapshot, keepIndex, value.kept); // puts back its own cells if refused
        return () => table.undo(written);
      },
    );
    return { ok: true, customer: value.kept, events };
  });
}

/** A failure about one ID reported under the argument's own name (keepId or mergeId). */
function renamed(result: Failure, key: string): Failure {
  return failure({ [key]: Object.values(result.errors).join(' ') });
}
