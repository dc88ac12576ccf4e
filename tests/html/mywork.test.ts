/**
 * Sidebar "My work" in a real browser over the built add-on: the four sections for the person at the keyboard
 * (REP) and for everyone, "Log & next step" (logActivity, then updateCustomer with the row's version, the row
 * moving from Overdue to Next 7 days), field errors inline, a conflict said and the list reloaded, a failed load.
 * The stand-in's clock starts on Monday 2026-03-02 (UTC), so that is "today".
 */

import type { Page } from 'playwright-core';
import { focusedId, pageTest, useSuite } from './harness';
import { BOSS, type SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const CUSTOMERS: SeedCustomer[] = [
  {
    id: 'C-00001',
    input: {
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      status: 'Qualified',
      nextStep: 'Send the proposal',
      nextStepDue: '2026-02-25',
    },
  },
  { id: 'C-00002', input: { name: 'Grace Hopper', company: 'Navy', nextStep: 'Call back', nextStepDue: '2026-03-02' } },
  { id: 'C-00003', input: { name: 'Alan Turing', nextStep: 'Demo', nextStepDue: '2026-03-06' } },
  { id: 'C-00004', input: { name: 'Linus Pauling', company: 'Caltech', status: 'Contacted' } },
  {
    id: 'C-00005',
    input: { name: 'Boss Customer', owner: BOSS, nextStep: 'Lunch', nextStepDue: '2026-02-20' },
  },
];

/** Names shown in one section, in order. */
async function names(page: Page, bucket: string): Promise<string[]> {
  return page.locator(`section[data-bucket="${bucket}"] li .summary-name`).allTextContents();
}

/** Text of the focused element and the customer row it is in (the tests compile without the DOM lib). */
function focused(page: Page): Promise<{ text: string; row: string }> {
  return page.evaluate(
    '({ text: document.activeElement.textContent, row: document.activeElement.closest("li")?.dataset.id ?? "" })',
  ) as Promise<{ text: string; row: string }>;
}

async function loaded(page: Page): Promise<void> {
  await page.locator('section[data-bucket="overdue"]').waitFor();
  await page.locator('.mywork-lists:not([aria-busy])').waitFor();
}

describe('sidebar: My work', () => {
  pageTest(
    suite,
    'shows Overdue, Today, Next 7 days and no next step for me; Everyone adds the others',
    'sidebar',
    { view: 'mywork' },
    { customers: CUSTOMERS },
    async ({ page, calls }) => {
      await loaded(page);
      expect(await page.getByRole('heading', { name: 'My work' }).isVisible()).toBe(true);
      expect(await page.locator('nav [aria-current="page"]').textContent()).toBe('My work');
      expect(await names(page, 'overdue')).toEqual(['Ada Lovelace']);
      expect(await names(page, 'today')).toEqual(['Grace Hopper']);
      expect(await names(page, 'upcoming')).toEqual(['Alan Turing']);
      expect(await names(page, 'noNextStep')).toEqual(['Linus Pauling']);

      const ada = page.locator('li[data-id="C-00001"]');
      const adaText = await ada.textContent();
      for (const part of ['Analytical Engines', 'Send the proposal', 'Overdue']) expect(adaText).toContain(part);
      expect(await ada.getAttribute('class')).toContain('followup-overdue');
      expect(await page.locator('li[data-id="C-00002"] .due').textContent()).toContain('Due today');
      expect(await page.locator('li[data-id="C-00004"]').textContent()).toContain('No next step');
      expect(await page.getByRole('heading', { name: 'Overdue (1)' }).isVisible()).toBe(true);
      expect((await calls('listFollowUps'))[0]?.args).toEqual([]);

      // Everyone: '*' and BOSS's customer appears (with its owner).
      await page.getByLabel('Everyone').check();
      await page.locator('li[data-id="C-00005"]').waitFor();
      await loaded(page);
      expect(await names(page, 'overdue')).toEqual(['Boss Customer', 'Ada Lovelace']);
      expect(await page.locator('li[data-id="C-00005"]').textContent()).toContain(BOSS);
      expect((await calls('listFollowUps')).at(-1)?.args).toEqual([{ owner: '*' }]);

      await page.getByLabel('Mine').check();
      await page.locator('li[data-id="C-00005"]').waitFor({ state: 'detached' });
      expect((await calls('listFollowUps')).at(-1)?.args).toEqual([]);
    },
  );

  pageTest(
    suite,
    'says so when a section is empty',
    'sidebar',
    { view: 'mywork' },
    { customers: [{ ...(CUSTOMERS[3] as SeedCustomer), id: 'C-00001' }] },
    async ({ page }) => {
      await loaded(page);
      expect(await page.locator('section[data-bucket="overdue"] .bucket-empty').textContent()).toBe('Nothing overdue.');
      expect(await page.locator('section[data-bucket="today"] .bucket-empty').textContent()).toBe('Nothing due today.');
      expect(await page.locator('section[data-bucket="upcoming"] .bucket-empty').textContent()).toBe(
        'Nothing due in the next 7 days.',
      );
      expect(await names(page, 'noNextStep')).toEqual(['Linus Pauling']);
    },
  );

  pageTest(
    suite,
    'logs a call and sets the next step: logActivity then updateCustomer, and the row moves to Next 7 days',
    'sidebar',
    { view: 'mywork' },
    { customers: CUSTOMERS },
    async ({ page, calls, customers }) => {
      await loaded(page);
      const log = page.getByRole('button', { name: 'Log & next step: Ada Lovelace' });
      await log.click();
      expect(await log.getAttribute('aria-expanded')).toBe('true');
      const form = page.getByRole('form', { name: 'Log & next step: Ada Lovelace' });
      // Keyboard: the form opens on its first field; every input has a label.
      expect(await focusedId(page)).toMatch(/^log-\d+-type$/);
      expect(await form.getByLabel('Next step', { exact: true }).inputValue()).toBe('Send the proposal');
      expect(await form.getByLabel('Next step due').inputValue()).toBe('2026-02-25');
      await form.getByLabel('Activity').selectOption('call');
      await form.getByLabel('Summary').fill('Talked budget; wants the proposal by Friday.');
      await form.getByLabel('Next step', { exact: true }).fill('Send the revised proposal');
      await form.getByLabel('Next step due').fill('2026-03-06');
      const before = (await calls()).length;
      await form.getByRole('button', { name: 'Save' }).click();

      await page.locator('.banner-success').getByText('Call logged for Ada Lovelace').waitFor();
      await page.locator('section[data-bucket="upcoming"] li[data-id="C-00001"]').waitFor();
      await loaded(page);
      expect(await names(page, 'overdue')).toEqual([]);
      expect(await names(page, 'upcoming')).toEqual(['Ada Lovelace', 'Alan Turing']);
      expect(await page.locator('section[data-bucket="overdue"] .bucket-empty').textContent()).toBe('Nothing overdue.');
      // The moved row's button has the focus, so the keyboard user stays on it.
      expect(await focused(page)).toEqual({ text: 'Log & next step', row: 'C-00001' });

      const made = (await calls()).slice(before).map((c) => [c.name, ...c.args]);
      expect(made).toEqual([
        ['logActivity', 'C-00001', { type: 'call', summary: 'Talked budget; wants the proposal by Friday.' }],
        ['updateCustomer', 'C-00001', { nextStep: 'Send the revised proposal', nextStepDue: '2026-03-06' }, 1],
        ['listFollowUps'],
      ]);
      const ada = (await customers()).find((c) => c.id === 'C-00001');
      expect(ada).toMatchObject({ nextStep: 'Send the revised proposal', nextStepDue: '2026-03-06', version: 2 });
    },
  );

  pageTest(
    suite,
    'shows errors inline: an empty summary, then a refused next step retried without logging twice',
    'sidebar',
    { view: 'mywork' },
    { customers: CUSTOMERS },
    async ({ page, calls, respondNext }) => {
      await loaded(page);
      await page.getByRole('button', { name: 'Log & next step: Grace Hopper' }).click();
      const form = page.getByRole('form', { name: 'Log & next step: Grace Hopper' });
      await form.getByRole('button', { name: 'Save' }).click();
      const summary = form.getByLabel('Summary');
      await summary.and(page.locator('[aria-invalid="true"]')).waitFor();
      const summaryError = await summary.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${summaryError}"]`).textContent()).not.toBe('');
      expect(await focusedId(page)).toMatch(/^log-\d+-summary$/);
      expect(await calls('updateCustomer')).toEqual([]);

      await summary.fill('Left a voicemail.');
      await form.getByLabel('Next step due').fill('2026-03-04');
      await respondNext('updateCustomer', {
        ok: false,
        errors: { nextStepDue: 'Next step due: not a date.', nextStep: 'Next step: too long.' },
      });
      await form.getByRole('button', { name: 'Save' }).click();
      const due = form.getByLabel('Next step due');
      await due.and(page.locator('[aria-invalid="true"]')).waitFor();
      expect(await page.locator(`[id="${await due.getAttribute('aria-describedby')}"]`).textContent()).toBe(
        'Next step due: not a date.',
      );
      const step = form.getByLabel('Next step', { exact: true });
      expect(await page.locator(`[id="${await step.getAttribute('aria-describedby')}"]`).textContent()).toBe(
        'Next step: too long.',
      );
      expect(await form.getByText(/^Call logged\. Correct the next step/).count()).toBe(1);
      expect(await summary.isDisabled()).toBe(true);

      // Save again: only the next step is sent; the call is not logged a second time.
      await form.getByRole('button', { name: 'Save' }).click();
      await page.locator('section[data-bucket="upcoming"] li[data-id="C-00002"]').waitFor();
      expect((await calls('logActivity')).map((c) => c.args[1])).toEqual([
        { type: 'call', summary: '' },
        { type: 'call', summary: 'Left a voicemail.' },
      ]);
      expect((await calls('updateCustomer')).map((c) => c.args[1])).toEqual([
        { nextStepDue: '2026-03-04' },
        { nextStepDue: '2026-03-04' },
      ]);
    },
  );

  pageTest(
    suite,
    'a conflict on the next step says so and reloads the list',
    'sidebar',
    { view: 'mywork' },
    { customers: CUSTOMERS },
    async ({ page, calls, changeExternally }) => {
      await loaded(page);
      await changeExternally('C-00001', { nextStep: 'Boss took it', nextStepDue: '2026-03-03' });
      await page.getByRole('button', { name: 'Log & next step: Ada Lovelace' }).click();
      const form = page.getByRole('form', { name: 'Log & next step: Ada Lovelace' });
      await form.getByLabel('Summary').fill('Quick call.');
      await form.getByLabel('Next step due').fill('2026-03-07');
      await form.getByRole('button', { name: 'Save' }).click();
      await page
        .locator('.banner-warning')
        .getByText(/someone else changed this customer first/)
        .waitFor();
      await page.locator('section[data-bucket="upcoming"] li[data-id="C-00001"]').waitFor();
      expect(await page.locator('li[data-id="C-00001"]').textContent()).toContain('Boss took it');
      expect((await calls('listFollowUps')).length).toBe(2);
    },
  );

  pageTest(
    suite,
    'Open shows the customer card with its next step',
    'sidebar',
    { view: 'mywork' },
    { customers: CUSTOMERS },
    async ({ page }) => {
      await loaded(page);
      await page.getByRole('button', { name: 'Open Ada Lovelace' }).click();
      const details = page.locator('.card-details');
      await details.getByText('Send the proposal').waitFor();
      expect(await details.textContent()).toContain('Next step due');
    },
  );

  pageTest(
    suite,
    'a failed load shows the message and a Retry that loads the list',
    'sidebar',
    { view: 'mywork' },
    { customers: CUSTOMERS, plan: [{ name: 'listFollowUps', fail: 'NetworkError: Connection failure due to HTTP 0' }] },
    async ({ page }) => {
      await page
        .locator('.banner-error')
        .getByText(/Couldn't load the follow-ups/)
        .waitFor();
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.locator('li[data-id="C-00001"]').waitFor();
      expect(await page.locator('.banner').isHidden()).toBe(true);
    },
  );
});
