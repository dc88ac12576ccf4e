/**
 * The Pipeline tab's "Deal value by <field>" table (issue 18): when Settings names a Choice field ("Group Pipeline
 * by"), the rebuild writes it below the lists in H..K, cell by cell from numbers worked out by hand; without one,
 * nothing on the tab changes; naming it off again leaves nothing behind; the rebuild stays one setValues on the tab.
 * Runs the built bundle in the stand-in.
 */

import { RangeFake } from '../../local/gas/spreadsheet/range';
import type { SheetData } from '../../local/gas/spreadsheet/model';
import { byHand } from './safety/helpers';
import { type Crm, OWNER, REP, succeeded, registered as register } from '../support/crm';
import { crmWithCustomFields } from '../support/customFields';

const FIELDS: readonly (readonly string[])[] = [
  ['Industry', 'Choice', 'Retail, Software, Health', ''],
  ['Region', 'Text', '', ''],
];
/** Column H (0-based 7): where By owner and the table start. */
const H = 7;

const crmWithFields = (): Crm => crmWithCustomFields(FIELDS);

function nameGroupField(crm: Crm, field: string): void {
  crm.edit({ user: OWNER, sheet: 'Settings', row: 3, column: 6, value: 'Group Pipeline by' });
  crm.edit({ user: OWNER, sheet: 'Settings', row: 3, column: 7, value: field });
}

/** Pipeline tab rows, trailing all-blank rows dropped (the sheet layer pads with '' to the sheet's last row). */
function pipelineRows(crm: Crm): unknown[][] {
  const rows = crm.tab('Pipeline');
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((c) => c === '')) end--;
  return rows.slice(0, end);
}

/** Cells H..K of a row, and whether the rest of the row is blank. */
function hk(row: unknown[] | undefined): unknown[] {
  const cells = row ?? [];
  expect(cells.filter((c, i) => (i < H || i > H + 3) && c !== '')).toEqual([]);
  return cells.slice(H, H + 4);
}

/** How many setValues calls the body makes on the Pipeline tab. */
function pipelineSetValues(body: () => unknown): number {
  const proto = RangeFake.prototype as unknown as Record<string, unknown>;
  const original = proto.setValues as (...a: unknown[]) => unknown;
  let count = 0;
  proto.setValues = function (this: { sheetData: SheetData }, ...args: unknown[]): unknown {
    if (this.sheetData.name === 'Pipeline') count++;
    return original.apply(this, args);
  };
  try {
    body();
  } finally {
    proto.setValues = original;
  }
  return count;
}

describe('the Pipeline tab: Deal value by a Choice field', () => {
  it('writes the table below the lists, cell by cell; nothing else moves; naming no field removes it', () => {
    const crm = crmWithFields();
    register(crm, { name: 'Ann', dealValue: 1000, custom: { Industry: 'Software' } });
    register(crm, { name: 'Bob', dealValue: 500.25, custom: { Industry: 'Retail' } });
    const cy = register(crm, { name: 'Cy', dealValue: 250, custom: { Industry: 'software' } });
    register(crm, { name: 'Di', custom: { Region: 'East' } });
    succeeded(crm.call(REP, 'updateCustomerStatus', cy.id, 'Closed-lost', cy.version, '', 'Price'));

    succeeded(crm.call(OWNER, 'rebuildPipelineSummary'));
    const plain = pipelineRows(crm);
    expect(JSON.stringify(plain)).not.toContain('Deal value by');

    nameGroupField(crm, 'industry');
    const writes = pipelineSetValues(() => succeeded(crm.call(OWNER, 'rebuildPipelineSummary')));
    expect(writes).toBe(1);
    const grouped = pipelineRows(crm);
    // Everything of the plain tab is where it was, except the "Last rebuilt" line (row 2, a new time).
    expect(grouped.slice(2, plain.length)).toEqual(plain.slice(2, plain.length));
    expect(grouped[0]).toEqual(plain[0]);

    const t = plain.length; // 0-based index of the blank row between the lists and the table
    expect(grouped[t]?.every((c) => c === '')).toBe(true);
    expect(hk(grouped[t + 1])).toEqual(['Deal value by Industry', '', '', '']);
    expect(hk(grouped[t + 2])).toEqual(['Industry', 'Customers', 'Open', 'Deal value']);
    // Definition order; "software" typed in another case counts for Software; Cy is Closed-lost (not open).
    expect(hk(grouped[t + 3])).toEqual(['Retail', 1, 1, 500.25]);
    expect(hk(grouped[t + 4])).toEqual(['Software', 2, 1, 1250]);
    expect(hk(grouped[t + 5])).toEqual(['Health', 0, 0, 0]);
    expect(hk(grouped[t + 6])).toEqual(['(none)', 1, 1, 0]);
    expect(hk(grouped[t + 7])).toEqual(['Total', 4, 3, 1750.25]);
    expect(grouped).toHaveLength(t + 8);
    // Its money column keeps By owner's money format (K), its counts the count format (I, J).
    const sheet = crm.gas.sheets.sheet('Pipeline');
    expect([0, 1, 2, 3].map((i) => sheet.formats.get(t + 4, H + i) ?? '')).toEqual(['', '0', '0', '#,##0.00']);

    // Named off again: the next rebuild leaves nothing of the table behind.
    nameGroupField(crm, '');
    succeeded(crm.call(OWNER, 'rebuildPipelineSummary'));
    expect(pipelineRows(crm).slice(2)).toEqual(plain.slice(2));
  });

  it('a hand-typed formula or markup value gets its own row, written as text, not run', () => {
    const crm = crmWithFields();
    const ann = register(crm, { name: 'Ann', dealValue: 10, custom: { Industry: 'Retail' } });
    const row = crm.tab('Customers').findIndex((r) => r[0] === ann.id) + 1;
    const column = (crm.tab('Customers')[0] ?? []).indexOf('Industry') + 1;
    // The dropdown refuses it: the value gets in once someone has removed the cell's rule (a paste does that).
    byHand(crm, OWNER, (ss) =>
      ss.getSheetByName('Customers')?.getRange(row, column).clearDataValidations().setValue("'=1+1<b>"),
    );
    nameGroupField(crm, 'Industry');
    succeeded(crm.call(OWNER, 'rebuildPipelineSummary'));
    const rows = pipelineRows(crm);
    const title = rows.findIndex((r) => r[H] === 'Deal value by Industry');
    expect(title).toBeGreaterThan(0);
    expect(rows.slice(title + 2).map(hk)).toEqual([
      ['Retail', 0, 0, 0],
      ['Software', 0, 0, 0],
      ['Health', 0, 0, 0],
      ['=1+1<b>', 1, 1, 10],
      ['Total', 1, 1, 10],
    ]);
  });
});
