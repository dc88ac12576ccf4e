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
 *      rows 1..37    title, "Last rebuilt…", By stage (+ Total, Open pipeline value, Weighted forecast),
 *                    Conversion (+ Won / lost, Win rate), Time in stage — columns A..E
 *      row 38, 39    "Stale customers (…)" + its header in A..F   |   "By owner" + its header in H..M
 *      rows 40..     the stale customers in A..F                  |   the owners in H..M   (G stays blank)
 *      chart         anchored at H4, over the By-stage table; ~18 rows tall, so it ends well above row 38
 *
 * Numbers stay numbers (the sheet can sum them); a missing rate or average is the text '—'. Cells without a number
 * format keep the automatic one (''), never '@': the sheet layer writes every text with a leading apostrophe, which
 * keeps it text in any cell. Customer text is returned as is: escaping is the sheet layer's job.
 */

import { STATUSES } from '../statuses';
import { FUNNEL } from './conversion';
import type { PipelineSummary } from './types';

export const PIPELINE_TITLE = 'Pipeline summary';
/** How an empty owner is shown (the summary JSON keeps ''). */
export const NO_OWNER_LABEL = '(no owner)';
/** Shown for a null rate or average (no data: 0 of 0 is not 0%). */
export const NO_VALUE = '—';

/** Bump when the frame changes (positions, formats, chart): the next rebuild then applies the new frame. */
export const PIPELINE_FRAME_VERSION = 3;

export const PIPELINE_FORMATS = {
  money: '#,##0.00',
  percent: '0%',
  days: '0.0',
  count: '0',
  /** Sheets' automatic format: what text and blank cells keep. */
  automatic: '',
} as const;

export type PipelineCell = string | number;

/** Columns written by every rebuild: A..M (stale list A..F, blank G, By owner H..M). */
export const PIPELINE_WIDTH = 13;
const STALE_COLUMN = 1;
const OWNER_COLUMN = 8;

export interface PipelineChartSpec {
  /** Source range, 1-based: the By-stage header row and its 8 stage rows (no Total), columns Stage..Deal value. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Top-left corner: level with "By stage", right of the top block, far above the owner list in the same columns. */
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
  /** Number formats of rows 1..listFirstRow-1, width columns each ('' = automatic). */
  blockFormats: string[][];
  /** Number format of each column of a list row. */
  listFormats: string[];
  /** 1-based rows set in bold (whole width): the title, every section title and every column-header row. */
  boldRows: number[];
  chart: PipelineChartSpec;
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
/**
 * Formats of a list row, by column A..M: Days idle (F) a count; Customers, Open (I, J) counts; Weighted value (K)
 * money; Overdue follow-ups, No next step (L, M) counts.
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
];

interface Block {
  rows: Cell[][];
  boldRows: number[];
  stageSectionRow: number;
  stageHeaderRow: number;
}

/** The fixed-height top block, rows 1..37 (its last row blank), built row by row. */
function topBlock(summary: PipelineSummary): Block {
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

  header([PIPELINE_TITLE]);
  const by = summary.rebuiltBy.trim() === '' ? '' : ` by ${summary.rebuiltBy}`;
  add([text(`Last rebuilt ${formatRebuiltAt(summary.rebuiltAt)} UTC${by}`)]);
  blank();

  const stageSectionRow = header(['By stage']);
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
  add([text('Open pipeline value'), num(summary.openPipelineValue, 'money')]);
  add([text('Weighted forecast'), num(summary.weightedForecast, 'money')]);
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
  return { rows, boldRows, stageSectionRow, stageHeaderRow };
}

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
  };
}

function padRow<T>(cells: readonly T[], fill: T): T[] {
  return [...cells, ...Array.from({ length: PIPELINE_WIDTH - cells.length }, () => fill)];
}

/** The frame: the same for every summary (see the file comment). */
export function pipelineFrame(): PipelineFrame {
  const block = topBlock(skeleton());
  const listTitleRow = block.rows.length + 1;
  return {
    version: PIPELINE_FRAME_VERSION,
    width: PIPELINE_WIDTH,
    listTitleRow,
    listFirstRow: listTitleRow + 2,
    blockFormats: [
      ...block.rows.map((r) =>
        padRow(
          r.map((c) => c.format),
          PIPELINE_FORMATS.automatic,
        ),
      ),
      // The two list title and header rows: text only.
      padRow<string>([], PIPELINE_FORMATS.automatic),
      padRow<string>([], PIPELINE_FORMATS.automatic),
    ],
    listFormats: LIST_KINDS.map((kind) => PIPELINE_FORMATS[kind]),
    boldRows: [...block.boldRows, listTitleRow, listTitleRow + 1],
    chart: {
      row: block.stageHeaderRow,
      column: 1,
      numRows: 1 + STATUSES.length,
      numColumns: 3,
      anchorRow: block.stageSectionRow,
      anchorColumn: OWNER_COLUMN,
    },
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
  const block = topBlock(summary);
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

  const unit = summary.staleDays === 1 ? 'day' : 'days';
  const titles = padRow<PipelineCell>([], '');
  place(titles, STALE_COLUMN, [`Stale customers (no change for more than ${summary.staleDays} ${unit})`]);
  place(titles, OWNER_COLUMN, ['By owner']);
  const headers = padRow<PipelineCell>([], '');
  place(headers, STALE_COLUMN, STALE_HEADERS);
  place(headers, OWNER_COLUMN, OWNER_HEADERS);
  values.push(titles, headers);

  const stale: PipelineCell[][] =
    summary.stale.length === 0
      ? [['None']]
      : summary.stale.map((s) => [s.id, s.name, s.company, ownerLabel(s.owner), s.status, s.daysIdle]);
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
  // Side by side: as many rows as the longer list; the shorter one's rest stays blank.
  for (let i = 0; i < Math.max(stale.length, owners.length); i++) {
    const row = padRow<PipelineCell>([], '');
    place(row, STALE_COLUMN, stale[i] ?? []);
    place(row, OWNER_COLUMN, owners[i] ?? []);
    values.push(row);
  }
  return { values, frame };
}
