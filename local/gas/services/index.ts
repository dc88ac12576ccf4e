/**
 * The stand-in's non-spreadsheet services, built over one Runtime.
 *
 *   const { globals, host } = createServices(runtime, { htmlFiles, hasContainer: true });
 *   const context = vm.createContext({ ...globals, ...spreadsheetGlobals });
 *   host.useRealm(context);   // errors become the bundle realm's Error; templates see the bundle's globals
 *
 * globals — the objects the bundle sees as globals, with Apps Script's method names, argument checks and
 * error texts (each file says where its texts come from), cut to what the product calls:
 *   HtmlService, LockService, PropertiesService, Session, Utilities, ScriptApp, console.
 * Every public method counts itself in runtime.calls as "Class.method" (e.g. "Lock.tryLock").
 *
 * host — for tests, the preview and the benchmark (never counted):
 *   holdDocumentLockElsewhere(): () => void   another process holds the document lock until the returned function is called;
 *   propertiesSnapshot(): PropertiesSnapshot / restoreProperties(snapshot): void   persistence (plain JSON);
 *   logs(): readonly LogEntry[]   console lines of every execution;
 *   useRealm(context): void       build service errors with context.Error and run template scriptlets with
 *                                 the bundle's globals (context = the vm context object);
 *   authModeOf(name)              the ScriptApp.AuthMode value for an event object's `authMode`;
 *   argumentsToServer(args) / resultToClient(value)    google.script.run crossing rules (clientBoundary.ts).
 */
import vm from 'node:vm';
import type { Runtime } from '../runtime';
import { argumentsToServer, resultToClient } from './clientBoundary';
import { Realm } from './common';
import { ConsoleStandIn, type LogEntry } from './console';
import { HtmlServiceStandIn } from './html';
import { LockServiceStandIn, holdDocumentLockElsewhere } from './lock';
import { type PropertiesSnapshot, PropertiesServiceStandIn, restoreProperties, snapshotProperties } from './properties';
import { ScriptAppStandIn, authModeOf } from './scriptApp';
import { SessionStandIn } from './session';
import { UtilitiesStandIn } from './utilities';

export interface ServicesOptions {
  /** Project HTML files by name without extension (e.g. { Sidebar: '<html>…' }). */
  htmlFiles: Record<string, string>;
  /** Container-bound / add-on in a document: false makes getDocumentLock/getDocumentProperties return null. */
  hasContainer: boolean;
  documentProperties?: Record<string, string>;
  /** Copy console lines to stderr. */
  echoLogs?: boolean;
}

export interface ServicesGlobals {
  HtmlService: HtmlServiceStandIn;
  LockService: LockServiceStandIn;
  PropertiesService: PropertiesServiceStandIn;
  Session: SessionStandIn;
  Utilities: UtilitiesStandIn;
  ScriptApp: ScriptAppStandIn;
  console: ConsoleStandIn;
}

export interface ServicesHost {
  holdDocumentLockElsewhere(): () => void;
  propertiesSnapshot(): PropertiesSnapshot;
  restoreProperties(snapshot: Partial<PropertiesSnapshot>): void;
  logs(): readonly LogEntry[];
  useRealm(context: object): void;
  authModeOf: typeof authModeOf;
  argumentsToServer: typeof argumentsToServer;
  resultToClient: typeof resultToClient;
}

export function createServices(
  runtime: Runtime,
  options: ServicesOptions,
): { globals: ServicesGlobals; host: ServicesHost } {
  const realm = new Realm();
  let templateScope: object | null = null;
  const properties = new Map<string, string>();
  restoreProperties(properties, { document: options.documentProperties ?? {} });
  const logs: LogEntry[] = [];

  const globals: ServicesGlobals = {
    HtmlService: new HtmlServiceStandIn(runtime, realm, { ...options.htmlFiles }, () => templateScope),
    LockService: new LockServiceStandIn(runtime, realm, options.hasContainer),
    PropertiesService: new PropertiesServiceStandIn(runtime, realm, properties, options.hasContainer),
    Session: new SessionStandIn(runtime),
    Utilities: new UtilitiesStandIn(runtime, realm),
    ScriptApp: new ScriptAppStandIn(),
    console: new ConsoleStandIn(runtime, logs, options.echoLogs === true),
  };

  const host: ServicesHost = {
    holdDocumentLockElsewhere: () => holdDocumentLockElsewhere(runtime),
    propertiesSnapshot: () => snapshotProperties(properties),
    restoreProperties: (snapshot) => restoreProperties(properties, snapshot),
    logs: () => logs,
    useRealm: (context) => {
      templateScope = context;
      const error: unknown = vm.isContext(context)
        ? vm.runInContext('Error', context)
        : (context as { Error?: unknown }).Error;
      if (typeof error === 'function') realm.use({ Error: error as ErrorConstructor });
    },
    authModeOf,
    argumentsToServer,
    resultToClient,
  };

  return { globals, host };
}

export type { PropertiesSnapshot } from './properties';
export type { LogEntry } from './console';
export { argumentsToServer, resultToClient } from './clientBoundary';
export { AuthMode, authModeOf } from './scriptApp';
