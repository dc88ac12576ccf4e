/**
 * Embedded charts as the product builds them (sheet.newChart() … build(), insertChart/updateChart,
 * chart.modify() … build()) and the `Charts` global's ChartType enum. Charts are stored as data (type, ranges,
 * position, options) that the preview draws; a built chart has no id until insertChart gives it one.
 */
import type { Ctx } from './context';
import { CHART_TYPE, EnumValue, isEnumOf } from './enums';
import { checkArgs, signatureError, toInt } from './errors';
import type { ChartData, OptionValue, SheetData } from './model';
import type { RangeFake } from './range';
import type { GasEnum, GasSurface } from '../surface';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class EmbeddedChartFake implements GasSurface<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'modify'> {
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
    return clone(this.data);
  }

  /** After insertChart/updateChart: this object now shows the stored chart. */
  attach(sheet: SheetData, data: ChartData): void {
    this.sheet = sheet;
    this.data = data;
  }

  modify(): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChart.modify');
    return new EmbeddedChartBuilderFake(this.ctx, this.sheet, clone(this.data));
  }
}

type BuilderMethods =
  | 'addRange'
  | 'build'
  | 'clearRanges'
  | 'setChartType'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition';

export class EmbeddedChartBuilderFake
  implements GasSurface<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, BuilderMethods>
{
  readonly gasTypeName = 'SpreadsheetApp.EmbeddedChartBuilder';
  private readonly data: ChartData;

  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: SheetData,
    seed: ChartData | null,
  ) {
    this.data = seed ?? {
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

  clearRanges(): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.clearRanges');
    this.data.ranges = [];
    return this;
  }

  setChartType(type: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setChartType');
    if (arguments.length !== 1 || !isEnumOf(type, CHART_TYPE))
      throw signatureError(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setChartType');
    this.data.type = type.key;
    return this;
  }

  setPosition(
    anchorRowPos: unknown,
    anchorColPos: unknown,
    offsetX: unknown,
    offsetY: unknown,
  ): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setPosition');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setPosition', 'nnnn');
    Object.assign(this.data, {
      anchorRow: toInt(anchorRowPos),
      anchorColumn: toInt(anchorColPos),
      offsetX: toInt(offsetX),
      offsetY: toInt(offsetY),
    });
    return this;
  }

  /** Option values arrive from the script's realm: a JSON copy is kept (Dates become ISO strings). */
  setOption(option: unknown, value: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setOption');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setOption', 'sx');
    this.data.options[String(option)] = value instanceof EnumValue ? value.key : clone(value as OptionValue);
    return this;
  }

  setNumHeaders(headers: unknown): EmbeddedChartBuilderFake {
    this.ctx.count('EmbeddedChartBuilder.setNumHeaders');
    checkArgs(arguments, 'SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders', 'n');
    this.data.numHeaders = toInt(headers);
    return this;
  }

  build(): EmbeddedChartFake {
    this.ctx.count('EmbeddedChartBuilder.build');
    return new EmbeddedChartFake(this.ctx, this.sheet, clone(this.data));
  }
}

/** The `Charts` global: the ChartType enum the product builds its chart with. */
export interface ChartsFake {
  ChartType: GasEnum<typeof GoogleAppsScript.Charts.ChartType>;
}

export function createChartsFake(): ChartsFake {
  return { ChartType: CHART_TYPE };
}
