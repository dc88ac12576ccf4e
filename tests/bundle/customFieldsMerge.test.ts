/**
 * Custom fields in the two merges, through the built bundle: mergeCustomers (CRM ▸ Find duplicates) and the
 * import's merge mode fill the kept customer's EMPTY custom values from the other record, never overwrite one,
 * write the cells by the column map (a sorted tab, hostile text kept as text) and log each filled value in History
 * as any field is logged (so a row deleted by hand is rebuilt with them).
 */

import { CUSTOMER_HEADERS, type Customer } from '../../src/domain/customer';
import {
  type Crm,
  DAY_MS,
  having,
  OWNER,
  REP,
  succeeded,
  registered as register,
  historyRowsOf as historyOf,
} from '../support/crm';
import { crmWithCustomFields, fourFields } from '../support/customFields';
import { byHand, customersSheet, sortCustomers, stateJson } from './safety/helpers';

const FIELDS = fourFields();
const FIXED = CUSTOMER_HEADERS.length;
const HOSTILE = '=HYPERLINK("http://evil.example") <script>x</script> Zürich 🚀 مرحبا';

const crmWithFields = (): Crm => crmWithCustomFields(FIELDS);

function rowOf(crm: Crm, id: string): unknown[] | undefined {
  return crm.tab('Customers').find((r) => r[0] === id);
}

describe('mergeCustomers with custom fields', () => {
  function pair(crm: Crm): { keep: Customer; other: Customer } {
    const keep = register(crm, {
      name: 'Ann Berg',
      email: 'ann@example.com',
      custom: { Industry: 'Retail', Employees: '', Renewal: '', Region: '' },
    });
    const other = register(crm, {
      name: 'Ann Berg',
      email: 'ANN@example.com',
      allowDuplicate: true,
      custom: { Industry: 'Software', Employees: 0, Renewal: '2026-09-30', Region: HOSTILE },
    });
    return { keep, other };
  }

  it('fills the empty custom values (0 is a value), keeps the set one, writes the cells and logs each as merge', () => {
    const crm = crmWithFields();
    const { keep, other } = pair(crm);
    crm.gas.runtime.advance(DAY_MS);
    const kept = succeeded(
      crm.call(OWNER, 'mergeCustomers', keep.id, other.id, { [keep.id]: keep.version, [other.id]: other.version }),
    ).customer;
    const at = new Date(crm.gas.runtime.now()).toISOString();
    expect(kept.custom).toEqual({ Industry: 'Retail', Employees: 0, Renewal: '2026-09-30', Region: HOSTILE });
    expect(kept.version).toBe(keep.version + 1);
    expect(succeeded(crm.call(REP, 'getCustomer', keep.id)).customer).toEqual(kept);
    // The cells: a number, a date cell, the hostile text stored as text (never a formula).
    const row = rowOf(crm, keep.id) as unknown[];
    expect(row.slice(FIXED, FIXED + 2)).toEqual(['Retail', 0]);
    expect(String(row[FIXED + 2])).toMatch(/^2026-09-(29|30)T/);
    expect(row[FIXED + 3]).toBe(HOSTILE);
    expect(crm.gas.sheets.sheetFormulas('Customers').flat().join('')).not.toContain('HYPERLINK');
    expect(historyOf(crm, keep.id).filter((e) => e[2] === 'merge')).toEqual([
      [at, keep.id, 'merge', '', other.id, keep.id, OWNER],
      [at, keep.id, 'merge', 'Employees', '', '0', OWNER],
      [at, keep.id, 'merge', 'Renewal', '', '2026-09-30', OWNER],
      [at, keep.id, 'merge', 'Region', '', HOSTILE, OWNER],
    ]);
  });

  it('merges the right rows in a sorted tab, and a row then deleted by hand is rebuilt with the merged values', () => {
    const crm = crmWithFields();
    const { keep, other } = pair(crm);
    const bystander = register(crm, { name: 'Aaron Aal', custom: { Region: 'West' } });
    sortCustomers(crm, REP, 2, false); // by Name, descending: the rows move
    const bystanderRow = rowOf(crm, bystander.id);
    const kept = succeeded(
      crm.call(REP, 'mergeCustomers', keep.id, other.id, { [keep.id]: keep.version, [other.id]: other.version }),
    ).customer;
    expect(rowOf(crm, bystander.id)).toEqual(bystanderRow);
    expect(rowOf(crm, other.id)).toBeUndefined();
    expect((rowOf(crm, keep.id) as unknown[])[FIXED + 3]).toBe(HOSTILE);

    const sheetRow = crm.tab('Customers').findIndex((r) => r[0] === keep.id) + 1;
    byHand(crm, OWNER, (ss) => customersSheet(ss).deleteRow(sheetRow));
    const restored = succeeded(crm.call(OWNER, 'restoreCustomer', keep.id)).customer;
    expect(restored.custom).toEqual(kept.custom);
    expect(restored.version).toBe(kept.version);
  });

  it('refuses a stale version and writes nothing, custom cells included', () => {
    const crm = crmWithFields();
    const { keep, other } = pair(crm);
    const before = stateJson(crm);
    const result = crm.call(REP, 'mergeCustomers', keep.id, other.id, {
      [keep.id]: keep.version + 1,
      [other.id]: other.version,
    });
    expect(having(result, 'conflict').conflict.id).toBe(keep.id);
    expect(stateJson(crm)).toBe(before);
  });
});

describe('importCustomers in merge mode with custom fields', () => {
  const SHEET: string[][] = [
    ['Name', 'Email', 'Industry', 'Employees', 'Renewal', 'Region'],
    ['Ann Berg', 'ann@example.com', 'software', '1,200', '2026-09-30', `'${HOSTILE}`],
    ['Bob Stone', 'bob@example.com', 'Mining', 'lots', '', 'South'],
  ];

  it('fills the existing customers’ empty custom values, never overwrites, warns bad values, logs `import`', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann Berg', email: 'ann@example.com', custom: { Industry: 'Retail' } });
    const bob = register(crm, { name: 'Bob Stone', email: 'bob@example.com', custom: { Employees: 7 } });
    sortCustomers(crm, REP, 2, false); // Bob above Ann now
    SHEET.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== '') crm.edit({ user: OWNER, sheet: 'Import', row: r + 1, column: c + 1, value });
      }),
    );
    crm.gas.runtime.advance(DAY_MS);
    const result = succeeded(crm.call(OWNER, 'importCustomers', { duplicates: 'merge' }));
    const at = new Date(crm.gas.runtime.now()).toISOString();
    expect(result.imported).toBe(0);
    expect(result.merged).toBe(2);
    expect(result.duplicates.map((d) => [d.row, d.action, d.filled])).toEqual([
      [2, 'merged', ['Employees', 'Renewal', 'Region']],
      [3, 'merged', ['Region']],
    ]);
    expect(result.warnings.map((w) => w.reason)).toEqual([
      'Row 3: Industry "Mining" is not one of the choices: Retail, Software, Health. Imported with Industry left empty.',
      expect.stringMatching(/^Row 3: Employees "lots" is not a number: .* Imported with Employees left empty\.$/),
    ]);
    const annNow = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    expect(annNow.custom).toEqual({ Industry: 'Retail', Employees: 1200, Renewal: '2026-09-30', Region: HOSTILE });
    expect(annNow.version).toBe(ann.version + 1);
    const bobNow = succeeded(crm.call(REP, 'getCustomer', bob.id)).customer;
    expect(bobNow.custom).toEqual({ Industry: '', Employees: 7, Renewal: '', Region: 'South' });
    expect((rowOf(crm, ann.id) as unknown[])[FIXED + 3]).toBe(HOSTILE);
    expect(crm.gas.sheets.sheetFormulas('Customers').flat().join('')).not.toContain('HYPERLINK');
    expect(historyOf(crm, ann.id).filter((e) => e[0] === at)).toEqual([
      [at, ann.id, 'import', 'Employees', '', '1200', OWNER],
      [at, ann.id, 'import', 'Renewal', '', '2026-09-30', OWNER],
      [at, ann.id, 'import', 'Region', '', HOSTILE, OWNER],
    ]);
    expect(historyOf(crm, bob.id).filter((e) => e[0] === at)).toEqual([
      [at, bob.id, 'import', 'Region', '', 'South', OWNER],
    ]);
    // Run again: everything is filled now, so nothing is merged or logged.
    const again = succeeded(crm.call(OWNER, 'importCustomers', { duplicates: 'merge' }));
    expect(again.merged).toBe(0);
  });
});
