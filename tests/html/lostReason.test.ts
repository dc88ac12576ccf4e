/**
 * The card's Lost reason in a real browser against the built bundle: the dropdown appears only while Closed-lost is
 * picked, filled from listLostReasons(); without a reason the server's errors.lostReason shows in place and nothing
 * is saved; with one, it is sent as the fifth argument and the status changes.
 */

import { focusedId, pageTest, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const ann: SeedCustomer = { id: 'C-00001', input: { name: 'Ann Lost', dealValue: 900 } };
const state = { view: 'customer' as const, customerId: 'C-00001' };

describe('sidebar: lost reason', () => {
  pageTest(
    suite,
    'Closed-lost asks for a reason from Settings; the refusal shows in place; the reason is sent',
    'sidebar',
    state,
    { customers: [ann] },
    async ({ page, calls }) => {
      await page.locator('.card-name').getByText('Ann Lost').waitFor();
      const reason = page.getByLabel('Lost reason');
      expect(await reason.isVisible()).toBe(false);

      await page.selectOption('#card-status', 'Closed-lost');
      await reason.waitFor({ state: 'visible' });
      await page.locator('#card-lost-reason option', { hasText: 'Chose a competitor' }).waitFor({ state: 'attached' });
      expect(await page.locator('#card-lost-reason option').allTextContents()).toEqual([
        'Choose a reason…',
        'Price',
        'Timing',
        'Chose a competitor',
        'No budget',
        'No response',
        'Other',
      ]);

      // No reason picked: the server refuses, the message stands next to the form, nothing changes.
      await page.getByRole('button', { name: 'Update status' }).click();
      await page
        .locator('#card-status-error')
        .getByText(/Lost reason is required for Closed-lost/)
        .waitFor();
      expect(await page.locator('.card-details .pill').textContent()).toBe('Lead');

      await reason.selectOption('Chose a competitor');
      await page.getByRole('button', { name: 'Update status' }).click();
      await page.locator('.banner').getByText('Status updated to Closed-lost.').waitFor();
      expect(await page.locator('.card-details').textContent()).toContain('Lost reasonChose a competitor');
      expect((await calls('updateCustomerStatus')).map((c) => c.args)).toEqual([
        ['C-00001', 'Closed-lost', 1, '', ''],
        ['C-00001', 'Closed-lost', 1, '', 'Chose a competitor'],
      ]);
      expect((await calls('listLostReasons')).length).toBe(1);

      // Another stage hides it again and sends no reason.
      await page.selectOption('#card-status', 'Contacted');
      expect(await reason.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Update status' }).click();
      await page.locator('.banner').getByText('Status updated to Contacted.').waitFor();
      expect(await page.locator('.card-details').textContent()).not.toContain('Lost reason');
      expect((await calls('updateCustomerStatus'))[2]?.args).toEqual(['C-00001', 'Contacted', 2]);
    },
  );

  pageTest(
    suite,
    'register straight into Closed-lost: the reason dropdown follows Status, its refusal shows below it, then it saves',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, calls }) => {
      const reason = page.getByLabel('Lost reason');
      await page.fill('#reg-name', 'Lou Lost');
      expect(await reason.isVisible()).toBe(false);
      await page.selectOption('#reg-status', 'Closed-lost');
      await reason.waitFor({ state: 'visible' });
      await page.locator('#reg-lost-reason option', { hasText: 'No budget' }).waitFor({ state: 'attached' });

      // No reason: the server's message stands under the dropdown (not in the banner), focus goes there.
      await page.getByRole('button', { name: 'Save customer' }).click();
      await page
        .locator('#reg-lost-reason-error')
        .getByText(/Lost reason is required for Closed-lost/)
        .waitFor();
      expect(await page.locator('#reg-lost-reason').getAttribute('aria-invalid')).toBe('true');
      expect(await focusedId(page)).toBe('reg-lost-reason');
      expect(await page.locator('.banner').isHidden()).toBe(true);

      await reason.selectOption('No budget');
      expect(await page.locator('#reg-lost-reason-error').isHidden()).toBe(true);
      await page.getByRole('button', { name: 'Save customer' }).click();
      await page.locator('.card-name').getByText('Lou Lost').waitFor();
      expect(await page.locator('.card-details').textContent()).toContain('Lost reasonNo budget');
      const sent = (await calls('registerCustomer')).map((c) => (c.args[0] as { lostReason?: unknown }).lostReason);
      expect(sent).toEqual(['', 'No budget']);
    },
  );

  pageTest(
    suite,
    'register with another status sends no lost reason',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, calls }) => {
      await page.fill('#reg-name', 'Quinn Qualified');
      await page.selectOption('#reg-status', 'Closed-lost');
      await page.getByLabel('Lost reason').waitFor({ state: 'visible' });
      await page.selectOption('#reg-status', 'Qualified');
      expect(await page.getByLabel('Lost reason').isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Save customer' }).click();
      await page.locator('.card-name').getByText('Quinn Qualified').waitFor();
      const input = (await calls('registerCustomer'))[0]?.args[0] as Record<string, unknown>;
      expect(input.status).toBe('Qualified');
      expect('lostReason' in input).toBe(false);
    },
  );
});
