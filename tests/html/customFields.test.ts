/**
 * Custom fields in the sidebar, in a real browser against the built bundle: the register form shows one control per
 * field (text, decimal, date, dropdown), sends them as `custom`, shows a bad value's message under its control, and
 * the card shows them and edits them.
 */

import { pageTest, useSuite } from './harness';
import type { Seed } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const FIELDS: Seed['customFields'] = [
  ['Industry', 'Choice', 'Retail, Software, <b>Health</b>', ''],
  ['Employees', 'Number', '', ''],
  ['Renewal', 'Date', '', ''],
  ['Region <i>x</i>', 'Text', '', 'yes'],
];

describe('sidebar: custom fields', () => {
  pageTest(
    suite,
    'the register form fills each type, sends custom and shows it on the card',
    'sidebar',
    { view: 'register' },
    { customFields: FIELDS },
    async ({ page, calls }) => {
      await page.locator('#reg-custom-0').waitFor();
      // Names and choices are text, never markup.
      expect(await page.locator('label[for="reg-custom-3"]').textContent()).toContain('Region <i>x</i>');
      expect(await page.locator('#reg-custom-0 option').allTextContents()).toEqual([
        '—',
        'Retail',
        'Software',
        '<b>Health</b>',
      ]);
      await page.fill('#reg-name', 'Ann Archer');
      await page.selectOption('#reg-custom-0', 'Software');
      await page.fill('#reg-custom-1', '1,200');
      await page.fill('#reg-custom-2', '2026-09-30');
      await page.fill('#reg-custom-3', 'North');
      await page.getByRole('button', { name: 'Save customer' }).click();
      await page.locator('.card-name').getByText('Ann Archer').waitFor();
      const sent = (await calls('registerCustomer'))[0]?.args[0] as { custom?: unknown };
      expect(sent.custom).toEqual({
        Industry: 'Software',
        Employees: '1,200',
        Renewal: '2026-09-30',
        'Region <i>x</i>': 'North',
      });
      const details = (await page.locator('.card-details').textContent()) ?? '';
      for (const part of ['Industry', 'Software', 'Employees', '1200', 'Renewal', '2026-09-30', 'North']) {
        expect(details).toContain(part);
      }
    },
  );

  pageTest(
    suite,
    'a bad or missing value is shown under its own control, nothing saved',
    'sidebar',
    { view: 'register' },
    { customFields: FIELDS },
    async ({ page, customers }) => {
      await page.locator('#reg-custom-1').waitFor();
      await page.fill('#reg-name', 'Ann Archer');
      await page.fill('#reg-custom-1', 'lots');
      await page.getByRole('button', { name: 'Save customer' }).click();
      await page.locator('#reg-custom-1-error').waitFor({ state: 'visible' });
      expect(await page.locator('#reg-custom-1').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#reg-custom-3-error').textContent()).toContain('required');
      expect(await customers()).toEqual([]);
    },
  );

  pageTest(
    suite,
    'the card edit form changes a custom field and sends only it',
    'sidebar',
    { view: 'customer', customerId: 'C-00001' },
    {
      customFields: FIELDS,
      customers: [
        { id: 'C-00001', input: { name: 'Bob', custom: { Industry: 'Retail', 'Region <i>x</i>': 'South' } } },
      ],
    },
    async ({ page, calls }) => {
      await page.locator('.card-name').getByText('Bob').waitFor();
      await page.getByText('Edit details').click();
      await page.locator('#edit-custom-0').waitFor();
      expect(await page.locator('#edit-custom-0').inputValue()).toBe('Retail');
      expect(await page.locator('#edit-custom-3').inputValue()).toBe('South');
      await page.fill('#edit-custom-1', '42');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.card-details').getByText('42').waitFor();
      const [id, patch] = (await calls('updateCustomer'))[0]?.args ?? [];
      expect(id).toBe('C-00001');
      expect(patch).toEqual({ custom: { Employees: '42' } });
    },
  );
});
