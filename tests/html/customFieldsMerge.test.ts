/**
 * Custom fields in the two merge previews, in a real browser against the built bundle: the Find duplicates dialog
 * shows one row per custom field with the merged result (the server's rule: only an empty value is filled), and the
 * card's "Merge another customer" preview lists the custom values it fills by the field's name. Values stay text.
 */

import { pageTest, useSuite } from './harness';
import type { Seed, SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const FIELDS: Seed['customFields'] = [
  ['Industry', 'Choice', 'Retail, Software', ''],
  ['Employees', 'Number', '', ''],
  ['Region <i>x</i>', 'Text', '', ''],
];
const HOSTILE = '=HYPERLINK("x") <img src=x onerror=alert(1)>';

const ann: SeedCustomer = {
  id: 'C-00001',
  input: { name: 'Ann Berg', email: 'ann@example.com', custom: { Industry: 'Retail' } },
};
const dup: SeedCustomer = {
  id: 'C-00002',
  input: {
    name: 'Ann Berg',
    email: 'ANN@example.com',
    allowDuplicate: true,
    custom: { Industry: 'Software', Employees: 0, 'Region <i>x</i>': HOSTILE },
  },
};

describe('merge previews with custom fields', () => {
  pageTest(
    suite,
    'Find duplicates: one row per custom field, empty ones filled in the merged result, set ones kept',
    'duplicates',
    { view: 'duplicates' },
    { customFields: FIELDS, customers: [ann, dup] },
    async ({ page, customers }) => {
      const table = page.getByRole('table', { name: 'Duplicate group 1' });
      await table.waitFor();
      const merged = (field: string) => table.locator(`td.merged-preview[data-field="custom.${field}"]`);
      expect(await merged('Industry').textContent()).toBe('Retail');
      expect(await merged('Industry').getAttribute('class')).not.toContain('filled');
      expect(await merged('Employees').textContent()).toBe('0');
      expect(await merged('Employees').getAttribute('class')).toContain('filled');
      expect(await merged('Region <i>x</i>').textContent()).toBe(HOSTILE);
      expect(await table.locator('img, i').count()).toBe(0);
      await page.getByRole('button', { name: 'Merge into the kept customer' }).click();
      await page.locator('.banner').getByText('Merged C-00002 into C-00001.').waitFor();
      const [kept] = await customers();
      expect(kept?.custom).toEqual({ Industry: 'Retail', Employees: 0, 'Region <i>x</i>': HOSTILE });
    },
  );

  pageTest(
    suite,
    'the card’s merge preview lists the custom values it fills by name, as text',
    'sidebar',
    { view: 'customer', customerId: 'C-00001' },
    { customFields: FIELDS, customers: [ann, dup] },
    async ({ page }) => {
      await page.locator('.card-name').getByText('Ann Berg').waitFor();
      await page.getByText('Archive or merge').click();
      await page.getByLabel('Merge another customer into this one (its ID)').fill('C-00002');
      await page.getByRole('button', { name: 'Preview merge' }).click();
      const preview = page.locator('.merge-preview');
      await preview.getByText('Employees: 0').waitFor();
      expect(await preview.locator('li').allTextContents()).toEqual(['Employees: 0', `Region <i>x</i>: ${HOSTILE}`]);
      expect(await preview.locator('img, i').count()).toBe(0);
    },
  );
});
