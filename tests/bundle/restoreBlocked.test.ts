/**
 * restoreCustomer (and archiveCustomer, mergeCustomers) refuse, and change nothing, when an Archive row cannot go back to Customers as it stands: a
 * choice dropped from its field's list since (the Customers dropdown would refuse the whole write), a Number cell
 * holding text typed by hand (it would come back empty, and the Archive row is its only copy), a status that is not
 * a stage. And when Google refuses the add anyway (a dropdown the owner put on another column by hand), the Archive
 * tab is left exactly as it was: the row is added to Customers before it is taken from Archive.
 */

import type { Customer } from '../../src/domain/customer';
import { ARCHIVE_COLUMNS } from '../../src/domain/archive';
import { archiveRowOf, type Crm, having, MANAGER, OWNER, REP, registered, succeeded } from '../support/crm';
import { crmWithCustomFields, defineCustomFields, fourFields } from '../support/customFields';
import { byHand, customersSheet, stateJson } from './safety/helpers';

const EMPLOYEES = ARCHIVE_COLUMNS.width + 2;
const STATUS = ARCHIVE_COLUMNS.of.status.column;
/** Customers' custom columns follow its 19 own: T (Industry), U (Employees). */
const CUSTOMERS_INDUSTRY = 20;
const CUSTOMERS_EMPLOYEES = 21;
const SOURCE = ARCHIVE_COLUMNS.of.source.column;

function archived(crm: Crm, input: Record<string, unknown>): Customer {
  const customer = registered(crm, input);
  succeeded(crm.call(MANAGER, 'archiveCustomer', customer.id, customer.version, 'gone quiet'), 'archiveCustomer');
  return customer;
}

/** Writes `value` into `id`'s Archive row as the owner's own hand would (no dropdown there for these columns). */
function setArchiveCell(crm: Crm, id: string, column: number, value: unknown): void {
  const row = archiveRowOf(crm, id);
  byHand(crm, OWNER, (ss) => ss.getSheetByName('Archive')?.getRange(row, column).setValue(value));
}

describe('restoreCustomer refuses an Archive row that cannot go back as it stands', () => {
  it('a choice dropped from the list since: refused, named, every tab as it was; restored once the choice is back', () => {
    const crm = crmWithCustomFields(fourFields());
    const ann = archived(crm, { name: 'Ann', custom: { Industry: 'Retail', Employees: 12 } });
    defineCustomFields(crm, [['Industry', 'Choice', 'Software, Health', ''], ...fourFields().slice(1)]);
    succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm without Retail');
    const before = stateJson(crm);

    const refused = having(crm.call(REP, 'restoreCustomer', ann.id), 'errors');
    expect(Object.keys(refused.errors)).toEqual(['custom.Industry']);
    expect(refused.errors['custom.Industry']).toBe(
      `Industry "Retail" is not one of the choices: Software, Health (on row ${archiveRowOf(crm, ann.id)} of the Archive tab): correct the cell, or change the field in Settings and run Set up, then restore again. Nothing was changed.`,
    );
    expect(stateJson(crm)).toBe(before);

    defineCustomFields(crm, fourFields());
    succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm with Retail again');
    const restored = succeeded(crm.call(REP, 'restoreCustomer', ann.id)).customer;
    expect(restored.custom).toMatchObject({ Industry: 'Retail', Employees: 12 });
    expect(crm.tab('Archive').some((r) => r[0] === ann.id)).toBe(false);
  });

  it.each([
    [
      'text typed into a Number cell',
      EMPLOYEES,
      '12 units',
      'custom.Employees',
      'Employees "12 units" is text, not a number',
    ],
    ['a formula-looking text in a Number cell', EMPLOYEES, "'=1+1", 'custom.Employees', 'Employees "=1+1" is text'],
    ['a status that is not a stage', STATUS, 'Maybe later', 'status', 'Status "Maybe later" on row'],
    ['markup as the status', STATUS, '<b>Won</b>', 'status', 'Status "<b>Won</b>" on row'],
    // What Check data reports on an archived row is what blocks its restore, long text included.
    ['a 10,000-character Region', ARCHIVE_COLUMNS.width + 4, 'y'.repeat(10_000), 'custom.Region', 'Region'],
  ])('%s: refused with the field named, nothing changed', (_what, column, value, key, start) => {
    const crm = crmWithCustomFields(fourFields());
    const bob = archived(crm, { name: 'Bob', custom: { Industry: 'Software', Employees: 40 } });
    setArchiveCell(crm, bob.id, column, value);
    const before = stateJson(crm);

    const refused = having(crm.call(REP, 'restoreCustomer', bob.id), 'errors');
    expect(Object.keys(refused.errors)).toEqual([key]);
    expect(refused.errors[key]).toContain(start);
    expect(refused.errors[key]).toMatch(/Nothing was changed\.$/);
    expect(stateJson(crm)).toBe(before);
  });

  it('a Text cell at its limit is restored whole (999 characters, typed on the Archive tab)', () => {
    const crm = crmWithCustomFields(fourFields());
    const cara = archived(crm, { name: 'Cara', custom: { Region: 'N' } });
    setArchiveCell(crm, cara.id, ARCHIVE_COLUMNS.width + 4, 'x'.repeat(999));
    expect(succeeded(crm.call(REP, 'restoreCustomer', cara.id)).customer.custom.Region).toBe('x'.repeat(999));
  });

  it('when Google refuses the add anyway, the Archive tab is exactly as it was (added before taken)', () => {
    const crm = crmWithCustomFields(fourFields());
    const dan = archived(crm, { name: 'Dan', source: 'Trade fair' });
    // The owner puts a reject-input dropdown of their own on Customers' Source column, without Trade fair.
    byHand(crm, OWNER, (ss, app) =>
      customersSheet(ss)
        .getRange(2, SOURCE, 100, 1)
        .setDataValidation(
          app.newDataValidation().requireValueInList(['Web', 'Referral'], true).setAllowInvalid(false).build(),
        ),
    );
    const archiveBefore = JSON.stringify(crm.tab('Archive'));
    const customersBefore = JSON.stringify(crm.tab('Customers'));
    const before = stateJson(crm);

    // Not a refusal the CRM knows of beforehand: Google's own message reaches the sidebar, as any unexpected error.
    expect(() => crm.call(REP, 'restoreCustomer', dan.id)).toThrow(/violates the data validation rules/);
    expect(JSON.stringify(crm.tab('Archive'))).toBe(archiveBefore);
    expect(JSON.stringify(crm.tab('Customers'))).toBe(customersBefore);
    expect(stateJson(crm)).toBe(before);
  });
});

/** Writes `value` into `id`'s Customers row as the owner's own hand would. */
function setCustomersCell(crm: Crm, id: string, column: number, value: unknown): void {
  const row = crm.tab('Customers').findIndex((r) => r[0] === id) + 1;
  byHand(crm, OWNER, (ss) => customersSheet(ss).getRange(row, column).setValue(value));
}

describe('archiveCustomer and mergeCustomers refuse a Customers row that cannot move as it stands', () => {
  it('archive: text typed into a Number cell would be lost (the row is its only copy): refused, nothing changed', () => {
    const crm = crmWithCustomFields(fourFields());
    const ann = registered(crm, { name: 'Ann', custom: { Employees: 12 } });
    setCustomersCell(crm, ann.id, CUSTOMERS_EMPLOYEES, '12 units');
    const current = succeeded(crm.call(REP, 'getCustomer', ann.id)).customer;
    const before = stateJson(crm);
    const refused = having(crm.call(MANAGER, 'archiveCustomer', ann.id, current.version, 'gone'), 'errors');
    expect(refused.errors['custom.Employees']).toMatch(
      /^Employees "12 units" is text, not a number \(on row 2 of the Customers tab\): .* then archive again\. Nothing was changed\.$/,
    );
    expect(stateJson(crm)).toBe(before);
  });

  it('archive: a choice dropped from the list since (the Archive dropdown would refuse it): refused, nothing changed', () => {
    const crm = crmWithCustomFields(fourFields());
    const bob = registered(crm, { name: 'Bob', custom: { Industry: 'Retail' } });
    defineCustomFields(crm, [['Industry', 'Choice', 'Software, Health', ''], ...fourFields().slice(1)]);
    succeeded(crm.call(OWNER, 'setUpCrm'), 'setUpCrm without Retail');
    expect(crm.tab('Customers')[1]?.[CUSTOMERS_INDUSTRY - 1]).toBe('Retail'); // Set up keeps the value
    const before = stateJson(crm);
    const refused = having(crm.call(MANAGER, 'archiveCustomer', bob.id, bob.version, ''), 'errors');
    expect(Object.keys(refused.errors)).toEqual(['custom.Industry']);
    expect(stateJson(crm)).toBe(before);
  });

  it('merge: the kept row’s hand-typed text would be overwritten by the other’s number: refused, nothing changed', () => {
    const crm = crmWithCustomFields(fourFields());
    const kept = registered(crm, { name: 'Cara Ltd', email: 'cara@example.com' });
    const other = registered(crm, { name: 'Cara Ltd', custom: { Employees: 40 }, allowDuplicate: true });
    setCustomersCell(crm, kept.id, CUSTOMERS_EMPLOYEES, 'about 40');
    const keptNow = succeeded(crm.call(REP, 'getCustomer', kept.id)).customer;
    const before = stateJson(crm);
    const refused = having(
      crm.call(MANAGER, 'mergeCustomers', kept.id, other.id, { [kept.id]: keptNow.version, [other.id]: other.version }),
      'errors',
    );
    expect(refused.errors['custom.Employees']).toMatch(
      /^Employees "about 40" is text, not a number \(on row 2 of the Customers tab\)/,
    );
    expect(stateJson(crm)).toBe(before);
  });
});
