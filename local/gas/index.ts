/**
 * The whole local stand-in of Apps Script: one Runtime, one workbook, the Ui log, SpreadsheetApp,
 * Charts and the other services, assembled as the globals a script sees. It offers what the product calls (and
 * what the tests' by-hand helpers use), each fake declared against Google's types (surface.ts).
 *
 *   const gas = createStandIn({ owner: 'owner@example.com', htmlFiles, sharedDrive?: true });
 *   gas.globals          → put on a vm context (see local/bundle/loadBundle.ts)
 *   gas.runtime.run(user, () => …, authMode?, { identity?: 'hidden' })   one execution as `user` (the document
 *                          lock released at its end; 'hidden' = Session shows '' for the user, as in simple triggers)
 *   gas.sheets           → host helpers: sheetValues(name), userEdit(...), userEditRange(...), userDeleteRows(...),
 *                          interleave(method, edit), shareWith(email) / unshare(email), ...
 *   gas.services         → host helpers: holdDocumentLockElsewhere(), ...
 *   gas.toJSON() / createStandIn({ saved })   persistence of workbook + document properties
 */

import { Runtime } from './runtime';
import type { PropertiesSnapshot } from './services/properties';
import { createServices, type ServicesHost } from './services';
import {
  UiLog,
  Workbook,
  type SpreadsheetHost,
  type WorkbookJSON,
  createChartsFake,
  createSpreadsheetApp,
  createSpreadsheetHost,
  workbookFromJSON,
  workbookToJSON,
} from './spreadsheet';

export interface SavedStandIn {
  workbook: WorkbookJSON;
  properties: PropertiesSnapshot;
}

export interface StandInOptions {
  owner: string;
  timeZone?: string;
  /** Users the file is shared with as editors (the owner always is one). */
  editors?: string[];
  /**
   * The file lives in a shared drive: no owner (Spreadsheet.getOwner() returns null), no owner's bypass of
   * protections; `owner` is then the person who created the file, one of its editors. Default false; ignored with
   * `saved` (the saved workbook says where it lives).
   */
  sharedDrive?: boolean;
  /** Project HTML files by name without extension. */
  htmlFiles?: Record<string, string>;
  /** Start of the virtual clock (ms); omitted = follow the real clock. */
  startMs?: number;
  /** A previously saved state (workbook and properties) to continue from. */
  saved?: SavedStandIn;
  /** Date constructor of the realm the script runs in (values read from cells are built with it). */
  DateCtor?: DateConstructor;
}

export interface StandIn {
  readonly runtime: Runtime;
  readonly workbook: Workbook;
  readonly ui: UiLog;
  readonly globals: Record<string, unknown>;
  readonly sheets: SpreadsheetHost;
  readonly services: ServicesHost;
  toJSON(): SavedStandIn;
}

export function createStandIn(options: StandInOptions): StandIn {
  const timeZone = options.timeZone ?? options.saved?.workbook.timeZone ?? 'Etc/UTC';
  const runtime = new Runtime(options.owner, timeZone, options.startMs ?? null);
  const workbook = options.saved
    ? workbookFromJSON(options.saved.workbook)
    : new Workbook({
        owner: options.owner,
        timeZone,
        editors: options.editors ?? [],
        sharedDrive: options.sharedDrive ?? false,
        name: 'Pipeline CRM',
        sheets: [{ name: 'Sheet1' }],
      });
  const ui = new UiLog('Pipeline CRM');
  const dateOptions = options.DateCtor ? { DateCtor: options.DateCtor } : {};
  const { globals: serviceGlobals, host: services } = createServices(runtime, {
    htmlFiles: options.htmlFiles ?? {},
    hasContainer: true,
  });
  if (options.saved) services.restoreProperties(options.saved.properties);
  const globals: Record<string, unknown> = {
    ...serviceGlobals,
    SpreadsheetApp: createSpreadsheetApp(runtime, workbook, ui, dateOptions),
    Charts: createChartsFake(),
  };
  return {
    runtime,
    workbook,
    ui,
    globals,
    sheets: createSpreadsheetHost(runtime, workbook, ui, dateOptions),
    services,
    toJSON: () => ({ workbook: workbookToJSON(workbook), properties: services.propertiesSnapshot() }),
  };
}
