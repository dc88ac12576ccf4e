/** Sidebar customer card in a real browser: status update with the version, edits, conflicts, history. */

import { pageTest, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

/** Registered with the old phone, then a note and the new phone: version 3, with that history. */
const bob: SeedCustomer = {
  id: 'C-00001',
  input: {
    name: 'Bob Builder',
    company: 'Fix-It Ltd',
    email: 'bob@example.com',
    phone: '555 0000',
    dealValue: 5000,
    owner: 'boss@example.com',
  },
  after: [{ note: 'Sent brochure' }, { patch: { phone: '555 0100' } }],
};
/** What registering Bob logged: one creation event per field given (status, name, company, e-mail, phone, deal value, owner). */
const CREATED = Array<string>(7).fill('Created');
const state = { view: 'customer' as const, customerId: 'C-00001' };

describe('sidebar: customer card', () => {
  pageTest(
    suite,
    'loads the customer with its history, newest first',
    'sidebar',
    state,
    { customers: [bob] },
    async ({ page, calls }) => {
      await page.locator('.card-name').getByText('Bob Builder').waitFor();
      const details = await page.locator('.card-details').textContent();
      for (const part of [
        'Fix-It Ltd',
        'Lead',
        'Version 3',
        'bob@example.com',
        '555 0100',
        '5,000',
        'boss@example.com',
        'C-00001',
      ])
        expect(details).toContain(part);
      expect(await page.locator('.history li > div:first-child').allTextContents()).toEqual([
        'Phone: 555 0000 → 555 0100',
        'Note: Sent brochure',
        ...CREATED,
      ]);
      expect((await calls()).map((c) => [c.name, ...c.args])).toEqual([['getCustomer', 'C-00001']]);
    },
  );

  pageTest(
    suite,
    'status update sends the version and shows the new status',
    'sidebar',
    state,
    { customers: [bob] },
    async ({ page, calls }) => {
      await page.locator('.card-name').getByText('Bob Builder').waitFor();
      expect(await page.locator('#card-status').inputValue()).toBe('Lead');
      await page.selectOption('#card-status', 'Qualified');
      await page.fill('#card-note', 'Budget confirmed');
      await page.getByRole('button', { name: 'Update status' }).click();

      await page.locator('.banner').getByText('Status updated to Qualified.').waitFor();
      expect((await calls('updateCustomerStatus')).map((c) => c.args)).toEqual([
        ['C-00001', 'Qualified', 3, 'Budget confirmed'],
      ]);
      const details = page.locator('.card-details');
      expect(await details.locator('.pill').textContent()).toBe('Qualified');
      expect(await details.textContent()).toContain('Version 4');
      expect(await page.locator('#card-note').inputValue()).toBe('');
      await page.locator('.history').getByText('Status: Lead → Qualified').waitFor();
      await page.locator('.history').getByText('Note: Budget confirmed').waitFor();

      // The next update (Enter on the dropdown) sends the new version; no note → no fourth argument.
      await page.selectOption('#card-status', 'In negotiation');
      await page.locator('#card-status').press('Enter');
      await page.locator('.banner').getByText('Status updated to In negotiation.').waitFor();
      expect((await calls('updateCustomerStatus'))[1]?.args).toEqual(['C-00001', 'In negotiation', 4]);
    },
  );

  pageTest(
    suite,
    'unchanged status without a note is not sent',
    'sidebar',
    state,
    { customers: [bob] },
    async ({ page, calls }) => {
      await page.locator('.card-name').getByText('Bob Builder').waitFor();
      await page.getByRole('button', { name: 'Update status' }).click();
      await page.getByText('It is already Lead: choose another stage or add a note.').waitFor();
      expect(await calls('updateCustomerStatus')).toEqual([]);
    },
  );

  pageTest(
    suite,
    'a conflict shows their values, reloads the version and keeps what the user typed',
    'sidebar',
    state,
    { customers: [bob] },
    async ({ page, calls, changeExternally }) => {
      await page.locator('.card-name').getByText('Bob Builder').waitFor();
      await page.selectOption('#card-status', 'Qualified');
      await page.fill('#card-note', 'Wants a demo');
      await changeExternally('C-00001', { status: 'Contacted', owner: 'rep@example.com' });
      await page.getByRole('button', { name: 'Update status' }).click();

      const notice = page.locator('.conflict');
      await notice.getByText('Someone else changed this customer first.').waitFor();
      const text = await notice.textContent();
      for (const part of ['Contacted', 'rep@example.com', 'version 4', 'boss@example.com'])
        expect(text).toContain(part);
      expect(await page.locator('.card-details').textContent()).toContain('Version 4');
      expect(await page.locator('.card-details .pill').textContent()).toBe('Contacted');
      // What the user typed is still there...
      expect(await page.locator('#card-status').inputValue()).toBe('Qualified');
      expect(await page.locator('#card-note').inputValue()).toBe('Wants a demo');
      // ...and applying it again sends their version.
      await page.getByRole('button', { name: 'Update status' }).click();
      await page.locator('.banner').getByText('Status updated to Qualified.').waitFor();
      expect((await calls('updateCustomerStatus')).map((c) => c.args)).toEqual([
        ['C-00001', 'Qualified', 3, 'Wants a demo'],
        ['C-00001', 'Qualified', 4, 'Wants a demo'],
      ]);
      expect(await page.locator('.card-details').textContent()).toContain('Version 5');
      expect(await notice.count()).toBe(0);
    },
  );

  pageTest(
    suite,
    'Edit details sends only the changed fields',
    'sidebar',
    state,
    { customers: [bob] },
    async ({ page, calls }) => {
      await page.locator('.card-name').getByText('Bob Builder').waitFor();
      await page.getByText('Edit details').click();
      expect(await page.locator('#edit-company').inputValue()).toBe('Fix-It Ltd');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.banner').getByText('Nothing to save: no field was changed.').waitFor();

      await page.fill('#edit-phone', '555 0199');
      await page.fill('#edit-dealValue', '7500');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.banner').getByText('Changes saved.').waitFor();
      expect((await calls('updateCustomer')).map((c) => c.args)).toEqual([
        ['C-00001', { phone: '555 0199', dealValue: '7500' }, 3],
      ]);
      const details = await page.locator('.card-details').textContent();
      expect(details).toContain('7,500');
      expect(details).toContain('Version 4');
    },
  );

  pageTest(
    suite,
    'Edit details: field errors inline; a conflict keeps typed fields and takes theirs for the others',
    'sidebar',
    state,
    { customers: [bob] },
    async ({ page, calls, changeExternally }) => {
      await page.locator('.card-name').getByText('Bob Builder').waitFor();
      await page.getByText('Edit details').click();
      await page.fill('#edit-email', 'bob-at-example');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page
        .locator('#edit-email-error')
        .getByText(/not a valid e-mail address/)
        .waitFor();
      expect(await page.evaluate('document.activeElement.id')).toBe('edit-email');

      await page.fill('#edit-email', 'bob@builder.example');
      await changeExternally('C-00001', { company: 'Fix-It Group', email: 'robert@example.com' });
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.conflict').getByText('Someone else changed this customer first.').waitFor();
      expect(await page.locator('#edit-company').inputValue()).toBe('Fix-It Group');
      expect(await page.locator('#edit-email').inputValue()).toBe('bob@builder.example');

      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.banner').getByText('Changes saved.').waitFor();
      const sent = (await calls('updateCustomer')).map((c) => c.args);
      expect(sent[sent.length - 1]).toEqual(['C-00001', { email: 'bob@builder.example' }, 4]);
    },
  );

  const failingLoad = {
    customers: [bob],
    plan: [{ name: 'getCustomer' as const, fail: 'NetworkError: Connection failure due to HTTP 0' }],
  };
  pageTest(
    suite,
    'a failed load explains the network error and offers Retry',
    'sidebar',
    state,
    failingLoad,
    async ({ page, calls }) => {
      await page.getByText('The customer could not be loaded.').waitFor();
      expect(await page.locator('.banner').textContent()).toMatch(/could not be reached.*try again/);
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.locator('.card-name').getByText('Bob Builder').waitFor();
      expect(await calls('getCustomer')).toHaveLength(2);
    },
  );
});
