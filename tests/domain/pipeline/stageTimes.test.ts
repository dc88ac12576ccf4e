/**
 * Time in stage and "reached" from History: ordering, stray labels, missing rows and the median.
 * "Now" is day 30 (see fixtures); each expected duration is written as end − start in days.
 */

import fc from 'fast-check';
import { buildPipelineSummary, median, average, type PipelineSummary } from '../../../src/domain/pipeline';
import type { HistoryEvent } from '../../../src/domain/customer';
import { created, customer, day, input, moved } from './fixtures';

/** Non-empty stage-time rows as [status, stays, average, median]. */
function times(s: PipelineSummary): Array<[string, number, number | null, number | null]> {
  return s.stageTimes.filter((t) => t.stays > 0).map((t) => [t.status, t.stays, t.averageDays, t.medianDays]);
}

/** How many customers reached each funnel stage (Lead, Contacted, Qualified, In negotiation, Closed-won). */
function funnel(s: PipelineSummary): number[] {
  const first = s.conversion[0];
  return [first ? first.fromReached : 0, ...s.conversion.map((c) => c.reached)];
}

describe('median and average', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2], // odd: sorted 1,2,3 → middle 2
    [[1, 3], 2], // even: (1 + 3) / 2
    [[4, 1, 30, 3], 3.5], // even: sorted 1,3,4,30 → (3 + 4) / 2
  ])('median(%p) = %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('median sorts numerically, not as text (10 after 9), with negatives and fractions', () => {
    expect(median([10, 9, 100])).toBe(10); // as text the order would be 10, 100, 9
    expect(median([-2, 0.5, -10, 3])).toBe(-0.75); // sorted -10, -2, 0.5, 3 → (-2 + 0.5) / 2
  });

  it('median agrees with a plain sorted-copy reference on random stays (and leaves its input as it was)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })), (values) => {
        const before = [...values];
        const sorted = [...values].sort((a, b) => a - b);
        const mid = Math.floor(sorted.length / 2);
        const expected =
          sorted.length === 0
            ? null
            : sorted.length % 2 === 1
              ? sorted[mid]
              : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
        // + 0 turns -0 into 0: days are never -0, and the sign of a zero is not a figure the tab can show.
        const got = median(values);
        expect(got === null ? null : got + 0).toBe(expected === null || expected === undefined ? null : expected + 0);
        expect(values).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('average is the mean, null when empty', () => {
    expect(average([])).toBeNull();
    expect(average([1, 2, 6])).toBe(3); // 9 / 3
  });
});

describe('time in stage', () => {
  it('does not depend on the order of History rows', () => {
    const c = customer('X', 'Qualified');
    const history = [
      moved('X', day(10), 'Contacted', 'Qualified'),
      created('X', day(0), 'Lead'),
      moved('X', day(4), 'Lead', 'Contacted'),
    ];
    // Lead 0→4 = 4, Contacted 4→10 = 6, Qualified 10→30 = 20 (ongoing)
    const expected = [
      ['Lead', 1, 4, 4],
      ['Contacted', 1, 6, 6],
      ['Qualified', 1, 20, 20],
    ];
    expect(times(buildPipelineSummary(input({ customers: [c], history })))).toEqual(expected);
    expect(times(buildPipelineSummary(input({ customers: [c], history: [...history].reverse() })))).toEqual(expected);
  });

  it('puts the create row first when a status change has the same timestamp', () => {
    const c = customer('X', 'Contacted');
    const history = [moved('X', day(0), 'Lead', 'Contacted'), created('X', day(0), 'Lead')];
    // Lead 0→0 = 0, Contacted 0→30 = 30; the other order would have ended in Lead.
    expect(times(buildPipelineSummary(input({ customers: [c], history })))).toEqual([
      ['Lead', 1, 0, 0],
      ['Contacted', 1, 30, 30],
    ]);
  });

  it('skips unknown labels, reads Status edits from any action, and keeps undated rows for "reached" only', () => {
    const c = customer('Y', 'In negotiation');
    const history: HistoryEvent[] = [
      created('Y', day(0), 'Lead'),
      moved('Y', day(5), 'Lead', 'Prospecting'), // unknown label: ignored, Lead goes on
      moved('Y', day(8), 'Prospecting', 'Qualified'),
      moved('Y', 'not a date', 'Lead', 'Contacted'), // undated: reached Contacted, no stay
      { at: day(9), customerId: 'Y', action: 'update', field: 'Name', from: 'Old', to: 'Lead', by: 'x' }, // not a status
      moved('Y', day(20), 'qualified', 'in negotiation', 'manual edit'), // tolerant labels, Field = Status
      moved('Z', day(1), 'Lead', 'Dormant'), // a customer not in Customers: ignored
    ];
    const s = buildPipelineSummary(input({ customers: [c], history }));
    // Lead 0→8 = 8, Qualified 8→20 = 12, In negotiation 20→30 = 10
    expect(times(s)).toEqual([
      ['Lead', 1, 8, 8],
      ['Qualified', 1, 12, 12],
      ['In negotiation', 1, 10, 10],
    ]);
    // reached Lead, Contacted (undated row), Qualified, In negotiation
    expect(funnel(s)).toEqual([1, 1, 1, 1, 0]);
  });

  it('treats a repeated status as no change', () => {
    const c = customer('X', 'Contacted');
    const history = [
      created('X', day(0), 'Lead'),
      moved('X', day(3), 'Lead', 'lead'),
      moved('X', day(7), 'Lead', 'Contacted'),
    ];
    // one Lead stay 0→7 = 7, Contacted 7→30 = 23
    expect(times(buildPipelineSummary(input({ customers: [c], history })))).toEqual([
      ['Lead', 1, 7, 7],
      ['Contacted', 1, 23, 23],
    ]);
  });

  it('without any History: one stay in the current status from Status changed at', () => {
    const c = customer('X', 'Contacted', { createdAt: day(0), statusChangedAt: day(10) });
    // Contacted 10→30 = 20
    expect(times(buildPipelineSummary(input({ customers: [c] })))).toEqual([['Contacted', 1, 20, 20]]);
  });

  it("without a create row: the first row's From started at Created at", () => {
    const c = customer('X', 'Contacted', { createdAt: day(0) });
    const history = [moved('X', day(5), 'Lead', 'Contacted')];
    // Lead 0→5 = 5, Contacted 5→30 = 25
    expect(times(buildPipelineSummary(input({ customers: [c], history })))).toEqual([
      ['Lead', 1, 5, 5],
      ['Contacted', 1, 25, 25],
    ]);
  });

  it('when History lags Customers: the current stay starts at Status changed at, or is left out', () => {
    const known = customer('A', 'Qualified', { statusChangedAt: day(12) });
    const unknown = customer('B', 'Qualified', { statusChangedAt: '' });
    const history = [created('A', day(0), 'Lead'), created('B', day(0), 'Lead')];
    // A: Lead 0→12 = 12, Qualified 12→30 = 18. B: Lead began day 0 but its end is unknown → no stay.
    expect(times(buildPipelineSummary(input({ customers: [known, unknown], history })))).toEqual([
      ['Lead', 1, 12, 12],
      ['Qualified', 1, 18, 18],
    ]);
  });

  it('counts a stay that starts after "now" (clock skew) as 0 days, never negative', () => {
    const c = customer('X', 'Lead', { statusChangedAt: day(31) });
    expect(times(buildPipelineSummary(input({ customers: [c] })))).toEqual([['Lead', 1, 0, 0]]);
  });

  it('averages and medians across customers: odd and even counts, fractional days', () => {
    const customers = ['A', 'B', 'C', 'D'].map((id) => customer(id, 'Contacted'));
    const history = [
      created('A', day(0), 'Lead'),
      moved('A', day(1.5), 'Lead', 'Contacted'), // Lead 1.5
      created('B', day(0), 'Lead'),
      moved('B', day(2), 'Lead', 'Contacted'), // Lead 2
      created('C', day(0), 'Lead'),
      moved('C', day(4), 'Lead', 'Contacted'), // Lead 4
      created('D', day(0), 'Lead'),
      moved('D', day(10), 'Lead', 'Contacted'), // Lead 10
    ];
    // Lead: 1.5, 2, 4, 10 → mean 17.5/4 = 4.375, median (2 + 4)/2 = 3
    // Contacted (to day 30): 28.5, 28, 26, 20 → mean 102.5/4 = 25.625, median (26 + 28)/2 = 27
    expect(times(buildPipelineSummary(input({ customers, history })))).toEqual([
      ['Lead', 4, 4.375, 3],
      ['Contacted', 4, 25.625, 27],
    ]);
    // Odd count: drop D → Lead 1.5, 2, 4 → mean 7.5/3 = 2.5, median 2
    const three = buildPipelineSummary(input({ customers: customers.slice(0, 3), history }));
    expect(times(three)[0]).toEqual(['Lead', 3, 2.5, 2]);
  });
});

describe('reached (conversion)', () => {
  it('a Dormant or lost-at-once customer reaches no funnel stage; Active counts as won', () => {
    const customers = [customer('D', 'Dormant'), customer('L', 'Closed-lost'), customer('A', 'Active')];
    const s = buildPipelineSummary(input({ customers }));
    // Only A is in the funnel (Active = Closed-won depth, so it reached all five stages).
    expect(funnel(s)).toEqual([1, 1, 1, 1, 1]);
    expect([s.wonCount, s.lostCount, s.winRate]).toEqual([1, 1, 0.5]); // 1 / (1 + 1)
  });

  it('a customer lost and later won counts as both', () => {
    const c = customer('X', 'Closed-won');
    const history = [
      created('X', day(0), 'Lead'),
      moved('X', day(2), 'Lead', 'Closed-lost'),
      moved('X', day(5), 'Closed-lost', 'Closed-won'),
    ];
    const s = buildPipelineSummary(input({ customers: [c], history }));
    expect([s.wonCount, s.lostCount, s.winRate]).toEqual([1, 1, 0.5]);
  });
});
