/**
 * CRM ▸ Pipeline board end to end in the preview (npm start) in Chromium: a card dragged to another column, one
 * moved by keyboard, a conflict between two tabs (two people with the board open), and a move to Closed-lost
 * refused without a reason, then made with one. Each move is checked on the Customers tab, not only on the board.
 */

import type { FrameLocator, Locator, Page } from 'playwright-core';
import { usePreviewTabs, eventually, screenshotOnFailure, showTab } from './support';

jest.setTimeout(120_000);

describe('Pipeline board in the preview (npm start)', () => {
  const tabs = usePreviewTabs('board', { width: 1600, height: 900 }, ['first', 'second']);
  const tab = tabs.tab;

  async function openBoard(page: Page): Promise<FrameLocator> {
    await page.bringToFront();
    await page.getByRole('menuitem', { name: 'CRM', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Pipeline board', exact: true }).click();
    const board = page.getByRole('dialog', { name: 'Pipeline board' }).locator('iframe').contentFrame();
    await board.locator('.board-column[data-status="Lead"]').waitFor();
    await board.locator('.board-card').first().waitFor();
    return board;
  }

  const column = (board: FrameLocator, status: string): Locator =>
    board.locator(`.board-column[data-status="${status}"]`);
  const card = (board: FrameLocator, name: string): Locator => board.locator('.board-card', { hasText: name });
  const names = (board: FrameLocator, status: string): Promise<string[]> =>
    column(board, status).locator('.card-name').allTextContents();

  /** The Status cell of `name`'s row on the Customers tab of `page`'s grid. */
  async function statusOnSheet(page: Page, name: string): Promise<string> {
    await showTab(page, 'Customers');
    const row = page.locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${name}$`) }) });
    return (await row.locator('td').nth(5).textContent()) ?? '';
  }

  async function closeBoard(page: Page): Promise<void> {
    await page.getByRole('dialog', { name: 'Pipeline board' }).getByRole('button', { name: 'Close dialog' }).click();
  }

  it('the menu offers Pipeline board right after Search customers', () =>
    screenshotOnFailure(
      () => tabs.maybe('first'),
      'board-menu',
      async () => {
        const page = tab('first');
        await page.getByRole('menuitem', { name: 'CRM', exact: true }).click();
        const items = (await page.getByRole('menu').getByRole('menuitem').allTextContents()).map((t) => t.trim());
        expect(items.indexOf('Pipeline board')).toBe(items.indexOf('Search customers') + 1);
        await page.keyboard.press('Escape');
      },
    ));

  it('drags a card to another column: saved, and the Customers tab shows it', () =>
    screenshotOnFailure(
      () => tabs.maybe('first'),
      'board-drag',
      async () => {
        const page = tab('first');
        const board = await openBoard(page);
        const name = (await column(board, 'Lead').locator('.card-name').first().textContent()) ?? '';
        expect(name).not.toBe('');
        await card(board, name).dragTo(column(board, 'Qualified'));
        await board.getByRole('status').getByText(`${name} moved to Qualified.`).waitFor();
        expect(await names(board, 'Qualified')).toContain(name);
        expect(await names(board, 'Lead')).not.toContain(name);
        await closeBoard(page);
        await eventually('the sheet shows Qualified', async () => (await statusOnSheet(page, name)) === 'Qualified');
      },
    ));

  it('moves a card with the keyboard: arrow right, Enter', () =>
    screenshotOnFailure(
      () => tabs.maybe('first'),
      'board-keyboard',
      async () => {
        const page = tab('first');
        const board = await openBoard(page);
        const name = (await column(board, 'Contacted').locator('.card-name').first().textContent()) ?? '';
        await card(board, name).focus();
        await page.keyboard.press('ArrowRight');
        await card(board, name).getByText('Move to Qualified?').waitFor();
        await page.keyboard.press('Enter');
        await board.getByRole('status').getByText(`${name} moved to Qualified.`).waitFor();
        expect(await names(board, 'Qualified')).toContain(name);
        await closeBoard(page);
        await eventually('the sheet shows Qualified', async () => (await statusOnSheet(page, name)) === 'Qualified');
      },
    ));

  it('two tabs: the second moves a card the first already moved and gets the conflict in place', () =>
    screenshotOnFailure(
      () => tabs.maybe('second'),
      'board-conflict',
      async () => {
        const late = await openBoard(tab('second'));
        const name = (await column(late, 'Qualified').locator('.card-name').first().textContent()) ?? '';
        const early = await openBoard(tab('first'));
        await card(early, name).dragTo(column(early, 'In negotiation'));
        await early.getByRole('status').getByText(`${name} moved to In negotiation.`).waitFor();

        await tab('second').bringToFront();
        await card(late, name).dragTo(column(late, 'Closed-won'));
        const notice = card(late, name).locator('.conflict');
        await notice.waitFor();
        expect(await notice.textContent()).toContain('now in In negotiation');
        expect(await names(late, 'In negotiation')).toContain(name);
        expect(await names(late, 'Closed-won')).not.toContain(name);
        await notice.getByRole('button', { name: 'Keep theirs' }).click();
        await closeBoard(tab('second'));
        expect(await statusOnSheet(tab('second'), name)).toBe('In negotiation');
        await closeBoard(tab('first'));
      },
    ));

  it('Closed-lost: refused without a reason (asked again on the card), saved with one', () =>
    screenshotOnFailure(
      () => tabs.maybe('first'),
      'board-lost',
      async () => {
        const page = tab('first');
        const board = await openBoard(page);
        const name = (await column(board, 'Lead').locator('.card-name').first().textContent()) ?? '';
        await card(board, name).dragTo(column(board, 'Closed-lost'));
        const prompt = card(board, name).locator('.card-lost');
        await prompt.getByRole('button', { name: 'Move to Closed-lost' }).click();
        await prompt.locator('.field-error').waitFor();
        expect(await prompt.locator('.field-error').textContent()).toMatch(/reason/i);
        // Nothing was saved: the other tab's sheet still says Lead.
        await tab('second').bringToFront();
        expect(await statusOnSheet(tab('second'), name)).toBe('Lead');
        await page.bringToFront();

        await prompt.getByLabel('Lost reason').selectOption('No budget');
        await prompt.getByRole('button', { name: 'Move to Closed-lost' }).click();
        await board.getByRole('status').getByText(`${name} moved to Closed-lost.`).waitFor();
        await closeBoard(page);
        await eventually(
          'the sheet shows Closed-lost',
          async () => (await statusOnSheet(page, name)) === 'Closed-lost',
        );
        const row = page.locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${name}$`) }) });
        expect(await row.locator('td').nth(18).textContent()).toBe('No budget');
      },
    ));
});
