/**
 * What the page draws of an embedded chart: its categories and series read host-side from the chart's source
 * range(s) straight from the stand-in's sheet data (never counted as calls), its title, legend, axes and anchor. Options are read as Sheets stores
 * them, either nested (`series: { 1: { targetAxisIndex: 1 } }`) or dotted (`'series.1.targetAxisIndex'`).
 */

import type { StandIn } from '../gas';
import { type ChartData, displayValue, isDateFormat } from '../gas/spreadsheet';
import type { ChartSeriesView, ChartView } from './protocol';

/** Sheets' size for a new chart. */
export const DEFAULT_CHART_WIDTH = 600;
export const DEFAULT_CHART_HEIGHT = 371;
/** Longer sources are cut here (the page says how many categories were left out). */
export const MAX_CHART_CATEGORIES = 500;
/** Google Charts' default series colours. */
export const CHART_PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];

type Json = ChartData['options'][string];
type Cell = { raw: unknown; text: string };

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

/** An option by path, whether stored nested, dotted or a mix of both. */
export function chartOption(options: ChartData['options'], path: string): Json | undefined {
  const find = (node: Json | undefined, parts: string[]): Json | undefined => {
    if (parts.length === 0) return node;
    if (node === null || node === undefined || typeof node !== 'object' || Array.isArray(node)) return undefined;
    for (let n = parts.length; n >= 1; n--) {
      const key = parts.slice(0, n).join('.');
      if (Object.getOwnPropertyDescriptor(node, key) !== undefined) {
        const found = find(node[key], parts.slice(n));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return find(options, path.split('.'));
}

function text(value: Json | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function size(value: Json | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 50 && value <= 4000
    ? Math.round(value)
    : fallback;
}

function legendPosition(value: Json | undefined): ChartView['legend'] {
  const v = text(value).toLowerCase();
  if (v === 'none') return 'none';
  if (v === 'bottom' || v === 'right' || v === 'left') return v;
  return 'top';
}

/** The source as one table of cells: ranges side by side (MERGE_COLUMNS, the default) or stacked (MERGE_ROWS). */
function sourceTable(gas: StandIn, chart: ChartData): Cell[][] | string {
  const wb = gas.workbook;
  const strategy = chart.hiddenDimensionStrategy ?? 'IGNORE_BOTH';
  const blocks: Cell[][][] = [];
  for (const rect of chart.ranges) {
    const sheet = wb.sheetById(rect.sheetId);
    if (!sheet) return 'The chart’s data range is on a sheet that no longer exists.';
    const rows: Cell[][] = [];
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      if (sheet.hiddenRows[r] && (strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_ROWS')) continue;
      const row: Cell[] = [];
      for (let c = rect.col - 1; c < rect.col - 1 + rect.numCols; c++) {
        if (sheet.hiddenColumns[c] && (strategy === 'IGNORE_BOTH' || strategy === 'IGNORE_COLUMNS')) continue;
        // As sheetValues/sheetDisplayValues read them, for this rectangle only; a date is not a number to plot.
        const value = sheet.values[r]?.[c] ?? '';
        const format = sheet.formats.get(r, c);
        row.push({
          raw: typeof value === 'number' && isDateFormat(format) ? '' : value,
          text: value === '' ? '' : displayValue(value, format),
        });
      }
      rows.push(row);
    }
    blocks.push(rows);
  }
  if (chart.mergeStrategy === 'MERGE_ROWS') return blocks.flat();
  const height = Math.max(0, ...blocks.map((b) => b.length));
  return Array.from({ length: height }, (_, r) =>
    blocks.flatMap((b) => b[r] ?? Array.from({ length: b[0]?.length ?? 0 }, () => ({ raw: '', text: '' }))),
  );
}

function transpose(table: Cell[][]): Cell[][] {
  const width = Math.max(0, ...table.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => table.map((row) => row[c] ?? { raw: '', text: '' }));
}

/** numHeaders -1 lets Sheets guess: a first row of text over data is a header row. */
function headerRows(table: Cell[][], numHeaders: number): number {
  if (numHeaders >= 0) return Math.min(numHeaders, table.length);
  const first = table[0];
  if (!first || table.length < 2) return 0;
  return first.slice(1).some((cell) => typeof cell.raw === 'string' && cell.raw !== '') ? 1 : 0;
}

export function chartView(gas: StandIn, chart: ChartData): ChartView {
  const options = chart.options;
  const base: ChartView = {
    id: chart.chartId,
    type: chart.type,
    title: text(chartOption(options, 'title')),
    anchorRow: chart.anchorRow,
    anchorColumn: chart.anchorColumn,
    offsetX: chart.offsetX,
    offsetY: chart.offsetY,
    width: size(chartOption(options, 'width'), DEFAULT_CHART_WIDTH),
    height: size(chartOption(options, 'height'), DEFAULT_CHART_HEIGHT),
    categories: [],
    series: [],
    legend: legendPosition(chartOption(options, 'legend.position') ?? chartOption(options, 'legend')),
    hAxisTitle: text(chartOption(options, 'hAxis.title')),
    vAxisTitles: [
      text(chartOption(options, 'vAxes.0.title') ?? chartOption(options, 'vAxis.title')),
      text(chartOption(options, 'vAxes.1.title')),
    ],
    truncatedCategories: 0,
    problem: null,
  };
  const source = sourceTable(gas, chart);
  if (typeof source === 'string') return { ...base, problem: source };
  const table = chart.transpose ? transpose(source) : source;
  const headers = headerRows(table, chart.numHeaders);
  const data = table.slice(headers);
  const shown = data.slice(0, MAX_CHART_CATEGORIES);
  const width = Math.max(0, ...table.map((r) => r.length));
  const colors = chartOption(options, 'colors');

  const series: ChartSeriesView[] = [];
  for (let c = 1; c < width; c++) {
    const i = c - 1;
    const name = table
      .slice(0, headers)
      .map((row) => row[c]?.text ?? '')
      .filter((t) => t !== '')
      .join(' ');
    const color = text(chartOption(options, `series.${i}.color`)) || (Array.isArray(colors) ? text(colors[i]) : '');
    series.push({
      name: name || `Series ${i + 1}`,
      values: shown.map((row) => {
        const raw = row[c]?.raw;
        return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
      }),
      axis: chartOption(options, `series.${i}.targetAxisIndex`) === 1 ? 1 : 0,
      color: COLOR.test(color) ? color : (CHART_PALETTE[i % CHART_PALETTE.length] as string),
    });
  }
  return {
    ...base,
    categories: shown.map((row) => row[0]?.text ?? ''),
    series,
    truncatedCategories: data.length - shown.length,
  };
}
