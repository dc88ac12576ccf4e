/**
 * The stand-in's non-spreadsheet services, built over one Runtime.
 *
 *   const { globals, host } = createServices(runtime, { htmlFiles, hasContainer: true });
 *   const context = vm.createContext({ ...globals, ...spreadsheetGlobals });
 *   host.useRealm(context);   // errors become the bundle realm's Error; templates see the bundle's globals
 *
 * globals — the objects the bundle sees as globals, with Apps Script's method names, argument checks and
 * error texts (each file says where its texts come from):
 *   HtmlService, LockService, PropertiesService, Session, Utilities, ScriptApp, Logger, console.
 * Every public method counts itself in runtime.calls as "Class.method" (e.g. "Lock.tryLock").
 *
 * host — for tests, the preview and the benchmark (never counted):
 *   holdDocumentLockElsewhere() / holdScriptLockElsewhere() / holdUserLockElsewhere(email): () => void
 *       another process holds that lock until the returned function is called;
 *   propertiesSnapshot(): PropertiesSnapshot / restoreProperties(snapshot): void   persistence (plain JSON);
 *   logs(): readonly LogEntry[]   Logger/console lines of every execution;
 *   useRealm(context): void       build service errors with context.Error and run template scriptlets with
 *                                 the bundle's globals (context = the vm context object);
 *   htmlOutputSnapshot(output) / isHtmlOutput(value)   read an HtmlOutput (content, title, size...) uncounted;
 *   authModeOf(name)              the ScriptApp.AuthMode value for an event object's `authMode`;
 *   argumentsToServer(args) / resultToClient(value)    google.script.run crossing rules (clientBoundary.ts).
 */
import vm from 'node:vm';
import type { Runtime } from '../runtime';
import { argumentsToServer, resultToClient } from './clientBoundary';
import { Realm } from './common';
import { HtmlServiceStandIn, htmlOutputSnapshot, isHtmlOutput } from './html';
import { LockRegistry, LockServiceStandIn } from './lock';
import { ConsoleStandIn, LogSink, LoggerStandIn, type LogEntry } from './logger';
import { type PropertiesSnapshot, PropertiesServiceStandIn, PropertiesStandInStores } from './properties';
import { ScriptAppStandIn, authModeOf } from './scriptApp';
import { SessionStandIn } from './session';
import { UtilitiesStandIn } from './utilities';

export interface ServicesOptions {
  /** Project HTML files by name without extension (e.g. { Sidebar: '<html>…' }). */
  htmlFiles: Record<string, string>;
  /** Container-bound / add-on in a document: false makes getDocumentLock/Properties return null. */
  hasContainer: boolean;
  documentProperties?: Record<string, string>;
  scriptProperties?: Record<string, string>;
  /** User properties by e-mail. */
  userProperties?: Record<string, Record<string, string>>;
  /** Session.getActiveUserLocale(): per e-mail, else `defaultLocale` (default 'en'). */
  locales?: Record<string, string>;
  defaultLocale?: string;
  scriptId?: string;
  /** Copy Logger/console lines to stderr. */
  echoLogs?: boolean;
}

export interface ServicesGlobals {
  HtmlService: HtmlServiceStandIn;
  LockService: LockServiceStandIn;
  PropertiesService: PropertiesServiceStandIn;
  Session: SessionStandIn;
  Utilities: UtilitiesStandIn;
  ScriptApp: ScriptAppStandIn;
  Logger: LoggerStandIn;
  console: ConsoleStandIn;
}

export interface ServicesHost {
  holdDocumentLockElsewhere(): () => void;
  holdScriptLockElsewhere(): () => void;
  holdUserLockElsewhere(email: string): () => void;
  propertiesSnapshot(): PropertiesSnapshot;
  restoreProperties(snapshot: Partial<PropertiesSnapshot>): void;
  logs(): readonly LogEntry[];
  useRealm(context: object): void;
  htmlOutputSnapshot: typeof htmlOutputSnapshot;
  isHtmlOutput: typeof isHtmlOutput;
  authModeOf: typeof authModeOf;
  argumentsToServer: typeof argumentsToServer;
  resultToClient: typeof resultToClient;
}

export function createServices(runtime: Runtime, options: ServicesOptions): { globals: ServicesGlobals; host: ServicesHost } {
  const realm = new Realm();
  let templateScope: object | null = null;
  const locks = new LockRegistry(runtime);
  const properties = new PropertiesStandInStores({
    document: options.documentProperties,
    script: options.scriptProperties,
    user: options.userProperties,
  });
  const sink = new LogSink(runtime, options.echoLogs === true);
  const scriptId = options.scriptId ?? 'stand-in-script-id';

  const globals: ServicesGlobals = {
    HtmlService: new HtmlServiceStandIn(runtime, realm, { ...options.htmlFiles }, () => templateScope),
    LockService: new LockServiceStandIn(runtime, realm, locks, options.hasContainer),
    PropertiesService: new PropertiesServiceStandIn(runtime, realm, properties, options.hasContainer),
    Session: new SessionStandIn(runtime, { locales: options.locales, defaultLocale: options.defaultLocale, scriptId }),
    Utilities: new UtilitiesStandIn(runtime, realm),
    ScriptApp: new ScriptAppStandIn(runtime, scriptId),
    Logger: new LoggerStandIn(runtime, sink),
    console: new ConsoleStandIn(runtime, sink),
  };

  const host: ServicesHost = {
    holdDocumentLockElsewhere: () => locks.holdElsewhere('document'),
    holdScriptLockElsewhere: () => locks.holdElsewhere('script'),
    holdUserLockElsewhere: (email) => locks.holdElsewhere('user', email),
    propertiesSnapshot: () => properties.snapshot(),
    restoreProperties: (snapshot) => properties.restore(snapshot),
    logs: () => sink.entries,
    useRealm: (context) => {
      templateScope = context;
      const error: unknown = vm.isContext(context) ? vm.runInContext('Error', context) : (context as { Error?: unknown }).Error;
      if (typeof error === 'function') realm.use({ Error: error as ErrorConstructor });
    },
    htmlOutputSnapshot,
    isHtmlOutput,
    authModeOf,
    argumentsToServer,
    resultToClient,
  };

  return { globals, host };
}

export type { PropertiesSnapshot } from './properties';
export type { LogEntry } from './logger';
export type { HtmlOutputSnapshot } from './html';
export { argumentsToServer, resultToClient } from './clientBoundary';
export { AuthMode, authModeOf } from './scriptApp';
export { SandboxMode, XFrameOptionsMode, htmlOutputSnapshot, isHtmlOutput } from './html';
