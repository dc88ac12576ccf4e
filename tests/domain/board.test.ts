/** buildBoard, hand-worked: stage order, sums and weighted values, stalest first with its ties, perStage, owners. */

import { buildBoard, type BoardRow } from '../../src/domain/board';
import type { PipelineCustomer } from '../../src/domain/pipeline';
import { DEFAULT_STAGE_PROBABILITIES, STATUSES } from '../../src/domain/statuses';

const NOW = '2026-03-22T09:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number): number => Date.parse(NOW) - n * DAY;

function row(id: string, fields: Partial<PipelineCustomer>): BoardRow<string> {
  return {
    item: id,
    customer: {
      id,
      name: id,
      company: '',
      owner: 'rep@example.com',
      status: 'Lead',
      dealValue: null,
      createdAt: daysAgo(30),
      updatedAt: daysAgo(30),
      statusChangedAt: daysAgo(30),
      ...fields,
    },
  };
}

const input = (
  rows: BoardRow<string>[],
  extra: { owner?: string | null; perStage?: number; staleDays?: number } = {},
) => ({
  rows,
  owner: extra.owner ?? null,
  perStage: extra.perStage ?? 50,
  probabilities: DEFAULT_STAGE_PROBABILITIES,
  staleDays: extra.staleDays ?? 14,
  nowIso: NOW,
});

describe('buildBoard', () => {
  it('all stages in order; sums in cents; a missing or bad deal value counts 0', () => {
    const columns = buildBoard(
      input([
        row('C-1', { dealValue: 0.1 }),
        row('C-2', { dealValue: 0.2 }),
        row('C-3', { dealValue: Number.NaN }),
        row('C-4', { status: 'In negotiation', dealValue: 1000.005 }),
      ]),
    );
    expect(columns.map((c) => c.status)).toEqual([...STATUSES]);
    expect(columns[0]).toMatchObject({ count: 3, value: 0.3, weighted: 0.03, probability: 0.1 });
    expect(columns[3]).toMatchObject({ count: 1, value: 1000.01, weighted: 600.01 });
  });

  it('stalest first by Status changed at (Created at when blank), ties by ID, no date last', () => {
    const columns = buildBoard(
      input([
        row('C-5', { statusChangedAt: daysAgo(2) }),
        row('C-4', { statusChangedAt: '', createdAt: daysAgo(9) }),
        row('C-3', { statusChangedAt: '', createdAt: '', updatedAt: '' }),
        row('C-2', { statusChangedAt: daysAgo(9) }),
        row('C-1', { statusChangedAt: daysAgo(2.5) }),
      ]),
    );
    expect(columns[0]?.cards.map((c) => [c.item, c.daysInStage])).toEqual([
      ['C-2', 9],
      ['C-4', 9],
      ['C-1', 2],
      ['C-5', 2],
      ['C-3', null],
    ]);
  });

  it('stale as on the Pipeline tab: open stages idle for the threshold or more (latest of the three dates)', () => {
    const columns = buildBoard(
      input(
        [
          row('C-1', { statusChangedAt: daysAgo(20), updatedAt: daysAgo(20) }),
          row('C-2', { statusChangedAt: daysAgo(20), updatedAt: daysAgo(3) }), // edited since: not idle
          row('C-3', { status: 'Closed-won', statusChangedAt: daysAgo(20), updatedAt: daysAgo(20) }),
          row('C-4', { statusChangedAt: daysAgo(10), updatedAt: daysAgo(10) }), // exactly 10: stale (N days or more)
          row('C-5', { statusChangedAt: daysAgo(9.9), updatedAt: daysAgo(9.9) }),
        ],
        { staleDays: 10 },
      ),
    );
    expect(columns[0]?.cards.map((c) => [c.item, c.stale])).toEqual([
      ['C-1', true],
      ['C-2', false],
      ['C-4', true],
      ['C-5', false],
    ]);
    expect(columns[4]?.cards.map((c) => c.stale)).toEqual([false]);
  });

  it('perStage cuts the cards, not the figures; the owner filter is trimmed and case-insensitive', () => {
    const rows = [
      row('C-1', { dealValue: 1, owner: ' Boss@Example.com ' }),
      row('C-2', { dealValue: 2 }),
      row('C-3', { dealValue: 4, statusChangedAt: daysAgo(1) }),
    ];
    const cut = buildBoard(input(rows, { perStage: 1 }));
    expect([cut[0]?.count, cut[0]?.value, cut[0]?.cards.map((c) => c.item)]).toEqual([3, 7, ['C-1']]);
    const boss = buildBoard(input(rows, { owner: 'boss@example.com' }));
    expect([boss[0]?.count, boss[0]?.value]).toEqual([1, 1]);
  });

  it('refuses a bad clock (a programming error, not data)', () => {
    expect(() => buildBoard({ ...input([]), nowIso: 'soon' })).toThrow(RangeError);
  });
});
