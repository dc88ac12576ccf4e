/** Sidebar Register view in a real browser: inline errors, duplicates + "Save anyway", success card, failures. */

import type { Page } from 'playwright-core';
import { focusedId, pageTest, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

/** Waits until the Owner dropdown has the staff list (listStaff answered) with me selected. */
async function staffLoaded(page: Page): Promise<void> {
  await page.locator('#reg-owner option[value="rep@example.com"]').waitFor({ state: 'attached' });
  expect(await page.locator('#reg-owner').inputValue()).toBe('rep@example.com');
}

const ada: SeedCustomer = {
  id: 'C-00001',
  input: {
    name: 'Ada Lovelace',
    company: 'Analytical Engines',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    status: 'Qualified',
  },
};

describe('sidebar: register', () => {
  pageTest(
    suite,
    'shows field errors inline and focuses the first invalid field',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, calls }) => {
      await page.fill('#reg-email', 'not-an-email');
      await page.fill('#reg-dealValue', 'lots');
      await staffLoaded(page); // the Owner dropdown shows me, and the form sends it
      await page.getByRole('button', { name: 'Save customer' }).click();

      await page.locator('#reg-name-error').getByText('Name is required.').waitFor();
      expect(await page.locator('#reg-email-error').textContent()).toContain('is not a valid e-mail address');
      expect(await page.locator('#reg-dealValue-error').textContent()).toContain('is not an amount');
      expect(await page.locator('#reg-name').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#reg-company').getAttribute('aria-invalid')).toBeNull();
      expect(await focusedId(page)).toBe('reg-name');
      expect(await page.locator('.banner').isHidden()).toBe(true);
      expect((await calls('registerCustomer'))[0]?.args[0]).toEqual({
        name: '',
        email: 'not-an-email',
        status: 'Lead',
        owner: 'rep@example.com',
        dealValue: 'lots',
      });

      // Typing in a field takes its message away.
      await page.fill('#reg-name', 'Grace');
      expect(await page.locator('#reg-name-error').isHidden()).toBe(true);
    },
  );

  pageTest(
    suite,
    'shows errors that belong to no field (form, access) in the banner',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, respondNext }) => {
      await page.fill('#reg-name', 'Grace Hopper');
      await page.fill('#reg-email', 'grace@example.com');
      await respondNext('registerCustomer', {
        ok: false,
        errors: { access: 'Only listed staff can use the CRM.', email: 'E-mail: taken.' },
      });
      await page.locator('#reg-name').press('Enter'); // Enter submits
      await page.locator('.banner').getByText('Only listed staff can use the CRM.').waitFor();
      expect(await page.locator('#reg-email-error').textContent()).toBe('E-mail: taken.');
      expect(await focusedId(page)).toBe('reg-email');
    },
  );

  pageTest(
    suite,
    'warns about probable duplicates; Save anyway resubmits with allowDuplicate',
    'sidebar',
    { view: 'register' },
    { customers: [ada] },
    async ({ page, calls }) => {
      await page.fill('#reg-name', 'Ada L.');
      await page.fill('#reg-email', 'ADA@example.com');
      await staffLoaded(page); // the Owner dropdown shows me, and the form sends it
      await page.getByRole('button', { name: 'Save customer' }).click();

      const warning = page.locator('.notice-warning');
      await warning
        .getByText(
          'Probably already in the CRM: C-00001 Ada Lovelace (Analytical Engines) — same e-mail address. ' +
            'Open it, or save anyway.',
        )
        .waitFor(); // the server's errors.duplicate, naming the field that matched
      const text = await warning.textContent();
      for (const part of ['Ada Lovelace', 'Analytical Engines', 'ada@example.com', '+44 20 7946 0000', 'Qualified'])
        expect(text).toContain(part);
      expect(await warning.getByRole('button', { name: 'Open Ada Lovelace' }).isVisible()).toBe(true);

      await warning.getByRole('button', { name: 'Save anyway' }).click();
      await page.locator('.card-name').getByText('Ada L.').waitFor();
      const sent = await calls('registerCustomer');
      expect(sent).toHaveLength(2);
      expect(sent[0]?.args[0]).not.toHaveProperty('allowDuplicate');
      expect(sent[1]?.args[0]).toEqual({
        name: 'Ada L.',
        email: 'ADA@example.com',
        status: 'Lead',
        owner: 'rep@example.com',
        allowDuplicate: true,
      });
    },
  );

  pageTest(
    suite,
    '"Open" on a duplicate shows its card',
    'sidebar',
    { view: 'register' },
    { customers: [ada] },
    async ({ page, calls }) => {
      await page.fill('#reg-name', 'Ada Lovelace');
      await page.fill('#reg-company', 'analytical engines');
      await page.getByRole('button', { name: 'Save customer' }).click();
      await page.getByRole('button', { name: 'Open Ada Lovelace' }).click();
      await page.locator('.card-name').getByText('Ada Lovelace').waitFor();
      await page.locator('.history').getByText('Created').first().waitFor(); // one creation event per field given
      expect((await calls('getCustomer')).map((c) => c.args)).toEqual([['C-00001']]);
    },
  );

  pageTest(
    suite,
    'a saved customer is shown as its card',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, calls }) => {
      expect(await focusedId(page)).toBe('reg-name');
      await page.fill('#reg-name', 'Grace Hopper');
      await page.fill('#reg-company', 'Navy');
      await page.fill('#reg-phone', '+1 (555) 010-2000');
      await page.selectOption('#reg-status', 'Qualified');
      await page.fill('#reg-dealValue', '12500');
      await page.fill('#reg-notes', 'Met at the conference.\nCall back Monday.');
      await staffLoaded(page); // the Owner dropdown shows me, and the form sends it
      await page.getByRole('button', { name: 'Save customer' }).click();

      const card = page.locator('.card');
      await card.locator('.card-name').getByText('Grace Hopper').waitFor();
      const text = await card.locator('.card-details').textContent();
      for (const part of ['Navy', 'Qualified', 'Version 1', '+1 (555) 010-2000', '12,500', 'Call back Monday.'])
        expect(text).toContain(part);
      await card.locator('.history').getByText('Created').first().waitFor(); // one creation event per field given
      expect(await page.locator('#card-status').inputValue()).toBe('Qualified');
      expect((await calls('registerCustomer'))[0]?.args[0]).toEqual({
        name: 'Grace Hopper',
        company: 'Navy',
        phone: '+1 (555) 010-2000',
        status: 'Qualified',
        owner: 'rep@example.com',
        dealValue: '12500',
        notes: 'Met at the conference.\nCall back Monday.',
      });
    },
  );

  pageTest(
    suite,
    'a failed call shows a message with a retry hint and re-enables the button',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, calls, failNext, setDelay }) => {
      await setDelay('registerCustomer', 400);
      await failNext('registerCustomer', 'Exception: Service Spreadsheets timed out while accessing document');
      await page.fill('#reg-name', 'Grace Hopper');
      const button = page.locator('form button[type=submit]');
      await button.click();

      // While the call runs: progress shown, button disabled, a second click/Enter does nothing.
      expect(await button.textContent()).toBe('Saving…');
      expect(await button.isDisabled()).toBe(true);
      await page.locator('#reg-name').press('Enter');
      await button.click({ force: true }).catch(() => undefined);

      const banner = page.locator('.banner');
      await banner.getByText(/Exception: Service Spreadsheets timed out/).waitFor();
      expect(await banner.textContent()).toMatch(/try again/i);
      expect(await banner.getAttribute('role')).toBe('alert');
      expect(await button.isEnabled()).toBe(true);
      expect(await button.textContent()).toBe('Save customer');
      expect(await calls('registerCustomer')).toHaveLength(1);

      // Retrying works.
      await button.click();
      await page.locator('.card-name').getByText('Grace Hopper').waitFor();
    },
  );
});

describe('sidebar: register — owner and next step', () => {
  pageTest(
    suite,
    'offers the staff as Owner (me by default) and sends the next step and its due date',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, calls, customers }) => {
      await staffLoaded(page);
      const options = await page.locator('#reg-owner option').allTextContents();
      expect(options).toContain('rep@example.com (me)');
      expect(options).toContain('boss@example.com');
      expect(await page.getByLabel('Owner').inputValue()).toBe('rep@example.com');
      await page.fill('#reg-name', 'Katherine Johnson');
      await page.getByLabel('Owner').selectOption('boss@example.com');
      await page.getByLabel('Next step', { exact: true }).fill('Send the trajectory notes');
      await page.getByLabel('Next step due').fill('2026-03-09');
      await page.getByRole('button', { name: 'Save customer' }).click();
      const details = page.locator('.card-details');
      await details.getByText('Send the trajectory notes').waitFor();
      expect(await details.textContent()).toContain('boss@example.com');
      expect((await calls('registerCustomer'))[0]?.args[0]).toEqual({
        name: 'Katherine Johnson',
        status: 'Lead',
        owner: 'boss@example.com',
        nextStep: 'Send the trajectory notes',
        nextStepDue: '2026-03-09',
      });
      expect((await customers())[0]).toMatchObject({ owner: 'boss@example.com', nextStepDue: '2026-03-09' });
      expect((await calls('listStaff')).length).toBe(1);

      // The card's edit form shows the same owner and next step.
      await page.getByText('Edit details').click();
      expect(await page.locator('#edit-owner').inputValue()).toBe('boss@example.com');
      expect(await page.locator('#edit-nextStepDue').inputValue()).toBe('2026-03-09');
    },
  );

  pageTest(
    suite,
    'shows errors.owner, errors.nextStep and errors.nextStepDue inline',
    'sidebar',
    { view: 'register' },
    {},
    async ({ page, respondNext }) => {
      await staffLoaded(page);
      await page.fill('#reg-name', 'Dorothy Vaughan');
      await respondNext('registerCustomer', {
        ok: false,
        errors: {
          owner: 'Owner: must be one of rep@example.com, boss@example.com.',
          nextStep: 'Next step: at most 500 characters.',
          nextStepDue: 'Next step due: not a date.',
        },
      });
      await page.getByRole('button', { name: 'Save customer' }).click();
      await page.locator('#reg-owner-error').getByText('Owner: must be one of').waitFor();
      expect(await page.locator('#reg-nextStep-error').textContent()).toBe('Next step: at most 500 characters.');
      expect(await page.locator('#reg-nextStepDue-error').textContent()).toBe('Next step due: not a date.');
      expect(await page.locator('#reg-owner').getAttribute('aria-invalid')).toBe('true');
      expect(await focusedId(page)).toBe('reg-owner');
      expect(await page.locator('.banner').isHidden()).toBe(true);
    },
  );
});
