/**
 * LockService stand-in: the document lock over the shared Runtime (the product takes no other lock).
 *
 * Real behaviour (developers.google.com/apps-script/reference/lock/lock + observed messages):
 * - getDocumentLock() returns null when the script has no container document.
 * - tryLock(ms) returns false on timeout; a negative timeout returns false at once; no argument:
 *   "The parameters () don't match the method signature for LockService.Lock.tryLock."
 *   (characterized against Google by a public GAS emulator's tests).
 * - releaseLock() has no effect when the lock is not held; the lock ends with the execution (Runtime.run).
 * Executions here are synchronous, so a lock held by another process can never be released while we
 * wait: the wait advances the virtual clock by the whole timeout, then fails.
 */
import type { Runtime } from '../runtime';
import type { GasSurface } from '../surface';
import type { Realm } from './common';

/** Holder id meaning "a simulated other process" (see Runtime.documentLockHolder). */
export const ELSEWHERE = -1;

/** Host: make another process hold the document lock; returns the function that releases it. */
export function holdDocumentLockElsewhere(runtime: Runtime): () => void {
  if (runtime.documentLockHolder !== null)
    throw new Error(`stand-in: the document lock is already held (by ${runtime.documentLockHolder})`);
  runtime.documentLockHolder = ELSEWHERE;
  return () => {
    if (runtime.documentLockHolder === ELSEWHERE) runtime.documentLockHolder = null;
  };
}

export class Lock implements GasSurface<GoogleAppsScript.Lock.Lock, 'releaseLock' | 'tryLock'> {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
  ) {}

  releaseLock(): void {
    this.runtime.calls.count('Lock.releaseLock');
    if (this.runtime.documentLockHolder === this.runtime.execution().id) this.runtime.documentLockHolder = null;
  }

  tryLock(timeoutInMillis: unknown): boolean {
    this.runtime.calls.count('Lock.tryLock');
    if (arguments.length === 0 || typeof timeoutInMillis !== 'number') {
      throw this.realm.signatureError('LockService.Lock.tryLock', arguments);
    }
    const timeout = Number.isNaN(timeoutInMillis) ? 0 : timeoutInMillis;
    if (timeout < 0) return false; // characterized: negative timeout → false, no wait
    const me = this.runtime.execution().id;
    const holder = this.runtime.documentLockHolder;
    if (holder === null || holder === me) {
      this.runtime.documentLockHolder = me;
      return true;
    }
    // Held by another process that cannot run while we (synchronously) wait.
    if (timeout > 0) this.runtime.advance(Math.floor(timeout));
    return false;
  }

  toString(): string {
    return 'Lock';
  }
}

export class LockServiceStandIn implements GasSurface<GoogleAppsScript.Lock.LockService, 'getDocumentLock'> {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly hasContainer: boolean,
  ) {}

  /** Per document; null outside a container (reference: "Lock|null"). */
  getDocumentLock(): Lock | null {
    this.runtime.calls.count('LockService.getDocumentLock');
    return this.hasContainer ? new Lock(this.runtime, this.realm) : null;
  }

  toString(): string {
    return 'LockService';
  }
}
