/**
 * The frame of every server call: context, access check, document lock for writes, error mapping.
 * Writes take the lock before reading what they change, so they always work on the current sheet.
 */

import { accessRefusal, canWrite, readOnlyNotice } from '../domain/access';
import type { Failure } from '../domain/results';
import { type CrmContext, openContext } from './context';
import { failure, toFailure } from './failure';

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

/** Runs a read: no lock (a read sees one consistent getValues), errors mapped. */
export function handleRead<T>(body: (ctx: CrmContext) => T): T | Failure {
  return mapped(() => body(openContext()));
}

/**
 * Runs a write: only for the admin and listed staff (unless `allow: 'anyone'`, for a body that checks access
 * itself), under the document lock, flushed before release.
 */
export function handleWrite<T>(
  body: (ctx: CrmContext) => T,
  options: { allow?: 'writers' | 'anyone' } = {},
): T | Failure {
  return mapped(() => {
    const ctx = openContext();
    if (options.allow !== 'anyone' && !isAllowedWriter(ctx)) return failure({ access: accessRefusal(ctx.user) });
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) return failure({ form: BUSY_MESSAGE });
    try {
      return body(ctx);
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
