/**
 * The manager's tab is never silently stale (issue 15): in `npm start`, a staff member changes a status and closes
 * the sidebar at once — before its background rebuild (1.5 s later) can run, since closing the sidebar ends its
 * page. After a page reload the Pipeline tab must either count the new status or say in row 2 that it is out of
 * date. Then CRM ▸ Pipeline summary makes it current again.
 */

import { eventually, screenshotOnFailure, usePreviewPage } from './support';

jest.setTimeout(120_000);

const STAFF = 'alex.rivera@example.com';

interface CellsOwner {
  querySelectorAll(selector: string): ArrayLike<CellsOwner>;
  textContent: string | null;
}

describe('Pipeline tab after a status change and the sidebar closed at once', () => {
  const preview = usePreviewPage('pipeline-fresh', { width: 1400, height: 900 });
  const p = preview.page;

  async function grid(sheet: string): Promise<string[][]> {
    await p().getByRole('tab', { name: sheet, exact: true }).click();
    const table = p().getByRole('table', { name: sheet, exact: true });
    await table.waitFor();
    return table.evaluate((element: CellsOwner) =>
      Array.from(element.querySelectorAll('tbody tr')).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
      ),
    );
  }

  /** Row 2 of the Pipeline tab and its "By stage" customers per stage. */
  async function pipeline(): Promise<{ status: string; counts: Record<string, number> }> {
    const rows = await grid('Pipeline');
    const header = rows.findIndex((r) => r[0] === 'Stage' && r[1] === 'Customers');
    const counts: Record<string, number> = {};
    for (const row of rows.slice(header + 1, header + 9)) counts[row[0] ?? ''] = Number(row[1]);
    return { status: rows[1]?.[0] ?? '', counts };
  }

  it('leaves the tab current or marked "out of date", never silently old; Pipeline summary makes it current', () =>
    screenshotOnFailure(p, 'pipeline-fresh', async () => {
      await p().getByLabel('At the keyboard').selectOption(STAFF);
      await p().locator(`body[data-user="${STAFF}"]`).waitFor();
      const before = await pipeline();
      expect(before.status).toMatch(/^Last rebuilt /); // the demo's seed rebuilt it

      await preview.menu('Register customer');
      const form = preview.sidebar();
      await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Quinn Harper');
      await form.getByRole('button', { name: 'Save customer' }).click();
      await form.getByRole('heading', { name: 'Quinn Harper' }).waitFor();
      const stage = form.getByRole('form', { name: 'Pipeline stage' });
      await stage.getByLabel('Status', { exact: true }).selectOption('In negotiation');
      await stage.getByRole('button', { name: 'Update status' }).click();
      await form.getByText('Status updated to In negotiation.').waitFor();
      // At once: well inside the 1.5 s before the sidebar's own rebuild.
      await p().getByRole('button', { name: 'Close sidebar' }).click();

      await p().reload();
      await p().locator('body[data-ready="true"]').waitFor();
      const after = await pipeline();
      const current = after.counts['In negotiation'] === (before.counts['In negotiation'] ?? 0) + 1;
      const marked = /out of date/.test(after.status);
      expect(current || marked).toBe(true);
      // Unless a rebuild already in flight saw the change, row 2 names the change: the figures below are older.
      if (!current) {
        expect(after.status).toMatch(/^Figures out of date: customers changed .* by alex\.rivera@example\.com\./);
      }

      await p().getByLabel('At the keyboard').selectOption(STAFF);
      await p().locator(`body[data-user="${STAFF}"]`).waitFor();
      await preview.menu('Pipeline summary');
      await eventually(
        'the Pipeline tab to be rebuilt with the new status',
        async () => {
          const rebuilt = await pipeline();
          return (
            /^Last rebuilt /.test(rebuilt.status) &&
            rebuilt.counts['In negotiation'] === (before.counts['In negotiation'] ?? 0) + 1
          );
        },
        30_000,
      );
    }));
});
