/**
 * Two browser tabs, two people: each tab of the preview keeps its own "At the keyboard" (across a reload too),
 * and its edits, menu items and google.script.run calls run as that person; what one does shows in the other.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { usePreviewTabs, RESULTS_DIR, cellText, eventually, screenshotOnFailure, showTab } from './support';

jest.setTimeout(120_000);

const OWNER = 'owner@example.com';
const STAFF = 'alex.rivera@example.com';

interface CellsOwner {
  querySelectorAll(selector: string): ArrayLike<CellsOwner>;
  textContent: string | null;
}

describe('two tabs, two people', () => {
  // One browser, two tabs: what sessionStorage is kept per.
  const tabs = usePreviewTabs('two', { width: 1400, height: 900 }, ['owner', 'staff']);
  const tab = tabs.tab;
  /** `body`, with a screenshot of each tab when it fails. */
  const both = (name: string, body: () => Promise<void>) =>
    screenshotOnFailure(
      () => tabs.maybe('owner'),
      `${name}-owner`,
      () => screenshotOnFailure(() => tabs.maybe('staff'), `${name}-staff`, body),
    ).catch((error: unknown) => {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      fs.writeFileSync(path.join(RESULTS_DIR, `${name}-server.log`), tabs.serverOutput());
      throw error;
    });

  /** A person works in the tab in front of them (Chromium throttles the others' timers and frames). */
  async function typeInto(page: Page, sheet: string, a1: string, text: string): Promise<void> {
    await page.bringToFront();
    await showTab(page, sheet);
    await page.locator(`td[data-cell="${a1}"]`).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  async function register(page: Page, name: string): Promise<void> {
    await page.bringToFront();
    await page.getByRole('menuitem', { name: 'CRM', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Register customer', exact: true }).click();
    const form: FrameLocator = page
      .getByRole('complementary', { name: 'Pipeline CRM' })
      .locator('iframe')
      .contentFrame();
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await form.getByRole('textbox', { name: 'Company', exact: true }).fill(`${name} Ltd`);
    await form.getByRole('button', { name: 'Save customer' }).click();
    await form.getByRole('heading', { name }).waitFor();
  }

  /** The Customers row of `name` as `page` draws it, by header. */
  async function customer(page: Page, name: string): Promise<Record<string, string> | null> {
    await showTab(page, 'Customers');
    const rows = await page
      .getByRole('table', { name: 'Customers', exact: true })
      .evaluate((element: CellsOwner) =>
        Array.from(element.querySelectorAll('tbody tr')).map((tr) =>
          Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
        ),
      );
    const headers = rows[0] ?? [];
    const row = rows.find((r) => r[headers.indexOf('Name')] === name);
    return row ? Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])) : null;
  }

  it('keeps each tab its own person, across a reload', () =>
    both('two-users-switch', async () => {
      await tab('owner').locator(`body[data-user="${OWNER}"]`).waitFor();
      await tab('staff').bringToFront();
      await tab('staff').getByLabel('At the keyboard').selectOption(STAFF);
      await tab('staff').locator(`body[data-user="${STAFF}"]`).waitFor();

      await tab('owner').reload();
      await tab('owner').locator('body[data-ready="true"]').waitFor();
      expect(await tab('owner').getAttribute('body', 'data-user')).toBe(OWNER);
      expect(await tab('owner').getByLabel('At the keyboard').inputValue()).toBe(OWNER);

      await tab('staff').reload();
      await tab('staff').locator('body[data-ready="true"]').waitFor();
      expect(await tab('staff').getAttribute('body', 'data-user')).toBe(STAFF);
      expect(await tab('staff').getByLabel('At the keyboard').inputValue()).toBe(STAFF);
    }));

  it('edits as each tab’s person: the owner-only Settings tab refuses the staff tab and takes the owner’s', () =>
    both('two-users-edit', async () => {
      await typeInto(tab('staff'), 'Settings', 'H12', 'from staff');
      const alert = tab('staff').getByRole('alertdialog', { name: 'Your edit was not saved' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/protected/i);
      await alert.getByRole('button', { name: 'OK' }).click();

      await typeInto(tab('owner'), 'Settings', 'H12', 'from owner');
      await eventually(
        'the owner’s edit in the owner’s grid',
        async () => (await cellText(tab('owner'), 'H12')) === 'from owner',
      );
      expect(await tab('owner').getByRole('alertdialog').count()).toBe(0);
      // The other tab sees it without a reload.
      await eventually(
        'the owner’s edit in the staff tab',
        async () => (await cellText(tab('staff'), 'H12')) === 'from owner',
      );
    }));

  it('runs menu items and google.script.run as each tab’s person', () =>
    both('two-users-run', async () => {
      await register(tab('staff'), 'Bea Staffpick');
      await register(tab('owner'), 'Otto Ownerpick');

      await eventually(
        'both customers in the owner’s grid',
        async () =>
          (await customer(tab('owner'), 'Bea Staffpick'))?.['Created by'] === STAFF &&
          (await customer(tab('owner'), 'Otto Ownerpick'))?.['Created by'] === OWNER,
      );
      await eventually(
        'the owner’s customer in the staff tab',
        async () => (await customer(tab('staff'), 'Otto Ownerpick')) !== null,
      );
      expect(await tab('staff').getAttribute('body', 'data-user')).toBe(STAFF);
      expect(await tab('owner').getAttribute('body', 'data-user')).toBe(OWNER);
    }));
});
