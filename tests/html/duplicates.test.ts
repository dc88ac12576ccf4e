/**
 * The Find duplicates dialog in a real browser against the built add-on: groups side by side with markup kept as
 * text, the preview following the "Keep" choice, one mergeCustomers call per other customer with the versions shown,
 * a conflict (someone saved meanwhile) said in words with nothing merged, and Restore of a merged customer.
 */

import { pageTest, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const a: SeedCustomer = { id: 'C-00001', input: { name: 'Ann Berg', email: 'ann@example.com', notes: 'First' } };
const b: SeedCustomer = {
  id: 'C-00002',
  input: {
    name: '<b>Ann</b>',
    company: '<img src=x onerror=alert(1)>',
    email: 'ANN@example.com',
    allowDuplicate: true,
  },
};
const c: SeedCustomer = { id: 'C-00003', input: { name: 'Lone Wolf' } };
const state = { view: 'duplicates' as const };

describe('dialog: Find duplicates', () => {
  pageTest(
    suite,
    'shows a group side by side, previews the kept choice, merges and restores',
    'duplicates',
    state,
    { customers: [a, b, c] },
    async ({ page, calls, dialogs }) => {
      const table = page.getByRole('table', { name: 'Duplicate group 1' });
      await table.waitFor();
      expect(await page.getByRole('table').count()).toBe(1);
      expect(await table.textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await table.locator('img, b').count()).toBe(0);
      // Keeping C-00001: it takes the company it lacks; keeping C-00002: it takes the Notes.
      const company = table.locator('td.merged-preview[data-field="company"]');
      expect(await company.textContent()).toBe('<img src=x onerror=alert(1)>');
      await page.getByLabel('Keep C-00002').check();
      expect(await table.locator('td.merged-preview[data-field="notes"]').textContent()).toBe('First');
      await page.getByLabel('Keep C-00001').check();

      await page.getByRole('button', { name: 'Merge into the kept customer' }).click();
      await page.locator('.banner').getByText('Merged C-00002 into C-00001.').waitFor();
      expect((await calls('mergeCustomers')).map((call) => call.args)).toEqual([
        ['C-00001', 'C-00002', { 'C-00001': 1, 'C-00002': 1 }],
      ]);
      await page.getByRole('button', { name: 'Restore C-00002' }).click();
      await page.locator('.banner').getByText('C-00002 is back in the Customers tab.').waitFor();
      expect((await calls('restoreCustomer')).map((call) => call.args)).toEqual([['C-00002']]);
      expect(dialogs).toEqual([]);
    },
  );

  pageTest(
    suite,
    'someone saved a customer meanwhile: the conflict is said, nothing is merged',
    'duplicates',
    state,
    { customers: [a, b] },
    async ({ page, changeExternally, customers }) => {
      await page.getByRole('table', { name: 'Duplicate group 1' }).waitFor();
      await changeExternally('C-00002', { source: 'Web' });
      await page.getByRole('button', { name: 'Merge into the kept customer' }).click();
      await page
        .locator('.banner')
        .getByText('C-00002 was changed by someone else meanwhile', { exact: false })
        .waitFor();
      expect((await customers()).map((customer) => customer.id)).toEqual(['C-00001', 'C-00002']);
    },
  );

  pageTest(
    suite,
    'says so when there are no duplicates',
    'duplicates',
    state,
    { customers: [a, { ...c, id: 'C-00002' }] },
    async ({ page }) => {
      await page.getByText('No probable duplicates', { exact: false }).waitFor();
    },
  );
});
