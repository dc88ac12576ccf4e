/**
 * The Pipeline tab's embedded chart in the preview (npm start on the demo workbook): an SVG column chart over
 * the grid at its anchor cell, with the chart's title, one category label per stage, a legend and a right-hand
 * axis for the deal value; then a stage cell retyped as markup shows up in the chart as text, not as an element.
 */

import type { Locator } from 'playwright-core';
import { eventually, screenshotOnFailure, usePreviewPage } from './support';

jest.setTimeout(120_000);

const TITLE = 'Customers and deal value by stage';
const MARKUP = '<img src=x onerror=alert(1)>';

interface Node {
  querySelectorAll(selector: string): ArrayLike<Node>;
  textContent: string | null;
}

describe('embedded charts in the local preview', () => {
  const preview = usePreviewPage('chart', { width: 1500, height: 900 });
  const p = preview.page;
  const dialogs = preview.dialogs;

  function chart(): Locator {
    return p().getByRole('figure', { name: TITLE, exact: true });
  }

  async function texts(selector: string): Promise<string[]> {
    return chart()
      .locator('svg')
      .evaluate(
        (svg: Node, sel: string) => Array.from(svg.querySelectorAll(sel)).map((n) => n.textContent ?? ''),
        selector,
      );
  }

  /** The grid's cells in display order (row by row), as the page draws them. */
  async function gridRows(): Promise<string[][]> {
    return p()
      .getByRole('table', { name: 'Pipeline', exact: true })
      .evaluate((table: Node) =>
        Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
          Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
        ),
      );
  }

  it('draws the Pipeline chart as an SVG column chart at its anchor cell', () =>
    screenshotOnFailure(p, 'preview-chart', async () => {
      await p().getByRole('tab', { name: 'Pipeline', exact: true }).click();
      await chart().waitFor();
      expect(await chart().locator('svg').count()).toBe(1);
      expect(await texts('.chart-title')).toEqual([TITLE]);

      // Categories: the By-stage table's stage names, in order.
      const rows = await gridRows();
      const header = rows.findIndex((r) => r[0] === 'Stage' && r[1] === 'Customers' && r[2] === 'Deal value');
      expect(header).toBeGreaterThan(0);
      const stages = rows.slice(header + 1, header + 9).map((r) => r[0] ?? '');
      expect(stages).toHaveLength(8);
      expect(stages).not.toContain('Total');
      expect(await texts('.chart-category')).toEqual(stages);

      expect(await texts('.chart-legend-label')).toEqual(['Customers', 'Deal value']);
      expect(await chart().locator('.chart-bar').count()).toBeGreaterThan(0);
      expect((await texts('.chart-tick-left')).length).toBeGreaterThan(2);
      expect((await texts('.chart-tick-right')).length).toBeGreaterThan(2);

      // Sheets' default size, its top-left corner on the row of "By stage", right of the table.
      const box = await chart().boundingBox();
      expect(box).not.toBeNull();
      expect(Math.round(box?.width ?? 0)).toBeGreaterThanOrEqual(600);
      expect(Math.round(box?.height ?? 0)).toBeGreaterThanOrEqual(371);
      const section = rows.findIndex((r) => r[0] === 'By stage');
      const sectionCell = await p()
        .locator(`td[data-cell="A${section + 1}"]`)
        .boundingBox();
      const lastHeader = await p()
        .locator(`td[data-cell="E${header + 1}"]`)
        .boundingBox();
      expect(Math.abs((box?.y ?? 0) - (sectionCell?.y ?? -100))).toBeLessThanOrEqual(1);
      expect(box?.x ?? 0).toBeGreaterThan((lastHeader?.x ?? 0) + (lastHeader?.width ?? 0));
    }));

  it('shows a category typed as markup as text in the chart', () =>
    screenshotOnFailure(p, 'preview-chart-markup', async () => {
      const rows = await gridRows();
      const header = rows.findIndex((r) => r[0] === 'Stage' && r[1] === 'Customers');
      // The owner (at the keyboard by default) may type into the generated tab.
      await p()
        .locator(`td[data-cell="A${header + 2}"]`)
        .dblclick();
      const editor = p().locator('input.cell-editor');
      await editor.fill(MARKUP);
      await editor.press('Enter');

      await eventually(
        'the chart to show the new category',
        async () => (await texts('.chart-category'))[0] === MARKUP,
      );
      expect(await texts('.chart-category')).toHaveLength(8);
      await p().waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(await p().locator('img').count()).toBe(0);
      expect(await chart().locator('svg image, svg foreignObject').count()).toBe(0);
    }));
});
