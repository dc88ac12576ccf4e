/**
 * Writes the generated `Pipeline` tab in a constant, small number of calls whatever the CRM's size.
 *
 * The tab's frame (number formats, bold rows, the one chart: domain/pipeline/layout.ts) does not depend on the
 * data, so it is applied once — by Set up / repair, or by the first rebuild after a new frame version or on a new
 * tab — and recorded in a document property. A rebuild then only reads the tab's height and writes ONE setValues
 * over A1:Q<last row>: the '' padding overwrites what a longer previous list (or a scribble) left, with no clear(),
 * which would also wipe the frame. Growing past the last row adds insertRowsAfter and one setNumberFormats for the
 * new rows. Text goes through textCell(): its apostrophe keeps it text under the automatic format.
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

/** Document property: `<frame version>:<sheet id>` of the tab that has the current frame. */
export const PIPELINE_FRAME_KEY = 'crm.pipelineFrame';

/** The id, not the name: a tab deleted and made again under the same name is a new sheet without the frame. */
function frameMarker(sheet: Sheet, frame: PipelineFrame): string {
  return `${frame.version}:${sheet.getSheetId()}`;
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
 * Formats and bold for rows 1..rows (they must exist), the chart, and the marker. Every cell of A..Q gets its
 * format, '' (automatic) included, so an older layout's formats and bold rows do not linger.
 */
function applyFrame(sheet: Sheet, frame: PipelineFrame, rows: number, properties: Properties): Range {
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < frame.width) sheet.insertColumnsAfter(maxColumns, frame.width - maxColumns);
  const whole = sheet.getRange(1, 1, rows, frame.width);
  whole.setNumberFormats(frameNumberFormats(frame, 1, rows));
  whole.setFontWeights(frameFontWeights(frame, 1, rows));
  placeCharts(sheet, frame.charts);
  properties.setProperty(PIPELINE_FRAME_KEY, frameMarker(sheet, frame));
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

/** Set up / repair: (re)applies the frame to the Pipeline tab, whatever the marker says. */
export function framePipelineTab(sheet: Sheet): void {
  const frame = pipelineFrame();
  const maxRows = sheet.getMaxRows();
  // At least the top block and one list row, so every formatted cell and the chart's source exist.
  const rows = Math.max(maxRows, frame.listFirstRow);
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  applyFrame(sheet, frame, rows, PropertiesService.getDocumentProperties());
}

/** A1:Q<rows>, or null when the tab was cut narrower than Q by hand (getRange refuses a range outside the grid). */
function wholeRange(sheet: Sheet, rows: number, width: number): Range | null {
  try {
    return sheet.getRange(1, 1, rows, width);
  } catch {
    return null;
  }
}

/** One rebuild: getMaxRows and one setValues over A1:Q<last row>, plus the frame only when the marker says so. */
export function writePipelineTab(ss: Spreadsheet, layout: PipelineLayout): void {
  const { frame, values } = layout;
  const found = ss.getSheetByName(TAB.pipeline);
  const sheet = found ?? ss.insertSheet(TAB.pipeline);
  const properties = PropertiesService.getDocumentProperties();
  // No marker (a tab from before the frame), an older frame version, or another sheet id: the frame is applied.
  const framed = found !== null && properties.getProperty(PIPELINE_FRAME_KEY) === frameMarker(sheet, frame);

  const maxRows = sheet.getMaxRows();
  const rows = Math.max(maxRows, values.length);
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  let whole = framed ? wholeRange(sheet, rows, frame.width) : null;
  if (whole === null) {
    whole = applyFrame(sheet, frame, rows, properties);
  } else if (rows > maxRows) {
    // Whether new rows copy the formats of the row above is not documented: set the list formats explicitly.
    sheet
      .getRange(maxRows + 1, 1, rows - maxRows, frame.width)
      .setNumberFormats(frameNumberFormats(frame, maxRows + 1, rows - maxRows));
  }

  const blank = Array.from({ length: frame.width }, () => '');
  const grid = Array.from({ length: rows }, (_, r) =>
    (values[r] ?? blank).map((cell) => (typeof cell === 'string' ? textCell(cell) : cell)),
  );
  whole.setValues(grid);
}
