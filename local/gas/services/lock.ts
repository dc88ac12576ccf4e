/**
 * LockService stand-in: document, script and user locks over the shared Runtime.
 *
 * Real behaviour (developers.google.com/apps-script/reference/lock/lock + observed messages):
 * - getDocumentLock() returns null when the script has no container document.
 * - tryLock(ms) returns false on timeout; waitLock(ms) throws
 *   "Lock timeout: another process was holding the lock for too long." (the text real runs print).
 * - A negative timeout: tryLock returns false and waitLock throws that same text without waiting;
 *   no argument: "The parameters () don't match the method signature for LockService.Lock.tryLock."
 *   (both characterized against Google by a public GAS emulator's tests).
 * - releaseLock() has no effect when the lock is not held; the lock ends with the execution.
 * Executions here are synchronous, so a lock held by another process can never be released while we
 * wait: the wait advances the virtual clock by the whole timeout, then fails.
 */
import type { Runtime } from '../runtime';
import type { Realm } from './common';

export type LockScope = 'document' | 'script' | 'user';

/** Holder id meaning "a simulated other process" (see Runtime.documentLockHolder). */
export const ELSEWHERE = -1;

const TIMEOUT_TEXT = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds each lock; document and script holders live on the Runtime, user locks here. */
export class LockRegistry {
  private readonly userHolders = new Map<string, number>();

  constructor(private readonly runtime: Runtime) {}

  holder(scope: LockScope, user: string): number | null {
    if (scope === 'document') return this.runtime.documentLockHolder;
    if (scope === 'script') return this.runtime.scriptLockHolder;
    const holder = this.userHolders.get(user);
    if (holder === undefined) return null;
    // Runtime.run releases only document/script locks. Executions do not nest and ids increase, so
    // a user lock held by another positive id belongs to an execution that has ended: it is free.
    if (holder > 0 && holder !== this.runtime.execution().id) {
      this.userHolders.delete(user);
      return null;
    }
    return holder;
  }

  setHolder(scope: LockScope, user: string, holder: number | null): void {
    if (scope === 'document') this.runtime.documentLockHolder = holder;
    else if (scope === 'script') this.runtime.scriptLockHolder = holder;
    else if (holder === null) this.userHolders.delete(user);
    else this.userHolders.set(user, holder);
  }

  /** Host: make another process hold a lock; returns the function that releases it. */
  holdElsewhere(scope: LockScope, user = ''): () => void {
    const current = this.holder(scope, user);
    if (current !== null) throw new Error(`stand-in: the ${scope} lock is already held (by ${current})`);
    this.setHolder(scope, user, ELSEWHERE);
    return () => {
      if (this.holder(scope, user) === ELSEWHERE) this.setHolder(scope, user, null);
    };
  }
}

export class Lock {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly registry: LockRegistry,
    private readonly scope: LockScope,
    private readonly user: string,
  ) {}

  /** True if the running execution holds this lock. */
  hasLock(): boolean {
    this.runtime.calls.count('Lock.hasLock');
    return this.registry.holder(this.scope, this.user) === this.runtime.execution().id;
  }

  releaseLock(): void {
    this.runtime.calls.count('Lock.releaseLock');
    if (this.registry.holder(this.scope, this.user) === this.runtime.execution().id) {
      this.registry.setHolder(this.scope, this.user, null);
    }
  }

  tryLock(timeoutInMillis: number): boolean {
    this.runtime.calls.count('Lock.tryLock');
    const timeout = this.checkTimeout('tryLock', arguments);
    if (timeout < 0) return false; // characterized: negative timeout → false, no wait
    return this.acquire(timeout);
  }

  waitLock(timeoutInMillis: number): void {
    this.runtime.calls.count('Lock.waitLock');
    const timeout = this.checkTimeout('waitLock', arguments);
    // Real text, e.g. quoted in many public GAS projects and characterized for negative timeouts.
    if (timeout < 0 || !this.acquire(timeout)) throw this.realm.error(TIMEOUT_TEXT);
  }

  toString(): string {
    return 'Lock';
  }

  private checkTimeout(method: string, args: IArguments): number {
    const value: unknown = args[0];
    if (args.length === 0 || typeof value !== 'number') {
      throw this.realm.signatureError(`LockService.Lock.${method}`, args);
    }
    return Number.isNaN(value) ? 0 : value;
  }

  private acquire(timeout: number): boolean {
    const me = this.runtime.execution().id;
    const holder = this.registry.holder(this.scope, this.user);
    if (holder === null || holder === me) {
      this.registry.setHolder(this.scope, this.user, me);
      return true;
    }
    // Held by another process that cannot run while we (synchronously) wait.
    if (timeout > 0) this.runtime.advance(Math.floor(timeout));
    return false;
  }
}

export class LockServiceStandIn {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
    private readonly registry: LockRegistry,
    private readonly hasContainer: boolean,
  ) {}

  /** Per document; null outside a container (reference: "Lock|null"). */
  getDocumentLock(): Lock | null {
    this.runtime.calls.count('LockService.getDocumentLock');
    if (!this.hasContainer) return null;
    return new Lock(this.runtime, this.realm, this.registry, 'document', '');
  }

  getScriptLock(): Lock {
    this.runtime.calls.count('LockService.getScriptLock');
    return new Lock(this.runtime, this.realm, this.registry, 'script', '');
  }

  getUserLock(): Lock {
    this.runtime.calls.count('LockService.getUserLock');
    return new Lock(this.runtime, this.realm, this.registry, 'user', this.runtime.execution().user);
  }

  toString(): string {
    return 'LockService';
  }
}
