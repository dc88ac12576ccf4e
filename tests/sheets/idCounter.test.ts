/** The ID counter's check against the rows: only cells that may hold a higher number are parsed. */

import fc from 'fast-check';
import { customerIdNumber, formatCustomerId } from '../../src/domain/ids';
import { mayExceed, reserveCustomerIdsFromRows } from '../../src/sheets/idCounter';
import { standInPerTest } from './standIn';

describe('mayExceed', () => {
  it('passes over a canonical ID at or below the bound, and keeps one above it', () => {
    expect(mayExceed('C-00041', 'C-00042')).toBe(false);
    expect(mayExceed('C-00042', 'C-00042')).toBe(false);
    expect(mayExceed('C-00043', 'C-00042')).toBe(true);
    expect(mayExceed('C-100000', 'C-99999')).toBe(true);
  });

  it('leaves to the parser what it cannot judge: lower case, spaces, numbers, no bound', () => {
    expect(mayExceed('c-00043', 'C-00042')).toBe(true);
    expect(mayExceed(' C-9999', 'C-00042')).toBe(true);
    expect(mayExceed(43, 'C-00042')).toBe(true);
    expect(mayExceed('C-00001', '')).toBe(true);
  });

  it('never passes over a cell whose ID number is above the bound (any text)', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[ cC]{0,2}-?\d{0,7}[ x]?$/),
      fc.integer({ min: 1, max: 2_000_000 }).map((n) => formatCustomerId(n)),
      fc.string(),
    );
    fc.assert(
      fc.property(cell, fc.integer({ min: 1, max: 1_500_000 }), (text, counter) => {
        const n = customerIdNumber(text);
        if (n !== null && n > counter) expect(mayExceed(text, formatCustomerId(counter))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('reserveCustomerIdsFromRows', () => {
  const crm = standInPerTest();
  const rows = (ids: unknown[]): unknown[][] => [['ID'], ...ids.map((id) => [id])];

  it('hands out the number after the stored counter, or after a higher ID typed into the rows, and stores it', () => {
    const properties = () => crm.current.run(() => PropertiesService.getDocumentProperties());
    expect(crm.current.run(() => reserveCustomerIdsFromRows(rows(['C-00001', 'C-00002']), 0, 1))).toEqual(['C-00003']);
    expect(properties().getProperty('crm.lastCustomerNumber')).toBe('3');
    // A row holds an ID above the counter (typed by hand, lower case and spaced): never reused.
    expect(crm.current.run(() => reserveCustomerIdsFromRows(rows(['C-00001', ' c-00050 ', 7, '']), 0, 2))).toEqual([
      'C-00051',
      'C-00052',
    ]);
    expect(properties().getProperty('crm.lastCustomerNumber')).toBe('52');
    // IDs at or below the counter, and the header, do not move it.
    expect(crm.current.run(() => reserveCustomerIdsFromRows([['C-99999'], ['C-00052']], 0, 1))).toEqual(['C-00053']);
  });
});
