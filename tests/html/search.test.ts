/** Type-ahead search in a real browser: debounce, one call in flight, stale responses, keyboard, dialog. */

import { pageTest, sleep, until, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const customers: SeedCustomer[] = [
  {
    id: 'C-00001',
    input: {
      name: 'Acme Rockets',
      company: 'Acme Corp',
      email: 'wile@acme.example',
      phone: '555 0101',
      status: 'Qualified',
    },
  },
  {
    id: 'C-00002',
    input: { name: 'Ada Lovelace', company: 'Analytical Engines', email: 'ada@example.com', status: 'Lead' },
  },
  {
    id: 'C-00003',
    input: { name: 'Acme Anvils', company: 'Acme Corp', phone: '+1 (555) 010-2000', status: 'Closed-won' },
  },
  {
    id: 'C-00004',
    input: { name: 'Zoë Adams', company: 'Café Crème', email: 'zoe@cafe.example', status: 'Contacted' },
  },
];

describe('sidebar: search', () => {
  pageTest(
    suite,
    'type-ahead shows results and issues one call per pause',
    'sidebar',
    { view: 'search' },
    { customers },
    async ({ page, calls }) => {
      const box = page.getByRole('combobox', { name: 'Search customers' });
      expect(await page.evaluate('document.activeElement.type')).toBe('search');
      await box.pressSequentially('acme', { delay: 60 });
      await page.locator('.search-info').getByText('2 customers found.').waitFor();
      await sleep(400);
      expect((await calls('searchCustomers')).map((c) => c.args)).toEqual([['acme', { limit: 20 }]]);

      // Equally good matches come in name order (the server's tie-break): Acme Anvils, then Acme Rockets.
      const rows = page.getByRole('listbox').getByRole('option');
      expect(await rows.count()).toBe(2);
      const second = await rows.nth(1).textContent();
      for (const part of ['Acme Rockets', 'Acme Corp', 'Qualified', 'wile@acme.example', '555 0101'])
        expect(second).toContain(part);
      expect(await rows.nth(0).textContent()).toContain('+1 (555) 010-2000');

      // Another pause, another single call.
      await box.pressSequentially(' rock', { delay: 40 });
      await page.locator('.search-info').getByText('1 customer found.').waitFor();
      await sleep(400);
      expect((await calls('searchCustomers')).map((c) => c.args[0])).toEqual(['acme', 'acme rock']);
    },
  );

  pageTest(
    suite,
    'keeps one call in flight and ignores stale responses',
    'sidebar',
    { view: 'search' },
    { customers, delays: { searchCustomers: 700 } },
    async ({ page, calls, stats }) => {
      const box = page.getByRole('combobox', { name: 'Search customers' });
      await box.pressSequentially('l');
      await sleep(350); // the call for "l" is now in flight
      await box.pressSequentially('ov');
      await sleep(350); // "lov" is due while "l" is still running: it waits
      expect((await calls('searchCustomers')).map((c) => c.args[0])).toEqual(['l']);
      await page.locator('.search-info').getByText('1 customer found.').waitFor();
      expect((await calls('searchCustomers')).map((c) => c.args[0])).toEqual(['l', 'lov']);
      expect((await stats()).maxInFlight.searchCustomers).toBe(1);
      // The (stale) results for "a" were never shown.
      expect(await page.getByRole('listbox').getByRole('option').allTextContents()).toEqual([
        expect.stringContaining('Ada Lovelace'),
      ]);
    },
  );

  pageTest(
    suite,
    'status filter, arrow keys and Enter open the card; Escape clears',
    'sidebar',
    { view: 'search' },
    { customers },
    async ({ page, calls }) => {
      const box = page.getByRole('combobox', { name: 'Search customers' });
      await box.fill('acme');
      await page.locator('.search-info').getByText('2 customers found.').waitFor();
      await page.selectOption('select', 'Closed-won');
      await page.locator('.search-info').getByText('1 customer found.').waitFor();
      expect((await calls('searchCustomers'))[1]?.args).toEqual(['acme', { limit: 20, status: 'Closed-won' }]);
      await page.selectOption('select', '');
      await page.locator('.search-info').getByText('2 customers found.').waitFor();

      await box.press('Escape');
      expect(await box.inputValue()).toBe('');
      expect(await page.getByRole('listbox').getByRole('option').count()).toBe(0);

      await box.fill('acme');
      await page.locator('.search-info').getByText('2 customers found.').waitFor();
      await box.press('ArrowDown');
      await box.press('ArrowDown');
      await box.press('ArrowDown'); // stays on the last one
      await box.press('ArrowUp');
      await box.press('ArrowDown');
      expect(await page.locator('[aria-selected=true]').textContent()).toContain('Acme Rockets');
      expect(await box.getAttribute('aria-activedescendant')).toBe(
        await page.locator('[aria-selected=true]').getAttribute('id'),
      );
      await box.press('Enter');
      await page.locator('.card-name').getByText('Acme Rockets').waitFor();
      expect((await calls('getCustomer')).map((c) => c.args)).toEqual([['C-00001']]);

      // Back to Search: the query and results are still there; a click opens a card.
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      expect(await box.inputValue()).toBe('acme');
      await page.getByRole('listbox').getByRole('option').filter({ hasText: 'Acme Anvils' }).click();
      await page.locator('.card-name').getByText('Acme Anvils').waitFor();
    },
  );

  pageTest(
    suite,
    'search is accent-tolerant through the server and reports no match',
    'sidebar',
    { view: 'search' },
    { customers },
    async ({ page }) => {
      const box = page.getByRole('combobox', { name: 'Search customers' });
      await box.fill('cafe creme');
      await page.getByRole('listbox').getByRole('option').filter({ hasText: 'Zoë Adams' }).waitFor();
      await box.fill('nobody');
      await page.locator('.search-info').getByText('No customer matches “nobody”.').waitFor();
    },
  );

  pageTest(
    suite,
    'a failed search shows the message in the banner',
    'sidebar',
    { view: 'search' },
    { customers },
    async ({ page, failNext }) => {
      await failNext('searchCustomers', 'Exception: Too many simultaneous invocations');
      await page.getByRole('combobox', { name: 'Search customers' }).fill('acme');
      await page
        .locator('.banner')
        .getByText(/Couldn't search: Exception: Too many simultaneous invocations\. Please try again/)
        .waitFor();
    },
  );
});

describe('search dialog', () => {
  pageTest(
    suite,
    'clicking a result opens it in the sidebar and closes the dialog',
    'search',
    { view: 'search' },
    { customers },
    async ({ page, server, calls, stats }) => {
      const box = page.getByRole('combobox', { name: 'Search customers' });
      expect(await page.evaluate('document.activeElement.type')).toBe('search');
      await box.pressSequentially('ada', { delay: 30 });
      await page.getByRole('listbox').getByRole('option').filter({ hasText: 'Ada Lovelace' }).click();
      await until(() => server.hostClosed === 1);
      expect((await calls()).map((c) => [c.name, ...c.args])).toEqual([
        ['searchCustomers', 'ada', { limit: 20 }],
        ['openCustomerSidebar', 'C-00002'],
      ]);
      expect((await stats()).hostClosed).toBe(1);
    },
  );

  pageTest(
    suite,
    'Enter opens the highlighted result; a failure keeps the dialog open',
    'search',
    { view: 'search' },
    { customers },
    async ({ page, server, calls, stats, failNext }) => {
      const box = page.getByRole('combobox', { name: 'Search customers' });
      await box.fill('acme');
      await page.locator('.search-info').getByText('2 customers found.').waitFor();
      await failNext('openCustomerSidebar', 'Exception: You do not have permission to call showSidebar');
      await box.press('ArrowDown');
      expect(await page.locator('[aria-selected=true]').textContent()).toContain('Acme Anvils');
      await box.press('Enter');
      await page
        .locator('.banner')
        .getByText(/Couldn't open the customer/)
        .waitFor();
      expect((await stats()).hostClosed).toBe(0);
      await box.press('Enter');
      await until(() => server.hostClosed === 1);
      expect((await calls('openCustomerSidebar')).map((c) => c.args)).toEqual([['C-00003'], ['C-00003']]);
    },
  );
});
