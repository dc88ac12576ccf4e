/**
 * CRM ▸ My work end to end in the preview (npm start) in Chromium, as the owner at the keyboard: a customer
 * registered with a next step due yesterday shows under Overdue; "Log & next step" logs a call and sets the
 * next step three days ahead, and the row moves to Next 7 days. The preview runs on the real clock in the
 * workbook's time zone (UTC), so the dates are computed from now.
 */

import { screenshotOnFailure, usePreviewPage } from './support';

jest.setTimeout(120_000);

const NAME = 'Mae Jemison';
const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of today + `days` in UTC. */
function day(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

describe('My work in the preview (npm start)', () => {
  const preview = usePreviewPage('mywork', { width: 1400, height: 900 });
  const p = preview.page;
  const dialogs = preview.dialogs;

  const menu = preview.menu;

  const sidebar = preview.sidebar;

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
