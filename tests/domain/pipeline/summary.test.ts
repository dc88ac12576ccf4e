/**
 * buildPipelineSummary against hand-worked examples. Dates are whole days after 2026-03-01 (see fixtures),
 * "now" is day 30, so every duration below is a subtraction of day numbers.
 */

import { buildPipelineSummary, type PipelineSummary } from '../../../src/domain/pipeline';
import { DEFAULT_STAGE_PROBABILITIES, STATUSES } from '../../../src/domain/statuses';
import { created, customer, day, DAY_MS, input, moved, NOW, referenceInput } from './fixtures';

describe('buildPipelineSummary — reference CRM', () => {
  const s = buildPipelineSummary(referenceInput());

  it('sums each stage: count, deal value, probability, weighted = value × probability', () => {
    expect(s.stages.map((r) => [r.status, r.count, r.totalValue, r.probability, r.weightedValue])).toEqual([
      ['Lead', 1, 1000, 0.1, 100], // 1000 × 0.1
      ['Contacted', 0, 0, 0.2, 0],
      ['Qualified', 1, 2000, 0.4, 800], // 2000 × 0.4
      ['In negotiation', 1, 5000, 0.6, 3000], // 5000 × 0.6
      ['Closed-won', 1, 3000, 1, 3000],
      ['Closed-lost', 1, 0, 0, 0], // no deal value counts as 0
      ['Active', 1, 400, 1, 400],
      ['Dormant', 0, 0, 0, 0],
    ]);
    // 1000+2000+5000+3000+0+400 = 11400; 100+800+3000+3000+0+400 = 7300
    expect(s.totals).toEqual({ count: 6, totalValue: 11400, weightedValue: 7300 });
    expect(s.openPipelineValue).toBe(8000); // 1000 + 2000 + 5000 (open stages only)
    expect(s.weightedForecast).toBe(3900); // 100 + 800 + 3000
    expect(s.wonValue).toBe(3400); // Closed-won 3000 + Active 400
  });

  it('counts the funnel from History, later stages implying earlier ones', () => {
    // Deepest funnel stage: C1 Lead(0), C2 Qualified(2), C3 In neg.(3; Lead+Contacted implied),
    // C4 Closed-won(4), C5 Contacted(1; lost), C6 Closed-won(4; Active = won).
    // Reached Lead 6, Contacted 5, Qualified 4, In negotiation 3, Closed-won 2.
    expect(s.conversion).toEqual([
      { from: 'Lead', to: 'Contacted', reached: 5, fromReached: 6, rate: 5 / 6 },
      { from: 'Contacted', to: 'Qualified', reached: 4, fromReached: 5, rate: 0.8 },
      { from: 'Qualified', to: 'In negotiation', reached: 3, fromReached: 4, rate: 0.75 },
      { from: 'In negotiation', to: 'Closed-won', reached: 2, fromReached: 3, rate: 2 / 3 },
    ]);
    expect([s.wonCount, s.lostCount, s.winRate]).toEqual([2, 1, 2 / 3]); // won C4, C6; lost C5
  });

  it('measures stays per stage, the current stay up to now (day 30)', () => {
    // Lead: C1 0→30 = 30, C2 0→4 = 4, C4 0→1 = 1, C5 0→3 = 3 → mean 38/4 = 9.5, median of 1,3,4,30 = 3.5
    // Contacted: C2 4→10 = 6, C4 1→5 = 4, C5 3→6 = 3 → mean 13/3, median 4
    // Qualified: C2 10→30 = 20, C3 2→12 = 10, C4 5→8 = 3 → mean 11, median 10
    // In negotiation: C3 12→30 = 18, C4 8→20 = 12 → mean 15, median (12+18)/2 = 15
    // Closed-won: C4 20→30 = 10, C6 0→10 = 10; Closed-lost: C5 6→30 = 24; Active: C6 10→30 = 20
    expect(s.stageTimes).toEqual([
      { status: 'Lead', stays: 4, averageDays: 9.5, medianDays: 3.5 },
      { status: 'Contacted', stays: 3, averageDays: 13 / 3, medianDays: 4 },
      { status: 'Qualified', stays: 3, averageDays: 11, medianDays: 10 },
      { status: 'In negotiation', stays: 2, averageDays: 15, medianDays: 15 },
      { status: 'Closed-won', stays: 2, averageDays: 10, medianDays: 10 },
      { status: 'Closed-lost', stays: 1, averageDays: 24, medianDays: 24 },
      { status: 'Active', stays: 1, averageDays: 20, medianDays: 20 },
      { status: 'Dormant', stays: 0, averageDays: null, medianDays: null },
    ]);
  });

  it('lists open customers idle for more than 14 days, oldest first', () => {
    // C1 idle 30-9 = 21 days, C2 30-10 = 20, C3 30-25 = 5 (fresh); C4..C6 are closed, never stale.
    expect(s.stale).toEqual([
      {
        id: 'C1',
        name: 'Name C1',
        company: 'Company C1',
        owner: 'alice',
        status: 'Lead',
        daysIdle: 21,
        updatedAt: day(9),
      },
      {
        id: 'C2',
        name: 'Name C2',
        company: 'Company C2',
        owner: 'bob',
        status: 'Qualified',
        daysIdle: 20,
        updatedAt: day(10),
      },
    ]);
    expect(s.staleDays).toBe(14);
  });

  it('breaks down by owner, weighted value descending', () => {
    // bob: C2 800 + C4 3000 = 3800; alice: C1 100 + C3 3000 + C6 400 = 3500; '': C5 0
    expect(s.owners).toEqual([
      { owner: 'bob', count: 2, openCount: 1, weightedValue: 3800, overdueCount: 0, noNextStepCount: 1 },
      { owner: 'alice', count: 3, openCount: 2, weightedValue: 3500, overdueCount: 0, noNextStepCount: 2 },
      { owner: '', count: 1, openCount: 0, weightedValue: 0, overdueCount: 0, noNextStepCount: 0 },
    ]);
  });

  it('is plain JSON stamped with now and the user', () => {
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect([s.rebuiltAt, s.rebuiltBy]).toEqual([NOW, 'manager@example.com']);
  });
});

describe('buildPipelineSummary — edge cases', () => {
  it('empty CRM: zeros everywhere, no rates, nothing stale', () => {
    const s: PipelineSummary = buildPipelineSummary(input({}));
    expect(s.stages.map((r) => [r.count, r.totalValue, r.weightedValue])).toEqual(STATUSES.map(() => [0, 0, 0]));
    expect(s.stages.map((r) => r.probability)).toEqual(STATUSES.map((st) => DEFAULT_STAGE_PROBABILITIES[st]));
    expect(s.totals).toEqual({ count: 0, totalValue: 0, weightedValue: 0 });
    expect([s.openPipelineValue, s.weightedForecast, s.wonValue]).toEqual([0, 0, 0]);
    expect(s.conversion.map((c) => [c.reached, c.fromReached, c.rate])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
    expect([s.wonCount, s.lostCount, s.winRate]).toEqual([0, 0, null]);
    expect(s.stageTimes.every((t) => t.stays === 0 && t.averageDays === null && t.medianDays === null)).toBe(true);
    expect(s.stale).toEqual([]);
    expect(s.owners).toEqual([]);
  });

  it('only closed customers: no open pipeline, forecast 0, win rate from won/lost', () => {
    const customers = [
      customer('W1', 'Closed-won', { dealValue: 1000, owner: 'alice', updatedAt: day(1) }),
      customer('L1', 'Closed-lost', { dealValue: 500, owner: 'alice', updatedAt: day(1) }),
      customer('L2', 'Closed-lost', { dealValue: 250, owner: 'bob', updatedAt: day(1) }),
    ];
    const history = [
      created('W1', day(0), 'Lead'),
      moved('W1', day(1), 'Lead', 'Closed-won'),
      created('L1', day(0), 'Lead'),
      moved('L1', day(1), 'Lead', 'Closed-lost'),
      created('L2', day(0), 'Contacted'),
      moved('L2', day(1), 'Contacted', 'Closed-lost'),
    ];
    const s = buildPipelineSummary(input({ customers, history }));
    expect([s.openPipelineValue, s.weightedForecast]).toEqual([0, 0]);
    // weighted: 1000 × 1 + 500 × 0 + 250 × 0 = 1000; deal values 1000 + 500 + 250 = 1750
    expect(s.totals).toEqual({ count: 3, totalValue: 1750, weightedValue: 1000 });
    expect(s.wonValue).toBe(1000);
    expect([s.wonCount, s.lostCount, s.winRate]).toEqual([1, 2, 1 / 3]); // 1 / (1 + 2)
    // W1 jumped Lead → Closed-won: it reached every funnel stage. Reached: Lead 3, Contacted 2 (W1, L2),
    // Qualified 1, In negotiation 1, Closed-won 1.
    expect(s.conversion.map((c) => [c.reached, c.fromReached, c.rate])).toEqual([
      [2, 3, 2 / 3],
      [1, 2, 0.5],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(s.stale).toEqual([]); // idle 29 days, but closed
    // alice 1000 + 0; bob 0
    expect(s.owners).toEqual([
      { owner: 'alice', count: 2, openCount: 0, weightedValue: 1000, overdueCount: 0, noNextStepCount: 0 },
      { owner: 'bob', count: 1, openCount: 0, weightedValue: 0, overdueCount: 0, noNextStepCount: 0 },
    ]);
  });

  it('uses the probabilities from Settings, falling back to the default for a blank one', () => {
    const probabilities = { ...DEFAULT_STAGE_PROBABILITIES, Lead: 0.25, 'In negotiation': 0.9, Qualified: Number.NaN };
    const customers = [
      customer('A', 'Lead', { dealValue: 1000 }),
      customer('B', 'Lead', { dealValue: 333.33 }),
      customer('C', 'Qualified', { dealValue: 100 }),
      customer('D', 'In negotiation', { dealValue: 2000 }),
    ];
    const s = buildPipelineSummary(input({ customers, probabilities }));
    const row = (status: string) => s.stages.find((r) => r.status === status);
    // Lead: (1000 + 333.33) × 0.25 = 333.3325 → 333.33 (rounded to the cent)
    expect(row('Lead')).toEqual({
      status: 'Lead',
      count: 2,
      totalValue: 1333.33,
      probability: 0.25,
      weightedValue: 333.33,
    });
    // Qualified: NaN in Settings → default 0.4; 100 × 0.4 = 40
    expect(row('Qualified')).toMatchObject({ probability: 0.4, weightedValue: 40 });
    expect(row('In negotiation')).toMatchObject({ probability: 0.9, weightedValue: 1800 }); // 2000 × 0.9
    expect(s.weightedForecast).toBe(2173.33); // 333.33 + 40 + 1800
    expect(s.openPipelineValue).toBe(3433.33); // 1333.33 + 100 + 2000
  });

  it('rounds money to the cent (0.1 + 0.2 is 0.3)', () => {
    const customers = [customer('A', 'Lead', { dealValue: 0.1 }), customer('B', 'Lead', { dealValue: 0.2 })];
    const s = buildPipelineSummary(input({ customers }));
    expect(s.stages[0]).toMatchObject({ totalValue: 0.3, weightedValue: 0.03 });
  });

  it('rejects an unparsable "now" (a programming error, not user data)', () => {
    expect(() => buildPipelineSummary(input({ nowIso: 'yesterday' }))).toThrow(RangeError);
  });
});

describe('stale customers', () => {
  const at = (idleDays: number) => new Date(Date.parse(NOW) - idleDays * DAY_MS).toISOString();

  it('is N whole days or more, as the tab says ("14 days or more"): exactly 14 days is stale, 14 days − 1 ms is not', () => {
    const customers = [
      customer('A', 'Lead', { updatedAt: at(14) }),
      customer('B', 'Contacted', { updatedAt: new Date(Date.parse(NOW) - 14 * DAY_MS + 1).toISOString() }),
      customer('C', 'Qualified', { updatedAt: at(14.9) }),
    ];
    const s = buildPipelineSummary(input({ customers }));
    // The Days idle shown is never below the threshold the title names; B (13.99… days) shows 13 and is not listed.
    expect(s.stale.map((r) => [r.id, r.daysIdle])).toEqual([
      ['C', 14],
      ['A', 14],
    ]);
    expect(s.headline.staleCount).toBe(2);
  });

  it('uses the Settings threshold, orders oldest first then by ID, and skips undatable rows', () => {
    const customers = [
      customer('Z', 'Lead', { updatedAt: at(3.5), owner: 'bob' }), // 3.5 days: floor 3 ≥ 3 → stale
      customer('B', 'Qualified', { updatedAt: at(10) }),
      customer('A', 'Qualified', { updatedAt: at(10) }), // same age as B: ID decides
      customer('Y', 'Lead', { updatedAt: at(2.9) }), // fresh
      customer('X', 'In negotiation', { updatedAt: '', statusChangedAt: '', createdAt: at(5) }), // falls back to Created at
      customer('W', 'Lead', { updatedAt: 'n/a', statusChangedAt: '', createdAt: '' }), // no date: cannot tell
      customer('V', 'Dormant', { updatedAt: at(100) }), // not an open stage
    ];
    const s = buildPipelineSummary(input({ customers, staleDays: 3 }));
    expect(s.stale.map((r) => [r.id, r.daysIdle])).toEqual([
      ['A', 10],
      ['B', 10],
      ['X', 5],
      ['Z', 3],
    ]);
    expect(s.staleDays).toBe(3);
  });

  it('lists only the stalest when more are stale than the list holds; the count stays exact', () => {
    // N + 1 stale customers with a list of N: the least idle one is left out, ties by ID as in the full order.
    const idle = (days: number) => ({ createdAt: at(days), statusChangedAt: at(days), updatedAt: at(days) });
    const customers = [
      customer('D', 'Lead', idle(20)),
      customer('B', 'Qualified', idle(40)),
      customer('C', 'Contacted', idle(40)),
      customer('A', 'Lead', idle(30)),
      customer('E', 'Lead', idle(1)), // fresh: neither listed nor counted
    ];
    const capped = buildPipelineSummary(input({ customers, staleListLimit: 3 }));
    expect(capped.stale.map((r) => [r.id, r.daysIdle])).toEqual([
      ['B', 40],
      ['C', 40],
      ['A', 30],
    ]);
    expect(capped.headline.staleCount).toBe(4);
    // A list long enough for all of them: the same order, nobody left out; the default holds 100.
    const all = buildPipelineSummary(input({ customers, staleListLimit: 4 }));
    expect(all.stale.map((r) => r.id)).toEqual(['B', 'C', 'A', 'D']);
    expect(buildPipelineSummary(input({ customers })).stale).toEqual(all.stale);
    expect(buildPipelineSummary(input({ customers, staleListLimit: 0 })).stale).toEqual([]);
  });

  it('picks the stalest out of many by exact idle time, as the full sort would', () => {
    // 300 stale customers, idle 14 days plus i hours (ties every 50: same time, ID decides).
    const customers = Array.from({ length: 300 }, (_, i) =>
      customer(`C${String(i).padStart(3, '0')}`, 'Lead', { updatedAt: at(14 + (i % 50) / 24) }),
    );
    const fullOrder = buildPipelineSummary(input({ customers, staleListLimit: 300 })).stale;
    const capped = buildPipelineSummary(input({ customers })); // the default: 100
    expect(capped.stale).toEqual(fullOrder.slice(0, 100));
    expect(capped.stale[0]?.id).toBe('C049'); // 49 hours more than 14 days: the stalest, lowest ID of its tie
    expect(capped.headline.staleCount).toBe(300);
  });

  it('falls back to 14 days when Settings has no usable threshold', () => {
    const customers = [customer('A', 'Lead', { updatedAt: at(15) }), customer('B', 'Lead', { updatedAt: at(13) })];
    const s = buildPipelineSummary(input({ customers, staleDays: Number.NaN }));
    expect(s.staleDays).toBe(14);
    expect(s.stale.map((r) => r.id)).toEqual(['A']);
  });
});

describe('owners', () => {
  it('groups owners trimmed and case-insensitively, ties by name', () => {
    const customers = [
      customer('A', 'Lead', { owner: 'Carol@x.com', dealValue: 100 }), // 10
      customer('B', 'Closed-won', { owner: ' carol@x.com ', dealValue: 5 }), // 5
      customer('C', 'Lead', { owner: 'ann@x.com', dealValue: 150 }), // 15
      customer('D', 'Lead', { owner: '', dealValue: 150 }), // 15
    ];
    const s = buildPipelineSummary(input({ customers }));
    expect(s.owners).toEqual([
      { owner: '', count: 1, openCount: 1, weightedValue: 15, overdueCount: 0, noNextStepCount: 1 }, // tie at 15: '' sorts before 'ann'
      { owner: 'ann@x.com', count: 1, openCount: 1, weightedValue: 15, overdueCount: 0, noNextStepCount: 1 },
      { owner: 'Carol@x.com', count: 2, openCount: 1, weightedValue: 15, overdueCount: 0, noNextStepCount: 1 }, // 10 + 5, first spelling kept
    ]);
  });
});

describe('owners: follow-ups', () => {
  it('counts overdue next steps (any stage, before today) and open deals without a next step, per owner', () => {
    const summary = buildPipelineSummary(
      input({
        today: '2026-03-31',
        customers: [
          customer('A', 'Lead', { owner: 'ann', nextStepDue: '2026-03-30' }), // overdue
          customer('B', 'Qualified', { owner: 'ann', nextStepDue: '2026-03-31' }), // due today: not overdue
          customer('C', 'Lead', { owner: 'ann' }), // open, no next step
          customer('D', 'Closed-won', { owner: 'ann' }), // closed: needs none
          customer('E', 'Dormant', { owner: 'bob', nextStepDue: '2025-12-01' }), // overdue, whatever the stage
        ],
      }),
    );
    expect(summary.owners.map((o) => [o.owner, o.overdueCount, o.noNextStepCount])).toEqual([
      ['ann', 1, 1],
      ['bob', 1, 0],
    ]);
  });
});
