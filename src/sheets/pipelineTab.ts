/**
 * Writes the generated `Pipeline` tab with a constant number of calls whatever the CRM's size: the tab's size
 * and its chart are read first, then clear, one setValues, one setNumberFormats, one setFontWeights and one
 * chart insert or update follow with no read in between, so Apps Script can send the writes as one batch.
 */

import type { PipelineLayout } from '../domain/pipeline';
import { textCell } from './cells';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function ensureSize(sheet: Sheet, size: { maxRows: number; maxColumns: number }, rows: number, columns: number): void {
  const { maxRows, maxColumns } = size;
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function placeChart(sheet: Sheet, layout: PipelineLayout, existing: GoogleAppsScript.Spreadsheet.EmbeddedChart | undefined): void {
  const { chart } = layout;
  const source = sheet.getRange(chart.row, chart.column, chart.numRows, chart.numColumns);
  // Rebuilding modifies the one chart instead of adding a new chart every time.
  const builder = existing ? existing.modify().clearRanges() : sheet.newChart();
  const built = builder
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(source)
    .setNumHeaders(1)
    .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
    .setOption('title', 'Customers and deal value by stage')
    .setOption('series', { 1: { targetAxisIndex: 1 } })
    .build();
  if (existing) sheet.updateChart(built);
  else sheet.insertChart(built);
}

export function writePipelineTab(ss: Spreadsheet, layout: PipelineLayout): void {
  const sheet = ss.getSheetByName(TAB.pipeline) ?? ss.insertSheet(TAB.pipeline);
  const rows = layout.values.length;
  const columns = (layout.values[0] ?? []).length;
  // Reads first (clear() keeps the grid's size and the charts), so the writes below are not interleaved with reads.
  const size = { maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() };
  const existingChart = sheet.getCharts()[0];
  // clear() also drops the old formats, so this run's text is parsed as text, not as a stale '@' cell.
  sheet.clear();
  ensureSize(sheet, size, rows, columns + 8);
  const bold = new Set(layout.headerRows);
  const grid = sheet.getRange(1, 1, rows, columns);
  grid.setValues(layout.values.map((row) => row.map((cell) => (typeof cell === 'string' ? textCell(cell) : cell))));
  grid.setNumberFormats(layout.numberFormats);
  grid.setFontWeights(layout.values.map((row, r) => row.map(() => (bold.has(r + 1) ? 'bold' : 'normal'))));
  placeChart(sheet, layout, existingChart);
}
