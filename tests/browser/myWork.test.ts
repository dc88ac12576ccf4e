/**
 * CRM ▸ My work end to end in the preview (npm start) in Chromium, as the owner at the keyboard: a customer
 * registered with a next step due yesterday shows under Overdue; "Log & next step" logs a call and sets the
 * next step three days ahead, and the row moves to Next 7 days. The preview runs on the real clock in the
 * workbook's time zone (UTC), so the dates are computed from now.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { type PreviewProcess, launchChromium, screenshotOnFailure, startPreview } from './support';

jest.setTimeout(120_000);

const NAME = 'Mae Jemison';
const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of today + `days` in UTC. */
function day(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

describe('My work in the preview (npm start)', () => {
  let dir = '';
  let server: PreviewProcess | null = null;
  let browser: Browser | null = null;
  let page: Page | undefined;
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-preview-mywork-'));
    server = await startPreview(path.join(dir, 'workbook.json'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    await page.locator('body[data-ready="true"]').waitFor();
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

  it('My work is the first item of the CRM menu', () =>
    screenshotOnFailure(p, 'mywork-menu', async () => {
      await p().getByRole('menuitem', { name: 'CRM', exact: true }).click();
      const items = await p().getByRole('menu').getByRole('menuitem').allTextContents();
      expect(items[0]?.trim()).toBe('My work');
      await p().keyboard.press('Escape');
    }));

  it('logs a call on an overdue customer, sets the next step, and the row moves to Next 7 days', () =>
    screenshotOnFailure(p, 'mywork-log', async () => {
      // A customer whose next step was due yesterday (owner: me by default).
      await menu('Register customer');
      const form = sidebar();
      await form.getByLabel('Name').fill(NAME);
      await form.locator('#reg-owner option[value="owner@example.com"]').waitFor({ state: 'attached' });
      await form.getByLabel('Next step', { exact: true }).fill('Send the launch plan');
      await form.getByLabel('Next step due').fill(day(-1));
      await form.getByRole('button', { name: 'Save customer' }).click();
      await form.getByRole('heading', { name: NAME }).waitFor();

      await menu('My work');
      const work = sidebar();
      await work.getByRole('heading', { name: 'My work' }).waitFor();
      const overdueRow = work.locator('section[data-bucket="overdue"] li', { hasText: NAME });
      await overdueRow.waitFor();
      expect(await overdueRow.textContent()).toContain('Overdue');

      await work.getByRole('button', { name: `Log & next step: ${NAME}` }).click();
      const log = work.getByRole('form', { name: `Log & next step: ${NAME}` });
      await log.getByLabel('Activity').selectOption('call');
      await log.getByLabel('Summary').fill('Walked through the plan; she wants it in writing.');
      await log.getByLabel('Next step', { exact: true }).fill('E-mail the written plan');
      await log.getByLabel('Next step due').fill(day(3));
      await log.getByRole('button', { name: 'Save' }).click();

      await work.locator('.banner-success').getByText(`Call logged for ${NAME}`).waitFor();
      const upcomingRow = work.locator('section[data-bucket="upcoming"] li', { hasText: NAME });
      await upcomingRow.waitFor();
      expect(await upcomingRow.textContent()).toContain('E-mail the written plan');
      expect(await work.locator('section[data-bucket="overdue"] li', { hasText: NAME }).count()).toBe(0);

      // The card shows the call in its history and the new next step.
      await upcomingRow.getByRole('button', { name: `Open ${NAME}` }).click();
      await work.locator('.card-details').getByText('E-mail the written plan').waitFor();
      await work.locator('.history').getByText('Walked through the plan', { exact: false }).first().waitFor();
      expect(dialogs).toEqual([]);
    }));
});
