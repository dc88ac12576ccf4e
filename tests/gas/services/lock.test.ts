/** LockService stand-in: acquisition, contention by another process, release at the end of an execution. */
import { OWNER, REP, START, makeServices, thrown } from './setup';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

describe('LockService', () => {
  it('has no document lock without a container document', () => {
    const { globals } = makeServices({ hasContainer: false });
    expect(globals.LockService.getDocumentLock()).toBeNull();
    expect(globals.LockService.getScriptLock()).not.toBeNull();
  });

  it('acquires a free lock, reports it with hasLock and releases it', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => {
      const lock = globals.LockService.getDocumentLock()!;
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(1000)).toBe(true);
      expect(lock.hasLock()).toBe(true);
      expect(runtime.documentLockHolder).toBe(runtime.execution().id);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
      expect(runtime.documentLockHolder).toBeNull();
      lock.waitLock(0);
      expect(lock.hasLock()).toBe(true);
    });
  });

  it('is released when the execution ends, as in Apps Script', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => {
      globals.LockService.getDocumentLock()!.waitLock(10000);
      globals.LockService.getScriptLock().waitLock(10000);
    });
    expect(runtime.documentLockHolder).toBeNull();
    expect(runtime.scriptLockHolder).toBeNull();
    runtime.run(OWNER, () => expect(globals.LockService.getDocumentLock()!.tryLock(0)).toBe(true));
  });

  it('tryLock returns false after waiting the whole timeout when another process holds the lock', () => {
    const { runtime, globals, host } = makeServices();
    const release = host.holdDocumentLockElsewhere();
    runtime.run(REP, () => {
      const lock = globals.LockService.getDocumentLock()!;
      expect(lock.tryLock(5000)).toBe(false);
      expect(lock.hasLock()).toBe(false);
    });
    expect(runtime.now()).toBe(START + 5000);
    release();
    runtime.run(REP, () => expect(globals.LockService.getDocumentLock()!.tryLock(5000)).toBe(true));
    expect(runtime.now()).toBe(START + 5000);
  });

  it('waitLock throws the real timeout text', () => {
    const { runtime, globals, host } = makeServices();
    host.holdDocumentLockElsewhere();
    const error = runtime.run(REP, () => thrown(() => globals.LockService.getDocumentLock()!.waitLock(30000)));
    expect(error.message).toBe(TIMEOUT);
    expect(error.name).toBe('Exception');
    expect(runtime.now()).toBe(START + 30000);
  });

  it('checks the timeout argument like Apps Script', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => {
      const lock = globals.LockService.getScriptLock() as unknown as { tryLock(...a: unknown[]): boolean; waitLock(...a: unknown[]): void };
      expect(thrown(() => lock.tryLock()).message).toBe("The parameters () don't match the method signature for LockService.Lock.tryLock.");
      expect(thrown(() => lock.waitLock('10')).message).toBe("The parameters (String) don't match the method signature for LockService.Lock.waitLock.");
      expect(lock.tryLock(-1)).toBe(false);
      expect(thrown(() => lock.waitLock(-1)).message).toBe(TIMEOUT);
    });
  });

  it('keeps user locks per user', () => {
    const { runtime, globals, host } = makeServices();
    host.holdUserLockElsewhere(REP);
    runtime.run(REP, () => expect(globals.LockService.getUserLock().tryLock(0)).toBe(false));
    runtime.run(OWNER, () => expect(globals.LockService.getUserLock().tryLock(0)).toBe(true));
    // The owner's execution has ended: its user lock is free for the next one.
    runtime.run(OWNER, () => expect(globals.LockService.getUserLock().tryLock(0)).toBe(true));
  });

  it('counts every call', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => {
      const lock = globals.LockService.getDocumentLock()!;
      lock.tryLock(10);
      lock.hasLock();
      lock.releaseLock();
    });
    expect(runtime.calls.snapshot()).toEqual({
      'Lock.hasLock': 1,
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
    });
  });
});
