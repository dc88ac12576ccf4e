/**
 * Custom fields in the bundle tests: rows of the Settings table `Custom field | Type | Choices | Required` (I:L),
 * typed by the owner as a person would, and a CRM set up with them.
 */

import { type Crm, newCrm, OWNER, succeeded } from './crm';

/** Settings rows 2.. of I:L: one field of each type (Region required only where a test says so). */
export function fourFields(regionRequired = false): (readonly string[])[] {
  return [
    ['Industry', 'Choice', 'Retail, Software, Health', ''],
    ['Employees', 'Number', '', ''],
    ['Renewal', 'Date', '', ''],
    ['Region', 'Text', '', regionRequired ? 'yes' : ''],
  ];
}

/** Types `rows` into Settings I:L from row 2 by hand; `clearRows` blanks the rows below them up to that many. */
export function defineCustomFields(crm: Crm, rows: readonly (readonly string[])[], clearRows = 0): void {
  const height = Math.max(rows.length, clearRows);
  for (let i = 0; i < height; i++) {
    const row = rows[i] ?? ['', '', '', ''];
    row.forEach((value, c) => crm.edit({ user: OWNER, sheet: 'Settings', row: i + 2, column: 9 + c, value }));
  }
}

/** A new CRM (newCrm) with `rows` defined and Set up run again by the owner, so their columns exist. */
export function crmWithCustomFields(rows: readonly (readonly string[])[]): Crm {
  const crm = newCrm();
  defineCustomFields(crm, rows);
  succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm (custom fields)');
  return crm;
}
