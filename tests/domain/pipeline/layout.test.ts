/**
 * pipelineLayout: the whole `Pipeline` grid checked cell by cell for the reference CRM (figures worked out in
 * summary.test.ts), the empty CRM, and the invariants the tab writer relies on: one rectangle, a format for
 * every cell, numbers kept as numbers.
 */

import {
  buildPipelineSummary,
  formatRebuiltAt,
  pipelineLayout,
  PIPELINE_FORMATS as F,
  type PipelineLayout,
} from '../../../src/domain/pipeline';
import { customer, day, input, referenceInput } from './fixtures';

const W = 6; // widest table: Stale customers (ID | Name | Company | Owner | Status | Days idle)

/** A row padded with '' to the grid width, as the layout must produce. */
function row(...cells: Array<string | number>): Array<string | number> {
  return [...cells, ...Array.from({ length: W - cells.length }, () => '')];
}

function expectWellFormed(layout: PipelineLayout): void {
  const { values, numberFormats } = layout;
  expect(numberFormats).toHaveLength(values.length);
  values.forEach((cells, r) => {
    expect(cells).toHaveLength(values[0]?.length ?? 0);
    const formats = numberFormats[r] ?? [];
    expect(formats).toHaveLength(cells.length);
    cells.forEach((value, c) => {
      const format = formats[c];
      // every number has a number format; every text (padding included) is plain text
      if (typeof value === 'number') {
        expect(Number.isFinite(value)).toBe(true);
        expect([F.money, F.percent, F.days, F.count]).toContain(format);
      } else {
        expect(format).toBe(F.text);
      }
    });
  });
}

describe('pipelineLayout — reference CRM, cell by cell', () => {
  const layout = pipelineLayout(buildPipelineSummary(referenceInput()));

  it('writes every section in order', () => {
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
      /* 38 */ row('Stale customers (no change for more than 14 days)'),
      /* 39 */ row('ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'),
      /* 40 */ row('C1', 'Name C1', 'Company C1', 'alice', 'Lead', 21),
      /* 41 */ row('C2', 'Name C2', 'Company C2', 'bob', 'Qualified', 20),
      /* 42 */ row(),
      /* 43 */ row('By owner'),
      /* 44 */ row('Owner', 'Customers', 'Open', 'Weighted value'),
      /* 45 */ row('bob', 2, 1, 3800),
      /* 46 */ row('alice', 3, 2, 3500),
      /* 47 */ row('(no owner)', 1, 0, 0),
    ]);
  });

  it('formats money, percentages, days and counts', () => {
    const f = (r: number) => layout.numberFormats[r - 1];
    expect(f(6)).toEqual(['@', F.count, F.money, F.percent, F.money, '@']);
    expect(f(14)).toEqual(['@', F.count, F.money, '@', F.money, '@']);
    expect(f(15)?.[1]).toBe(F.money);
    expect(f(20)).toEqual(['@', '@', F.count, F.count, F.percent, '@']);
    expect(f(25)?.[1]).toBe(F.percent);
    expect(f(29)).toEqual(['@', F.count, F.days, F.days, '@', '@']);
    expect(f(36)).toEqual(['@', F.count, '@', '@', '@', '@']); // '—' is text
    expect(f(40)?.[5]).toBe(F.count);
    expect(f(45)).toEqual(['@', F.count, F.count, F.money, '@', '@']);
    expectWellFormed(layout);
  });

  it('marks header rows and points the chart at the By-stage table without its Total', () => {
    expect(layout.headerRows).toEqual([1, 4, 5, 18, 19, 27, 28, 38, 39, 43, 44]);
    // rows 5..13 (header + 8 stages), columns A..C (Stage, Customers, Deal value); anchored at H4
    expect(layout.chart).toEqual({ row: 5, column: 1, numRows: 9, numColumns: 3, anchorRow: 4, anchorColumn: 8 });
    const source = layout.values.slice(4, 13).map((r) => r.slice(0, 3));
    expect(source[0]).toEqual(['Stage', 'Customers', 'Deal value']);
    expect(source[8]).toEqual(['Dormant', 0, 0]);
  });
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
    expect(v.slice(37)).toEqual([
      row('Stale customers (no change for more than 14 days)'),
      row('ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'),
      row('None'),
      row(),
      row('By owner'),
      row('Owner', 'Customers', 'Open', 'Weighted value'),
      row('None'),
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
    expect(layout.values[39]).toEqual(row('None')); // closed customers are never stale
    expectWellFormed(layout);
  });

  it('keeps customer text as given and says "day" for a 1-day threshold', () => {
    const customers = [customer('=1+1', 'Lead', { name: '+44 20', company: '@corp', updatedAt: day(0) })];
    const layout = pipelineLayout(buildPipelineSummary(input({ customers, staleDays: 1 })));
    expect(layout.values).toContainEqual(row('Stale customers (no change for more than 1 day)'));
    // escaping formula-like text is the sheet layer's job: the layout hands it over untouched
    expect(layout.values).toContainEqual(row('=1+1', '+44 20', '@corp', '(no owner)', 'Lead', 30));
  });

  it('formats the rebuild time as yyyy-mm-dd hh:mm in UTC, or shows an unparsable one as is', () => {
    expect(formatRebuiltAt('2026-11-03T09:15:42.123Z')).toBe('2026-11-03 09:15');
    expect(formatRebuiltAt('2026-11-03T10:15:00+01:00')).toBe('2026-11-03 09:15');
    expect(formatRebuiltAt('soon')).toBe('soon');
  });

  it('grows with the stale list while staying one rectangle', () => {
    const customers = Array.from({ length: 25 }, (_, i) => customer(`C${String(i).padStart(2, '0')}`, 'Lead', { owner: `rep${i % 3}` }));
    const layout = pipelineLayout(buildPipelineSummary(input({ customers })));
    // 47-row reference layout minus its 2 stale and 3 owner rows, plus 25 stale and 3 owner rows
    expect(layout.values).toHaveLength(47 - 2 - 3 + 25 + 3);
    expectWellFormed(layout);
  });
});
