/**
 * The Pipeline tab's embedded charts in the preview (npm start on the demo workbook): the open-stage funnel (an SVG
 * column chart of customers in Lead … In negotiation, one axis: counts only) at H4, and the weighted forecast by
 * week from the Snapshots; then a stage cell retyped as markup shows up in the chart as text, not as an element.
 */

import type { Locator } from 'playwright-core';
import { eventually, screenshotOnFailure, usePreviewPage } from './support';

jest.setTimeout(120_000);

const TITLE = 'Open stages: customers (the funnel)';
const WEEKLY = 'Weighted forecast by week';
const MARKUP = '<img src=x onerror=alert(1)>';

interface Node {
  querySelectorAll(selector: string): ArrayLike<Node>;
  textContent: string | null;
}

describe('embedded charts in the local preview', () => {
  const preview = usePreviewPage('chart', { width: 1500, height: 900 });
  const p = preview.page;
  const dialogs = preview.dialogs;

  function chart(title = TITLE): Locator {
    return p().getByRole('figure', { name: title, exact: true });
  }

  async function texts(selector: string, title = TITLE): Promise<string[]> {
    return chart(title)
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

  it('draws the open stages as a funnel of customers (one axis) at H4, beside the headline', () =>
    screenshotOnFailure(p, 'preview-chart', async () => {
      await p().getByRole('tab', { name: 'Pipeline', exact: true }).click();
      await chart().waitFor();
      expect(await chart().locator('svg').count()).toBe(1);
      expect(await texts('.chart-title')).toEqual([TITLE]);

      // Categories: the By-stage table's open stages, in funnel order; only the Customers column is charted.
      const rows = await gridRows();
      const header = rows.findIndex((r) => r[0] === 'Stage' && r[1] === 'Customers' && r[2] === 'Deal value');
      expect(header).toBeGreaterThan(0);
      expect(await texts('.chart-category')).toEqual(rows.slice(header + 1, header + 5).map((r) => r[0] ?? ''));
      expect(await texts('.chart-category')).toEqual(['Lead', 'Contacted', 'Qualified', 'In negotiation']);
      expect(await chart().locator('.chart-bar').count()).toBeGreaterThan(0);
      expect((await texts('.chart-tick-left')).length).toBeGreaterThan(1);
      expect(await texts('.chart-tick-right')).toEqual([]); // no money on a second axis

      // Sheets' default size, its top-left corner on row 4 (the Headline), right of the headline's columns.
      const box = await chart().boundingBox();
      expect(box).not.toBeNull();
      expect(Math.round(box?.width ?? 0)).toBeGreaterThanOrEqual(600);
      expect(Math.round(box?.height ?? 0)).toBeGreaterThanOrEqual(371);
      expect(rows[3]?.[0]).toBe('Headline');
      const anchor = await p().locator('td[data-cell="H4"]').boundingBox();
      expect(Math.abs((box?.y ?? 0) - (anchor?.y ?? -100))).toBeLessThanOrEqual(1);
      expect(Math.abs((box?.x ?? 0) - (anchor?.x ?? -100))).toBeLessThanOrEqual(1);

      // The weekly forecast: the Snapshots' weeks, this one included.
      await chart(WEEKLY).waitFor();
      const week = rows.findIndex((r) => r[0] === 'Week' && r[1] === 'Weighted forecast');
      expect(week).toBeGreaterThan(header);
      expect((await texts('.chart-category', WEEKLY))[0]).toMatch(/^\d{4}-W\d{2}$/);
      expect((await texts('.chart-category', WEEKLY))[0]).toBe(rows[week + 1]?.[0]);
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
      expect(await texts('.chart-category')).toHaveLength(4);
      await p().waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(await p().locator('img').count()).toBe(0);
      expect(await chart().locator('svg image, svg foreignObject').count()).toBe(0);
    }));
});
