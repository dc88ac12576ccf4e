/**
 * The built add-on running in the stand-in, driven the way Apps Script drives it: every call is a new
 * execution of the user at the keyboard that reloads the whole bundle; google.script.run calls cross the
 * client boundary (no Dates or functions); menu items and triggers run the global function directly.
 * Used by the bundle tests, the preview server and the benchmark.
 */

import * as fs from 'node:fs';
import type { ServerApi } from '../../src/domain/api';
import { type SavedStandIn, type StandIn, createStandIn } from '../gas';
import type { AuthModeName } from '../gas/runtime';
import { type EditEvent, type UserEdit, type UserRangeEdit, UserFake } from '../gas/spreadsheet';
import type { RunReply } from './googleScript';
import { DIST_DIR, type LoadedBundle, clockDate, loadBundle, readHtmlFiles, topLevelFunctionNames } from './loadBundle';

/**
 * Whether a simple trigger (onOpen, onEdit) may see who the user is. Session reference (getActiveUser): the user's
 * e-mail "is not available in any context that allows a script to run without that user's authorization, like a
 * simple onOpen(e) or onEdit(e) trigger" (developers.google.com/apps-script/reference/base/session#getActiveUser()).
 * 'hidden': Session.getActiveUser()/getEffectiveUser().getEmail() and the event's user.getEmail() give '' — the
 * edit is still made by (and protections still apply to) the real person. 'visible': the e-mail is shown, as for a
 * user of the developer's own Workspace domain.
 */
export type SimpleTriggerIdentity = 'hidden' | 'visible';

/**
 * Default for HarnessOptions.simpleTriggerIdentity: 'hidden', the stricter case ("the user's email address is not
 * available in any context that allows a script to run without that user's authorization, like a simple onOpen(e)
 * or onEdit(e) trigger" — Session.getActiveUser reference). Tests that need to see who edited ask for 'visible'.
 */
export const DEFAULT_SIMPLE_TRIGGER_IDENTITY: SimpleTriggerIdentity = 'hidden';

export interface HarnessOptions {
  owner: string;
  editors?: string[];
  /**
   * The file is in a shared drive: getOwner() is null and nobody bypasses protections as owner; `owner` stays the
   * person who created the file (one of its editors). Default false.
   */
  sharedDrive?: boolean;
  timeZone?: string;
  startMs?: number;
  saved?: SavedStandIn;
  distDir?: string;
  /** Reuse one loaded bundle for every call (benchmarks of compute); default false = fresh per call, as Apps Script. */
  reuseBundle?: boolean;
  /** Identity seen by the simple triggers `open` (onOpen) and `edit`/`editRange`/`fireOnEdit` (onEdit); default DEFAULT_SIMPLE_TRIGGER_IDENTITY. */
  simpleTriggerIdentity?: SimpleTriggerIdentity;
}

/**
 * The built add-on as its clients drive it. google.script.run calls are typed by the server API (ServerApi,
 * src/domain/api.ts): a renamed function, a changed parameter or result breaks the type-check, not a test run;
 * `callRaw` is for what the types refuse (a hostile client's arguments, a page's call forwarded by its name).
 */
export interface Harness {
  readonly gas: StandIn;
  /** google.script.run.<name>(...args) as `user`: what the success handler receives. */
  call<K extends keyof ServerApi>(user: string, name: K, ...args: Parameters<ServerApi[K]>): ReturnType<ServerApi[K]>;
  /** Arguments the API's types refuse, as a hostile client sends them: the server still answers with the API's result. */
  callRaw<K extends keyof ServerApi>(user: string, name: K, ...args: unknown[]): ReturnType<ServerApi[K]>;
  /** Any global function by name (outside the API, or a page's call forwarded as it came): untyped. */
  callRaw(user: string, name: string, ...args: unknown[]): unknown;
  /**
   * A page's google.script.run.<fn>(...args) as it reaches Apps Script, by name (the Node side of
   * googleScript.ts, for the preview and the html tests): a name that is not a callable function is a ScriptError;
   * what the function throws is the failure handler's text (failureText).
   */
  serve(user: string, fn: string, args: unknown[]): RunReply;
  /** The bundle's top-level function names (what Apps Script lists), re-read when its Code.js changes. */
  functions(): string[];
  /** A menu item or other server-side entry run directly as `user`. */
  run<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /**
   * Opening the spreadsheet: onOpen({ authMode, user }) as `user`; `user` is a User ("representing the active user,
   * if available" — events guide) whose e-mail is '' when simpleTriggerIdentity is 'hidden'.
   */
  open(user: string, authMode?: AuthModeName): void;
  /** A person types into a cell, then the simple onEdit trigger runs (as Sheets does). */
  edit(edit: UserEdit): void;
  /** A person pastes / fills / clears a block of cells, then onEdit runs once for the whole range. */
  editRange(edit: UserRangeEdit): void;
  /**
   * The simple onEdit trigger for an edit already made (e.g. the event of gas.sheets.interleave(…) after the
   * execution it interleaved with), as `user`, in AuthMode.LIMITED, identity per simpleTriggerIdentity.
   */
  fireOnEdit(user: string, event: EditEvent): void;
  /**
   * A person deletes whole rows by hand (gas.sheets.userDeleteRows; throws UserEditRefused when protected). NO
   * trigger runs: "onEdit(e) runs when a user changes a value in a spreadsheet." (developers.google.com/apps-script/
   * guides/triggers#onedit) and row deletion changes no value; onChange's REMOVE_ROW is for installable triggers only.
   */
  deleteRowsByHand(user: string, sheet: string, row: number, count: number): void;
}

export function createHarness(options: HarnessOptions): Harness {
  const distDir = options.distDir ?? DIST_DIR;
  let now: () => number = () => Date.now();
  const DateCtor = clockDate(() => now());
  const gas = createStandIn({
    owner: options.owner,
    editors: options.editors ?? [],
    ...(options.sharedDrive !== undefined ? { sharedDrive: options.sharedDrive } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.startMs !== undefined ? { startMs: options.startMs } : {}),
    ...(options.saved ? { saved: options.saved } : {}),
    htmlFiles: readHtmlFiles(distDir, 'all'),
    DateCtor,
  });
  now = () => gas.runtime.now();

  let shared: LoadedBundle | null = null;
  const bundle = (): LoadedBundle => {
    if (options.reuseBundle && shared) return shared;
    const loaded = loadBundle(gas.globals, DateCtor, `${distDir}/Code.js`);
    gas.services.useRealm(loaded.context);
    shared = loaded;
    return loaded;
  };

  const execute = <T>(user: string, name: string, args: unknown[], authMode: AuthModeName = 'FULL'): T =>
    gas.runtime.run(user, () => bundle().fn(name)(...args) as T, authMode);

  const identity: SimpleTriggerIdentity = options.simpleTriggerIdentity ?? DEFAULT_SIMPLE_TRIGGER_IDENTITY;
  /** The User of a simple trigger's event: blank when the identity is hidden. */
  const eventUser = (user: string): UserFake => new UserFake(identity === 'hidden' ? '' : user);

  /** The simple onEdit trigger, as Sheets runs it after a person's edit. */
  const fireOnEdit = (user: string, event: EditEvent): void => {
    gas.runtime.run(
      user,
      () => bundle().fn('onEdit')({ ...event, user: eventUser(user), authMode: gas.services.authModeOf('LIMITED') }),
      'LIMITED',
      { identity },
    );
  };

  const callRaw = (user: string, name: string, ...args: unknown[]): unknown =>
    gas.services.resultToClient(execute(user, name, gas.services.argumentsToServer(args)));

  const code = `${distDir}/Code.js`;
  let names: { mtimeMs: number; list: string[] } | null = null;
  const functions = (): string[] => {
    const { mtimeMs } = fs.statSync(code);
    if (names?.mtimeMs !== mtimeMs) names = { mtimeMs, list: topLevelFunctionNames(fs.readFileSync(code, 'utf8')) };
    return names.list;
  };

  // The stand-in checks what crosses the boundary and the server checks its input; the types only hold the callers
  // to the API the client is written against.
  const typed = callRaw as Harness['callRaw'];
  return {
    gas,
    call: typed,
    callRaw: typed,
    serve(user: string, fn: string, args: unknown[]): RunReply {
      if (fn.endsWith('_') || !functions().includes(fn)) {
        return { ok: false, error: `ScriptError: Script function not found: ${fn}` };
      }
      try {
        return { ok: true, result: callRaw(user, fn, ...args) };
      } catch (error) {
        return { ok: false, error: failureText(error) };
      }
    },
    functions,
    run<T>(user: string, name: string, ...args: unknown[]): T {
      return execute<T>(user, name, args);
    },
    open(user: string, authMode: AuthModeName = 'LIMITED'): void {
      gas.runtime.run(
        user,
        () =>
          bundle().fn('onOpen')({
            authMode: gas.services.authModeOf(authMode),
            user: eventUser(user),
          }),
        authMode,
        { identity },
      );
    },
    edit(edit: UserEdit): void {
      fireOnEdit(edit.user, gas.sheets.userEdit(edit));
    },
    editRange(edit: UserRangeEdit): void {
      fireOnEdit(edit.user, gas.sheets.userEditRange(edit));
    },
    fireOnEdit,
    deleteRowsByHand(user: string, sheet: string, row: number, count: number): void {
      gas.sheets.userDeleteRows({ user, sheet, row, count });
    },
  };
}

/** "Exception: …", "TypeError: …": the text a failure handler's Error carries for what the server threw. */
export function failureText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(error);
    return `${typeof name === 'string' && name !== '' ? name : 'Error'}: ${text}`;
  }
  return `Error: ${String(error)}`;
}

/**
 * The success branch of a call's result that must succeed (a typed call returns the API's whole union); a failure
 * (`ok: false`, or null as when a Date could not cross) throws `new ErrorType(…)` with the whole result, rather than
 * a TypeError later on a field it lacks.
 */
export function succeeded<T>(
  result: T,
  what = 'The call',
  ErrorType: new (message: string) => Error = Error,
): Exclude<T, { ok: false }> {
  if (result === null || (typeof result === 'object' && (result as { ok?: unknown }).ok === false)) {
    throw new ErrorType(`${what} failed: ${JSON.stringify(result)}`);
  }
  return result as Exclude<T, { ok: false }>;
}
