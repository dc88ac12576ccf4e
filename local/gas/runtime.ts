/**
 * Shared state of one stand-in "Apps Script project": the virtual clock, the current execution
 * (who runs it, which locks it holds, its auth mode) and the per-method call counter.
 * Every service of the stand-in receives the same Runtime; tests and the preview drive it.
 */

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

export interface Execution {
  /** Increasing number, one per google.script.run call / trigger / menu click. */
  readonly id: number;
  /**
   * E-mail of the person the execution runs for: protections follow them ('' when unknown, as for some consumer accounts).
   */
  readonly user: string;
  readonly authMode: AuthModeName;
  /**
   * Google withholds that person's e-mail from the script: Session.getActiveUser()/getEffectiveUser().getEmail()
   * return ''. Session reference: the user's email address "is not available in any context that allows a script to
   * run without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger" (see RunOptions).
   */
  readonly identityHidden: boolean;
}

export interface RunOptions {
  /**
   * 'hidden': the execution runs as `user` (who really edits: protections still apply to them) but the script
   * cannot see who that is — Session's users give '' (a simple trigger for a consumer account or another
   * domain). Default 'visible'.
   */
  identity?: 'hidden' | 'visible';
}

/** A write made to the workbook while the running execution did not hold the document lock. */
export interface UnlockedWrite {
  executionId: number;
  method: string;
  sheet: string;
  a1: string;
}

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<(method: string) => void>();

  /** Count one call of `method`, named "Class.method" (e.g. "Range.getValues"). */
  count(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    for (const listener of this.listeners) listener(method);
  }

  /** Calls `listener` with every counted method, in call order (the counts keep only totals); returns the undo. */
  onCall(listener: (method: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** A copy of all counts, sorted by method name. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) ?? 0;
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}

export class Runtime {
  readonly calls = new CallCounter();
  readonly unlockedWrites: UnlockedWrite[] = [];
  private clockMs: number | null;
  private nextExecutionId = 1;
  private current: Execution | null = null;
  /** Id of the execution holding the document lock (set by the LockService stand-in); -1 = a simulated other process. */
  documentLockHolder: number | null = null;

  constructor(
    readonly owner: string,
    readonly timeZone: string,
    /** Fixed start of the virtual clock in ms; null = follow the real clock. */
    startMs: number | null = null,
  ) {
    this.clockMs = startMs;
  }

  now(): number {
    return this.clockMs ?? Date.now();
  }

  /** Move the virtual clock forward (fixes it first if it was following the real clock). */
  advance(ms: number): void {
    this.clockMs = this.now() + ms;
  }

  setNow(ms: number): void {
    this.clockMs = ms;
  }

  /** The running execution. Code outside `run` behaves like the owner running it from the editor. */
  execution(): Execution {
    if (this.current) return this.current;
    return { id: 0, user: this.owner, authMode: 'FULL', identityHidden: false };
  }

  /** The e-mail Session reveals to the script: the execution's user, or '' when its identity is hidden. */
  activeUserEmail(): string {
    const execution = this.execution();
    return execution.identityHidden ? '' : execution.user;
  }

  /**
   * Run `body` as one execution of `user`; locks it holds are released when it ends, as in Apps Script.
   * `options.identity: 'hidden'` keeps `user` for permissions but hides their e-mail from Session (RunOptions).
   */
  run<T>(user: string, body: () => T, authMode: AuthModeName = 'FULL', options: RunOptions = {}): T {
    if (this.current) throw new Error('stand-in: executions do not nest');
    const execution: Execution = {
      id: this.nextExecutionId++,
      user,
      authMode,
      identityHidden: options.identity === 'hidden',
    };
    this.current = execution;
    try {
      return body();
    } finally {
      if (this.documentLockHolder === execution.id) this.documentLockHolder = null;
      this.current = null;
    }
  }

  /** Record a mutating call; flags it when the running execution does not hold the document lock. */
  noteWrite(method: string, sheet: string, a1: string): void {
    const execution = this.execution();
    if (this.documentLockHolder !== execution.id) {
      this.unlockedWrites.push({ executionId: execution.id, method, sheet, a1 });
    }
  }
}
