/** ISO weeks and the Snapshots rows: one set per week, replaced within the week, the trend of the open stages. */
import { isoWeek, mergeSnapshots, readSnapshots, type SnapshotRow, TREND_WEEKS } from '../../../src/domain/pipeline';
import { weeklyForecast } from '../../../src/domain/pipeline/snapshots';
import { STATUSES } from '../../../src/domain/statuses';

describe('isoWeek', () => {
  it('starts weeks on Monday and gives the edge days of a year to the week of their Thursday', () => {
    expect(isoWeek('2026-12-02')).toBe('2026-W49'); // the SPEC's example week
    expect(isoWeek('2026-03-02')).toBe('2026-W10'); // a Monday
    expect(isoWeek('2026-03-08')).toBe('2026-W10'); // its Sunday
    expect(isoWeek('2026-03-09')).toBe('2026-W11');
    expect(isoWeek('2026-12-31')).toBe('2026-W53'); // 2026 has 53 weeks (it starts on a Thursday)
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday in December, in next year's week 1
    expect(() => isoWeek('2026-W49')).toThrow(RangeError);
  });
});

const week = (label: string, takenAt: string, weighted: Partial<Record<string, number>> = {}): SnapshotRow[] =>
  STATUSES.map((stage) => ({
    week: label,
    stage,
    customers: 1,
    dealValue: 100,
    weightedValue: weighted[stage] ?? 0,
    takenAt,
  }));

describe('Snapshots', () => {
  it('replaces the current week and keeps the others, in week then stage order', () => {
    const w10 = week('2026-W10', '2026-03-02T09:00:00.000Z', { Lead: 10 });
    const w11 = week('2026-W11', '2026-03-09T09:00:00.000Z', { Lead: 20 });
    const w11Later = week('2026-W11', '2026-03-12T09:00:00.000Z', { Lead: 30 });
    expect(mergeSnapshots([...w11, ...w10], w11Later)).toEqual([...w10, ...w11Later]);
  });

  it('reads the tab tolerantly: a row without a week label or a stage is dropped', () => {
    const rows = readSnapshots([
      ['2026-W10', 'lead', 2, 300, 30, new Date('2026-03-02T09:00:00Z')],
      ['note to self', '', '', '', '', ''],
      ['2026-W10', 'Nope', 1, 1, 1, ''],
      ['2026-W10', 'Qualified', 'x', null, 5, '2026-03-02T09:00:00.000Z'],
    ]);
    expect(rows).toEqual([
      {
        week: '2026-W10',
        stage: 'Lead',
        customers: 2,
        dealValue: 300,
        weightedValue: 30,
        takenAt: '2026-03-02T09:00:00.000Z',
      },
      {
        week: '2026-W10',
        stage: 'Qualified',
        customers: 0,
        dealValue: 0,
        weightedValue: 5,
        takenAt: '2026-03-02T09:00:00.000Z',
      },
    ]);
  });

  it('trends the open stages only, the last 12 weeks, oldest first', () => {
    const weeks = Array.from({ length: 14 }, (_, i) =>
      week(`2026-W${String(i + 1).padStart(2, '0')}`, '', { Lead: i, Qualified: 0.5, 'Closed-won': 1000 }),
    ).flat();
    const trend = weeklyForecast(weeks);
    expect(trend).toHaveLength(TREND_WEEKS);
    expect(trend[0]).toEqual({ week: '2026-W03', weightedForecast: 2.5 }); // Lead 2 + Qualified 0.5; won not counted
    expect(trend[11]).toEqual({ week: '2026-W14', weightedForecast: 13.5 });
  });
});
