/**
 * Point 6, CRM ▸ Check data through the built bundle: checkData() reports duplicate IDs, invalid statuses and
 * broken rows left by hand edits, pastes and other scripts, reading the tab once and writing nothing; the menu
 * item shows the report in an alert (up to 20 problems, then how many more).
 */

import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { MANAGER, OWNER, REP, STRANGER, type Crm, newCrm, succeeded } from '../../support/crm';
import { registered, sheetRowOf, stateJson, writePastValidation } from './helpers';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;

/** Another script (or a paste) writes `text` into a Customers cell: validation does not stop scripts. */
/** Old data: a value written past the cell's dropdown (see writePastValidation). */
function scriptWrites(crm: Crm, row: number, column: number, value: string | number): void {
  writePastValidation(crm, row, column, [[value]]);
}

function crmWithThree(): { crm: Crm; ids: string[] } {
  const crm = newCrm();
  const ids = ['Ann Berg', 'Bob Stone', 'Cat Young'].map((name) => registered(crm, REP, { name }).id);
  return { crm, ids };
}

describe('checkData', () => {
  it('a healthy CRM: every row checked, no problems, and nothing written', () => {
    const { crm } = crmWithThree();
    const before = stateJson(crm);
    const calls = crm.gas.runtime.calls.snapshot();
    expect(succeeded(crm.call(REP, 'checkData'))).toEqual({
      ok: true,
      checkedRows: 3,
      checkedArchivedRows: 0, // no custom field: nothing on Archive to check
      problems: [],
      deletedByHand: [],
    });
    expect(stateJson(crm)).toBe(before);
    // One getValues each of the Customers and Archive tabs (History is one getSheetValues), no cell-by-cell reads.
    expect(crm.gas.runtime.calls.get('Range.getValues') - (calls['Range.getValues'] ?? 0)).toBeLessThanOrEqual(2);
    expect(crm.gas.runtime.calls.get('Range.getValue') - (calls['Range.getValue'] ?? 0)).toBe(0);
  });

  it('finds duplicate IDs (every row named), a row without ID, invalid statuses and broken cells', () => {
    const { crm, ids } = crmWithThree();
    const [ann, bob, cat] = ids as [string, string, string];
    const catRow = sheetRowOf(crm, cat);
    scriptWrites(crm, catRow, col('ID'), ann); // a copy-paste gone wrong
    scriptWrites(crm, sheetRowOf(crm, bob), col('Status'), 'Won?');
    scriptWrites(crm, sheetRowOf(crm, bob), col('Email'), 'bob@');
    scriptWrites(crm, sheetRowOf(crm, bob), col('Deal value'), 'lots');
    scriptWrites(crm, sheetRowOf(crm, bob), col('Version'), 'v2');
    scriptWrites(crm, catRow + 1, col('Name'), 'Dee Fox'); // pasted below, no ID
    const report = succeeded(crm.call(MANAGER, 'checkData'));
    expect(report.checkedRows).toBe(4);
    expect(report.problems).toEqual([
      { row: 2, id: ann, problem: expect.stringContaining(`is also on row ${catRow}`) },
      { row: 3, id: bob, problem: 'Email "bob@" is not a valid e-mail address.' },
      { row: 3, id: bob, problem: expect.stringMatching(/^Status "Won\?" is not a pipeline stage/) },
      { row: 3, id: bob, problem: 'Deal value "lots" is not a number.' },
      { row: 3, id: bob, problem: 'Version "v2" is not a whole number of 1 or more.' },
      { row: 4, id: ann, problem: expect.stringContaining('is also on row 2') },
      { row: 5, id: '', problem: expect.stringContaining('no ID') },
      { row: 5, id: '', problem: expect.stringContaining('Status is empty') },
      { row: 5, id: '', problem: 'Created at is missing.' },
      { row: 5, id: '', problem: 'Updated at is missing.' },
      { row: 5, id: '', problem: 'Status changed at is missing.' },
      { row: 5, id: '', problem: 'Version is missing.' },
    ]);
    // The CRM refuses to guess which row of a duplicated ID to change.
    const before = stateJson(crm);
    expect(crm.call(REP, 'updateCustomerStatus', ann, 'Contacted', 1)).toEqual({
      ok: false,
      errors: { form: expect.stringContaining('Run CRM ▸ Check data') },
    });
    expect(stateJson(crm)).toBe(before);
  });

  it('reports a changed header instead of checking rows against the wrong columns', () => {
    const { crm } = crmWithThree();
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Customers', row: 1, column: col('Status'), value: 'Stage' });
    const report = succeeded(crm.call(REP, 'checkData'));
    expect(report.problems).toEqual([{ row: 1, id: '', problem: expect.stringContaining('Set up / repair') }]);
  });

  it('is a read: anyone the file is shared with may run it, and it works while a write holds the lock', () => {
    const { crm } = crmWithThree();
    crm.gas.services.holdDocumentLockElsewhere();
    expect(succeeded(crm.call(STRANGER, 'checkData')).checkedRows).toBe(3);
  });

  it('without a Customers tab, says to run Set up', () => {
    const crm = newCrm({ setUp: false });
    expect(crm.call(REP, 'checkData')).toEqual({
      ok: false,
      errors: { form: expect.stringContaining('Set up / repair') },
    });
  });
});

describe('menu: CRM ▸ Check data', () => {
  it('is on the CRM menu', () => {
    const crm = newCrm();
    crm.open(REP);
    const entries = crm.gas.ui.menus.get('CRM')?.entries ?? [];
    expect(entries).toContainEqual({ kind: 'item', caption: 'Check data', functionName: 'showDataCheck' });
  });

  it('shows "no problems" for a healthy CRM', () => {
    const { crm } = crmWithThree();
    crm.run(OWNER, 'showDataCheck');
    expect(crm.gas.ui.last('alert')).toMatchObject({
      title: 'Check data',
      prompt: 'Checked 3 customer rows: no problems found.',
      buttonSet: 'OK',
    });
  });

  it('lists up to 20 problems, then "and N more"', () => {
    const { crm } = crmWithThree();
    // 25 old rows without IDs, each with an invalid status among other gaps.
    const rows = Array.from({ length: 25 }, (_, i) => ['', `Pasted ${i}`, '', '', '', 'Someday']);
    writePastValidation(crm, 10, 1, rows);
    const report = succeeded(crm.call(REP, 'checkData'));
    expect(report.checkedRows).toBe(28);
    crm.run(OWNER, 'showDataCheck');
    const lines = (crm.gas.ui.last('alert')?.prompt ?? '').split('\n');
    expect(lines[0]).toBe(`Checked 28 customer rows: ${report.problems.length} problems found.`);
    expect(lines[1]).toMatch(/^• Row 10: has data but no ID/);
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe(`…and ${report.problems.length - 20} more.`);
  });

  it('shows why it could not check', () => {
    const crm = newCrm({ setUp: false });
    crm.run(OWNER, 'showDataCheck');
    expect(crm.gas.ui.last('alert')?.prompt).toContain('Customers tab is missing');
  });
});
