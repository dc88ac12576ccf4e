/** Embedded charts: build, insert, modify + update; the Charts global's ChartType enum. */
import { createChartsFake } from '../../../local/gas/spreadsheet';
import { setup } from './helpers';

describe('charts', () => {
  it('builds, inserts, modifies and updates a chart', () => {
    const Charts = createChartsFake();
    const { ss } = setup();
    const sheet = ss.insertSheet('Pipeline');
    const built = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B9'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Pipeline by stage')
      .setNumHeaders(1)
      .build();
    expect(built.cloneData().chartId).toBe(0);
    sheet.insertChart(built);
    const [chart] = sheet.sheetData.charts;
    const id = chart!.chartId;
    expect(id).not.toBe(0);
    expect([
      chart!.ranges.map((r) => [r.row, r.col, r.numRows, r.numCols]),
      chart!.options.title,
      chart!.anchorRow,
      chart!.numHeaders,
    ]).toEqual([[[1, 1, 9, 2]], 'Pipeline by stage', 2, 1]);

    const updated = sheet
      .getCharts()[0]!
      .modify()
      .clearRanges()
      .addRange(sheet.getRange('A1:B5'))
      .setChartType(Charts.ChartType.BAR)
      .setOption('title', 'v2')
      .build();
    sheet.updateChart(updated);
    expect(sheet.sheetData.charts.map((c) => [c.chartId, c.type, c.options.title, c.ranges[0]!.numRows])).toEqual([
      [id, 'BAR', 'v2', 5],
    ]);

    expect(() => sheet.updateChart(sheet.newChart().build())).toThrow('The chart does not exist on this sheet.');
    expect(() => sheet.newChart().setChartType('COLUMN')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
  });

  it('has the chart type enum', () => {
    const { ChartType } = createChartsFake();
    expect(
      ['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE'].map((k) =>
        String(ChartType[k as keyof typeof ChartType]),
      ),
    ).toEqual(['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE']);
  });
});
