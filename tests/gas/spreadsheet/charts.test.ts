/** Embedded charts: build, insert, modify + update, remove; the Charts global's enums. */
import { createChartsFake } from '../../../local/gas/spreadsheet';
import { setup } from './helpers';

describe('charts', () => {
  it('builds, inserts, modifies and removes a chart', () => {
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
    expect(built.getChartId()).toBeNull();
    sheet.insertChart(built);
    const [chart] = sheet.getCharts();
    const id = chart!.getChartId();
    expect(id).not.toBeNull();
    expect(chart!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B9']);
    expect(chart!.getOptions().get('title')).toBe('Pipeline by stage');
    expect(chart!.getContainerInfo().getAnchorRow()).toBe(2);

    const updated = chart!.modify().clearRanges().addRange(sheet.getRange('A1:B5')).asBarChart().setOption('title', 'v2').build();
    sheet.updateChart(updated);
    expect(sheet.getCharts()).toHaveLength(1);
    const [after] = sheet.getCharts();
    expect([after!.getChartId(), after!.getOptions().get('title'), after!.getRanges()[0]!.getA1Notation()]).toEqual([id, 'v2', 'A1:B5']);
    expect(after!.modify().getChartType()).toBe(Charts.ChartType.BAR);

    sheet.removeChart(after!);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.updateChart(updated)).toThrow('The chart does not exist on this sheet.');
    expect(() => sheet.newChart().setChartType('COLUMN')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
  });

  it('has the chart type enum', () => {
    const { ChartType } = createChartsFake();
    expect(['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE'].map((k) => String(ChartType[k as keyof typeof ChartType]))).toEqual([
      'AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE',
    ]);
  });
});
