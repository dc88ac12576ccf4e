/** The column maps: one place for each field's header, position and kind of cell; column letters; the Date test. */

import vm from 'node:vm';
import { CUSTOMER_COLUMNS, HISTORY_COLUMNS, columnLetter, columnMap } from '../../src/domain/columns';
import { CUSTOMER_HEADERS, CUSTOMER_KEYS, HISTORY_HEADERS, HISTORY_KEYS } from '../../src/domain/customer';
import { isDate } from '../../src/domain/dates';

describe('CUSTOMER_COLUMNS', () => {
  it('follows the domain field list: key, header, 0-based index, 1-based column', () => {
    expect(CUSTOMER_COLUMNS.list.map((c) => c.key)).toEqual([...CUSTOMER_KEYS]);
    expect(CUSTOMER_COLUMNS.headers).toEqual([...CUSTOMER_HEADERS]);
    expect(CUSTOMER_COLUMNS.width).toBe(19);
    expect(CUSTOMER_COLUMNS.of.status).toEqual({
      key: 'status',
      header: 'Status',
      index: 5,
      column: 6,
      kind: 'status',
    });
    expect(CUSTOMER_COLUMNS.list[15]).toBe(CUSTOMER_COLUMNS.of.version);
    // Version 2's columns come after Version: a CRM set up with 16 columns grows at its right edge.
    expect(CUSTOMER_COLUMNS.of.nextStep).toMatchObject({ header: 'Next step', index: 16, column: 17, kind: 'text' });
    expect(CUSTOMER_COLUMNS.of.nextStepDue).toMatchObject({ header: 'Next step due', column: 18, kind: 'date' });
    expect(CUSTOMER_COLUMNS.of.lostReason).toMatchObject({ header: 'Lost reason', column: 19, kind: 'text' });
  });

  it('knows how each cell is stored', () => {
    const byKind = (kind: string) => CUSTOMER_COLUMNS.list.filter((c) => c.kind === kind).map((c) => c.header);
    expect(byKind('id')).toEqual(['ID']);
    expect(byKind('status')).toEqual(['Status']);
    expect(byKind('number')).toEqual(['Deal value']);
    expect(byKind('dateTime')).toEqual(['Created at', 'Updated at', 'Status changed at']);
    expect(byKind('integer')).toEqual(['Version']);
    expect(byKind('date')).toEqual(['Next step due']);
  });
});

describe('HISTORY_COLUMNS', () => {
  it('follows the History field list', () => {
    expect(HISTORY_COLUMNS.list.map((c) => [c.key, c.header, c.column])).toEqual(
      HISTORY_KEYS.map((key, i) => [key, HISTORY_HEADERS[i], i + 1]),
    );
    expect(HISTORY_COLUMNS.of.at.kind).toBe('dateTime');
  });
});

describe('columnMap', () => {
  it('grows with its field list (Version 2: fixed columns, then one per custom field)', () => {
    const fields = [
      ...CUSTOMER_COLUMNS.list.map(({ key, header, kind }) => ({ key: key as string, header, kind })),
      { key: 'custom:Region', header: 'Region', kind: 'text' as const },
    ];
    const grown = columnMap(fields);
    expect(grown.width).toBe(20);
    expect(grown.of.lostReason).toMatchObject({ index: 18, column: 19 });
    expect(grown.of['custom:Region']).toMatchObject({ index: 19, column: 20 });
    expect(grown.of.status).toEqual(CUSTOMER_COLUMNS.of.status);
  });

  it('refuses a field named twice', () => {
    expect(() =>
      columnMap([
        { key: 'a', header: 'A', kind: 'text' },
        { key: 'a', header: 'B', kind: 'text' },
      ]),
    ).toThrow('Field a appears twice');
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [16, 'P'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %i is %s', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});

describe('isDate', () => {
  it('knows a Date of this realm and of another (the stand-in runs the bundle in a vm)', () => {
    const other = vm.runInNewContext('new Date(Date.UTC(2026, 2, 2))') as unknown;
    expect(other instanceof Date).toBe(false);
    expect(isDate(other)).toBe(true);
    expect(isDate(new Date(0))).toBe(true);
  });

  it('is false for an invalid Date and for what only looks like one', () => {
    expect(isDate(new Date(Number.NaN))).toBe(false);
    expect(isDate('2026-03-02')).toBe(false);
    expect(isDate(1_772_409_600_000)).toBe(false);
    expect(isDate({ getTime: () => 0 })).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});
