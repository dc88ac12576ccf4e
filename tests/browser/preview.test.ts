/**
 * `npm start` in a real browser: the sheet-like page, the CRM menu, and the add-on's own sidebar and search
 * dialog (from dist/) talking to the built bundle through google.script.run. One person's session, in order:
 * register (with an inline validation error first), search from the menu, change the status and see both
 * grids follow, an XSS attempt that stays text, then a restart on the same workbook file.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { type PreviewProcess, eventually, launchChromium, screenshotOnFailure, startPreview } from './support';

jest.setTimeout(120_000);

const STAFF = 'alex.rivera@example.com';
const NAME = 'Nadia Petrova';
const XSS_NAME = '<img src=x onerror=alert(1)>';

interface CellsOwner {
  querySelectorAll(selector: string): ArrayLike<CellsOwner>;
  textContent: string | null;
}

describe('local preview (npm start) in Chromium', () => {
  let dir = '';
  let dataFile = '';
  let server: PreviewProcess | null = null;
  let browser: Browser | null = null;
  let page: Page | undefined;
  /** Native dialogs (alert/confirm) any frame tried to open: an XSS would show up here. */
  const dialogs: string[] = [];

  async function openPage(): Promise<Page> {
    if (!browser || !server) throw new Error('not started');
    const next = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    next.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await next.goto(server.url);
    await next.locator('body[data-ready="true"]').waitFor();
    return next;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-preview-'));
    dataFile = path.join(dir, 'workbook.json');
    server = await startPreview(dataFile);
    browser = await launchChromium();
    page = await openPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const p = (): Page => {
    if (!page) throw new Error('no page');
    return page;
  };

  async function menu(item: string): Promise<void> {
    await p().getByRole('menuitem', { name: 'CRM', exact: true }).click();
    await p().getByRole('menuitem', { name: item, exact: true }).click();
  }

  function sidebar(): FrameLocator {
    return p().getByRole('complementary', { name: 'Pipeline CRM' }).locator('iframe').contentFrame();
  }

  function searchDialog(): Locator {
    return p().getByRole('dialog', { name: 'Search customers' });
  }

  /** The display values of a tab as the page draws them (after clicking its tab). */
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

  async function customerRow(name: string): Promise<Record<string, string> | null> {
    const rows = await grid('Customers');
    const headers = rows[0] ?? [];
    const row = rows.find((r) => r[headers.indexOf('Name')] === name);
    return row ? Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])) : null;
  }

  async function customerStatusCounts(): Promise<Record<string, number>> {
    const rows = await grid('Customers');
    const column = (rows[0] ?? []).indexOf('Status');
    const counts: Record<string, number> = {};
    for (const row of rows.slice(1)) {
      const status = row[column] ?? '';
      if (status !== '') counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
  }

  /** Customers per stage from the Pipeline tab's "By stage" table (header row: Stage | Customers | …). */
  async function pipelineStageCounts(): Promise<Record<string, number>> {
    const rows = await grid('Pipeline');
    const header = rows.findIndex((r) => r[0] === 'Stage' && r[1] === 'Customers');
    if (header < 0) throw new Error('The Pipeline tab has no "Stage | Customers" table');
    const counts: Record<string, number> = {};
    for (const row of rows.slice(header + 1)) {
      if (!row[0] || row[0] === 'Total') break;
      counts[row[0]] = Number(row[1]);
    }
    return counts;
  }

  it('registers a customer from the sidebar, showing a bad e-mail inline first', () =>
    screenshotOnFailure(p, 'preview-register', async () => {
      await p().getByLabel('At the keyboard').selectOption(STAFF);
      await p().locator(`body[data-user="${STAFF}"]`).waitFor();
      await menu('Register customer');

      const form = sidebar();
      await form.getByRole('textbox', { name: 'Name', exact: true }).fill(NAME);
      await form.getByRole('textbox', { name: 'Company', exact: true }).fill('Petrova Studio');
      await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill('nadia@');
      await form.getByRole('textbox', { name: 'Deal value', exact: true }).fill('4200');
      await form.getByRole('button', { name: 'Save customer' }).click();

      const email = form.getByRole('textbox', { name: 'E-mail', exact: true });
      await eventually(
        'the e-mail field to be marked invalid',
        async () => (await email.getAttribute('aria-invalid')) === 'true',
      );
      const errorId = await email.getAttribute('aria-describedby');
      expect(errorId).toBeTruthy();
      const error = form.locator(`[id="${errorId}"]`);
      await error.waitFor({ state: 'visible' });
      expect(await error.textContent()).toMatch(/e-mail/i);
      expect(await customerRow(NAME)).toBeNull();

      await email.fill('nadia@petrova-studio.example');
      await form.getByRole('button', { name: 'Save customer' }).click();
      await form.getByRole('heading', { name: NAME }).waitFor();
      await form.getByText('Petrova Studio').first().waitFor();

      await eventually(
        'the new customer in the Customers grid',
        async () => (await customerRow(NAME))?.Status === 'Lead',
      );
      const row = await customerRow(NAME);
      expect(row).toMatchObject({
        Company: 'Petrova Studio',
        Email: 'nadia@petrova-studio.example',
        'Created by': STAFF,
      });
    }));

  it('finds the customer from CRM ▸ Search customers and opens its card in the sidebar', () =>
    screenshotOnFailure(p, 'preview-search', async () => {
      await menu('Search customers');
      const search = searchDialog().locator('iframe').contentFrame();
      await search.getByRole('combobox', { name: 'Search customers' }).fill('petrov');
      await search.getByRole('option', { name: new RegExp(NAME) }).click();

      await eventually('the search dialog to close', async () => (await searchDialog().count()) === 0);
      await sidebar().getByRole('heading', { name: NAME }).waitFor();
    }));

  it('changes the status; the Customers grid and the Pipeline tab follow', () =>
    screenshotOnFailure(p, 'preview-status', async () => {
      const before = await customerStatusCounts();
      const stage = sidebar().getByRole('form', { name: 'Pipeline stage' });
      await stage.getByLabel('Status', { exact: true }).selectOption('Qualified');
      await stage.getByRole('button', { name: 'Update status' }).click();
      await sidebar().getByText('Status updated to Qualified.').waitFor();

      await eventually(
        'the new status in the Customers grid',
        async () => (await customerRow(NAME))?.Status === 'Qualified',
      );
      const after = await customerStatusCounts();
      expect(after.Qualified).toBe((before.Qualified ?? 0) + 1);
      expect(after.Lead).toBe((before.Lead ?? 0) - 1);

      // The add-on rebuilds the Pipeline tab after writes; the page shows whatever the workbook holds.
      await eventually(
        'the Pipeline tab to count the customers by their new status',
        async () => {
          const pipeline = await pipelineStageCounts();
          return Object.entries(after).every(([status, count]) => pipeline[status] === count);
        },
        30_000,
      );
    }));

  it('shows a name that is an XSS attempt as text, in the grid and the sidebar', () =>
    screenshotOnFailure(p, 'preview-xss', async () => {
      await menu('Register customer');
      const form = sidebar();
      await form.getByRole('textbox', { name: 'Name', exact: true }).fill(XSS_NAME);
      await form.getByRole('button', { name: 'Save customer' }).click();
      await form.getByRole('heading', { name: XSS_NAME }).waitFor();

      await eventually('the name as text in the Customers grid', async () => (await customerRow(XSS_NAME)) !== null);
      await menu('Search customers');
      const search = searchDialog().locator('iframe').contentFrame();
      await search.getByRole('combobox', { name: 'Search customers' }).fill('onerror');
      await search
        .getByRole('option', { name: /onerror/ })
        .first()
        .waitFor();

      await p().waitForTimeout(500);
      expect(dialogs).toEqual([]);
      for (const frame of p().frames()) {
        expect(await frame.locator('img').count()).toBe(0);
      }
      await p().getByRole('button', { name: 'Close dialog' }).click();
    }));

  it('keeps the workbook across a restart on the same data file', () =>
    screenshotOnFailure(p, 'preview-restart', async () => {
      await page?.close();
      page = undefined;
      await server?.stop();
      server = await startPreview(dataFile);
      expect(server.output()).toContain(`Workbook loaded from ${dataFile}`);
      page = await openPage();

      expect(await customerRow(NAME)).toMatchObject({ Status: 'Qualified', Company: 'Petrova Studio' });
      expect(await customerRow(XSS_NAME)).not.toBeNull();
      expect(dialogs).toEqual([]);
    }));
});
