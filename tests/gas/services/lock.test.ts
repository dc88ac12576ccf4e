/** LockService stand-in: the document lock, contention by another process, release at the end of an execution. */
import { OWNER, REP, START, makeServices, thrown } from './setup';

describe('LockService', () => {
  it('has no document lock without a container document', () => {
    const { globals } = makeServices({ hasContainer: false });
    expect(globals.LockService.getDocumentLock()).toBeNull();
  });

  it('acquires a free lock and releases it', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => {
      const lock = globals.LockService.getDocumentLock()!;
      expect(lock.tryLock(1000)).toBe(true);
      expect(runtime.documentLockHolder).toBe(runtime.execution().id);
      lock.releaseLock();
      expect(runtime.documentLockHolder).toBeNull();
      expect(lock.tryLock(0)).toBe(true);
    });
  });

  it('is released when the execution ends, as in Apps Script', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => expect(globals.LockService.getDocumentLock()!.tryLock(10000)).toBe(true));
    expect(runtime.documentLockHolder).toBeNull();
    runtime.run(OWNER, () => expect(globals.LockService.getDocumentLock()!.tryLock(0)).toBe(true));
  });

  it('tryLock returns false after waiting the whole timeout when another process holds the lock', () => {
    const { runtime, globals, host } = makeServices();
    const release = host.holdDocumentLockElsewhere();
    runtime.run(REP, () => {
      const lock = globals.LockService.getDocumentLock()!;
      expect(lock.tryLock(5000)).toBe(false);
      expect(runtime.documentLockHolder).toBe(-1);
    });
    expect(runtime.now()).toBe(START + 5000);
    release();
    runtime.run(REP, () => expect(globals.LockService.getDocumentLock()!.tryLock(5000)).toBe(true));
    expect(runtime.now()).toBe(START + 5000);
  });

  it('checks the timeout argument like Apps Script', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => {
      const lock = globals.LockService.getDocumentLock() as unknown as { tryLock(...a: unknown[]): boolean };
      expect(thrown(() => lock.tryLock()).message).toBe(
        "The parameters () don't match the method signature for LockService.Lock.tryLock.",
      );
      expect(thrown(() => lock.tryLock('10')).message).toBe(
        "The parameters (String) don't match the method signature for LockService.Lock.tryLock.",
      );
      expect(lock.tryLock(-1)).toBe(false);
    });
  });

  it('counts every call', () => {
    const { runtime, globals } = makeServices();
    runtime.run(REP, () => {
      const lock = globals.LockService.getDocumentLock()!;
      lock.tryLock(10);
      lock.releaseLock();
    });
    expect(runtime.calls.snapshot()).toEqual({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
    });
  });
});
