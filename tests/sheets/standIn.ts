/**
 * Shared set-up for the tests of src/sheets: a fresh local stand-in (local/gas) per test, its Apps Script globals
 * (SpreadsheetApp, PropertiesService, LockService, Session, …) put on globalThis for the test and taken off after,
 * and the spreadsheet handed to the tables as the server hands it. The src modules run as TypeScript under
 * ts-jest, so a failure points at their own file and line, not into the bundle.
 */

import { createStandIn, type StandIn, type StandInOptions } from '../../local/gas';
import { blankCustomer, type Customer } from '../../src/domain/customer';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { setUpTabs } from '../../src/sheets/setupTabs';

export const OWNER = 'owner@example.com';
export const STAFF = 'rep@example.com';
export const STRANGER = 'stranger@example.com';

/** 2026-03-02T09:00:00Z on the virtual clock: dates written by the tests are reproducible. */
export const START_MS = Date.UTC(2026, 2, 2, 9, 0, 0);

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Customer n (ID C-0000n), created and last saved by a rep on 2026-03-01, with `fields` on top. */
export function customer(n: number, fields: Partial<Customer> = {}): Customer {
  const at = '2026-03-01T09:00:00.000Z';
  return {
    ...blankCustomer(`C-${String(n).padStart(5, '0')}`),
    ...{
      createdAt: at,
      createdBy: 'rep@example.com',
      updatedAt: at,
      updatedBy: 'rep@example.com',
      statusChangedAt: at,
    },
    ...fields,
  };
}

export interface SheetsStandIn {
  gas: StandIn;
  /** The active spreadsheet, as src/server's context gets it. */
  ss: Spreadsheet;
  /** One execution as `user` (locks released at its end); defaults to the owner. */
  run<T>(fn: () => T, user?: string): T;
  /** A tab's values read on the host side (not counted as Apps Script calls). */
  values(tab: string): unknown[][];
}

/**
 * Registers beforeEach/afterEach that build a stand-in and install its globals, and returns a holder whose
 * `current` is that test's stand-in. `setUp: true` runs Set up's tab creation (headers, formats, dropdown,
 * protections with STAFF as staff) first, as the owner.
 */
export function standInPerTest(options: Partial<StandInOptions> & { setUp?: boolean } = {}): {
  readonly current: SheetsStandIn;
} {
  const holder = {} as { current: SheetsStandIn };
  let uninstall: (() => void) | null = null;
  beforeEach(() => {
    const { setUp, ...standInOptions } = options;
    const gas = createStandIn({ owner: OWNER, editors: [STAFF, STRANGER], startMs: START_MS, ...standInOptions });
    uninstall = installGlobals(gas.globals);
    const run = <T>(fn: () => T, user: string = OWNER): T => gas.runtime.run(user, fn);
    const ss = run(() => SpreadsheetApp.getActiveSpreadsheet());
    holder.current = { gas, ss, run, values: (tab) => gas.sheets.sheetValues(tab) };
    if (setUp === true) run(() => setUpTabs(ss, OWNER, { ...DEFAULT_SETTINGS, staff: [STAFF] }));
    gas.runtime.calls.reset();
  });
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });
  return holder;
}

/**
 * Puts `globals` on globalThis; returns what takes them off again (restoring anything they hid). `console` stays
 * Node's: the stand-in's would send the test's own logging into its execution log.
 */
function installGlobals(globals: Record<string, unknown>): () => void {
  const target = globalThis as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, value] of Object.entries(globals)) {
    if (name === 'console') continue;
    saved.set(name, Object.getOwnPropertyDescriptor(target, name));
    Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor === undefined) delete target[name];
      else Object.defineProperty(target, name, descriptor);
    }
  };
}
