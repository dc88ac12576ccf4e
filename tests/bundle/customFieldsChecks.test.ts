/**
 * CRM ▸ Check data and CRM ▸ Check set-up with custom fields, through the built bundle: Check data names each
 * custom cell that holds no valid value of its field (text typed into a Number column, a Choice no longer in the
 * list, a Date that is not one) by row, ID, field and column, and changes nothing; Check set-up reports each
 * applied field's column (header, a Choice's dropdown, a Date's or a Number's format) and whether the Settings
 * table's fields are the ones Set up applied.
 */

import { CUSTOMER_HEADERS } from '../../src/domain/customer';
import type { SetUpCheckReport } from '../../src/domain/setupCheck';
import { type Crm, MANAGER, OWNER, REP, succeeded, registered as register } from '../support/crm';
import { crmWithCustomFields, defineCustomFields, fourFields } from '../support/customFields';
import { byHand, customersSheet, sortCustomers, stateJson } from './safety/helpers';

const FIELDS = fourFields();
const FIXED = CUSTOMER_HEADERS.length;
const [INDUSTRY, EMPLOYEES, RENEWAL, REGION] = [FIXED + 1, FIXED + 2, FIXED + 3, FIXED + 4];

const defineFields = defineCustomFields;
const crmWithFields = (): Crm => crmWithCustomFields(FIELDS);

function sheetRowOf(crm: Crm, id: string): number {
  return crm.tab('Customers').findIndex((r) => r[0] === id) + 1;
}

function checkSetUp(crm: Crm): SetUpCheckReport {
  const report = crm.call(OWNER, 'checkSetUp');
  if (!report.ok) throw new Error(JSON.stringify(report));
  return report;
}

function customPoints(report: SetUpCheckReport): string[] {
  return report.points
    .filter((p) => p.point.startsWith('Custom field') && !p.point.endsWith('on Archive')) // archiveChecks.test.ts
    .map((p) => `${p.ok ? '✓' : '✗'} ${p.point}: ${p.detail}`);
}

describe('checkData with custom fields', () => {
  it('names row, ID, field and column of each invalid custom cell, in a sorted tab, and changes nothing', () => {
    const crm = crmWithFields();
    const ann = register(crm, {
      name: 'Ann',
      custom: { Industry: 'Retail', Employees: 12, Renewal: '2026-09-30', Region: '=1+1 <b>x</b>' },
    });
    const bob = register(crm, { name: 'Bob', custom: { Industry: 'Software' } });
    const cara = register(crm, { name: 'Cara', custom: { Employees: -3.5, Region: 'Zürich 🚀 مرحبا' } });
    expect(succeeded(crm.call(MANAGER, 'checkData')).problems).toEqual([]);

    // By hand: text into the Number column, a word into the Date column (neither has a rule that refuses it)…
    crm.edit({ user: REP, sheet: 'Customers', row: sheetRowOf(crm, bob.id), column: EMPLOYEES, value: '12 units' });
    crm.edit({ user: REP, sheet: 'Customers', row: sheetRowOf(crm, cara.id), column: RENEWAL, value: 'spring' });
    // …and the owner drops Retail from the choices: Ann's Industry is no longer one of them.
    crm.edit({ user: OWNER, sheet: 'Settings', row: 2, column: 11, value: 'Software, Health' });
    succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm (choices changed)');
    sortCustomers(crm, REP, 2, false); // Cara, Bob, Ann

    const before = stateJson(crm);
    const report = succeeded(crm.call(MANAGER, 'checkData'));
    expect(stateJson(crm)).toBe(before);
    const letter = (column: number): string => String.fromCharCode(64 + column);
    expect(report.problems).toEqual([
      {
        row: 2,
        id: cara.id,
        problem: `Renewal "spring" is not a date (a date cell, such as 2026-03-31) (column ${letter(RENEWAL)}).`,
      },
      { row: 3, id: bob.id, problem: `Employees "12 units" is text, not a number (column ${letter(EMPLOYEES)}).` },
      {
        row: 4,
        id: ann.id,
        problem: `Industry "Retail" is not one of the choices: Software, Health (column ${letter(INDUSTRY)}).`,
      },
    ]);
    expect(succeeded(crm.call(REP, 'getCustomer', ann.id)).customer.custom.Industry).toBe('Retail');
  });
});

describe('checkSetUp with custom fields', () => {
  it('reports each field’s column, dropdown and format as Set up made them, and that Settings was applied', () => {
    const crm = crmWithFields();
    const before = stateJson(crm);
    const report = checkSetUp(crm);
    expect(stateJson(crm)).toBe(before);
    expect(report.allOk).toBe(true);
    expect(customPoints(report)).toEqual([
      '✓ Custom field "Industry" (Choice) column in place on Customers: Column T, with its dropdown (Retail, Software, Health).',
      '✓ Custom field "Employees" (Number) column in place on Customers: Column U, in a number format.',
      '✓ Custom field "Renewal" (Date) column in place on Customers: Column V, formatted yyyy-mm-dd.',
      '✓ Custom field "Region" (Text) column in place on Customers: Column W.',
      '✓ Custom fields applied: Custom fields: Industry, Employees, Renewal, Region.',
    ]);
  });

  it('reports a dropdown removed, formats changed by hand, a renamed header and Settings not applied', () => {
    const crm = crmWithFields();
    byHand(crm, OWNER, (ss) => {
      const sheet = customersSheet(ss);
      sheet.getRange(3, INDUSTRY, 2, 1).clearDataValidations();
      sheet.getRange(2, EMPLOYEES, 10, 1).setNumberFormat('@');
      sheet.getRange(5, RENEWAL).setNumberFormat('dd/mm/yyyy');
      sheet.getRange(1, REGION).setValue('Area');
    });
    defineFields(crm, [['Tier', 'Text', '', '']]); // Industry's row renamed in Settings, Set up not run again
    const report = checkSetUp(crm);
    expect(report.allOk).toBe(false);
    expect(customPoints(report)).toEqual([
      '✗ Custom field "Industry" (Choice) column in place on Customers: Column T: some of its cells have no dropdown. Run CRM ▸ Set up / repair.',
      '✗ Custom field "Employees" (Number) column in place on Customers: Column U: some of its cells are formatted as plain text ("@"), so numbers typed there are stored as text. Select the column and choose Format ▸ Number ▸ Automatic.',
      '✗ Custom field "Renewal" (Date) column in place on Customers: Column V: some of its cells are formatted "dd/mm/yyyy", not yyyy-mm-dd. Run CRM ▸ Set up / repair.',
      '✗ Custom field "Region" (Text) column in place on Customers: No Customers column is headed "Region", so its values cannot be saved. Run CRM ▸ Set up / repair.',
      '✗ Custom fields applied: The Settings tab defines Tier, Employees, Renewal, Region, but Set up last applied Industry, Employees, Renewal, Region (a field, its type, choices or Required changed). Run CRM ▸ Set up / repair.',
    ]);
  });
});
