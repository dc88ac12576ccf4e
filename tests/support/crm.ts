/**
 * Shared set-up of the bundle tests: the BUILT add-on (dist-test/, the pushed code unminified and with its source map)
 * in the stand-in, with an owner, staff and a stranger.
 */

import { type Harness, type SimpleTriggerIdentity, createHarness } from '../../local/bundle/harness';
import { TEST_DIST_DIR } from '../../local/bundle/loadBundle';

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

/**
 * A workbook shared with REP, MANAGER and STRANGER; Set up run by the owner with REP and MANAGER as staff.
 * Simple triggers do not see who edited unless `simpleTriggerIdentity: 'visible'` (the harness default is 'hidden').
 */
export function newCrm(options: { setUp?: boolean; staff?: string[]; simpleTriggerIdentity?: SimpleTriggerIdentity } = {}): Crm {
  const harness = createHarness({
    owner: OWNER,
    editors: [REP, MANAGER, STRANGER],
    startMs: START_MS,
    distDir: TEST_DIST_DIR, // unminified, with Code.js.map: failures name src/**/*.ts lines
    ...(options.simpleTriggerIdentity ? { simpleTriggerIdentity: options.simpleTriggerIdentity } : {}),
  });
  const crm: Crm = { ...harness, tab: (name) => plainCells(harness.gas.sheets.sheetValues(name)) };
  if (options.setUp !== false) {
    const setUp = crm.call<{ ok: boolean }>(OWNER, 'setUpCrm');
    if (!setUp.ok) throw new Error(`setUpCrm failed: ${JSON.stringify(setUp)}`);
    const staff = options.staff ?? [REP, MANAGER];
    if (staff.length > 0) {
      staff.forEach((email, i) => harness.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', row: i + 2, column: 1, value: email }));
      const again = crm.call<{ ok: boolean }>(OWNER, 'setUpCrm');
      if (!again.ok) throw new Error(`setUpCrm (staff) failed: ${JSON.stringify(again)}`);
    }
  }
  return crm;
}
