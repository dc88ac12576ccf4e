/**
 * The generated Pipeline tab, cell by cell, against numbers worked out by hand (issue 4): a CRM with a
 * known history, an empty CRM, and a CRM with only closed customers. Runs the built bundle in the stand-in.
 */

import { DAY_MS, MANAGER, OWNER, REP, START_MS, newCrm } from '../support/crm';

type Row = (string | number)[];
const WIDTH = 6;
const pad = (...cells: (string | number)[]): Row => [...cells, ...Array<string>(WIDTH - cells.length).fill('')];
const blank = (): Row => pad();
const STATUSES = ['Lead', 'Contacted', 'Qualified', 'In negotiation', 'Closed-won', 'Closed-lost', 'Active', 'Dormant'];

interface Expected {
  rebuilt: string;
  /** Per status: [count, value, probability, weighted]. */
  stages: Record<string, [number, number, number, number]>;
  total: [number, number, number];
  open: number;
  forecast: number;
  /** Lead→Contacted … In negotiation→Closed-won: [reached, of, rate or '—']. */
  conversion: [number, number, number | string][];
  wonLost: [number, number];
  winRate: number | string;
  /** Per status: [stays, average, median] ('—' when none). */
  times: Record<string, [number, number | string, number | string]>;
  staleDays: number;
  stale: Row[];
  owners: Row[];
}

function expectedGrid(e: Expected): Row[] {
  const funnel = ['Lead', 'Contacted', 'Qualified', 'In negotiation', 'Closed-won'];
  return [
    pad('Pipeline summary'),
    pad(e.rebuilt),
    blank(),
    pad('By stage'),
    pad('Stage', 'Customers', 'Deal value', 'Win probability', 'Weighted value'),
    ...STATUSES.map((s) => pad(s, ...(e.stages[s] ?? [0, 0, 0, 0]))),
    pad('Total', e.total[0], e.total[1], '', e.total[2]),
    pad('Open pipeline value', e.open),
    pad('Weighted forecast', e.forecast),
    blank(),
    pad('Conversion'),
    pad('From', 'To', 'Reached', 'Of', 'Rate'),
    ...e.conversion.map((c, i) => pad(funnel[i] as string, funnel[i + 1] as string, ...c)),
    pad('Won / lost', ...e.wonLost),
    pad('Win rate', e.winRate),
    blank(),
    pad('Time in stage (days, current stays counted to now)'),
    pad('Stage', 'Stays', 'Average', 'Median'),
    ...STATUSES.map((s) => pad(s, ...(e.times[s] ?? [0, '—', '—']))),
    blank(),
    pad(`Stale customers (no change for more than ${e.staleDays} days)`),
    pad('ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'),
    ...(e.stale.length > 0 ? e.stale : [pad('None')]),
    blank(),
    pad('By owner'),
    pad('Owner', 'Customers', 'Open', 'Weighted value'),
    ...(e.owners.length > 0 ? e.owners : [pad('None')]),
  ];
}

const probabilities: Record<string, number> = {
  Lead: 0.1,
  Contacted: 0.2,
  Qualified: 0.4,
  'In negotiation': 0.6,
  'Closed-won': 1,
  'Closed-lost': 0,
  Active: 1,
  Dormant: 0,
};
const zeroStages = (probs: Record<string, number>): Expected['stages'] =>
  Object.fromEntries(STATUSES.map((s) => [s, [0, 0, probs[s] ?? 0, 0]]));

describe('Pipeline tab', () => {
  it('is all zeros and dashes for an empty CRM', () => {
    const crm = newCrm();
    crm.call(OWNER, 'rebuildPipelineSummary');
    expect(crm.tab('Pipeline')).toEqual(
      expectedGrid({
        rebuilt: 'Last rebuilt 2026-03-02 09:00 UTC by owner@example.com',
        stages: zeroStages(probabilities),
        total: [0, 0, 0],
        open: 0,
        forecast: 0,
        conversion: [
          [0, 0, '—'],
          [0, 0, '—'],
          [0, 0, '—'],
          [0, 0, '—'],
        ],
        wonLost: [0, 0],
        winRate: '—',
        times: {},
        staleDays: 14,
        stale: [],
        owners: [],
      }),
    );
  });

  it('adds up a known history, with probabilities and the stale threshold from Settings', () => {
    const crm = newCrm();
    // The admin sets Qualified to 50 % (Settings D4) and the stale threshold to 18 days (G2).
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', a1: 'D4', value: '50%' });
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', a1: 'G2', value: '18' });
    const id = (name: string, input: Record<string, unknown>): string =>
      crm.call<{ customer: { id: string } }>(REP, 'registerCustomer', { name, ...input }).customer.id;
    const move = (customerId: string, status: string): void => {
      const { customer } = crm.call<{ customer: { version: number } }>(REP, 'getCustomer', customerId);
      expect(crm.call<{ ok: boolean }>(REP, 'updateCustomerStatus', customerId, status, customer.version).ok).toBe(true);
    };
    const at = (day: number): void => crm.gas.runtime.setNow(START_MS + day * DAY_MS);

    // Day 0: A Lead 1000 (rep), B Qualified 2000 (manager), C Lead 500 (rep), D Lead without value or owner.
    const a = id('Acme', { company: 'Acme Ltd', dealValue: 1000, owner: REP });
    const b = id('Beta', { status: 'Qualified', dealValue: 2000, owner: MANAGER });
    const c = id('Gamma', { dealValue: 500, owner: REP });
    const d = id('Delta', { company: 'Delta GmbH' });
    at(2);
    move(a, 'Contacted');
    at(4);
    move(a, 'Qualified');
    at(5);
    move(b, 'In negotiation');
    at(6);
    move(c, 'Closed-lost');
    at(10);
    move(b, 'Closed-won');
    at(20);
    crm.call(MANAGER, 'rebuildPipelineSummary');

    expect(crm.tab('Pipeline')).toEqual(
      expectedGrid({
        rebuilt: 'Last rebuilt 2026-03-22 09:00 UTC by manager@example.com',
        stages: {
          ...zeroStages({ ...probabilities, Qualified: 0.5 }),
          Lead: [1, 0, 0.1, 0], // D, no value
          Qualified: [1, 1000, 0.5, 500], // A: 1000 × 50 %
          'Closed-won': [1, 2000, 1, 2000], // B
          'Closed-lost': [1, 500, 0, 0], // C
        },
        total: [4, 3500, 2500], // 0 + 1000 + 2000 + 500; 0 + 500 + 2000 + 0
        open: 1000, // Lead 0 + Qualified 1000
        forecast: 500, // Lead 0 + Qualified 500
        conversion: [
          // Reached Lead: A, B (registered at Qualified implies it), C, D = 4; Contacted: A, B = 2;
          // Qualified: A, B = 2; In negotiation: B = 1; Closed-won: B = 1.
          [2, 4, 0.5],
          [2, 2, 1],
          [1, 2, 0.5],
          [1, 1, 1],
        ],
        wonLost: [1, 1],
        winRate: 0.5,
        times: {
          Lead: [3, 28 / 3, 6], // A 0→2 = 2, C 0→6 = 6, D 0→20 (now) = 20: mean 9.33, median 6
          Contacted: [1, 2, 2], // A 2→4
          Qualified: [2, 10.5, 10.5], // A 4→20 = 16, B 0→5 = 5
          'In negotiation': [1, 5, 5], // B 5→10
          'Closed-won': [1, 10, 10], // B 10→20
          'Closed-lost': [1, 14, 14], // C 6→20
        },
        staleDays: 18,
        // Open customers idle more than 18 days at day 20: D (20 days). A was changed on day 4 (16 days).
        stale: [pad(d, 'Delta', 'Delta GmbH', '(no owner)', 'Lead', 20)],
        owners: [
          pad(MANAGER, 1, 0, 2000), // B
          pad(REP, 2, 1, 500), // A 500 + C 0; only A is open
          pad('(no owner)', 1, 1, 0), // D
        ],
      }),
    );
    expect(a).toBe('C-00001');
    // One chart, updated in place on the next rebuild rather than duplicated.
    crm.call(MANAGER, 'rebuildPipelineSummary');
    expect(crm.gas.sheets.sheet('Pipeline').charts).toHaveLength(1);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('shows no open pipeline when every customer is closed', () => {
    const crm = newCrm();
    crm.call(REP, 'registerCustomer', { name: 'Won Co', status: 'closed won', dealValue: 300, owner: REP });
    crm.call(REP, 'registerCustomer', { name: 'Lost Co', status: 'Closed-lost', dealValue: 700, owner: REP });
    crm.gas.runtime.advance(DAY_MS);
    crm.call(REP, 'rebuildPipelineSummary');
    expect(crm.tab('Pipeline')).toEqual(
      expectedGrid({
        rebuilt: 'Last rebuilt 2026-03-03 09:00 UTC by rep@example.com',
        stages: {
          ...zeroStages(probabilities),
          'Closed-won': [1, 300, 1, 300],
          'Closed-lost': [1, 700, 0, 0],
        },
        total: [2, 1000, 300],
        open: 0,
        forecast: 0,
        // Won Co reached Closed-won, so every funnel stage before it; Lost Co reached none.
        conversion: [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        wonLost: [1, 1],
        winRate: 0.5,
        times: { 'Closed-won': [1, 1, 1], 'Closed-lost': [1, 1, 1] },
        staleDays: 14,
        stale: [],
        owners: [pad(REP, 2, 0, 300)],
      }),
    );
  });
});
