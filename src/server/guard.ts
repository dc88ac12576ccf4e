/**
 * The frame of every server call: context, access check, document lock for writes, error mapping.
 * Writes take the lock before reading what they change, so they always work on the current sheet.
 */

import { accessRefusal, canWrite, readOnlyNotice } from '../domain/access';
import type { Failure } from '../domain/results';
import { type CrmContext, openContext } from './context';
import { failure, toFailure } from './failure';
import { markPipelineOutOfDate } from '../sheets/pipelineTab';

/** How long a write waits for another user's write to finish before giving up. */
export const LOCK_WAIT_MS = 10_000;

export const BUSY_MESSAGE =
  'The CRM is busy saving another change. Nothing was saved: please try again in a few seconds.';

export function isAllowedWriter(ctx: CrmContext): boolean {
  const { user, staff } = ctx;
  // A listed staff member may write whoever owns the file: the owner (a Drive look-up) is only asked otherwise.
  if (user !== '' && staff.length > 0 && canWrite(user, null, staff)) return true;
  // In a shared drive the admin recorded by the first Set up stands where the owner stands.
  return canWrite(user, ctx.admin, staff);
}

function mapped<T>(body: () => T): T | Failure {
  try {
    return body();
  } catch (error) {
    const known = toFailure(error);
    if (known) return known;
    throw error;
  }
}

/** After a write: the spreadsheet's zone, if the write asked it, kept for later reads (context.ts). */
function keepTimeZone(ctx: CrmContext): void {
  try {
    ctx.rememberTimeZone();
  } catch (error) {
    // The write itself is done; reads then go on asking the zone, as before it was remembered.
    console.warn(`Time zone not remembered: ${String(error)}`);
  }
}

/** Runs a read: no lock (a read sees one consistent getValues), errors mapped. */
export function handleRead<T>(body: (ctx: CrmContext) => T): T | Failure {
  return mapped(() => body(openContext()));
}

/**
 * Whether a write's result changed customers: ok, not a dry run, and not a save that changed nothing (no events).
 * Results are plain objects (the API's shapes), read loosely here so every write, present or future, is covered.
 */
function changedCustomers(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const { ok, dryRun, events } = result as { ok?: unknown; dryRun?: unknown; events?: unknown };
  if (ok !== true || dryRun === true) return false;
  return !(Array.isArray(events) && events.length === 0);
}

/**
 * Runs a write: only for the admin and listed staff (unless `allow: 'anyone'`, for a body that checks access
 * itself), under the document lock, flushed before release. A write that changed customers marks the Pipeline tab
 * "out of date" in the same batch (never silently stale, SPEC "Manager's Pipeline tab"); writes that leave the
 * figures as they are (the rebuild itself, Set up, an activity) say `pipeline: 'unchanged'`.
 */
export function handleWrite<T>(
  body: (ctx: CrmContext) => T,
  options: { allow?: 'writers' | 'anyone'; pipeline?: 'unchanged' } = {},
): T | Failure {
  return mapped(() => {
    const ctx = openContext();
    if (options.allow !== 'anyone' && !isAllowedWriter(ctx)) return failure({ access: accessRefusal(ctx.user) });
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) return failure({ form: BUSY_MESSAGE });
    try {
      const result = body(ctx);
      keepTimeZone(ctx);
      if (options.pipeline !== 'unchanged' && changedCustomers(result)) {
        try {
          markPipelineOutOfDate(ctx.ss, ctx.nowIso, ctx.user);
        } catch (error) {
          // The save itself is done and must be reported as done; the next rebuild replaces row 2 anyway.
          console.warn(`Pipeline tab not marked out of date: ${String(error)}`);
        }
      }
      return result;
    } finally {
      // Also after a failure: a rollback must reach the sheet before the next write can take the lock.
      SpreadsheetApp.flush();
      lock.releaseLock();
    }
  });
}

/** The notice for a sidebar opening for someone who may not write, or null for the admin and listed staff. */
export function readOnlyNoticeForUser(): string | null {
  const ctx = openContext();
  return isAllowedWriter(ctx) ? null : readOnlyNotice(ctx.user);
}

/**
 * Who is at the keyboard, as far as the menu can tell (SPEC Menu: the owner sees the owner's items): 'admin',
 * 'other' (a known e-mail that is not the admin's), or 'unknown' — a simple onOpen usually does not see the
 * user's e-mail (SPEC "Real Sheets"), and before the first Set up in a shared drive there is no admin yet.
 */
export function keyboardRole(ctx?: CrmContext): 'admin' | 'other' | 'unknown' {
  try {
    ctx ??= openContext();
    const user = ctx.user.trim().toLowerCase();
    if (user === '') return 'unknown';
    const admin = ctx.admin;
    if (admin === null) return 'unknown';
    return admin.trim().toLowerCase() === user ? 'admin' : 'other';
  } catch {
    // A simple trigger may be refused a service (the owner's Drive look-up): then nobody is known.
    return 'unknown';
  }
}
