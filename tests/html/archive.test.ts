/**
 * The customer card's "Archive or merge" section in a real browser against the built add-on: archive with a reason
 * (one call with the version seen; the card turns read-only with a Restore button), restore (forms back, Version + 1),
 * and merging another customer into this one (its ID → a preview of what it fills → Merge, one call with both
 * versions). Customer data stays text throughout.
 */

import { pageTest, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const ann: SeedCustomer = {
  id: 'C-00001',
  input: { name: 'Ann Berg', email: 'ann@example.com', notes: 'First' },
};
const dup: SeedCustomer = {
  id: 'C-00002',
  input: {
    name: '<b>Ann</b> B',
    company: '<img src=x onerror=alert(1)>',
    email: 'ann@example.com',
    allowDuplicate: true,
  },
  after: [{ patch: { source: 'Fair' } }],
};
const state = { view: 'customer' as const, customerId: 'C-00001' };

describe('sidebar: archive, restore and merge from the customer card', () => {
  pageTest(
    suite,
    'archives with a reason, then restores',
    'sidebar',
    state,
    { customers: [ann] },
    async ({ page, calls, dialogs }) => {
      await page.locator('.card-name').getByText('Ann Berg').waitFor();
      await page.getByText('Archive or merge').click();
      await page.getByLabel('Reason for archiving').fill('Test record');
      await page.getByRole('button', { name: 'Archive', exact: true }).click();
      await page.locator('.banner').getByText('C-00001 archived').waitFor();
      expect((await calls('archiveCustomer')).map((c) => c.args)).toEqual([['C-00001', 1, 'Test record']]);
      expect(await page.locator('.archived-note').textContent()).toContain('Test record');
      expect(await page.getByRole('button', { name: 'Update status' }).count()).toBe(0);
      await page.locator('.history').getByText('Archived: Test record').waitFor();

      await page.getByRole('button', { name: 'Restore' }).click();
      await page.locator('.banner').getByText('C-00001 is back in the Customers tab.').waitFor();
      expect((await calls('restoreCustomer')).map((c) => c.args)).toEqual([['C-00001']]);
      await page.getByRole('button', { name: 'Update status' }).waitFor();
      expect(await page.locator('.card-details').textContent()).toContain('Version 2');
      expect(dialogs).toEqual([]);
    },
  );

  pageTest(
    suite,
    'previews and merges another customer into this one',
    'sidebar',
    state,
    { customers: [ann, dup] },
    async ({ page, calls, dialogs, errors }) => {
      await page.locator('.card-name').getByText('Ann Berg').waitFor();
      await page.getByText('Archive or merge').click();
      await page.getByLabel('Merge another customer into this one (its ID)').fill('C-00002');
      await page.getByRole('button', { name: 'Preview merge' }).click();
      const preview = page.locator('.merge-preview');
      await preview.getByText('company: <img src=x onerror=alert(1)>').waitFor();
      expect(await preview.textContent()).toContain('source: Fair');
      expect(await preview.locator('img, b').count()).toBe(0);

      await page.getByRole('button', { name: 'Merge C-00002 into C-00001' }).click();
      await page.locator('.banner').getByText('C-00002 merged into C-00001 and archived.').waitFor();
      expect((await calls('mergeCustomers')).map((c) => c.args)).toEqual([
        ['C-00001', 'C-00002', { 'C-00001': 1, 'C-00002': 2 }],
      ]);
      expect(await page.locator('.card-details').textContent()).toContain('Version 2');
      expect(await page.locator('.card-details').textContent()).toContain('Fair');
      await page.locator('.history').getByText('Merged C-00002 into C-00001').waitFor();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
