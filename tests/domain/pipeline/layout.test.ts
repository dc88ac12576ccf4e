/**
 * pipelineLayout / pipelineFrame: the whole `Pipeline` grid checked cell by cell for the reference CRM (figures
 * worked out in summary.test.ts) and the empty CRM, the fixed frame (formats, bold rows, chart) and the invariants
 * the tab writer relies on: one rectangle A..M, every figure at a position the frame formats for it, and a geometry
 * that does not move with the length of the two lists.
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
} from '../../../src/domain/pipeline';
import { customer, day, input, referenceInput } from './fixtures';

const W = 13; // A..M: stale list A..F, blank G, By owner H..M
const A = F.automatic;

type Cell = string | number;

/** A row padded with '' to the grid width, as the layout must produce. */
function row(...cells: Cell[]): Cell[] {
  return [...cells, ...Array.from({ length: W - cells.length }, () => '')];
}

/** A list row: stale cells from column A, owner cells from column H. */
function lists(stale: Cell[], owner: Cell[]): Cell[] {
  const out = row();
  stale.forEach((c, i) => (out[i] = c));
  owner.forEach((c, i) => (out[7 + i] = c));
  return out;
}

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

  it('writes the top block, then the stale list (A..F) and By owner (H..K) side by side', () => {
    expect(layout.values).toEqual([
      /* 1 */ row('Pipeline summary'),
      /* 2 */ row('Last rebuilt 2026-03-31 00:00 UTC by manager@example.com'),
      /* 3 */ row(),
      /* 4 */ row('By stage'),
      /* 5 */ row('Stage', 'Customers', 'Deal value', 'Win probability', 'Weighted value'),
      /* 6 */ row('Lead', 1, 1000, 0.1, 100),
      /* 7 */ row('Contacted', 0, 0, 0.2, 0),
      /* 8 */ row('Qualified', 1, 2000, 0.4, 800),
      /* 9 */ row('In negotiation', 1, 5000, 0.6, 3000),
      /* 10 */ row('Closed-won', 1, 3000, 1, 3000),
      /* 11 */ row('Closed-lost', 1, 0, 0, 0),
      /* 12 */ row('Active', 1, 400, 1, 400),
      /* 13 */ row('Dormant', 0, 0, 0, 0),
      /* 14 */ row('Total', 6, 11400, '', 7300),
      /* 15 */ row('Open pipeline value', 8000),
      /* 16 */ row('Weighted forecast', 3900),
      /* 17 */ row(),
      /* 18 */ row('Conversion'),
      /* 19 */ row('From', 'To', 'Reached', 'Of', 'Rate'),
      /* 20 */ row('Lead', 'Contacted', 5, 6, 5 / 6),
      /* 21 */ row('Contacted', 'Qualified', 4, 5, 0.8),
      /* 22 */ row('Qualified', 'In negotiation', 3, 4, 0.75),
      /* 23 */ row('In negotiation', 'Closed-won', 2, 3, 2 / 3),
      /* 24 */ row('Won / lost', 2, 1),
      /* 25 */ row('Win rate', 2 / 3),
      /* 26 */ row(),
      /* 27 */ row('Time in stage (days, current stays counted to now)'),
      /* 28 */ row('Stage', 'Stays', 'Average', 'Median'),
      /* 29 */ row('Lead', 4, 9.5, 3.5),
      /* 30 */ row('Contacted', 3, 13 / 3, 4),
      /* 31 */ row('Qualified', 3, 11, 10),
      /* 32 */ row('In negotiation', 2, 15, 15),
      /* 33 */ row('Closed-won', 2, 10, 10),
      /* 34 */ row('Closed-lost', 1, 24, 24),
      /* 35 */ row('Active', 1, 20, 20),
      /* 36 */ row('Dormant', 0, '—', '—'),
      /* 37 */ row(),
      /* 38 */ lists(['Stale customers (no change for more than 14 days)'], ['By owner']),
      /* 39 */ lists(
        ['ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'],
        ['Owner', 'Customers', 'Open', 'Weighted value', 'Overdue follow-ups', 'No next step'],
      ),
      /* 40 */ lists(['C1', 'Name C1', 'Company C1', 'alice', 'Lead', 21], ['bob', 2, 1, 3800, 0, 1]),
      /* 41 */ lists(['C2', 'Name C2', 'Company C2', 'bob', 'Qualified', 20], ['alice', 3, 2, 3500, 0, 2]),
      /* 42 */ lists([], ['(no owner)', 1, 0, 0, 0, 0]),
    ]);
    expectWellFormed(layout);
  });
});

describe('pipelineFrame — formats, bold rows and chart at fixed cells', () => {
  const frame = pipelineFrame();
  const f = (r: number): string[] | undefined => frameNumberFormats(frame, r, 1)[0];

  it('formats money, percentages, days and counts; text and blank cells keep the automatic format', () => {
    expect(frame.width).toBe(W);
    expect(f(1)).toEqual(row().map(() => A));
    expect(f(5)).toEqual(row().map(() => A)); // a header row
    for (let r = 6; r <= 13; r++)
      expect(f(r)).toEqual([A, F.count, F.money, F.percent, F.money, A, A, A, A, A, A, A, A]);
    expect(f(14)).toEqual([A, F.count, F.money, A, F.money, A, A, A, A, A, A, A, A]); // Total: no probability
    expect(f(15)).toEqual([A, F.money, A, A, A, A, A, A, A, A, A, A, A]);
    expect(f(16)).toEqual([A, F.money, A, A, A, A, A, A, A, A, A, A, A]);
    for (let r = 20; r <= 23; r++) expect(f(r)).toEqual([A, A, F.count, F.count, F.percent, A, A, A, A, A, A, A, A]);
    expect(f(24)).toEqual([A, F.count, F.count, A, A, A, A, A, A, A, A, A, A]);
    expect(f(25)).toEqual([A, F.percent, A, A, A, A, A, A, A, A, A, A, A]); // '—' when there is no rate: still a rate cell
    for (let r = 29; r <= 36; r++) expect(f(r)).toEqual([A, F.count, F.days, F.days, A, A, A, A, A, A, A, A, A]);
    expect(f(38)).toEqual(row().map(() => A));
    expect(f(39)).toEqual(row().map(() => A));
    // Every list row down to the sheet's end: Days idle (F) a count; Customers, Open (I, J) counts; Weighted value (K)
    // money; Overdue follow-ups, No next step (L, M) counts.
    const list = [A, A, A, A, A, F.count, A, A, F.count, F.count, F.money, F.count, F.count];
    expect(frame.listFormats).toEqual(list);
    expect(frameNumberFormats(frame, 40, 3)).toEqual([list, list, list]);
    expect(f(5000)).toEqual(list);
    expect(frame.blockFormats.flat().every((x) => x !== '@')).toBe(true);
  });

  it('bolds the title, section and column-header rows across A..M', () => {
    expect(frame.boldRows).toEqual([1, 4, 5, 18, 19, 27, 28, 38, 39]);
    const weights = frameFontWeights(frame, 1, 45);
    expect(weights.map((r) => r[0])).toEqual(
      Array.from({ length: 45 }, (_, i) => (frame.boldRows.includes(i + 1) ? 'bold' : 'normal')),
    );
    expect(weights.every((r) => r.length === W && r.every((w) => w === r[0]))).toBe(true);
  });

  it('points the chart at the By-stage table without its Total, anchored right of it and clear of the owner list', () => {
    // rows 5..13 (header + 8 stages), columns A..C (Stage, Customers, Deal value); anchored at H4
    expect(frame.chart).toEqual({ row: 5, column: 1, numRows: 9, numColumns: 3, anchorRow: 4, anchorColumn: 8 });
    const layout = pipelineLayout(buildPipelineSummary(referenceInput()));
    const source = layout.values.slice(4, 13).map((r) => r.slice(0, 3));
    expect(source[0]).toEqual(['Stage', 'Customers', 'Deal value']);
    expect(source[8]).toEqual(['Dormant', 0, 0]);
    // The chart (Sheets' default 371 px ≈ 18 rows of 21 px) sits in H..M from row 4: 20 rows are free below it
    // before the owner list's title in column H.
    expect(frame.listTitleRow - frame.chart.anchorRow).toBeGreaterThanOrEqual(20);
    expect(
      layout.values
        .slice(frame.chart.anchorRow - 1, frame.listTitleRow - 1)
        .every((r) => r.slice(7).every((c) => c === '')),
    ).toBe(true);
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
      expect(v).toHaveLength(39 + Math.max(1, stale, owners));
      // Section titles and column headers where the frame bolds them.
      expect([1, 4, 5, 18, 19, 27, 28].map((r) => v[r - 1]?.[0])).toEqual([
        'Pipeline summary',
        'By stage',
        'Stage',
        'Conversion',
        'From',
        'Time in stage (days, current stays counted to now)',
        'Stage',
      ]);
      expect(v[37]?.[0]).toBe('Stale customers (no change for more than 14 days)');
      expect(v[37]?.[7]).toBe('By owner');
      expect(v[38]).toEqual(
        lists(
          ['ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'],
          ['Owner', 'Customers', 'Open', 'Weighted value', 'Overdue follow-ups', 'No next step'],
        ),
      );
      // Each list in its own columns, in order, 'None' when empty; column G always blank.
      const body = v.slice(39);
      const staleCells = body.map((r) => r.slice(0, 6)).filter((r) => r.some((c) => c !== ''));
      const ownerCells = body.map((r) => r.slice(7)).filter((r) => r.some((c) => c !== ''));
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
      expect(body.every((r) => r[6] === '')).toBe(true);
      expectWellFormed(layout);
    },
  );
});

describe('pipelineLayout — empty CRM', () => {
  const layout = pipelineLayout(buildPipelineSummary(input({ rebuiltBy: '' })));

  it('shows zeros, — for every rate and average, and None for stale and owners', () => {
    const v = layout.values;
    expect(v[1]).toEqual(row('Last rebuilt 2026-03-31 00:00 UTC')); // no "by" when the user is unknown
    expect(v.slice(5, 14)).toEqual([
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
    expect(v.slice(14, 16)).toEqual([row('Open pipeline value', 0), row('Weighted forecast', 0)]);
    expect(v.slice(19, 25)).toEqual([
      row('Lead', 'Contacted', 0, 0, '—'),
      row('Contacted', 'Qualified', 0, 0, '—'),
      row('Qualified', 'In negotiation', 0, 0, '—'),
      row('In negotiation', 'Closed-won', 0, 0, '—'),
      row('Won / lost', 0, 0),
      row('Win rate', '—'),
    ]);
    expect(v.slice(28, 36).every((r) => r[1] === 0 && r[2] === '—' && r[3] === '—')).toBe(true);
    expect(v.slice(36)).toEqual([
      row(),
      lists(['Stale customers (no change for more than 14 days)'], ['By owner']),
      lists(
        ['ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'],
        ['Owner', 'Customers', 'Open', 'Weighted value', 'Overdue follow-ups', 'No next step'],
      ),
      lists(['None'], ['None']),
    ]);
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
    expect(layout.values[14]).toEqual(row('Open pipeline value', 0));
    expect(layout.values[15]).toEqual(row('Weighted forecast', 0));
    expect(layout.values[24]).toEqual(row('Win rate', 0.5)); // 1 won / (1 + 1)
    expect(layout.values[39]).toEqual(lists(['None'], ['ann', 2, 0, 900, 0, 0])); // closed customers are never stale
    expectWellFormed(layout);
  });

  it('keeps customer text as given and says "day" for a 1-day threshold', () => {
    const customers = [customer('=1+1', 'Lead', { name: '+44 20', company: '@corp', updatedAt: day(0) })];
    const layout = pipelineLayout(buildPipelineSummary(input({ customers, staleDays: 1 })));
    expect(layout.values[37]?.[0]).toBe('Stale customers (no change for more than 1 day)');
    // escaping formula-like text is the sheet layer's job: the layout hands it over untouched
    expect(layout.values[39]).toEqual(
      lists(['=1+1', '+44 20', '@corp', '(no owner)', 'Lead', 30], ['(no owner)', 1, 1, 0, 0, 1]),
    );
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
    // 39 fixed rows, then 25 stale rows beside the 3 owner rows
    expect(layout.values).toHaveLength(39 + 25);
    expect(layout.values[42]?.slice(7)).toEqual(['', '', '', '', '', '']);
    expectWellFormed(layout);
  });
});
