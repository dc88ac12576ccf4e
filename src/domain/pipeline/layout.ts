/**
 * The `Pipeline` tab's geometry, pure (no Apps Script objects): where every figure goes and how it is formatted.
 *
 * Two parts, so a rebuild can be ONE setValues:
 *  - the FRAME (pipelineFrame): number formats, bold rows and the chart. It never depends on the data: the top
 *    block has a fixed height (8 stages, 4 funnel steps) and the two variable-length lists sit side by side below
 *    it, each with one format per column down to the last row of the sheet. The sheet layer applies the frame
 *    once (Set up / repair, or the first rebuild of a new tab or a new frame version), not on every rebuild.
 *  - the VALUES (pipelineLayout): one rectangle, columns A..M, every cell at its frame position.
 *
 *      rows 1..13    title, "Last rebuilt…" (or "out of date", see outOfDateText), the Headline: forecast, open value,
 *                    win rate, sales cycle, stale / overdue / no-next-step counts, the bottleneck in two sentences
 *      rows 15..60   By stage (+ Total), Conversion (+ Won / lost, Win rate), Time in stage, Weighted forecast by
 *                    week (the last 12 weeks of the Snapshots tab) — columns A..E
 *      row 62, 63    list titles + headers: Stale customers A..F | By owner H..M | Lost reasons O..Q
 *      rows 64..     the three lists side by side (G and N stay blank); the stale list shows the STALE_LIST_LIMIT
 *                    stalest and then one row "… and N more — see CRM ▸ Pipeline board (stalest first)"
 *      below them    only when Settings names a Choice field ("Group Pipeline by"): after one blank row, "Deal value
 *                    by <field>" in H..K (title, header, one row per choice, Total), under By owner's formats
 *                    (text, count, count, money) so the frame stays data-independent
 *      charts        "Open stages" (the funnel: customers in Lead … In negotiation) at H4, "Weighted forecast by
 *                    week" at H27; each ~20 rows tall, so both end above the lists
 *      height        PIPELINE_ROWS rows, whatever the CRM's size (the capped stale list fits with room for the other
 *                    lists and the Choice table); the sheet layer sizes the tab to that once, with the frame
 *
 * Numbers stay numbers (the sheet can sum them); a missing rate or average is the text '—'. Cells without a number
 * format keep the automatic one (''), never '@': the sheet layer writes every text with a leading apostrophe, which
 * keeps it text in any cell. Customer text is returned as is: escaping is the sheet layer's job.
 */

import type { ChoiceGroups } from '../customFields/groupBy';
import { OPEN_STATUSES, STATUSES } from '../statuses';
import { FUNNEL } from './conversion';
import { TREND_WEEKS } from './snapshots';
import { roundMoney } from './time';
import { formatCount } from '../validation';
import type { PipelineSummary } from './types';

export const PIPELINE_TITLE = 'Pipeline summary';
/** How an empty owner is shown (the summary JSON keeps ''). */
export const NO_OWNER_LABEL = '(no owner)';
/** Shown for a null rate or average (no data: 0 of 0 is not 0%). */
export const NO_VALUE = '—';

/** Bump when the frame changes (positions, formats, chart, height): the next rebuild then applies the new frame. */
export const PIPELINE_FRAME_VERSION = 5;

/**
 * The tab's height: the top block (61), the list titles and headers (2), the capped stale list and its "more" row
 * (101), and 36 rows for a longer By owner or Lost reasons list and the "Deal value by" table. A layout longer
 * than this (very many owners or choices) grows the tab to fit; nothing else does.
 */
export const PIPELINE_ROWS = 200;

export const PIPELINE_FORMATS = {
  money: '#,##0.00',
  percent: '0%',
  days: '0.0',
  count: '0',
  /** Sheets' automatic format: what text and blank cells keep. */
  automatic: '',
} as const;

export type PipelineCell = string | number;

/** Columns written by every rebuild: A..Q (stale list A..F, blank G, By owner H..M, blank N, Lost reasons O..Q). */
export const PIPELINE_WIDTH = 17;
const STALE_COLUMN = 1;
const OWNER_COLUMN = 8;
const LOST_COLUMN = 15;

/** Row 2: the "Last rebuilt" line, which a write without a rebuild replaces with outOfDateText. */
export const PIPELINE_STATUS_ROW = 2;

/**
 * What row 2 says after a write that did not rebuild the tab: the figures below are older than the data. Written in
 * the same batch as the write (one setValue), replaced by the next rebuild's "Last rebuilt" line.
 */
export function outOfDateText(changedAtIso: string, by: string): string {
  const who = by.trim() === '' ? '' : ` by ${by}`;
  return `Figures out of date: customers changed ${formatRebuiltAt(changedAtIso)} UTC${who}. They are rebuilt in a moment, or now with CRM ▸ Pipeline summary.`;
}

export interface PipelineChartSpec {
  title: string;
  /** A Charts.ChartType key. */
  type: 'COLUMN';
  /** Source range, 1-based, its first row the header. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Top-left corner, right of the top block and above the lists. */
  anchorRow: number;
  anchorColumn: number;
}

export interface PipelineFrame {
  /** The frame's version; the sheet layer stores it to know when a tab needs the frame (again). */
  version: number;
  /** Columns A..width. */
  width: number;
  /** Row of the two list titles; the column headers are on the next row. */
  listTitleRow: number;
  /** First row of list data; from here to the sheet's last row every row has listFormats. */
  listFirstRow: number;
  /** The tab's height (PIPELINE_ROWS): what the frame sizes the grid to and every rebuild writes. */
  rows: number;
  /** Number formats of rows 1..listFirstRow-1, width columns each ('' = automatic). */
  blockFormats: string[][];
  /** Number format of each column of a list row. */
  listFormats: string[];
  /** 1-based rows set in bold (whole width): the title, every section title and every column-header row. */
  boldRows: number[];
  /** In order: the open-stage funnel, the weekly forecast. The sheet keeps exactly these, modified in place. */
  charts: PipelineChartSpec[];
}

export interface PipelineLayout {
  /** Rows 1..n, `frame.width` cells each; the sheet layer pads it with '' down to the sheet's last row. */
  values: PipelineCell[][];
  frame: PipelineFrame;
}

type Kind = keyof typeof PIPELINE_FORMATS;

/** A cell of the top block: its value and the number format of its position. */
interface Cell {
  value: PipelineCell;
  format: string;
}

const text = (value: string): Cell => ({ value, format: PIPELINE_FORMATS.automatic });
const num = (value: number, kind: Kind): Cell => ({ value, format: PIPELINE_FORMATS[kind] });
/** A nullable figure: '—' when null, in a cell that keeps the figure's format (the position, not the value, decides). */
const maybe = (value: number | null, kind: Kind): Cell => ({
  value: value ?? NO_VALUE,
  format: PIPELINE_FORMATS[kind],
});

/** 'yyyy-mm-dd hh:mm' in UTC; an unparsable value is shown as given rather than hidden. */
export function formatRebuiltAt(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const s = new Date(t).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

function ownerLabel(owner: string): string {
  return owner === '' ? NO_OWNER_LABEL : owner;
}

const STALE_HEADERS = ['ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle'] as const;
const OWNER_HEADERS = ['Owner', 'Customers', 'Open', 'Weighted value', 'Overdue follow-ups', 'No next step'] as const;
const LOST_HEADERS = ['Reason', 'Customers', 'Deal value'] as const;
/**
 * Formats of a list row, by column A..Q: Days idle (F) a count; Customers, Open (I, J) counts; Weighted value (K)
 * money; Overdue follow-ups, No next step (L, M) counts; Lost reasons' Customers (P) a count, Deal value (Q) money.
 */
const LIST_KINDS: readonly Kind[] = [
  ...STALE_HEADERS.slice(0, -1).map((): Kind => 'automatic'),
  'count', // F Days idle
  'automatic', // G blank
  'automatic', // H Owner
  'count', // I Customers
  'count', // J Open
  'money', // K Weighted value
  'count', // L Overdue follow-ups
  'count', // M No next step
  'automatic', // N blank
  'automatic', // O Reason
  'count', // P Customers
  'money', // Q Deal value
];

/** Where the stale list starts, and, when it is capped, that it shows the stalest only. */
function staleListedText(summary: PipelineSummary, listTitleRow: number): string {
  const where = `listed from row ${listTitleRow + 2}`;
  return summary.stale.length < summary.headline.staleCount ? `the ${summary.stale.length} stalest ${where}` : where;
}

/** The row under a capped stale list: how many more, and where to see them (the board sorts stalest first). */
export function moreStaleText(more: number): string {
  return `… and ${formatCount(more)} more — see CRM ▸ Pipeline board (stalest first)`;
}

/** "Stale customers (14 days or more without a change)": the same rule as the list (daysIdle ≥ N). */
export function staleTitle(staleDays: number): string {
  return `Stale customers (${staleDays} ${staleDays === 1 ? 'day' : 'days'} or more without a change)`;
}

interface Block {
  rows: Cell[][];
  boldRows: number[];
  stageHeaderRow: number;
  trendHeaderRow: number;
}

/** The fixed-height top block, rows 1..61 (its last row blank), built row by row. */
function topBlock(summary: PipelineSummary, listTitleRow: number): Block {
  const rows: Cell[][] = [];
  const boldRows: number[] = [];
  /** Appends a row and returns its 1-based number. */
  const add = (cells: Cell[]): number => rows.push(cells);
  const header = (labels: readonly string[]): number => {
    const row = add(labels.map(text));
    boldRows.push(row);
    return row;
  };
  const blank = (): void => {
    add([]);
  };
  const h = summary.headline;

  header([PIPELINE_TITLE]);
  const by = summary.rebuiltBy.trim() === '' ? '' : ` by ${summary.rebuiltBy}`;
  add([text(`Last rebuilt ${formatRebuiltAt(summary.rebuiltAt)} UTC${by}`)]);
  blank();

  header(['Headline']);
  add([text('Weighted forecast'), num(summary.weightedForecast, 'money')]);
  add([text('Open pipeline value'), num(summary.openPipelineValue, 'money')]);
  add([text('Win rate'), maybe(summary.winRate, 'percent')]);
  add([
    text('Sales cycle (median days from creation to Closed-won)'),
    maybe(h.salesCycleDays, 'days'),
    text(`${h.salesCycleDeals} won ${h.salesCycleDeals === 1 ? 'deal' : 'deals'}`),
  ]);
  add([text(staleTitle(summary.staleDays)), num(h.staleCount, 'count'), text(staleListedText(summary, listTitleRow))]);
  add([text('Overdue follow-ups'), num(h.overdueCount, 'count')]);
  add([text('Open deals without a next step'), num(h.noNextStepCount, 'count')]);
  add([text(h.conversionSentence)]);
  add([text(h.waitSentence)]);
  blank();

  header(['By stage']);
  const stageHeaderRow = header(['Stage', 'Customers', 'Deal value', 'Win probability', 'Weighted value']);
  for (const s of summary.stages) {
    add([
      text(s.status),
      num(s.count, 'count'),
      num(s.totalValue, 'money'),
      num(s.probability, 'percent'),
      num(s.weightedValue, 'money'),
    ]);
  }
  add([
    text('Total'),
    num(summary.totals.count, 'count'),
    num(summary.totals.totalValue, 'money'),
    text(''),
    num(summary.totals.weightedValue, 'money'),
  ]);
  blank();

  header(['Conversion']);
  header(['From', 'To', 'Reached', 'Of', 'Rate']);
  for (const c of summary.conversion) {
    add([text(c.from), text(c.to), num(c.reached, 'count'), num(c.fromReached, 'count'), maybe(c.rate, 'percent')]);
  }
  add([text('Won / lost'), num(summary.wonCount, 'count'), num(summary.lostCount, 'count')]);
  add([text('Win rate'), maybe(summary.winRate, 'percent')]);
  blank();

  header(['Time in stage (days, current stays counted to now)']);
  header(['Stage', 'Stays', 'Average', 'Median']);
  for (const t of summary.stageTimes) {
    add([text(t.status), num(t.stays, 'count'), maybe(t.averageDays, 'days'), maybe(t.medianDays, 'days')]);
  }
  blank();

  header(['Weighted forecast by week (Snapshots tab)']);
  const trendHeaderRow = header(['Week', 'Weighted forecast']);
  for (let i = 0; i < TREND_WEEKS; i++) {
    const week = summary.weeklyForecast[i];
    // Fixed height: weeks not yet recorded stay blank cells under the same formats.
    add(
      week
        ? [text(week.week), num(week.weightedForecast, 'money')]
        : [text(''), { value: '', format: PIPELINE_FORMATS.money }],
    );
  }
  blank();
  return { rows, boldRows, stageHeaderRow, trendHeaderRow };
}

/** Rows of the top block: the skeleton's, so the list row the headline points to is known before it is built. */
const TOP_BLOCK_ROWS = 61;

/** A summary with every stage and funnel step and nothing else: the frame is read off its block. */
function skeleton(): PipelineSummary {
  return {
    rebuiltAt: '',
    rebuiltBy: '',
    stages: STATUSES.map((status) => ({ status, count: 0, totalValue: 0, probability: 0, weightedValue: 0 })),
    totals: { count: 0, totalValue: 0, weightedValue: 0 },
    openPipelineValue: 0,
    weightedForecast: 0,
    wonValue: 0,
    conversion: FUNNEL.slice(1).map((to, i) => ({ from: FUNNEL[i] ?? to, to, reached: 0, fromReached: 0, rate: null })),
    wonCount: 0,
    lostCount: 0,
    winRate: null,
    stageTimes: STATUSES.map((status) => ({ status, stays: 0, averageDays: null, medianDays: null })),
    stale: [],
    owners: [],
    staleDays: 0,
    headline: {
      salesCycleDays: null,
      salesCycleDeals: 0,
      staleCount: 0,
      overdueCount: 0,
      noNextStepCount: 0,
      lowestConversion: null,
      longestWait: null,
      conversionSentence: '',
      waitSentence: '',
    },
    lostReasons: [],
    week: '',
    snapshot: [],
    weeklyForecast: [],
  };
}

function padRow<T>(cells: readonly T[], fill: T): T[] {
  return [...cells, ...Array.from({ length: PIPELINE_WIDTH - cells.length }, () => fill)];
}

/** The frame: the same for every summary (see the file comment). */
export function pipelineFrame(): PipelineFrame {
  const listTitleRow = TOP_BLOCK_ROWS + 1;
  const block = topBlock(skeleton(), listTitleRow);
  return {
    version: PIPELINE_FRAME_VERSION,
    width: PIPELINE_WIDTH,
    listTitleRow,
    listFirstRow: listTitleRow + 2,
    rows: PIPELINE_ROWS,
    blockFormats: [
      ...block.rows.map((r) =>
        padRow(
          r.map((c) => c.format),
          PIPELINE_FORMATS.automatic,
        ),
      ),
      // The list title and header rows: text only.
      padRow<string>([], PIPELINE_FORMATS.automatic),
      padRow<string>([], PIPELINE_FORMATS.automatic),
    ],
    listFormats: LIST_KINDS.map((kind) => PIPELINE_FORMATS[kind]),
    boldRows: [...block.boldRows, listTitleRow, listTitleRow + 1],
    charts: [
      {
        title: 'Open stages: customers (the funnel)',
        type: 'COLUMN',
        row: block.stageHeaderRow,
        column: 1,
        numRows: 1 + OPEN_STATUSES.length, // header + Lead … In negotiation (the first rows of By stage)
        numColumns: 2,
        anchorRow: 4,
        anchorColumn: OWNER_COLUMN,
      },
      {
        title: 'Weighted forecast by week',
        type: 'COLUMN',
        row: block.trendHeaderRow,
        column: 1,
        numRows: 1 + TREND_WEEKS,
        numColumns: 2,
        anchorRow: 27,
        anchorColumn: OWNER_COLUMN,
      },
    ],
  };
}

/** Number formats of rows firstRow..firstRow+numRows-1 (1-based), A..M, as the frame sets them. */
export function frameNumberFormats(frame: PipelineFrame, firstRow: number, numRows: number): string[][] {
  return Array.from({ length: numRows }, (_, i) => {
    const row = firstRow + i;
    return row < frame.listFirstRow ? [...(frame.blockFormats[row - 1] ?? [])] : [...frame.listFormats];
  });
}

/** Font weights of rows firstRow..firstRow+numRows-1 (1-based), A..M: 'bold' on the frame's bold rows. */
export function frameFontWeights(
  frame: PipelineFrame,
  firstRow: number,
  numRows: number,
): Array<Array<'bold' | 'normal'>> {
  const bold = new Set(frame.boldRows);
  return Array.from({ length: numRows }, (_, i) =>
    Array.from({ length: frame.width }, () => (bold.has(firstRow + i) ? 'bold' : 'normal')),
  );
}

/** Cells of one list row placed at `column` (1-based) of a PIPELINE_WIDTH-wide row. */
function place(row: PipelineCell[], column: number, cells: readonly PipelineCell[]): void {
  cells.forEach((cell, i) => {
    row[column - 1 + i] = cell;
  });
}

export function pipelineLayout(summary: PipelineSummary): PipelineLayout {
  const frame = pipelineFrame();
  const block = topBlock(summary, frame.listTitleRow);
  // The frame is read off a skeleton summary: a summary of another shape would put figures under the wrong formats.
  if (block.rows.length !== frame.listTitleRow - 1) {
    throw new Error(
      `Pipeline layout: the top block has ${block.rows.length} rows, the frame ${frame.listTitleRow - 1}`,
    );
  }
  const values: PipelineCell[][] = block.rows.map((r) =>
    padRow(
      r.map((c) => c.value),
      '',
    ),
  );

  const titles = padRow<PipelineCell>([], '');
  place(titles, STALE_COLUMN, [staleTitle(summary.staleDays)]);
  place(titles, OWNER_COLUMN, ['By owner']);
  place(titles, LOST_COLUMN, ['Lost reasons (customers now Closed-lost)']);
  const headers = padRow<PipelineCell>([], '');
  place(headers, STALE_COLUMN, STALE_HEADERS);
  place(headers, OWNER_COLUMN, OWNER_HEADERS);
  place(headers, LOST_COLUMN, LOST_HEADERS);
  values.push(titles, headers);

  const stale: PipelineCell[][] =
    summary.stale.length === 0
      ? [['None']]
      : summary.stale.map((s) => [s.id, s.name, s.company, ownerLabel(s.owner), s.status, s.daysIdle]);
  const more = summary.headline.staleCount - summary.stale.length;
  if (more > 0) stale.push([moreStaleText(more)]);
  const owners: PipelineCell[][] =
    summary.owners.length === 0
      ? [['None']]
      : summary.owners.map((o) => [
          ownerLabel(o.owner),
          o.count,
          o.openCount,
          o.weightedValue,
          o.overdueCount,
          o.noNextStepCount,
        ]);
  const lost: PipelineCell[][] =
    summary.lostReasons.length === 0 ? [['None']] : summary.lostReasons.map((r) => [r.reason, r.count, r.totalValue]);
  // Side by side: as many rows as the longest list; the others' rest stays blank.
  for (let i = 0; i < Math.max(stale.length, owners.length, lost.length); i++) {
    const row = padRow<PipelineCell>([], '');
    place(row, STALE_COLUMN, stale[i] ?? []);
    place(row, OWNER_COLUMN, owners[i] ?? []);
    place(row, LOST_COLUMN, lost[i] ?? []);
    values.push(row);
  }
  if (summary.byChoice !== undefined) values.push(...byChoiceRows(summary.byChoice));
  return { values, frame };
}

/**
 * The "Deal value by <field>" table, placed in H..K below the lists: those columns' list formats are text, count,
 * count, money, which fit Choice, Customers, Open, Deal value (the frame does not depend on the data).
 */
function byChoiceRows(groups: ChoiceGroups): PipelineCell[][] {
  const row = (cells: readonly PipelineCell[]): PipelineCell[] => {
    const r = padRow<PipelineCell>([], '');
    place(r, OWNER_COLUMN, cells);
    return r;
  };
  const sum = (pick: (r: ChoiceGroups['rows'][number]) => number): number =>
    groups.rows.reduce((total, r) => total + pick(r), 0);
  return [
    padRow<PipelineCell>([], ''),
    row([byChoiceTitle(groups.field)]),
    row([groups.field, 'Customers', 'Open', 'Deal value']),
    ...groups.rows.map((r) => row([r.label, r.count, r.openCount, r.totalValue])),
    row(['Total', sum((r) => r.count), sum((r) => r.openCount), roundMoney(sum((r) => r.totalValue))]),
  ];
}

export function byChoiceTitle(field: string): string {
  return `Deal value by ${field}`;
}
