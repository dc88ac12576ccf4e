/**
 * pipelineLayout: the `Pipeline` tab as ONE rectangular grid of values and number formats, so the tab writer
 * does a single setValues and a single setNumberFormats (a constant number of range writes, however many
 * customers), plus the rows to bold and the chart's source range. Pure: no Apps Script objects.
 *
 * Numbers stay numbers (the sheet can sum them); a missing rate or average is the text '—'.
 * Every cell gets a format: number cells their display format, text and padding cells '@' (plain text).
 * Customer text is returned as is: escaping text that would become a formula is the sheet layer's job.
 */

import type { PipelineSummary } from './types';

export const PIPELINE_TITLE = 'Pipeline summary';
/** How an empty owner is shown (the summary JSON keeps ''). */
export const NO_OWNER_LABEL = '(no owner)';
/** Shown for a null rate or average (no data: 0 of 0 is not 0%). */
export const NO_VALUE = '—';

export const PIPELINE_FORMATS = {
  money: '#,##0.00',
  percent: '0%',
  days: '0.0',
  count: '0',
  text: '@',
} as const;

export type PipelineCell = string | number;

export interface PipelineChartSpec {
  /** Source range, 1-based: the By-stage header row and its 8 stage rows (no Total), columns Stage..Deal value. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Where the chart's top-left corner goes: level with the By-stage table, one blank column right of the grid. */
  anchorRow: number;
  anchorColumn: number;
}

export interface PipelineLayout {
  values: PipelineCell[][];
  numberFormats: string[][];
  /** 1-based rows to bold: the title, every section title and every column-header row. */
  headerRows: number[];
  chart: PipelineChartSpec;
}

type Kind = keyof typeof PIPELINE_FORMATS;

interface Cell {
  value: PipelineCell;
  format: string;
}

const text = (value: string): Cell => ({ value, format: PIPELINE_FORMATS.text });
const num = (value: number, kind: Kind): Cell => ({ value, format: PIPELINE_FORMATS[kind] });
/** A nullable figure: the number with its format, or '—' as text. */
const maybe = (value: number | null, kind: Kind): Cell => (value === null ? text(NO_VALUE) : num(value, kind));

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

export function pipelineLayout(summary: PipelineSummary): PipelineLayout {
  const rows: Cell[][] = [];
  const headerRows: number[] = [];
  /** Appends a row and returns its 1-based number. */
  const add = (cells: Cell[]): number => rows.push(cells);
  const header = (labels: readonly string[]): number => {
    const row = add(labels.map(text));
    headerRows.push(row);
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
    add([text(s.status), num(s.count, 'count'), num(s.totalValue, 'money'), num(s.probability, 'percent'), num(s.weightedValue, 'money')]);
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

  const unit = summary.staleDays === 1 ? 'day' : 'days';
  header([`Stale customers (no change for more than ${summary.staleDays} ${unit})`]);
  header(['ID', 'Name', 'Company', 'Owner', 'Status', 'Days idle']);
  if (summary.stale.length === 0) add([text('None')]);
  for (const s of summary.stale) {
    add([text(s.id), text(s.name), text(s.company), text(ownerLabel(s.owner)), text(s.status), num(s.daysIdle, 'count')]);
  }
  blank();

  header(['By owner']);
  header(['Owner', 'Customers', 'Open', 'Weighted value']);
  if (summary.owners.length === 0) add([text('None')]);
  for (const o of summary.owners) {
    add([text(ownerLabel(o.owner)), num(o.count, 'count'), num(o.openCount, 'count'), num(o.weightedValue, 'money')]);
  }

  // One rectangle: Range.setValues refuses ragged arrays, so every row is padded to the widest one.
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => text(''))]);

  return {
    values: padded.map((r) => r.map((c) => c.value)),
    numberFormats: padded.map((r) => r.map((c) => c.format)),
    headerRows,
    chart: {
      row: stageHeaderRow,
      column: 1,
      numRows: 1 + summary.stages.length,
      numColumns: 3,
      anchorRow: stageSectionRow,
      anchorColumn: width + 2,
    },
  };
}
