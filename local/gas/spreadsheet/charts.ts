/**
 * Embedded charts (sheet.newChart() … build(), insertChart/updateChart/removeChart, chart.modify())
 * and the `Charts` global's enums. Charts are stored as data (type, ranges, position, options);
 * nothing is drawn. A built chart has no id (getChartId() null) until insertChart gives it one.
 * asColumnChart()/asBarChart()/… set the type and return the same builder, which also takes the
 * typed builders' common setters (setTitle, setStacked, setLegendPosition, setColors, axis titles)
 * as options.
 */
import type { Ctx } from './context';
import {
  CHART_HIDDEN_DIMENSION_STRATEGY,
  CHART_MERGE_STRATEGY,
  CHART_TYPE,
  type ChartTypeKey,
  EnumValue,
  LEGEND_POSITION,
  isEnumOf,
} from './enums';
import { checkArgs, signatureError, toInt } from './errors';
import type { ChartData, OptionValue, SheetData } from './model';
import { RangeFake } from './range';

function cloneChart(c: ChartData): ChartData {
  return JSON.parse(JSON.stringify(c)) as ChartData;
}

/** Option values arrive from the script's realm: keep a JSON copy (Dates become ISO strings). */
function toOptionValue(v: unknown): OptionValue {
  if (v === undefined) return null;
  if (v instanceof EnumValue) return v.key;
  return JSON.parse(JSON.stringify(v)) as OptionValue;
}

function emptyChart(): ChartData {
  return {
    chartId: 0,
    type: 'LINE',
    ranges: [],
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    options: {},
    numHeaders: -1,
    transpose: false,
    hiddenDimensionStrategy: null,
    mergeStrategy: null,
  };
}

export class ContainerInfoFake {
  readonly gasTypeName = 'SpreadsheetApp.ContainerInfo';
  constructor(
    private readonly ctx: Ctx,
    private readonly data: ChartData,
  ) {}

  toString(): string {
    return 'ContainerInfo';
  }

  getAnchorRow(): number {
    this.ctx.count('ContainerInfo.getAnchorRow');
    return this.data.anchorRow;
  }

  getAnchorColumn(): number {
    this.ctx.count('ContainerInfo.getAnchorColumn');
    return this.data.anchorColumn;
  }

  getOffsetX(): number {
    this.ctx.count('ContainerInfo.getOffsetX');
    return this.data.offsetX;
  }

  getOffsetY(): number {
    this.ctx.count('ContainerInfo.getOffsetY');
    return this.data.offsetY;
  }
}

export class ChartOptionsFake {
  readonly gasTypeName = 'Charts.ChartOptions';
  constructor(
    private readonly ctx: Ctx,
    private readonly options: { [key: string]: OptionValue },
  ) {}

  toString(): string {
    return 'ChartOptions';
  }

  get(option: unknown): OptionValue {
    this.ctx.count('ChartOptions.get');
    checkArgs(arguments, 'Charts.ChartOptions.get', 's');
    const v = this.options[String(option)];
    return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as OptionValue);
  }
}

export class EmbeddedChartFake {
  readonly gasTypeName = 'SpreadsheetApp.EmbeddedChart';

  constructor(
    private readonly ctx: Ctx,
    private sheet: SheetData,
    private data: ChartData,
  ) {}

  toString(): string {
    return 'EmbeddedChart';
  }

  /** Copy of the chart's data (host-side). */
  cloneData(): ChartData {
    return cloneChart(this.data);
  }

  /** After insertChart/updateChart: this object now shows the stored chart. */
  attach(sheet: SheetData, data: ChartData): void {
    this.sheet = sheet;
    this.data = data;
  }

  getChartId(): number | null {
    this.ctx.count('EmbeddedChart.getChartId');
    return this.data.chartId === 0 ? null : this.data.chartId;
  }

  getId(): string | null {
    this.ctx.count('EmbeddedChart.getId');
    return this.data.chartId === 0 ? null : `u${this.data.chartId}`;
  }

  getRanges(): RangeFake[] {
    this.ctx.count('EmbeddedChart.getRanges');
    return rangesOf(this.ctx, this.data);
  }

  getOptions(): ChartOptionsFake {
    this.ctx.count('EmbeddedChart.getOptions');
    return new ChartOptionsFake(this.ctx, cloneChart(this.data).options);
  }

  getContainerInfo(): ContainerInfoFake {
    this.ctx.count('EmbeddedChart.getContainerInfo');
    return new ContainerInfoFake(this.ctx, cloneChart(this.data));
  }

  getNumHeaders(): number {
    this.ctx.count('EmbeddedChart.getNumHeaders');
    return this.data.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    this.ctx.count('EmbeddedChart.getTransposeRowsAndColumns');
    return this.data.transpose;
  }

  getHiddenDimensionStrategy(): EnumValue {
    this.ctx.count('EmbeddedChart.getHiddenDimensionStrategy');
    const key = (this.data.hiddenDimensionStrategy ?? 'IGNORE_ROWS') as keyof typeof CHART_HIDDEN_DIMENSION_STRATEGY;
    return CHART_HIDDEN_DIMENSION_STRATEGY[key];
  }

  getMergeStrategy(): EnumValue {
    this.ctx.count('EmbeddedChart.getMergeStrategy');
    const key = (this.data.mergeStrategy ?? 'MERGE_COLUMNS') as keyof typeof CHART_MERGE_STRATEGY;
    return CHART_MERGE_STRATEGY[key];
  }

  isDatasourceChart(): boolean {
    this.ctx.count('EmbeddedChart.isDatasourceChart');
    return false;
  }

  modify(): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChart.modify');
    return new EmbeddedChartBuilderFake(this.ctx, this.sheet, cloneChart(this.data));
  }
}

function rangesOf(ctx: Ctx, data: ChartData): RangeFake[] {
  const out: RangeFake[] = [];
  for (const r of data.ranges) {
    const sheet = ctx.wb.sheetById(r.sheetId);
    if (sheet) out.push(new RangeFake(ctx, sheet, { row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols }));
  }
  return out;
}

export class EmbeddedChartBuilderFake {
  readonly gasTypeName = 'SpreadsheetApp.EmbeddedChartBuilder';
  private readonly data: ChartData;

  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: SheetData,
    seed: ChartData | null,
  ) {
    this.data = seed ?? emptyChart();
  }

  toString(): string {
    return 'EmbeddedChartBuilder';
  }

  addRange(range: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.addRange');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.addRange', 'r');
    const r = range as RangeFake;
    this.data.ranges.push({ sheetId: r.sheetData.sheetId, ...r.rect });
    return this;
  }

  removeRange(range: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.removeRange');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange', 'r');
    const r = range as RangeFake;
    this.data.ranges = this.data.ranges.filter(
      (x) =>
        !(
          x.sheetId === r.sheetData.sheetId &&
          x.row === r.rect.row &&
          x.col === r.rect.col &&
          x.numRows === r.rect.numRows &&
          x.numCols === r.rect.numCols
        ),
    );
    return this;
  }

  clearRanges(): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.clearRanges');
    this.data.ranges = [];
    return this;
  }

  getRanges(): RangeFake[] {
    this.ctx.count('EmbeddedChartBuilder.getRanges');
    return rangesOf(this.ctx, this.data);
  }

  setChartType(type: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setChartType');
    if (arguments.length !== 1 || !isEnumOf(type, CHART_TYPE)) {
      throw signatureError(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setChartType');
    }
    this.data.type = type.key;
    return this;
  }

  getChartType(): EnumValue {
    this.ctx.count('EmbeddedChartBuilder.getChartType');
    return CHART_TYPE[this.data.type as ChartTypeKey];
  }

  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setPosition');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setPosition', 'nnnn');
    this.data.anchorRow = toInt(anchorRowPos);
    this.data.anchorColumn = toInt(anchorColPos);
    this.data.offsetX = toInt(offsetX);
    this.data.offsetY = toInt(offsetY);
    return this;
  }

  setOption(option: unknown, value: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setOption');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setOption', 'sx');
    this.data.options[String(option)] = toOptionValue(value);
    return this;
  }

  setNumHeaders(headers: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setNumHeaders');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders', 'n');
    this.data.numHeaders = toInt(headers);
    return this;
  }

  setTransposeRowsAndColumns(transpose: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setTransposeRowsAndColumns');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setTransposeRowsAndColumns', 'b');
    this.data.transpose = transpose as boolean;
    return this;
  }

  setHiddenDimensionStrategy(strategy: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setHiddenDimensionStrategy');
    if (arguments.length !== 1 || !isEnumOf(strategy, CHART_HIDDEN_DIMENSION_STRATEGY)) {
      throw signatureError(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setHiddenDimensionStrategy');
    }
    this.data.hiddenDimensionStrategy = strategy.key;
    return this;
  }

  setMergeStrategy(strategy: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setMergeStrategy');
    if (arguments.length !== 1 || !isEnumOf(strategy, CHART_MERGE_STRATEGY)) {
      throw signatureError(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setMergeStrategy');
    }
    this.data.mergeStrategy = strategy.key;
    return this;
  }

  private as(method: string, type: ChartTypeKey): EmbeddedChartBuilderFake {
    this.ctx.count(`EmbeddedChartBuilder.${method}`);
    this.data.type = type;
    return this;
  }

  asAreaChart(): EmbeddedChartBuilderFake {
    return this.as('asAreaChart', 'AREA');
  }

  asBarChart(): EmbeddedChartBuilderFake {
    return this.as('asBarChart', 'BAR');
  }

  asColumnChart(): EmbeddedChartBuilderFake {
    return this.as('asColumnChart', 'COLUMN');
  }

  asLineChart(): EmbeddedChartBuilderFake {
    return this.as('asLineChart', 'LINE');
  }

  asPieChart(): EmbeddedChartBuilderFake {
    return this.as('asPieChart', 'PIE');
  }

  asScatterChart(): EmbeddedChartBuilderFake {
    return this.as('asScatterChart', 'SCATTER');
  }

  asTableChart(): EmbeddedChartBuilderFake {
    return this.as('asTableChart', 'TABLE');
  }

  /** Typed-builder setters, stored as the chart options Sheets uses for them. */
  setTitle(chartTitle: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setTitle');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setTitle', 's');
    this.data.options['title'] = String(chartTitle);
    return this;
  }

  setStacked(): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setStacked');
    this.data.options['isStacked'] = true;
    return this;
  }

  setColors(cssValues: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setColors');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setColors', 'a');
    this.data.options['colors'] = toOptionValue(cssValues);
    return this;
  }

  setLegendPosition(position: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setLegendPosition');
    if (arguments.length !== 1 || !isEnumOf(position, LEGEND_POSITION)) {
      throw signatureError(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setLegendPosition');
    }
    this.data.options['legend.position'] = position.key.toLowerCase();
    return this;
  }

  setXAxisTitle(title: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setXAxisTitle');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setXAxisTitle', 's');
    this.data.options['hAxis.title'] = String(title);
    return this;
  }

  setYAxisTitle(title: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setYAxisTitle');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setYAxisTitle', 's');
    this.data.options['vAxis.title'] = String(title);
    return this;
  }

  build(): EmbeddedChartFake {
    this.ctx.count('EmbeddedChartBuilder.build');
    return new EmbeddedChartFake(this.ctx, this.sheet, cloneChart(this.data));
  }
}

/** The `Charts` global: enums used with embedded charts. */
export interface ChartsFake {
  ChartType: typeof CHART_TYPE;
  ChartHiddenDimensionStrategy: typeof CHART_HIDDEN_DIMENSION_STRATEGY;
  ChartMergeStrategy: typeof CHART_MERGE_STRATEGY;
  Position: typeof LEGEND_POSITION;
}

export function createChartsFake(): ChartsFake {
  return {
    ChartType: CHART_TYPE,
    ChartHiddenDimensionStrategy: CHART_HIDDEN_DIMENSION_STRATEGY,
    ChartMergeStrategy: CHART_MERGE_STRATEGY,
    Position: LEGEND_POSITION,
  };
}
