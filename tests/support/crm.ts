/**
 * Shared set-up of the bundle tests: the BUILT add-on (dist-test/, the pushed code unminified and with its source map)
 * in the stand-in, with an owner, staff and a stranger; results of typed calls narrowed with a check.
 */

import {
  type Harness,
  type HarnessOptions,
  type SimpleTriggerIdentity,
  createHarness,
  succeeded,
} from '../../local/bundle/harness';

export { succeeded };
import { TEST_DIST_DIR } from '../../local/bundle/loadBundle';
import type { Customer } from '../../src/domain/customer';

export const OWNER = 'owner@example.com';
export const REP = 'rep@example.com';
export const MANAGER = 'manager@example.com';
export const STRANGER = 'stranger@example.com';

/** 2026-03-02 09:00 UTC, a Monday: tests move the clock from here. */
export const START_MS = Date.UTC(2026, 2, 2, 9, 0, 0);

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface Crm extends Harness {
  /** Values of a tab as getValues returns them (uncounted), with dates as ISO strings for comparison. */
  tab(name: string): unknown[][];
}

/** Cell values with Dates (of any realm or subclass) as ISO strings, so tests compare plain values. */
export function plainCells(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) =>
    row.map((cell) => (Object.prototype.toString.call(cell) === '[object Date]' ? (cell as Date).toISOString() : cell)),
  );
}

/** A workbook in the stand-in running the test bundle (dist-test: unminified, stacks mapped to src/), not set up. */
export function createCrm(options: Omit<HarnessOptions, 'distDir'>): Crm {
  const harness = createHarness({ ...options, distDir: TEST_DIST_DIR });
  return { ...harness, tab: (name) => plainCells(harness.gas.sheets.sheetValues(name)) };
}

/**
 * A workbook shared with REP, MANAGER and STRANGER (or `editors`); Set up run by the owner with REP and MANAGER (or
 * `staff`) as staff. Simple triggers do not see who edited unless `simpleTriggerIdentity: 'visible'` (the harness
 * default is 'hidden').
 */
export function newCrm(
  options: {
    setUp?: boolean;
    editors?: string[];
    staff?: string[];
    simpleTriggerIdentity?: SimpleTriggerIdentity;
  } = {},
): Crm {
  const crm = createCrm({
    owner: OWNER,
    editors: options.editors ?? [REP, MANAGER, STRANGER],
    startMs: START_MS,
    ...(options.simpleTriggerIdentity ? { simpleTriggerIdentity: options.simpleTriggerIdentity } : {}),
  });
  if (options.setUp !== false) {
    succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm');
    const staff = options.staff ?? [REP, MANAGER];
    if (staff.length > 0) {
      staff.forEach((email, i) =>
        crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', row: i + 2, column: 1, value: email }),
      );
      succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm (staff)');
    }
  }
  return crm;
}

/** The members of a union that declare `key`, with it present (e.g. a SaveResult's Failure for 'errors'). */
export type Having<T, K extends PropertyKey> = T extends unknown
  ? K extends keyof T
    ? T & { [P in K]-?: Exclude<T[P], undefined> }
    : never
  : never;

/**
 * The result narrowed to the members that carry `key` (a refusal's `errors`, a stale save's `conflict`); a result
 * without it ends the test there with the whole result.
 */
export function having<T, K extends T extends unknown ? keyof T : never>(result: T, key: K): Having<T, K> {
  if (typeof result !== 'object' || result === null || (result as Record<PropertyKey, unknown>)[key] === undefined) {
    throw new Error(`Expected a result with ${String(key)}, got ${JSON.stringify(result)}`);
  }
  return result as Having<T, K>;
}

/** Registers a customer as `user` (REP unless said) and returns it; the test fails if the CRM refuses. */
export function registered(crm: Crm, input: Record<string, unknown>, user = REP): Customer {
  return succeeded(crm.call(user, 'registerCustomer', input as { name: string })).customer;
}

/** The Customers row of customer `id` as crm.tab shows it; the test fails when no row holds the ID. */
export function customerRowOf(crm: Crm, id: string): unknown[] {
  const row = crm.tab('Customers').find((r) => r[0] === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

/** The 1-based row of customer `id` on the Archive tab; the test fails when no row holds the ID. */
export function archiveRowOf(crm: Crm, id: string): number {
  const row = crm.tab('Archive').findIndex((r) => r[0] === id) + 1;
  if (row < 2) throw new Error(`${id} is not on the Archive tab`);
  return row;
}

/** The History rows of customer `id` (column B), in sheet order, as crm.tab shows them. */
export function historyRowsOf(crm: Crm, id: string): unknown[][] {
  return crm.tab('History').filter((row) => row[1] === id);
}

/** The CRM menu's items in order, as SPEC "Menu (CRM)" lists them (the owner's five last). */
export const MENU_CAPTIONS: readonly string[] = [
  'My work',
  'Register customer',
  'Search customers',
  'Pipeline board',
  'Pipeline summary',
  'Import customers',
  'Find duplicates',
  'Check data',
  'Check set-up',
  'Set up / repair',
];
