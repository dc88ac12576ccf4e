/**
 * The generated Pipeline tab, cell by cell, against numbers worked out by hand (issues 4 and 15): a CRM with a
 * known history (headline, sales cycle, the bottleneck sentences, lost reasons, the weekly forecast), an empty CRM,
 * and a CRM with only closed customers. Then its frame and its writes: formats, bold rows and the two charts at fixed
 * cells; a shorter list leaves nothing behind; a steady-state rebuild is getMaxRows + one setValues on the tab, the
 * same calls whatever the row count; a deleted, old-layout or narrowed tab gets its frame back. Then "never silently
 * stale" (a write without a rebuild marks row 2 in the same call) and the Snapshots tab across two weeks and within
 * one. Runs the built bundle in the stand-in.
 */

import { RangeFake } from '../../local/gas/spreadsheet/range';
import { SheetFake } from '../../local/gas/spreadsheet/sheet';
import type { SheetData } from '../../local/gas/spreadsheet/model';
import { type Crm, DAY_MS, MANAGER, OWNER, REP, START_MS, newCrm, succeeded } from '../support/crm';
import { byHand } from './safety/helpers';

type Row = (string | number)[];
const WIDTH = 17; // A..Q: the stale list in A..F, G blank, By owner in H..M, N blank, Lost reasons in O..Q
const pad = (...cells: (string | number)[]): Row => [...cells, ...Array<string>(WIDTH - cells.length).fill('')];
const blank = (): Row => pad();
/** A row of the three lists side by side: stale cells from column A, owner cells from H, lost reasons from O. */
const lists = (stale: Row, owner: Row, lost: Row = []): Row => {
  const row = pad();
  stale.forEach((c, i) => (row[i] = c));
  owner.forEach((c, i) => (row[7 + i] = c));
  lost.forEach((c, i) => (row[14 + i] = c));
  return row;
};
const STATUSES = ['Lead', 'Contacted', 'Qualified', 'In negotiation', 'Closed-won', 'Closed-lost', 'Active', 'Dormant'];
/** Row of the list titles (the top block is rows 1..61). */
const LIST_TITLE_ROW = 62;

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
  /** [ID, Name, Company, Owner, Status, Days idle] per stale customer. */
  stale: Row[];
  /** [Owner, Customers, Open, Weighted value, Overdue, No next step] per owner. */
  owners: Row[];
  /** [median days or '—', 'N won deals']. */
  cycle: [number | string, string];
  /** Overdue follow-ups and open deals without a next step, as the headline counts them. */
  overdue: number;
  noNextStep: number;
  bottleneck: [string, string];
  /** [Reason, Customers, Deal value] per reason. */
  lost: Row[];
  /** [Week, Weighted forecast] per week, oldest first. */
  weeks: Row[];
}

const staleTitle = (days: number): string => `Stale customers (${days} days or more without a change)`;

/** The three lists from row 62: titles, headers, then the rows side by side ('None' for an empty list). */
function expectedLists(staleDays: number, stale: Row[], owners: Row[], lost: Row[] = []): Row[] {
  const s = stale.length > 0 ? stale : [['None']];
  const o = owners.length > 0 ? owners : [['None']];
  const l = lost.length > 0 ? lost : [['None']];
  return [
    lists([staleTitle(staleDays)], ['By owner'], ['Lost reasons (customers now Closed-lost)']),
    lists(
      ['ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'],
      ['Owner', 'Customers', 'Open', 'Weighted value', 'Overdue follow-ups', 'No next step'],
      ['Reason', 'Customers', 'Deal value'],
    ),
    ...Array.from({ length: Math.max(s.length, o.length, l.length) }, (_, i) =>
      lists(s[i] ?? [], o[i] ?? [], l[i] ?? []),
    ),
  ];
}

function expectedGrid(e: Expected): Row[] {
  const funnel = ['Lead', 'Contacted', 'Qualified', 'In negotiation', 'Closed-won'];
  return [
    pad('Pipeline summary'),
    pad(e.rebuilt),
    blank(),
    pad('Headline'),
    pad('Weighted forecast', e.forecast),
    pad('Open pipeline value', e.open),
    pad('Win rate', e.winRate),
    pad('Sales cycle (median days from creation to Closed-won)', ...e.cycle),
    pad(staleTitle(e.staleDays), e.stale.length, `listed from row ${LIST_TITLE_ROW + 2}`),
    pad('Overdue follow-ups', e.overdue),
    pad('Open deals without a next step', e.noNextStep),
    pad(e.bottleneck[0]),
    pad(e.bottleneck[1]),
    blank(),
    pad('By stage'),
    pad('Stage', 'Customers', 'Deal value', 'Win probability', 'Weighted value'),
    ...STATUSES.map((s) => pad(s, ...(e.stages[s] ?? [0, 0, 0, 0]))),
    pad('Total', e.total[0], e.total[1], '', e.total[2]),
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
    pad('Weighted forecast by week (Snapshots tab)'),
    pad('Week', 'Weighted forecast'),
    ...Array.from({ length: 12 }, (_, i) => pad(...(e.weeks[i] ?? []))),
    blank(),
    ...expectedLists(e.staleDays, e.stale, e.owners, e.lost),
  ];
}

const NO_HISTORY: [string, string] = [
  'Lowest conversion: not enough history yet.',
  'Longest wait: no customer has been in an open stage yet.',
];

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
        cycle: ['—', '0 won deals'],
        overdue: 0,
        noNextStep: 0,
        bottleneck: NO_HISTORY,
        lost: [],
        weeks: [['2026-W10', 0]], // Monday 2026-03-02 is in ISO week 10
      }),
    );
  });

  it('adds up a known history, with probabilities and the stale threshold from Settings', () => {
    const crm = newCrm();
    // The admin sets Qualified to 50 % (Settings D4) and the stale threshold to 18 days (G2).
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', a1: 'D4', value: '50%' });
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', a1: 'G2', value: '18' });
    const id = (name: string, input: Record<string, unknown>): string =>
      succeeded(crm.call(REP, 'registerCustomer', { name, ...input })).customer.id;
    const move = (customerId: string, status: string, lostReason?: string): void => {
      const { customer } = succeeded(crm.call(REP, 'getCustomer', customerId));
      const result = crm.call(REP, 'updateCustomerStatus', customerId, status, customer.version, '', lostReason);
      expect(result.ok).toBe(true);
    };
    const at = (day: number): void => crm.gas.runtime.setNow(START_MS + day * DAY_MS);

    // Day 0: A Lead 1000 (rep), B Qualified 2000 (manager), C Lead 500 (rep), D Lead without value, the owner's.
    const a = id('Acme', { company: 'Acme Ltd', dealValue: 1000, owner: REP });
    const b = id('Beta', { status: 'Qualified', dealValue: 2000, owner: MANAGER });
    const c = id('Gamma', { dealValue: 500, owner: REP });
    const d = id('Delta', { company: 'Delta GmbH', owner: OWNER });
    at(2);
    move(a, 'Contacted');
    at(4);
    move(a, 'Qualified');
    at(5);
    move(b, 'In negotiation');
    at(6);
    move(c, 'Closed-lost', 'price');
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
        stale: [[d, 'Delta', 'Delta GmbH', OWNER, 'Lead', 20]],
        // Customers, open, weighted value, overdue follow-ups, open without a next step (none has one here).
        owners: [
          [MANAGER, 1, 0, 2000, 0, 0], // B
          [REP, 2, 1, 500, 0, 1], // A 500 + C 0; only A is open
          [OWNER, 1, 1, 0, 0, 1], // D
        ],
        cycle: [10, '1 won deal'], // B: created day 0, Closed-won day 10
        overdue: 0,
        noNextStep: 2, // A and D, open without a next step
        bottleneck: [
          // Rates 50 %, 100 %, 50 %, 100 %: the first of the two lowest.
          'Lowest conversion: Lead → Contacted, 2 of 4 (50%).',
          // Open stages' medians: Lead 6, Contacted 2, Qualified 10.5, In negotiation 5.
          'Longest wait: Qualified, median 10.5 days over 2 stays.',
        ],
        lost: [['Price', 1, 500]], // C, stored as the list spells it
        weeks: [['2026-W12', 500]], // day 20 = Sunday 2026-03-22, the last day of week 12
      }),
    );
    expect(a).toBe('C-00001');
    // The two charts, updated in place on the next rebuild rather than duplicated.
    crm.call(MANAGER, 'rebuildPipelineSummary');
    expect(crm.gas.sheets.sheet('Pipeline').charts).toHaveLength(2);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('shows no open pipeline when every customer is closed', () => {
    const crm = newCrm();
    crm.call(REP, 'registerCustomer', { name: 'Won Co', status: 'closed won', dealValue: 300, owner: REP });
    crm.call(REP, 'registerCustomer', {
      name: 'Lost Co',
      status: 'Closed-lost',
      dealValue: 700,
      owner: REP,
      lostReason: 'Other',
    });
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
        owners: [[REP, 2, 0, 300, 0, 0]],
        cycle: [0, '1 won deal'], // registered as Closed-won: 0 days
        overdue: 0,
        noNextStep: 0,
        bottleneck: ['Lowest conversion: Lead → Contacted, 1 of 1 (100%).', NO_HISTORY[1]],
        lost: [['Other', 1, 700]],
        weeks: [['2026-W10', 0]],
      }),
    );
  });
});

// ---- the frame and the writes ----------------------------------------------------------------------------

const MONEY = '#,##0.00';
const AUTO = ''; // the automatic format: never '@' on this tab

/** 0-based [row, column] of an A1 cell such as "K40". */
function at(a1: string): [number, number] {
  const m = /^([A-Z])(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad cell ${a1}`);
  return [Number(m[2]) - 1, (m[1] as string).charCodeAt(0) - 65];
}

/** The stored number format of a Pipeline cell ('' when none was ever set: automatic). */
function formatOf(crm: Crm, a1: string): string {
  return crm.gas.sheets.sheet('Pipeline').formats.get(...at(a1)) ?? AUTO;
}

function weightOf(crm: Crm, a1: string): string {
  return String(
    crm.gas.sheets
      .sheet('Pipeline')
      .styles.get('fontWeight')
      ?.get(...at(a1)) ?? 'normal',
  );
}

function displayOf(crm: Crm, a1: string): string {
  const [r, c] = at(a1);
  return crm.gas.sheets.sheetDisplayValues('Pipeline')[r]?.[c] ?? '';
}

/** Number formats and bold every Pipeline tab must have, whatever its data. */
const FIXED_FORMATS: Record<string, string> = {
  A1: AUTO,
  A2: AUTO,
  // Headline: forecast, open value (money), win rate, sales cycle (days), stale, overdue, no next step (counts).
  B5: MONEY,
  B6: MONEY,
  B7: '0%',
  B8: '0.0',
  C8: AUTO,
  B9: '0',
  B10: '0',
  B11: '0',
  A12: AUTO,
  // By stage: Lead on row 17, Total on 25.
  A17: AUTO,
  B17: '0',
  C17: MONEY,
  D17: '0%',
  E17: MONEY,
  F17: AUTO,
  B25: '0',
  C25: MONEY,
  D25: AUTO,
  E25: MONEY,
  // Conversion: steps 29..32, Won / lost 33, Win rate 34.
  A29: AUTO,
  C29: '0',
  D29: '0',
  E29: '0%',
  E32: '0%',
  B33: '0',
  C33: '0',
  B34: '0%',
  // Time in stage 38..45.
  B38: '0',
  C38: '0.0',
  D38: '0.0',
  D45: '0.0',
  // Weighted forecast by week 49..60.
  A49: AUTO,
  B49: MONEY,
  B60: MONEY,
  A62: AUTO,
  H62: AUTO,
  O62: AUTO,
  F63: AUTO,
  K63: AUTO,
  Q63: AUTO,
  // The list columns, from the first list row down to the last row of the sheet.
  A64: AUTO,
  E64: AUTO,
  F64: '0',
  G64: AUTO,
  H64: AUTO,
  I64: '0',
  J64: '0',
  K64: MONEY,
  L64: '0',
  M64: '0',
  N64: AUTO,
  O64: AUTO,
  P64: '0',
  Q64: MONEY,
  // ... down to the tab's last row: the frame gives it a fixed height of 200 rows.
  F200: '0',
  K200: MONEY,
  P200: '0',
  Q200: MONEY,
};
const BOLD = [
  'A1',
  'Q1',
  'A4',
  'A15',
  'A16',
  'E16',
  'A27',
  'E28',
  'A36',
  'D37',
  'A47',
  'B48',
  'A62',
  'H62',
  'O62',
  'A63',
  'Q63',
];
const NORMAL = ['A2', 'A3', 'A5', 'B5', 'A12', 'A13', 'A17', 'A61', 'A64', 'F64', 'O64', 'Q64', 'A65', 'Q200'];
/** The tab's height: the top block, the list headers, 100 stale customers and the "more" row, and room to spare. */
const TAB_ROWS = 200;

function expectFrame(crm: Crm): void {
  const formats = Object.fromEntries(Object.keys(FIXED_FORMATS).map((a1) => [a1, formatOf(crm, a1)]));
  expect(formats).toEqual(FIXED_FORMATS);
  expect(BOLD.filter((a1) => weightOf(crm, a1) !== 'bold')).toEqual([]);
  expect(NORMAL.filter((a1) => weightOf(crm, a1) !== 'normal')).toEqual([]);
  const sheet = crm.gas.sheets.sheet('Pipeline');
  expect(sheet.maxRows).toBe(TAB_ROWS);
  expect(sheet.charts).toHaveLength(2);
  // The funnel: the By-stage header + Lead … In negotiation, Stage and Customers only (one axis, counts); at H4.
  expect(sheet.charts[0]).toMatchObject({
    type: 'COLUMN',
    ranges: [{ sheetId: sheet.sheetId, row: 16, col: 1, numRows: 5, numCols: 2 }],
    anchorRow: 4,
    anchorColumn: 8,
    numHeaders: 1,
    options: { title: 'Open stages: customers (the funnel)' },
  });
  // The weekly forecast: its header + 12 weeks; at H27, below the funnel and far above the lists (row 62).
  expect(sheet.charts[1]).toMatchObject({
    type: 'COLUMN',
    ranges: [{ sheetId: sheet.sheetId, row: 48, col: 1, numRows: 13, numCols: 2 }],
    anchorRow: 27,
    anchorColumn: 8,
    numHeaders: 1,
    options: { title: 'Weighted forecast by week' },
  });
}

/** Calls of the Apps Script services made by `body`, per method (the stand-in's counter, all tabs). */
function callsOf(crm: Crm, body: () => unknown): Record<string, number> {
  const before = crm.gas.runtime.calls.snapshot();
  body();
  const calls: Record<string, number> = {};
  for (const [key, n] of Object.entries(crm.gas.runtime.calls.snapshot())) {
    const delta = n - (before[key] ?? 0);
    if (delta !== 0) calls[key] = delta;
  }
  return calls;
}

/** The counted methods that read or change a tab's cells, shape, formats or charts. */
const TAB_METHODS = {
  Sheet: [
    'getMaxRows',
    'getMaxColumns',
    'getLastRow',
    'getLastColumn',
    'getDataRange',
    'getSheetValues',
    'getCharts',
    'clear',
    'clearContents',
    'clearFormats',
    'insertRowsAfter',
    'insertRowsBefore',
    'insertColumnsAfter',
    'deleteRows',
    'appendRow',
    'insertChart',
    'updateChart',
    'removeChart',
  ],
  Range: [
    'getValues',
    'getValue',
    'setValues',
    'setValue',
    'setNumberFormat',
    'setNumberFormats',
    'setFontWeight',
    'setFontWeights',
    'clear',
    'clearContent',
    'clearFormat',
  ],
} as const;

/**
 * The calls `body` makes on the Pipeline tab's own Sheet and Range objects. The stand-in's counter does not say
 * which tab a call was for (and the reads of Settings, Customers and History make their own), so the methods
 * above are wrapped, for the duration of `body` only, to note calls whose sheet is the Pipeline tab.
 */
function pipelineCalls(body: () => unknown): Record<string, number> {
  const calls: Record<string, number> = {};
  const restore: Array<() => void> = [];
  for (const [kind, proto] of [
    ['Sheet', SheetFake.prototype],
    ['Range', RangeFake.prototype],
  ] as const) {
    const target = proto as unknown as Record<string, unknown>;
    for (const name of TAB_METHODS[kind]) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      const own = Object.getOwnPropertyDescriptor(target, name);
      target[name] = function (this: { sheetData: SheetData }, ...args: unknown[]): unknown {
        if (this.sheetData.name === 'Pipeline') calls[`${kind}.${name}`] = (calls[`${kind}.${name}`] ?? 0) + 1;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
      restore.push(() => (own ? Object.defineProperty(target, name, own) : delete target[name]));
    }
  }
  try {
    body();
  } finally {
    restore.forEach((undo) => undo());
  }
  return calls;
}

/** Methods a rebuild must not need at all in the steady state (the frame's calls, and the old clear()). */
const FRAME_ONLY = [
  'Sheet.clear',
  'Sheet.getCharts',
  'Sheet.getMaxColumns',
  'Sheet.updateChart',
  'Sheet.insertChart',
  'Range.setNumberFormats',
  'Range.setFontWeights',
  'Properties.setProperty',
];

/** What a steady-state rebuild does on the Pipeline tab: one write, no read. */
const STEADY = { 'Range.setValues': 1 };

/**
 * `count` customers (C-00001 …, "Customer 1" …, Lead, no value) written into Customers by hand in one setValues, each
 * last changed `idleDays` days before the clock (so idle that long), as an old spreadsheet pasted in would be.
 */
function seedCustomers(crm: Crm, count: number, each: (n: number) => { owner: string; idleDays: number }): void {
  const now = crm.gas.runtime.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const { owner, idleDays } = each(i + 1);
    const changed = new Date(now - idleDays * DAY_MS);
    const id = `C-${String(i + 1).padStart(5, '0')}`;
    return [
      id,
      `Customer ${i + 1}`,
      '',
      '',
      '',
      'Lead',
      '',
      owner,
      '',
      '',
      changed,
      OWNER,
      changed,
      OWNER,
      changed,
      1,
      '',
      '',
      '',
    ];
  });
  byHand(crm, OWNER, (ss) =>
    (ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet).getRange(2, 1, count, 19).setValues(rows),
  );
}

function register(crm: Crm, name: string, input: Record<string, unknown> = {}): string {
  const result = succeeded(crm.call(REP, 'registerCustomer', { name, ...input }));
  expect(result.ok).toBe(true);
  return result.customer.id;
}

function rebuild(crm: Crm, user = MANAGER): void {
  succeeded(crm.call(user, 'rebuildPipelineSummary')); // a Failure (ok: false) ends the test here
}

describe('Pipeline tab: frame', () => {
  it('has its number formats, bold rows and chart at fixed cells; figures display as money, percentages and days', () => {
    const crm = newCrm();
    // Set up / repair already framed the empty tab.
    expectFrame(crm);
    register(crm, 'Acme', { dealValue: 1000, owner: REP });
    crm.gas.runtime.advance(20 * DAY_MS);
    rebuild(crm);
    expectFrame(crm);
    // Row 17 is Lead: 1 customer, 1,000.00 at 10 % → 100.00; its one stay has lasted 20 days; idle 20 days.
    expect(['A17', 'B17', 'C17', 'D17', 'E17'].map((a1) => displayOf(crm, a1))).toEqual([
      'Lead',
      '1',
      '1,000.00',
      '10%',
      '100.00',
    ]);
    expect(['E29', 'B34', 'C38', 'B5', 'B7', 'B8', 'B9'].map((a1) => displayOf(crm, a1))).toEqual([
      '0%',
      '—',
      '20.0',
      '100.00',
      '—',
      '—',
      '1',
    ]);
    expect(['A49', 'B49'].map((a1) => displayOf(crm, a1))).toEqual(['2026-W12', '100.00']); // Sunday 2026-03-22
    expect(['A64', 'F64', 'H64', 'I64', 'J64', 'K64'].map((a1) => displayOf(crm, a1))).toEqual([
      'C-00001',
      '20',
      REP,
      '1',
      '1',
      '100.00',
    ]);
    expect(
      crm.gas.sheets
        .sheetFormulas('Pipeline')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('keeps exactly its two charts through rebuilds and Set up / repair', () => {
    const crm = newCrm();
    register(crm, 'Acme', { dealValue: 1000 });
    const chartIds = crm.gas.sheets.sheet('Pipeline').charts.map((c) => c.chartId);
    for (let i = 0; i < 3; i++) rebuild(crm);
    expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
    rebuild(crm);
    expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
    expectFrame(crm);
    expect(crm.gas.sheets.sheet('Pipeline').charts.map((c) => c.chartId)).toEqual(chartIds);
  });

  it('a tab deleted by hand is made again by the next rebuild, with its frame and chart', () => {
    const crm = newCrm();
    register(crm, 'Acme', { owner: REP });
    rebuild(crm);
    const oldId = crm.gas.sheets.sheet('Pipeline').sheetId;
    byHand(crm, OWNER, (ss) => ss.deleteSheet(ss.getSheetByName('Pipeline') as GoogleAppsScript.Spreadsheet.Sheet));
    expect(crm.gas.sheets.sheetNames()).not.toContain('Pipeline');
    rebuild(crm);
    expect(crm.gas.sheets.sheet('Pipeline').sheetId).not.toBe(oldId);
    expectFrame(crm);
    expect(crm.tab('Pipeline')[63]).toEqual(lists(['None'], [REP, 1, 1, 0, 0, 1], ['None']));
    // From then on the rebuild is the steady one again.
    expect(pipelineCalls(() => rebuild(crm))).toEqual(STEADY);
  });

  it('a tab of the old layout (no frame marker) gets the frame on its next rebuild: old formats and bold go', () => {
    const crm = newCrm();
    register(crm, 'Acme', { owner: REP });
    rebuild(crm);
    // What the previous version left: '@' on every written cell, "By owner" under the stale list, bold there.
    byHand(crm, OWNER, (ss) => {
      const sheet = ss.getSheetByName('Pipeline') as GoogleAppsScript.Spreadsheet.Sheet;
      sheet.getRange(1, 1, 50, 6).setNumberFormat('@');
      sheet
        .getRange('A43:D44')
        .setValues([
          ['By owner', '', '', ''],
          ['Owner', 'Customers', 'Open', 'Weighted value'],
        ])
        .setFontWeight('bold');
      (crm.gas.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
        .getDocumentProperties()
        .deleteProperty('crm.pipelineFrame');
    });
    const calls = pipelineCalls(() => rebuild(crm));
    expect(calls).toMatchObject({
      'Range.setNumberFormats': 1,
      'Range.setFontWeights': 1,
      'Sheet.updateChart': 2,
      'Range.setValues': 1,
    });
    expectFrame(crm);
    expect(['A43', 'A44'].map((a1) => weightOf(crm, a1))).toEqual(['normal', 'normal']);
    expect(crm.tab('Pipeline')).toHaveLength(64);
    expect(pipelineCalls(() => rebuild(crm))).toEqual(STEADY);
  });

  it('a tab cut narrower than A..Q by hand gets its columns back', () => {
    const crm = newCrm();
    register(crm, 'Acme', { owner: REP });
    byHand(crm, OWNER, (ss) =>
      (ss.getSheetByName('Pipeline') as GoogleAppsScript.Spreadsheet.Sheet).deleteColumns(8, 19),
    );
    expect(crm.gas.sheets.sheet('Pipeline').maxColumns).toBe(7);
    rebuild(crm);
    expect(crm.gas.sheets.sheet('Pipeline').maxColumns).toBeGreaterThanOrEqual(17);
    expectFrame(crm);
    expect(crm.tab('Pipeline')[63]).toEqual(lists(['None'], [REP, 1, 1, 0, 0, 1], ['None']));
  });
});

describe('Pipeline tab: writes', () => {
  it('a shorter stale list and fewer owners leave nothing of the longer ones (or of a scribble) behind', () => {
    const crm = newCrm();
    const x = register(crm, 'Xavier', { owner: REP });
    const y = register(crm, 'Yvonne', { owner: MANAGER });
    const z = register(crm, 'Zoe', { owner: OWNER });
    crm.gas.runtime.advance(20 * DAY_MS);
    rebuild(crm);
    expect(crm.tab('Pipeline').slice(61)).toEqual(
      expectedLists(
        14,
        [
          [x, 'Xavier', '', REP, 'Lead', 20],
          [y, 'Yvonne', '', MANAGER, 'Lead', 20],
          [z, 'Zoe', '', OWNER, 'Lead', 20],
        ],
        // Equal weighted values: by owner name.
        [
          [MANAGER, 1, 1, 0, 0, 1],
          [OWNER, 1, 1, 0, 0, 1],
          [REP, 1, 1, 0, 0, 1],
        ],
      ),
    );
    // Y and Z are won and handed to the rep; somebody scribbles on the tab.
    for (const id of [y, z]) {
      const { customer } = succeeded(crm.call(REP, 'getCustomer', id));
      expect(crm.call(REP, 'updateCustomer', id, { status: 'Closed-won', owner: REP }, customer.version).ok).toBe(true);
    }
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Pipeline', a1: 'J200', value: 'scribble' }); // the last row
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Pipeline', a1: 'C65', value: 'left over?' });
    rebuild(crm);
    const tab = crm.tab('Pipeline');
    expect(tab).toHaveLength(64); // nothing below the one list row
    expect(tab.slice(61)).toEqual(expectedLists(14, [[x, 'Xavier', '', REP, 'Lead', 20]], [[REP, 3, 1, 0, 0, 1]]));
    expectFrame(crm);
  });

  it('a steady-state rebuild makes ONE setValues on the tab and reads nothing of it; a tab cut shorter gets its rows back', () => {
    const crm = newCrm();
    register(crm, 'Acme', { owner: REP });
    rebuild(crm);
    let all: Record<string, number> = {};
    const onTab = pipelineCalls(() => {
      all = callsOf(crm, () => rebuild(crm));
    });
    expect(onTab).toEqual(STEADY);
    // Nothing of the frame anywhere in the call; one setValues here and one on Snapshots are the only cell writes.
    expect(FRAME_ONLY.filter((m) => all[m] !== undefined)).toEqual([]);
    expect(all['Range.setValues']).toBe(2);
    expect(all['Sheet.getMaxRows']).toBeUndefined(); // neither this tab's height nor the Snapshots tab's is asked
    expect(all['Sheet.getSheetId']).toBe(1); // the frame marker names the tab by id

    // The owner trims the tab to 65 rows: room for 2 list rows. Three stale customers need 3.
    byHand(crm, OWNER, (ss) =>
      (ss.getSheetByName('Pipeline') as GoogleAppsScript.Spreadsheet.Sheet).deleteRows(66, TAB_ROWS - 65),
    );
    register(crm, 'Beta', { owner: REP });
    register(crm, 'Gamma', { owner: REP });
    crm.gas.runtime.advance(20 * DAY_MS);
    // The range past the grid is refused: the frame goes back on (its height, formats, bold, charts), then one write.
    expect(pipelineCalls(() => rebuild(crm))).toMatchObject({
      'Sheet.getMaxRows': 1,
      'Sheet.insertRowsAfter': 1,
      'Range.setNumberFormats': 1,
      'Range.setFontWeights': 1,
      'Range.setValues': 1,
    });
    expectFrame(crm);
    expect(crm.tab('Pipeline')).toHaveLength(66);
    expect(['A66', 'E66', 'F66', 'H66', 'I66', 'J66', 'K66', 'P66', 'Q66'].map((a1) => formatOf(crm, a1))).toEqual([
      AUTO,
      AUTO,
      '0',
      AUTO,
      '0',
      '0',
      MONEY,
      '0',
      MONEY,
    ]);
    expect(displayOf(crm, 'F66')).toBe('20');
    // Back to the steady state.
    expect(pipelineCalls(() => rebuild(crm))).toEqual(STEADY);
  });

  it('lists the 100 stalest customers and says how many more; the count stays exact and the tab keeps its height', () => {
    const crm = newCrm();
    // 101 stale Leads, idle 31 … 131 days (C-00101 the stalest), put in by hand in one write.
    seedCustomers(crm, 101, (i) => ({ owner: REP, idleDays: 30 + i }));
    const summary = succeeded(crm.call(MANAGER, 'rebuildPipelineSummary'));
    expect(summary.headline.staleCount).toBe(101);
    expect(summary.stale.map((s) => s.id)).toEqual(
      Array.from({ length: 100 }, (_, i) => `C-${String(101 - i).padStart(5, '0')}`),
    );
    const tab = crm.tab('Pipeline');
    expect(tab[8]?.slice(0, 3)).toEqual([staleTitle(14), 101, 'the 100 stalest listed from row 64']);
    expect(tab[63]?.slice(0, 6)).toEqual(['C-00101', 'Customer 101', '', REP, 'Lead', 131]);
    expect(tab[162]?.slice(0, 6)).toEqual(['C-00002', 'Customer 2', '', REP, 'Lead', 32]);
    expect(tab[163]?.[0]).toBe('… and 1 more — see CRM ▸ Pipeline board (stalest first)');
    expect(tab).toHaveLength(164);
    expect(crm.gas.sheets.sheet('Pipeline').maxRows).toBe(TAB_ROWS);
    expect(pipelineCalls(() => rebuild(crm))).toEqual(STEADY);
  });

  it('a layout longer than the tab (very many owners) grows it once, then rebuilds steadily; a shorter one blanks the rest', () => {
    const crm = newCrm();
    // 150 customers, each with an owner of their own (typed by hand): By owner needs 150 rows below row 63.
    seedCustomers(crm, 150, (i) => ({ owner: `owner${i}@example.com`, idleDays: 1 }));
    const grown = pipelineCalls(() => rebuild(crm));
    expect(grown).toMatchObject({ 'Sheet.insertRowsAfter': 1, 'Range.setNumberFormats': 1, 'Range.setValues': 1 });
    expect(crm.gas.sheets.sheet('Pipeline').maxRows).toBe(63 + 150);
    expect(crm.tab('Pipeline')[63 + 149]?.slice(7, 9)).toEqual(['owner9@example.com', 1]); // by name: '9@' after '99@'
    expect(formatOf(crm, 'K213')).toBe(MONEY);
    expect(pipelineCalls(() => rebuild(crm))).toEqual(STEADY);
    // The owners become one: the rows below the shorter list are written blank.
    byHand(crm, OWNER, (ss) =>
      (ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet)
        .getRange(2, 8, 150, 1)
        .setValues(Array.from({ length: 150 }, () => [REP])),
    );
    expect(pipelineCalls(() => rebuild(crm))).toEqual(STEADY);
    expect(crm.tab('Pipeline')).toHaveLength(64);
  });
});

describe('Pipeline tab: never silently stale', () => {
  const rebuilt = (crm: Crm): unknown => crm.tab('Pipeline')[1]?.[0];

  it('a save with no rebuild marks row 2 "out of date" in the same call (one setValue), the figures untouched', () => {
    const crm = newCrm();
    const id = register(crm, 'Acme', { dealValue: 1000, owner: REP });
    rebuild(crm);
    const before = crm.tab('Pipeline');
    crm.gas.runtime.advance(5 * 60_000);
    const customer = succeeded(crm.call(REP, 'getCustomer', id)).customer;
    const onTab = pipelineCalls(() =>
      succeeded(crm.call(REP, 'updateCustomerStatus', id, 'Qualified', customer.version)),
    );
    expect(onTab).toEqual({ 'Range.setValue': 1 });
    const after = crm.tab('Pipeline');
    expect(rebuilt(crm)).toBe(
      'Figures out of date: customers changed 2026-03-02 09:05 UTC by rep@example.com. They are rebuilt in a moment, or now with CRM ▸ Pipeline summary.',
    );
    expect(String(rebuilt(crm))).toContain('out of date');
    // Only row 2 moved: the figures are the last rebuild's until the next one.
    expect(after.filter((_, i) => i !== 1)).toEqual(before.filter((_, i) => i !== 1));
    rebuild(crm);
    expect(rebuilt(crm)).toBe('Last rebuilt 2026-03-02 09:05 UTC by manager@example.com');
    expect(crm.tab('Pipeline')[16]?.slice(0, 2)).toEqual(['Lead', 0]);
  });

  it('register, updateCustomer, import and a hand edit mark it; refusals, no-change saves and activities do not', () => {
    const crm = newCrm();
    const id = register(crm, 'Acme', { owner: REP });
    expect(rebuilt(crm)).toMatch(/^Figures out of date: .* by rep@example.com\./);
    rebuild(crm);
    const fresh = rebuilt(crm);
    let customer = succeeded(crm.call(REP, 'getCustomer', id)).customer;
    // A refusal, a stale version, a save that changes nothing, an activity: the figures are still current.
    expect(crm.call(REP, 'updateCustomerStatus', id, 'Closed-lost', customer.version).ok).toBe(false);
    expect(crm.call(REP, 'updateCustomerStatus', id, 'Qualified', customer.version + 7).ok).toBe(false);
    expect(succeeded(crm.call(REP, 'updateCustomer', id, { name: 'Acme' }, customer.version)).events).toEqual([]);
    succeeded(crm.call(REP, 'logActivity', id, { type: 'call', summary: 'Rang them' }));
    expect(rebuilt(crm)).toBe(fresh);

    succeeded(crm.call(MANAGER, 'updateCustomer', id, { dealValue: 50 }, customer.version));
    expect(rebuilt(crm)).toMatch(/^Figures out of date: .* by manager@example.com\./);
    rebuild(crm);
    customer = succeeded(crm.call(REP, 'getCustomer', id)).customer;
    const row = crm.tab('Customers').findIndex((r) => r[0] === id) + 1;
    crm.edit({ user: REP, sheet: 'Customers', row, column: 6, value: 'Contacted' });
    expect(rebuilt(crm)).toMatch(/^Figures out of date: /);
    rebuild(crm);
    crm.edit({ user: OWNER, sheet: 'Import', row: 1, column: 1, value: 'Name' });
    crm.edit({ user: OWNER, sheet: 'Import', row: 2, column: 1, value: 'Zed' });
    expect(rebuilt(crm)).not.toMatch(/out of date/);
    succeeded(crm.call(OWNER, 'importCustomers'));
    expect(rebuilt(crm)).toMatch(/^Figures out of date: .* by owner@example.com\./);
  });
});

describe('Snapshots tab', () => {
  const HEADER = ['Week', 'Stage', 'Customers', 'Deal value', 'Weighted value', 'Taken at'];
  /** 8 rows of a week: [count, value, weighted] per stage in spec order (all zero unless given). */
  const week = (label: string, takenAt: string, figures: Record<string, [number, number, number]>): unknown[][] =>
    STATUSES.map((stage) => [label, stage, ...(figures[stage] ?? [0, 0, 0]), takenAt]);

  it("each rebuild writes this ISO week's 8 rows, replacing the week's earlier ones; the tab charts the weekly forecast", () => {
    const crm = newCrm();
    expect(crm.tab('Snapshots')).toEqual([HEADER]); // made by Set up
    const id = register(crm, 'Acme', { dealValue: 1000, owner: REP });
    rebuild(crm); // Monday 2026-03-02 09:00, week 10
    crm.gas.runtime.advance(DAY_MS);
    const customer = succeeded(crm.call(REP, 'getCustomer', id)).customer;
    succeeded(crm.call(REP, 'updateCustomerStatus', id, 'Qualified', customer.version));
    rebuild(crm); // Tuesday, same week: replaces Monday's rows
    expect(crm.tab('Snapshots')).toEqual([
      HEADER,
      ...week('2026-W10', '2026-03-03T09:00:00.000Z', { Qualified: [1, 1000, 400] }),
    ]);
    crm.gas.runtime.advance(6 * DAY_MS); // Monday 2026-03-09: week 11
    register(crm, 'Beta', { dealValue: 200, owner: REP });
    rebuild(crm);
    expect(crm.tab('Snapshots')).toEqual([
      HEADER,
      ...week('2026-W10', '2026-03-03T09:00:00.000Z', { Qualified: [1, 1000, 400] }),
      ...week('2026-W11', '2026-03-09T09:00:00.000Z', { Lead: [1, 200, 20], Qualified: [1, 1000, 400] }),
    ]);
    // The Pipeline tab's weekly table (rows 49..) reads the Snapshots: open stages' weighted value per week.
    expect(
      crm
        .tab('Pipeline')
        .slice(48, 51)
        .map((row) => row.slice(0, 2)),
    ).toEqual([
      ['2026-W10', 400],
      ['2026-W11', 420],
      ['', ''],
    ]);
    // A scribble on the Snapshots tab is dropped at the next rebuild; the weeks stay.
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Snapshots', a1: 'A30', value: 'note to self' });
    rebuild(crm);
    expect(crm.tab('Snapshots')).toHaveLength(17);
  });

  it('a grid with no spare row grows by a year of weeks, with the figures formats; otherwise its height is never asked', () => {
    const crm = newCrm();
    register(crm, 'Acme', { dealValue: 1000, owner: REP });
    rebuild(crm); // week 10: rows 2..9
    byHand(crm, OWNER, (ss) => {
      const sheet = ss.getSheetByName('Snapshots') as GoogleAppsScript.Spreadsheet.Sheet;
      sheet.deleteRows(10, sheet.getMaxRows() - 9); // no room for another week
    });
    crm.gas.runtime.advance(7 * DAY_MS);
    const grown = callsOf(crm, () => rebuild(crm)); // week 11 needs rows 10..17
    expect(grown['Sheet.getMaxRows']).toBe(1);
    expect(grown['Sheet.insertRowsAfter']).toBe(1);
    const sheet = crm.gas.sheets.sheet('Snapshots');
    expect(sheet.maxRows).toBe(17 + 8 * 53);
    expect(crm.tab('Snapshots')).toHaveLength(17);
    expect(crm.tab('Snapshots')[16]?.slice(0, 3)).toEqual(['2026-W11', 'Dormant', 0]);
    // The new rows carry the tab's formats: counts, money, the taken-at time.
    expect([2, 3, 5].map((c) => sheet.formats.get(9, c))).toEqual(['0', '#,##0.00', 'yyyy-mm-dd hh:mm']);
    expect([2, 3, 5].map((c) => sheet.formats.get(17 + 8 * 53 - 1, c))).toEqual(['0', '#,##0.00', 'yyyy-mm-dd hh:mm']);
    crm.gas.runtime.advance(7 * DAY_MS);
    expect(callsOf(crm, () => rebuild(crm))['Sheet.getMaxRows']).toBeUndefined();
    expect(crm.tab('Snapshots')).toHaveLength(25);
  });

  it('a rebuild costs the same calls with 3 customers and with 40: constant in the row count', () => {
    const callsFor = (customers: number): Record<string, number> => {
      const crm = newCrm();
      for (let i = 0; i < customers; i++) register(crm, `Customer ${i}`, { dealValue: 100 + i, owner: REP });
      rebuild(crm);
      rebuild(crm); // the steady state: frame applied, Snapshots week present
      return callsOf(crm, () => rebuild(crm));
    };
    const small = callsFor(3);
    expect(callsFor(40)).toEqual(small);
    expect(small['Range.setValues']).toBe(2); // Pipeline and Snapshots
  });
});
