/**
 * pipelineLayout / pipelineFrame: the whole `Pipeline` grid checked cell by cell for the reference CRM (figures
 * worked out in summary.test.ts) and the empty CRM, the fixed frame (formats, bold rows, chart) and the invariants
 * the tab writer relies on: one rectangle A..Q, every figure at a position the frame formats for it, and a geometry
 * that does not move with the length of the three lists.
 */

import {
  buildPipelineSummary,
  formatRebuiltAt,
  frameFontWeights,
  frameNumberFormats,
  pipelineFrame,
  pipelineLayout,
  PIPELINE_FORMATS as F,
  type PipelineLayout,
  type PipelineSummary,
  moreStaleText,
  PIPELINE_ROWS,
  STALE_LIST_LIMIT,
} from '../../../src/domain/pipeline';
import { customer, day, input, referenceInput } from './fixtures';

const W = 17; // A..Q: stale list A..F, blank G, By owner H..M, blank N, Lost reasons O..Q
const A = F.automatic;

type Cell = string | number;

/** A row padded with '' to the grid width, as the layout must produce. */
function row(...cells: Cell[]): Cell[] {
  return [...cells, ...Array.from({ length: W - cells.length }, () => '')];
}

/** A list row: stale cells from column A, owner cells from column H, lost reasons from column O. */
function lists(stale: Cell[], owner: Cell[], lost: Cell[] = []): Cell[] {
  const out = row();
  stale.forEach((c, i) => (out[i] = c));
  owner.forEach((c, i) => (out[7 + i] = c));
  lost.forEach((c, i) => (out[14 + i] = c));
  return out;
}

const STALE_TITLE = 'Stale customers (14 days or more without a change)';
const LIST_TITLES = lists([STALE_TITLE], ['By owner'], ['Lost reasons (customers now Closed-lost)']);
const LIST_HEADERS = lists(
  ['ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'],
  ['Owner', 'Customers', 'Open', 'Weighted value', 'Overdue follow-ups', 'No next step'],
  ['Reason', 'Customers', 'Deal value'],
);
/** The 12 rows of the weekly table: the given weeks, then blanks. */
const weekRows = (...weeks: Cell[][]): Cell[][] => Array.from({ length: 12 }, (_, i) => row(...(weeks[i] ?? [])));

const NUMBER_FORMATS: string[] = [F.money, F.percent, F.days, F.count];

/** One rectangle; a number only where the frame gives a number format; '—' only in such a cell too; other text never there. */
function expectWellFormed(layout: PipelineLayout): void {
  const { values, frame } = layout;
  const formats = frameNumberFormats(frame, 1, values.length);
  values.forEach((cells, r) => {
    expect(cells).toHaveLength(W);
    cells.forEach((value, c) => {
      const format = formats[r]?.[c] ?? 'missing';
      const at = { row: r + 1, column: c + 1, value };
      if (typeof value === 'number') {
        expect(Number.isFinite(value)).toBe(true);
        expect({ ...at, numberFormat: NUMBER_FORMATS.includes(format) }).toEqual({ ...at, numberFormat: true });
      } else if (value === '—') {
        expect({ ...at, numberFormat: NUMBER_FORMATS.includes(format) }).toEqual({ ...at, numberFormat: true });
      } else if (value !== '') {
        expect({ ...at, format }).toEqual({ ...at, format: A });
      }
    });
  });
}

describe('pipelineLayout — reference CRM, cell by cell', () => {
  const layout = pipelineLayout(buildPipelineSummary(referenceInput()));

  it('writes the headline, the fixed tables, then the three lists side by side', () => {
    expect(layout.values).toEqual([
      /* 1 */ row('Pipeline summary'),
      /* 2 */ row('Last rebuilt 2026-03-31 00:00 UTC by manager@example.com'),
      /* 3 */ row(),
      /* 4 */ row('Headline'),
      /* 5 */ row('Weighted forecast', 3900),
      /* 6 */ row('Open pipeline value', 8000),
      /* 7 */ row('Win rate', 2 / 3),
      // C4 created day 0, won day 20; C6 registered Closed-won on day 0: median of 20 and 0.
      /* 8 */ row('Sales cycle (median days from creation to Closed-won)', 10, '2 won deals'),
      /* 9 */ row(STALE_TITLE, 2, 'listed from row 64'),
      /* 10 */ row('Overdue follow-ups', 0),
      /* 11 */ row('Open deals without a next step', 3), // C1, C2, C3
      // Rates 83 %, 80 %, 75 %, 67 %; open stages' medians 3.5, 4, 10, 15 days.
      /* 12 */ row('Lowest conversion: In negotiation → Closed-won, 2 of 3 (67%).'),
      /* 13 */ row('Longest wait: In negotiation, median 15.0 days over 2 stays.'),
      /* 14 */ row(),
      /* 15 */ row('By stage'),
      /* 16 */ row('Stage', 'Customers', 'Deal value', 'Win probability', 'Weighted value'),
      /* 17 */ row('Lead', 1, 1000, 0.1, 100),
      /* 18 */ row('Contacted', 0, 0, 0.2, 0),
      /* 19 */ row('Qualified', 1, 2000, 0.4, 800),
      /* 20 */ row('In negotiation', 1, 5000, 0.6, 3000),
      /* 21 */ row('Closed-won', 1, 3000, 1, 3000),
      /* 22 */ row('Closed-lost', 1, 0, 0, 0),
      /* 23 */ row('Active', 1, 400, 1, 400),
      /* 24 */ row('Dormant', 0, 0, 0, 0),
      /* 25 */ row('Total', 6, 11400, '', 7300),
      /* 26 */ row(),
      /* 27 */ row('Conversion'),
      /* 28 */ row('From', 'To', 'Reached', 'Of', 'Rate'),
      /* 29 */ row('Lead', 'Contacted', 5, 6, 5 / 6),
      /* 30 */ row('Contacted', 'Qualified', 4, 5, 0.8),
      /* 31 */ row('Qualified', 'In negotiation', 3, 4, 0.75),
      /* 32 */ row('In negotiation', 'Closed-won', 2, 3, 2 / 3),
      /* 33 */ row('Won / lost', 2, 1),
      /* 34 */ row('Win rate', 2 / 3),
      /* 35 */ row(),
      /* 36 */ row('Time in stage (days, current stays counted to now)'),
      /* 37 */ row('Stage', 'Stays', 'Average', 'Median'),
      /* 38 */ row('Lead', 4, 9.5, 3.5),
      /* 39 */ row('Contacted', 3, 13 / 3, 4),
      /* 40 */ row('Qualified', 3, 11, 10),
      /* 41 */ row('In negotiation', 2, 15, 15),
      /* 42 */ row('Closed-won', 2, 10, 10),
      /* 43 */ row('Closed-lost', 1, 24, 24),
      /* 44 */ row('Active', 1, 20, 20),
      /* 45 */ row('Dormant', 0, '—', '—'),
      /* 46 */ row(),
      /* 47 */ row('Weighted forecast by week (Snapshots tab)'),
      /* 48 */ row('Week', 'Weighted forecast'),
      /* 49..60 */ ...weekRows(['2026-W14', 3900]), // Tuesday 2026-03-31; no earlier snapshots given
      /* 61 */ row(),
      /* 62 */ LIST_TITLES,
      /* 63 */ LIST_HEADERS,
      /* 64 */ lists(
        ['C1', 'Name C1', 'Company C1', 'alice', 'Lead', 21],
        ['bob', 2, 1, 3800, 0, 1],
        ['(no reason given)', 1, 0], // C5 has no reason (and no deal value)
      ),
      /* 65 */ lists(['C2', 'Name C2', 'Company C2', 'bob', 'Qualified', 20], ['alice', 3, 2, 3500, 0, 2]),
      /* 66 */ lists([], ['(no owner)', 1, 0, 0, 0, 0]),
    ]);
    expectWellFormed(layout);
  });
});

describe('pipelineFrame — formats, bold rows and charts at fixed cells', () => {
  const frame = pipelineFrame();
  const f = (r: number): string[] | undefined => frameNumberFormats(frame, r, 1)[0];
  const only = (...cells: string[]): string[] => row(...cells).map((c) => (c === '' ? A : String(c)));

  it('formats money, percentages, days and counts; text and blank cells keep the automatic format', () => {
    expect(frame.width).toBe(W);
    expect(f(1)).toEqual(row().map(() => A));
    expect([5, 6].map(f)).toEqual([only(A, F.money), only(A, F.money)]);
    expect(f(7)).toEqual(only(A, F.percent));
    expect(f(8)).toEqual(only(A, F.days));
    expect([9, 10, 11].map(f)).toEqual([only(A, F.count), only(A, F.count), only(A, F.count)]);
    expect(f(16)).toEqual(row().map(() => A)); // a header row
    for (let r = 17; r <= 24; r++) expect(f(r)).toEqual(only(A, F.count, F.money, F.percent, F.money));
    expect(f(25)).toEqual(only(A, F.count, F.money, A, F.money)); // Total: no probability
    for (let r = 29; r <= 32; r++) expect(f(r)).toEqual(only(A, A, F.count, F.count, F.percent));
    expect(f(33)).toEqual(only(A, F.count, F.count));
    expect(f(34)).toEqual(only(A, F.percent)); // '—' when there is no rate: still a rate cell
    for (let r = 38; r <= 45; r++) expect(f(r)).toEqual(only(A, F.count, F.days, F.days));
    for (let r = 49; r <= 60; r++) expect(f(r)).toEqual(only(A, F.money));
    expect(f(62)).toEqual(row().map(() => A));
    expect(f(63)).toEqual(row().map(() => A));
    // Every list row down to the sheet's end: Days idle (F), Customers, Open (I, J), Overdue, No next step (L, M)
    // and the lost reasons' Customers (P) counts; Weighted value (K) and the lost Deal value (Q) money.
    const list = [A, A, A, A, A, F.count, A, A, F.count, F.count, F.money, F.count, F.count, A, A, F.count, F.money];
    expect(frame.listFormats).toEqual(list);
    expect(frameNumberFormats(frame, 64, 3)).toEqual([list, list, list]);
    expect(f(5000)).toEqual(list);
    expect(frame.blockFormats.flat().every((x) => x !== '@')).toBe(true);
  });

  it('bolds the title, section and column-header rows across A..Q', () => {
    expect(frame.boldRows).toEqual([1, 4, 15, 16, 27, 28, 36, 37, 47, 48, 62, 63]);
    const weights = frameFontWeights(frame, 1, 70);
    expect(weights.map((r) => r[0])).toEqual(
      Array.from({ length: 70 }, (_, i) => (frame.boldRows.includes(i + 1) ? 'bold' : 'normal')),
    );
    expect(weights.every((r) => r.length === W && r.every((w) => w === r[0]))).toBe(true);
  });

  it('charts the open stages as a funnel (counts only) and the weekly forecast, both clear of the lists', () => {
    const [funnel, weekly] = frame.charts;
    expect(frame.charts).toHaveLength(2);
    // rows 16..20 (header + Lead … In negotiation), columns A..B (Stage, Customers): one axis, no money
    expect(funnel).toMatchObject({ row: 16, column: 1, numRows: 5, numColumns: 2, anchorRow: 4, anchorColumn: 8 });
    expect(weekly).toMatchObject({ row: 48, column: 1, numRows: 13, numColumns: 2, anchorRow: 27, anchorColumn: 8 });
    const layout = pipelineLayout(buildPipelineSummary(referenceInput()));
    expect(layout.values.slice(15, 20).map((r) => r.slice(0, 2))).toEqual([
      ['Stage', 'Customers'],
      ['Lead', 1],
      ['Contacted', 0],
      ['Qualified', 1],
      ['In negotiation', 1],
    ]);
    // Each chart (Sheets' default 371 px ≈ 18 rows of 21 px) has 20 free rows in H..Q below its anchor.
    for (const chart of frame.charts) {
      expect(
        layout.values.slice(chart.anchorRow - 1, chart.anchorRow + 19).every((r) => r.slice(7).every((c) => c === '')),
      ).toBe(true);
    }
    expect(frame.listTitleRow - (weekly?.anchorRow ?? 0)).toBeGreaterThanOrEqual(20);
  });
});

describe('pipelineLayout — the geometry does not move with the lists', () => {
  const base = buildPipelineSummary(input({}));
  const staleRows = (n: number): PipelineSummary['stale'] =>
    Array.from({ length: n }, (_, i) => ({
      id: `C${i + 1}`,
      name: `Name ${i + 1}`,
      company: '',
      owner: i % 2 === 0 ? 'ann' : '',
      status: 'Lead' as const,
      daysIdle: 100 - (i % 50),
      updatedAt: day(0),
    }));
  const ownerRows = (n: number): PipelineSummary['owners'] =>
    Array.from({ length: n }, (_, i) => ({
      owner: i === n - 1 ? '' : `rep${i}`,
      count: i + 1,
      openCount: i,
      weightedValue: 1000 - i,
      overdueCount: i % 2,
      noNextStepCount: i,
    }));

  const cases = [0, 1, 500].flatMap((stale) => [0, 1, 7].map((owners) => ({ stale, owners })));

  it.each(cases)(
    '$stale stale customers, $owners owners: same frame, headers on the same rows, lists side by side',
    ({ stale, owners }) => {
      const layout = pipelineLayout({ ...base, stale: staleRows(stale), owners: ownerRows(owners) });
      expect(layout.frame).toEqual(pipelineFrame());
      const v = layout.values;
      expect(v).toHaveLength(63 + Math.max(1, stale, owners));
      // Section titles and column headers where the frame bolds them.
      expect([1, 4, 15, 16, 27, 28, 36, 37, 47, 48].map((r) => v[r - 1]?.[0])).toEqual([
        'Pipeline summary',
        'Headline',
        'By stage',
        'Stage',
        'Conversion',
        'From',
        'Time in stage (days, current stays counted to now)',
        'Stage',
        'Weighted forecast by week (Snapshots tab)',
        'Week',
      ]);
      expect(v[61]).toEqual(LIST_TITLES);
      expect(v[62]).toEqual(LIST_HEADERS);
      // Each list in its own columns, in order, 'None' when empty; columns G and N always blank.
      const body = v.slice(63);
      const staleCells = body.map((r) => r.slice(0, 6)).filter((r) => r.some((c) => c !== ''));
      const ownerCells = body.map((r) => r.slice(7, 13)).filter((r) => r.some((c) => c !== ''));
      expect(body.map((r) => r.slice(14)).filter((r) => r.some((c) => c !== ''))).toEqual([['None', '', '']]);
      expect(staleCells).toEqual(
        stale === 0
          ? [['None', '', '', '', '', '']]
          : staleRows(stale).map((s) => [s.id, s.name, s.company, s.owner || '(no owner)', s.status, s.daysIdle]),
      );
      expect(ownerCells).toEqual(
        owners === 0
          ? [['None', '', '', '', '', '']]
          : ownerRows(owners).map((o) => [
              o.owner || '(no owner)',
              o.count,
              o.openCount,
              o.weightedValue,
              o.overdueCount,
              o.noNextStepCount,
            ]),
      );
      expect(body.every((r) => r[6] === '' && r[13] === '')).toBe(true);
      expectWellFormed(layout);
    },
  );
});

describe('pipelineLayout — empty CRM', () => {
  const layout = pipelineLayout(buildPipelineSummary(input({ rebuiltBy: '' })));

  it('shows zeros, — for every rate and average, no bottleneck yet, and None for every list', () => {
    const v = layout.values;
    expect(v[1]).toEqual(row('Last rebuilt 2026-03-31 00:00 UTC')); // no "by" when the user is unknown
    expect(v.slice(3, 13)).toEqual([
      row('Headline'),
      row('Weighted forecast', 0),
      row('Open pipeline value', 0),
      row('Win rate', '—'),
      row('Sales cycle (median days from creation to Closed-won)', '—', '0 won deals'),
      row(STALE_TITLE, 0, 'listed from row 64'),
      row('Overdue follow-ups', 0),
      row('Open deals without a next step', 0),
      row('Lowest conversion: not enough history yet.'),
      row('Longest wait: no customer has been in an open stage yet.'),
    ]);
    expect(v.slice(16, 25)).toEqual([
      row('Lead', 0, 0, 0.1, 0),
      row('Contacted', 0, 0, 0.2, 0),
      row('Qualified', 0, 0, 0.4, 0),
      row('In negotiation', 0, 0, 0.6, 0),
      row('Closed-won', 0, 0, 1, 0),
      row('Closed-lost', 0, 0, 0, 0),
      row('Active', 0, 0, 1, 0),
      row('Dormant', 0, 0, 0, 0),
      row('Total', 0, 0, '', 0),
    ]);
    expect(v.slice(28, 34)).toEqual([
      row('Lead', 'Contacted', 0, 0, '—'),
      row('Contacted', 'Qualified', 0, 0, '—'),
      row('Qualified', 'In negotiation', 0, 0, '—'),
      row('In negotiation', 'Closed-won', 0, 0, '—'),
      row('Won / lost', 0, 0),
      row('Win rate', '—'),
    ]);
    expect(v.slice(37, 45).every((r) => r[1] === 0 && r[2] === '—' && r[3] === '—')).toBe(true);
    expect(v.slice(48, 60)).toEqual(weekRows(['2026-W14', 0]));
    expect(v.slice(60)).toEqual([row(), LIST_TITLES, LIST_HEADERS, lists(['None'], ['None'], ['None'])]);
    expectWellFormed(layout);
  });
});

describe('pipelineLayout — details', () => {
  it('only closed customers: open pipeline and forecast 0, win rate shown', () => {
    const customers = [
      customer('W', 'Closed-won', { dealValue: 900, owner: 'ann' }),
      customer('L', 'Closed-lost', { dealValue: 100, owner: 'ann' }),
    ];
    const layout = pipelineLayout(buildPipelineSummary(input({ customers })));
    expect(layout.values[4]).toEqual(row('Weighted forecast', 0));
    expect(layout.values[5]).toEqual(row('Open pipeline value', 0));
    expect(layout.values[33]).toEqual(row('Win rate', 0.5)); // 1 won / (1 + 1)
    // Closed customers are never stale; L lost without a reason.
    expect(layout.values[63]).toEqual(lists(['None'], ['ann', 2, 0, 900, 0, 0], ['(no reason given)', 1, 100]));
    expectWellFormed(layout);
  });

  it('keeps customer text as given and says "day" for a 1-day threshold', () => {
    const customers = [customer('=1+1', 'Lead', { name: '+44 20', company: '@corp', updatedAt: day(0) })];
    const layout = pipelineLayout(buildPipelineSummary(input({ customers, staleDays: 1 })));
    expect(layout.values[61]?.[0]).toBe('Stale customers (1 day or more without a change)');
    expect(layout.values[8]?.[0]).toBe('Stale customers (1 day or more without a change)');
    // escaping formula-like text is the sheet layer's job: the layout hands it over untouched
    expect(layout.values[63]).toEqual(
      lists(['=1+1', '+44 20', '@corp', '(no owner)', 'Lead', 30], ['(no owner)', 1, 1, 0, 0, 1], ['None']),
    );
  });

  it('under a capped stale list says how many more and where to see them; the headline says the stalest are listed', () => {
    const customers = ['A', 'B', 'C'].map((id, i) => customer(id, 'Lead', { updatedAt: day(i) }));
    const capped = pipelineLayout(buildPipelineSummary(input({ customers, staleListLimit: 2 })));
    expect(capped.values[8]?.slice(0, 3)).toEqual([
      'Stale customers (14 days or more without a change)',
      3,
      'the 2 stalest listed from row 64',
    ]);
    expect(capped.values.slice(63).map((row) => row[0])).toEqual([
      'A',
      'B',
      '… and 1 more — see CRM ▸ Pipeline board (stalest first)',
    ]);
    expectWellFormed(capped);
    // Nothing left out: no "more" row, and the headline points at the list as before.
    const whole = pipelineLayout(buildPipelineSummary(input({ customers, staleListLimit: 3 })));
    expect(whole.values[8]?.[2]).toBe('listed from row 64');
    expect(whole.values.slice(63).map((row) => row[0])).toEqual(['A', 'B', 'C']);
  });

  it('writes the count of the rest with thousands separators, and fits the tab with room to spare', () => {
    expect(moreStaleText(32683)).toBe('… and 32,683 more — see CRM ▸ Pipeline board (stalest first)');
    // Title and headers, 100 listed, the "more" row: the tab's fixed height leaves room for the other lists.
    expect(pipelineFrame().listFirstRow - 1 + STALE_LIST_LIMIT + 1).toBeLessThan(PIPELINE_ROWS);
    expect(pipelineFrame().rows).toBe(PIPELINE_ROWS);
  });

  it('formats the rebuild time as yyyy-mm-dd hh:mm in UTC, or shows an unparsable one as is', () => {
    expect(formatRebuiltAt('2026-11-03T09:15:42.123Z')).toBe('2026-11-03 09:15');
    expect(formatRebuiltAt('2026-11-03T10:15:00+01:00')).toBe('2026-11-03 09:15');
    expect(formatRebuiltAt('soon')).toBe('soon');
  });

  it('grows with the longer list only, staying one rectangle', () => {
    const customers = Array.from({ length: 25 }, (_, i) =>
      customer(`C${String(i).padStart(2, '0')}`, 'Lead', { owner: `rep${i % 3}` }),
    );
    const layout = pipelineLayout(buildPipelineSummary(input({ customers })));
    // 63 fixed rows, then 25 stale rows beside the 3 owner rows
    expect(layout.values).toHaveLength(63 + 25);
    expect(layout.values[66]?.slice(7)).toEqual(['', '', '', '', '', '', '', '', '', '']);
    expectWellFormed(layout);
  });
});
