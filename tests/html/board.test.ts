/**
 * The Pipeline board dialog in a real browser against the built add-on: columns and figures, cards (escaped),
 * a drag, a keyboard move, a refusal rolled back, a conflict settled, Closed-lost asking its reason in place,
 * the owner filter, "show more", and a card opened in the sidebar.
 */

import type { Locator, Page } from 'playwright-core';
import { OWNER } from '../support/crm';
import { pageTest, until, useSuite } from './harness';
import { BOSS, type SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const HOSTILE = '<img src=x onerror="window.__pwned=1">=1+1';

const customers: SeedCustomer[] = [
  { id: 'C-00001', input: { name: 'Ann Able', company: 'Acme', dealValue: 1000, status: 'Lead' } },
  {
    id: 'C-00002',
    input: {
      name: 'Bob Baker',
      company: HOSTILE,
      dealValue: 250.5,
      status: 'Lead',
      nextStep: 'Call',
      nextStepDue: '2026-03-01',
    },
  },
  { id: 'C-00003', input: { name: 'Cat Cole', dealValue: 2000, status: 'Qualified', owner: BOSS } },
];

const column = (page: Page, status: string): Locator => page.locator(`.board-column[data-status="${status}"]`);
const card = (page: Page, name: string): Locator => page.locator('.board-card', { hasText: name });
const namesIn = async (page: Page, status: string): Promise<string[]> =>
  column(page, status).locator('.card-name').allTextContents();

async function ready(page: Page): Promise<void> {
  await column(page, 'Lead').locator('.board-card').first().waitFor();
}

describe('Pipeline board dialog', () => {
  pageTest(
    suite,
    'draws 8 columns with their figures, and cards as text',
    'board',
    { view: 'board' },
    { customers },
    async ({ page, calls }) => {
      await ready(page);
      expect(await page.locator('.board-column h2').allTextContents()).toEqual([
        'Lead',
        'Contacted',
        'Qualified',
        'In negotiation',
        'Closed-won',
        'Closed-lost',
        'Active',
        'Dormant',
      ]);
      const lead = await column(page, 'Lead').locator('.column-figures').textContent();
      expect(lead).toContain('2 deals');
      expect(lead).toContain('1,250.5');
      expect(lead).toContain('weighted 125.05');
      expect(await column(page, 'Qualified').locator('.column-figures').textContent()).toContain('weighted 800');
      // The hostile company is shown as typed, never run.
      expect(await card(page, 'Bob Baker').locator('.card-company').textContent()).toBe(HOSTILE);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.locator('.board-card img').count()).toBe(0);
      // Next step due before today: overdue.
      expect(await card(page, 'Bob Baker').locator('.mark-overdue').textContent()).toBe('overdue');
      expect(await card(page, 'Ann Able').locator('.mark-overdue').count()).toBe(0);
      expect((await calls('getPipelineBoard')).map((c) => c.args)).toEqual([[{ owner: '', perStage: 50 }]]);
    },
  );

  pageTest(
    suite,
    'a drag moves the card at once, saves once with its version, and updates the figures',
    'board',
    { view: 'board' },
    { customers, delays: { updateCustomerStatus: 400 } },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await card(page, 'Ann Able').dragTo(column(page, 'Contacted'));
      // Shown before the server answers.
      expect(await namesIn(page, 'Contacted')).toEqual(['Ann Able']);
      expect(await card(page, 'Ann Able').getAttribute('aria-busy')).toBe('true');
      await page.locator('.board-card[aria-busy]').waitFor({ state: 'detached' });
      expect((await opened.calls('updateCustomerStatus')).map((c) => c.args)).toEqual([['C-00001', 'Contacted', 1]]);
      expect(await column(page, 'Contacted').locator('.column-figures').textContent()).toContain('weighted 200');
      expect(await column(page, 'Lead').locator('.column-figures').textContent()).toContain('1 deal ');
      const saved = (await opened.customers()).find((c) => c.id === 'C-00001');
      expect([saved?.status, saved?.version]).toEqual(['Contacted', 2]);
      // A second move uses the version the first returned.
      await card(page, 'Ann Able').dragTo(column(page, 'Qualified'));
      await page.locator('.board-card[aria-busy]').waitFor({ state: 'detached' });
      expect((await opened.calls('updateCustomerStatus')).map((c) => c.args)[1]).toEqual(['C-00001', 'Qualified', 2]);
    },
  );

  pageTest(
    suite,
    'keyboard: arrows choose the column, Enter moves, Escape cancels',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await card(page, 'Ann Able').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await card(page, 'Ann Able').locator('.card-target').textContent()).toContain('Move to Qualified?');
      expect(await column(page, 'Qualified').getAttribute('class')).toContain('is-target');
      await page.keyboard.press('Escape');
      expect(await card(page, 'Ann Able').locator('.card-target').count()).toBe(0);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await page.locator('[role="status"]', { hasText: 'Ann Able moved to Contacted.' }).waitFor();
      expect(await namesIn(page, 'Contacted')).toEqual(['Ann Able']);
      // The focus stays on the moved card, ready for the next move.
      expect(await page.evaluate('document.activeElement.dataset.id')).toBe('C-00001');
      expect((await opened.calls('updateCustomerStatus')).map((c) => c.args)).toEqual([['C-00001', 'Contacted', 1]]);
      // Arrow down goes to the next card of the column.
      await card(page, 'Bob Baker').focus();
      await page.keyboard.press('ArrowUp');
      expect(await page.evaluate('document.activeElement.dataset.id')).toBe('C-00002');
    },
  );

  pageTest(
    suite,
    'a refusal puts the card back with the server message; a failed call too',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await opened.respondNext('updateCustomerStatus', {
        ok: false,
        errors: { access: 'Only the CRM staff may change customers.' },
      });
      await card(page, 'Ann Able').dragTo(column(page, 'Contacted'));
      await card(page, 'Ann Able').locator('.notice-error').waitFor();
      expect(await namesIn(page, 'Lead')).toContain('Ann Able');
      expect(await namesIn(page, 'Contacted')).toEqual([]);
      expect(await card(page, 'Ann Able').locator('.notice-error').textContent()).toContain(
        'Only the CRM staff may change customers.',
      );
      expect(await page.locator('.banner-error').textContent()).toContain('Ann Able was not moved');
      expect(await column(page, 'Lead').locator('.column-figures').textContent()).toContain('2 deals');

      await opened.failNext('updateCustomerStatus', 'NetworkError: Connection failure due to HTTP 0');
      await card(page, 'Cat Cole').dragTo(column(page, 'Closed-won'));
      await card(page, 'Cat Cole').locator('.notice-error').waitFor();
      expect(await namesIn(page, 'Qualified')).toEqual(['Cat Cole']);
      expect(await page.locator('.banner-error').textContent()).toContain('could not be reached');
      expect((await opened.customers()).map((c) => c.status)).toEqual(['Lead', 'Lead', 'Qualified']);
    },
  );

  pageTest(
    suite,
    'a conflict shows their values where the card now is; "move anyway" saves with the current version',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await opened.changeExternally('C-00001', { status: 'Qualified', dealValue: 5000 });
      await card(page, 'Ann Able').dragTo(column(page, 'Contacted'));
      const notice = card(page, 'Ann Able').locator('.conflict');
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`now in Qualified (version 2, by ${BOSS}`);
      expect(await namesIn(page, 'Qualified')).toEqual(['Ann Able', 'Cat Cole']);
      expect(await card(page, 'Ann Able').locator('.card-value').textContent()).toBe('5,000');
      expect(await column(page, 'Qualified').locator('.column-figures').textContent()).toContain('7,000');
      await notice.getByRole('button', { name: 'Move to Contacted anyway' }).click();
      await page.locator('[role="status"]', { hasText: 'Ann Able moved to Contacted.' }).waitFor();
      expect((await opened.calls('updateCustomerStatus')).map((c) => c.args)).toEqual([
        ['C-00001', 'Contacted', 1],
        ['C-00001', 'Contacted', 2],
      ]);
      const saved = (await opened.customers())[0];
      expect([saved?.status, saved?.dealValue, saved?.version]).toEqual(['Contacted', 5000, 3]);
    },
  );

  pageTest(
    suite,
    '"keep theirs" leaves the card as the other person saved it',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await opened.changeExternally('C-00003', { status: 'Closed-won' });
      await card(page, 'Cat Cole').focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await card(page, 'Cat Cole').getByRole('button', { name: 'Keep theirs' }).click();
      expect(await namesIn(page, 'Closed-won')).toEqual(['Cat Cole']);
      expect(await card(page, 'Cat Cole').locator('.conflict').count()).toBe(0);
      expect((await opened.calls('updateCustomerStatus')).length).toBe(1);
    },
  );

  pageTest(
    suite,
    'Closed-lost asks the reason on the card; cancel puts it back; the reason is saved',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await card(page, 'Ann Able').dragTo(column(page, 'Closed-lost'));
      const prompt = card(page, 'Ann Able').locator('.card-lost');
      await prompt.waitFor();
      expect(await namesIn(page, 'Closed-lost')).toEqual(['Ann Able']);
      expect(await page.evaluate('document.activeElement.dataset.part')).toBe('lost-reason');
      expect(await opened.calls('updateCustomerStatus')).toEqual([]);
      await prompt.getByRole('button', { name: 'Cancel' }).click();
      expect(await namesIn(page, 'Lead')).toContain('Ann Able');
      expect(await namesIn(page, 'Closed-lost')).toEqual([]);

      await card(page, 'Ann Able').dragTo(column(page, 'Closed-lost'));
      await prompt.getByLabel('Lost reason').selectOption('Timing');
      await prompt.getByRole('button', { name: 'Move to Closed-lost' }).click();
      await page.locator('[role="status"]', { hasText: 'Ann Able moved to Closed-lost.' }).waitFor();
      expect((await opened.calls('updateCustomerStatus')).map((c) => c.args)).toEqual([
        ['C-00001', 'Closed-lost', 1, null, 'Timing'],
      ]);
      const saved = (await opened.customers())[0];
      expect([saved?.status, saved?.lostReason]).toEqual(['Closed-lost', 'Timing']);
    },
  );

  pageTest(
    suite,
    'Closed-lost without a reason: the server refuses and the card keeps asking',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await card(page, 'Bob Baker').dragTo(column(page, 'Closed-lost'));
      const prompt = card(page, 'Bob Baker').locator('.card-lost');
      await prompt.getByRole('button', { name: 'Move to Closed-lost' }).click();
      await prompt.locator('.field-error').waitFor();
      expect(await prompt.locator('.field-error').textContent()).toMatch(/reason/i);
      expect(await namesIn(page, 'Closed-lost')).toEqual(['Bob Baker']);
      expect((await opened.customers())[1]?.status).toBe('Lead');
      // Keyboard: pick a reason, Enter.
      await prompt.getByLabel('Lost reason').selectOption('Price');
      await prompt.getByLabel('Lost reason').press('Enter');
      await page.locator('[role="status"]', { hasText: 'Bob Baker moved to Closed-lost.' }).waitFor();
      expect((await opened.customers())[1]?.lostReason).toBe('Price');
    },
  );

  pageTest(
    suite,
    'owner filter: mine, a staff member, everyone',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      const filter = page.getByLabel('Owner');
      expect(await filter.locator('option').allTextContents()).toEqual([
        'Everyone',
        'Mine (rep@example.com)',
        OWNER,
        'rep@example.com',
        BOSS,
      ]);
      await filter.selectOption(BOSS);
      await page.waitForFunction("document.querySelectorAll('.board-card').length === 1");
      expect(await page.locator('.card-name').allTextContents()).toEqual(['Cat Cole']);
      await filter.selectOption({ label: 'Mine (rep@example.com)' });
      await page.waitForFunction("document.querySelectorAll('.board-card').length === 2");
      expect(await page.locator('.card-name').allTextContents()).toEqual(['Ann Able', 'Bob Baker']);
      expect((await opened.calls('getPipelineBoard')).map((c) => c.args[0])).toEqual([
        { owner: '', perStage: 50 },
        { owner: BOSS, perStage: 50 },
        { owner: 'rep@example.com', perStage: 50 },
      ]);
    },
  );

  pageTest(
    suite,
    'clicking a card opens it in the sidebar and closes the board',
    'board',
    { view: 'board' },
    { customers },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      await card(page, 'Bob Baker').locator('.card-name').click();
      await until(() => opened.server.hostClosed > 0);
      expect((await opened.calls('openCustomerSidebar')).map((c) => c.args)).toEqual([['C-00002']]);
      expect((await opened.stats()).hostClosed).toBe(1);
    },
  );

  const many: SeedCustomer[] = Array.from({ length: 53 }, (_, i) => ({
    id: `C-${String(i + 1).padStart(5, '0')}`,
    input: { name: `Lead ${String(i + 1).padStart(2, '0')}`, dealValue: 10 },
  }));
  pageTest(
    suite,
    '"show more" loads the next cards of a column; the figures count them all',
    'board',
    { view: 'board' },
    { customers: many },
    async (opened) => {
      const { page } = opened;
      await ready(page);
      expect(await column(page, 'Lead').locator('.board-card').count()).toBe(50);
      expect(await column(page, 'Lead').locator('.column-figures').textContent()).toContain('53 deals');
      await column(page, 'Lead').getByRole('button', { name: 'Show more (3 not shown)' }).click();
      await column(page, 'Lead').locator('.board-card').nth(52).waitFor();
      expect(
        await column(page, 'Lead')
          .getByRole('button', { name: /Show more/ })
          .count(),
      ).toBe(0);
      expect((await opened.calls('getPipelineBoard')).map((c) => c.args[0])).toEqual([
        { owner: '', perStage: 50 },
        { owner: '', perStage: 100 },
      ]);
    },
  );
});
