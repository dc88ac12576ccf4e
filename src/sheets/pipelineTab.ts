/**
 * Writes the generated `Pipeline` tab in the same few calls whatever the CRM's size.
 *
 * The tab's frame (its height, number formats, bold rows, the charts: domain/pipeline/layout.ts) does not depend on
 * the data, so it is applied once — by Set up / repair, or by the first rebuild after a new frame version, on a new
 * tab, on a tab cut by hand, or for a layout longer than the tab — and recorded in a document property with the
 * height it gave the grid. A rebuild then writes ONE setValues over A1:Q<that height>, with no read of the tab: the
 * '' padding overwrites what a longer previous list (or a scribble) left, with no clear(), which would also wipe the
 * frame. Text goes through textCell(): its apostrophe keeps it text under the automatic format.
 */

import {
  type PipelineChartSpec,
  type PipelineFrame,
  type PipelineLayout,
  frameFontWeights,
  frameNumberFormats,
  outOfDateText,
  PIPELINE_STATUS_ROW,
  pipelineFrame,
} from '../domain/pipeline';
import { textCell } from './cells';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Properties = GoogleAppsScript.Properties.Properties;

/** Document property: `<frame version>:<sheet id>:<rows>` of the tab that has the current frame and that height. */
export const PIPELINE_FRAME_KEY = 'crm.pipelineFrame';

/** The id, not the name: a tab deleted and made again under the same name is a new sheet without the frame. */
function frameMarker(sheet: Sheet, frame: PipelineFrame, rows: number): string {
  return `${frame.version}:${sheet.getSheetId()}:${rows}`;
}

/** The height the marker records for this tab and frame version, or null when the tab needs the frame. */
function framedRows(marker: string | null, sheet: Sheet, frame: PipelineFrame): number | null {
  const prefix = `${frame.version}:${sheet.getSheetId()}:`;
  if (marker === null || !marker.startsWith(prefix)) return null;
  const rows = Number(marker.slice(prefix.length));
  return Number.isInteger(rows) && rows >= frame.listFirstRow ? rows : null;
}

/**
 * Makes the grid exactly `rows` rows: the tab is generated, so rows below its height hold nothing of the CRM's, and
 * a grid of a known height lets every rebuild write it whole without asking its size.
 */
function sizeGrid(sheet: Sheet, rows: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
}

/**
 * The frame's charts, in order: existing ones modified in place (a new chart every time would pile up), missing ones
 * inserted. A chart beyond them (someone added by hand) is left alone.
 */
function placeCharts(sheet: Sheet, specs: readonly PipelineChartSpec[]): void {
  const existing = sheet.getCharts();
  specs.forEach((spec, i) => {
    const chart = existing[i];
    const source = sheet.getRange(spec.row, spec.column, spec.numRows, spec.numColumns);
    const builder = chart ? chart.modify().clearRanges() : sheet.newChart();
    const built = builder
      .setChartType(Charts.ChartType[spec.type])
      .addRange(source)
      .setNumHeaders(1)
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setOption('title', spec.title)
      .setOption('legend', { position: 'none' })
      .build();
    if (chart) sheet.updateChart(built);
    else sheet.insertChart(built);
  });
}

/**
 * The grid sized to `rows`, formats and bold for every row, the charts, and the marker. Every cell of A..Q gets its
 * format, '' (automatic) included, so an older layout's formats and bold rows do not linger.
 */
function applyFrame(sheet: Sheet, frame: PipelineFrame, rows: number, properties: Properties): Range {
  sizeGrid(sheet, rows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < frame.width) sheet.insertColumnsAfter(maxColumns, frame.width - maxColumns);
  const whole = sheet.getRange(1, 1, rows, frame.width);
  whole.setNumberFormats(frameNumberFormats(frame, 1, rows));
  whole.setFontWeights(frameFontWeights(frame, 1, rows));
  placeCharts(sheet, frame.charts);
  properties.setProperty(PIPELINE_FRAME_KEY, frameMarker(sheet, frame, rows));
  return whole;
}

/**
 * A write that does not rebuild the tab says so in row 2, in the same batch as the write (one setValue, no read):
 * the tab is then never silently stale. Nothing happens before Set up made the tab.
 */
export function markPipelineOutOfDate(ss: Spreadsheet, changedAtIso: string, by: string): void {
  const sheet = ss.getSheetByName(TAB.pipeline);
  if (!sheet) return;
  sheet.getRange(PIPELINE_STATUS_ROW, 1).setValue(textCell(outOfDateText(changedAtIso, by)));
}

/** Set up / repair: (re)applies the frame to the Pipeline tab at its fixed height, whatever the marker says. */
export function framePipelineTab(sheet: Sheet): void {
  const frame = pipelineFrame();
  applyFrame(sheet, frame, frame.rows, PropertiesService.getDocumentProperties());
}

/** A1:Q<rows>, or null when the tab was cut shorter or narrower by hand (getRange refuses a range outside the grid). */
function wholeRange(sheet: Sheet, rows: number, width: number): Range | null {
  try {
    return sheet.getRange(1, 1, rows, width);
  } catch {
    return null;
  }
}

/**
 * One rebuild: ONE setValues over A1:Q<the framed height>, no read of the tab. The frame is applied first (the
 * grid sized, which asks getMaxRows) when the marker does not name this tab, version and a height the layout fits
 * in, or when the grid is not that big any more (rows or columns deleted by hand: getRange refuses the range).
 */
export function writePipelineTab(ss: Spreadsheet, layout: PipelineLayout): void {
  const { frame, values } = layout;
  const found = ss.getSheetByName(TAB.pipeline);
  const sheet = found ?? ss.insertSheet(TAB.pipeline);
  const properties = PropertiesService.getDocumentProperties();
  const framed = found === null ? null : framedRows(properties.getProperty(PIPELINE_FRAME_KEY), sheet, frame);

  let rows = framed ?? frame.rows;
  let whole = framed !== null && values.length <= framed ? wholeRange(sheet, framed, frame.width) : null;
  if (whole === null) {
    rows = Math.max(rows, frame.rows, values.length);
    whole = applyFrame(sheet, frame, rows, properties);
  }

  const blank = Array.from({ length: frame.width }, () => '');
  const grid = Array.from({ length: rows }, (_, r) =>
    (values[r] ?? blank).map((cell) => (typeof cell === 'string' ? textCell(cell) : cell)),
  );
  whole.setValues(grid);
}
