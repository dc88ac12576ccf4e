/** The pure halves of a save (no spreadsheet): which cells a change writes, and how they group into setValues blocks. */
import { CUSTOMER_HEADERS, type Customer, blankCustomer } from '../../src/domain/customer';
import { changedCells, customerToRow } from '../../src/sheets/customerRows';
import { cellBlocks } from '../../src/sheets/table';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;

const BEFORE: Customer = {
  ...blankCustomer('C-00001'),
  name: 'Ann Berg',
  createdAt: '2026-03-02T09:00:00.000Z',
  createdBy: 'rep@example.com',
  updatedAt: '2026-03-02T09:00:00.000Z',
  updatedBy: 'rep@example.com',
  statusChangedAt: '2026-03-02T09:00:00.000Z',
};

function saveOf(change: Partial<Customer>): Customer {
  return { ...BEFORE, ...change, updatedAt: '2026-03-03T10:00:00.000Z', version: BEFORE.version + 1 };
}

describe('changedCells', () => {
  it('writes the changed fields and the stamp, nothing else', () => {
    const cells = changedCells(customerToRow(BEFORE), BEFORE, saveOf({ company: 'Berg AB', owner: 'm@example.com' }));
    expect([...cells.keys()]).toEqual([
      col('Company'),
      col('Owner'),
      col('Updated at'),
      col('Updated by'),
      col('Version'),
    ]);
    expect(cells.get(col('Company'))).toEqual({ value: "'Berg AB", previous: '' });
    expect(cells.get(col('Version'))).toEqual({ value: 2, previous: 1 });
  });

  it('writes Status changed at with a status change, even in the same second', () => {
    const after = saveOf({ status: 'Qualified' });
    expect([...changedCells(customerToRow(BEFORE), BEFORE, after).keys()]).toEqual([
      col('Status'),
      col('Updated at'),
      col('Updated by'),
      col('Status changed at'),
      col('Version'),
    ]);
  });

  it('leaves an unchanged out-of-list Status alone, and keeps hand-typed cells as read for the undo', () => {
    const raw = customerToRow(BEFORE);
    raw[col('Status') - 1] = 'Hot lead';
    raw[col('Phone') - 1] = 5550102000;
    const before = { ...BEFORE, status: 'Hot lead' as Customer['status'], phone: '5550102000' };
    const cells = changedCells(raw, before, { ...before, phone: '555 0102 000', version: 2 });
    expect(cells.has(col('Status'))).toBe(false);
    expect(cells.get(col('Phone'))).toEqual({ value: "'555 0102 000", previous: 5550102000 });
  });
});

describe('cellBlocks', () => {
  const cells = (entries: Array<[number, string]>) =>
    new Map(entries.map(([c, v]) => [c, { value: v, previous: `old ${v}` }]));

  it('one block per run of adjacent columns', () => {
    expect(
      cellBlocks([
        {
          row: 5,
          cells: cells([
            [3, 'c'],
            [8, 'h'],
            [9, 'i'],
            [13, 'm'],
            [14, 'n'],
            [16, 'p'],
          ]),
        },
      ]),
    ).toEqual([
      { row: 5, column: 3, values: [['c']], previous: [['old c']] },
      { row: 5, column: 8, values: [['h', 'i']], previous: [['old h', 'old i']] },
      { row: 5, column: 13, values: [['m', 'n']], previous: [['old m', 'old n']] },
      { row: 5, column: 16, values: [['p']], previous: [['old p']] },
    ]);
  });

  it('joins the same columns of consecutive rows, never across a gap or different columns', () => {
    const blocks = cellBlocks([
      {
        row: 4,
        cells: cells([
          [5, 'a'],
          [16, 'v4'],
        ]),
      },
      {
        row: 2,
        cells: cells([
          [5, 'b'],
          [10, 'n'],
          [16, 'v2'],
        ]),
      },
      {
        row: 3,
        cells: cells([
          [5, 'c'],
          [16, 'v3'],
        ]),
      },
      { row: 7, cells: cells([[5, 'd']]) },
    ]);
    expect(blocks.map((b) => [b.row, b.column, b.values])).toEqual([
      [2, 5, [['b'], ['c'], ['a']]],
      [2, 10, [['n']]],
      [2, 16, [['v2'], ['v3'], ['v4']]],
      [7, 5, [['d']]],
    ]);
  });

  it('nothing to write, no block', () => {
    expect(cellBlocks([])).toEqual([]);
    expect(cellBlocks([{ row: 2, cells: new Map() }])).toEqual([]);
  });
});
