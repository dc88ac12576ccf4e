/**
 * Customer data is text, never markup: a hostile name/company/notes shows literally in every view
 * (search results, card, history, duplicates, conflict, banner, dialog) and no element or alert comes of it.
 * Also checks the built pages' template contract (one `<?= state ?>` on <body>, nothing else).
 */

import type { Page } from 'playwright-core';
import { pageTest, sleep, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const NAME = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const COMPANY = '"><b>x</b>';
const NOTES = "<svg onload=alert(3)></svg>'); alert(4); //";
/** Registered with a hostile old company, then a note and COMPANY (Notes set to NOTES): History holds them as text. */
const evil: SeedCustomer = {
  id: 'C-00001',
  input: { name: NAME, company: '<u>old</u>', email: 'evil@example.com', source: '<i>source</i>' },
  after: [{ note: NOTES }, { patch: { company: COMPANY, notes: NOTES } }],
};

/** No element was made from the data: no img/b/i/u/svg at all, and only the page's own <script>. */
async function expectNoInjectedElements(page: Page, dialogs: string[]): Promise<void> {
  await sleep(200); // give a broken <img onerror> the time it would need
  for (const tag of ['img', 'b', 'i', 'u', 'svg']) expect(await page.locator(tag).count()).toBe(0);
  expect(await page.locator('script').count()).toBe(1);
  expect(await page.locator('script').first().textContent()).not.toContain('alert(');
  expect(dialogs).toEqual([]);
}

describe('customer data is shown as text everywhere', () => {
  pageTest(
    suite,
    'search results and the card (details, history)',
    'sidebar',
    { view: 'search' },
    { customers: [evil] },
    async ({ page, dialogs }) => {
      await page.getByRole('combobox', { name: 'Search customers' }).fill('evil');
      const row = page.getByRole('listbox').getByRole('option');
      await row.getByText(NAME, { exact: true }).waitFor();
      await row.getByText(COMPANY, { exact: true }).waitFor();
      await expectNoInjectedElements(page, dialogs);

      await row.click();
      await page.locator('.card-name').getByText(NAME, { exact: true }).waitFor();
      await page.locator('.card-company').getByText(COMPANY, { exact: true }).waitFor();
      await page.locator('.card-fields').getByText(NOTES, { exact: true }).waitFor();
      await page.locator('.card-fields').getByText('<i>source</i>', { exact: true }).waitFor();
      await page.locator('.history').getByText(`Note: ${NOTES}`, { exact: true }).waitFor();
      await page.locator('.history').getByText(`Company: <u>old</u> → ${COMPANY}`, { exact: true }).waitFor();
      await page.getByText('Edit details').click();
      expect(await page.locator('#edit-name').inputValue()).toBe(NAME);
      expect(await page.locator('#edit-company').inputValue()).toBe(COMPANY);
      await expectNoInjectedElements(page, dialogs);
    },
  );

  pageTest(
    suite,
    'duplicates warning, conflict notice and server messages',
    'sidebar',
    { view: 'register' },
    { customers: [evil] },
    async ({ page, dialogs, changeExternally, respondNext }) => {
      await page.fill('#reg-name', NAME);
      await page.fill('#reg-company', COMPANY);
      await page.getByRole('button', { name: 'Save customer' }).click();
      const warning = page.locator('.notice-warning');
      await warning.getByText(NAME, { exact: true }).waitFor();
      await warning.getByText(COMPANY, { exact: true }).waitFor();
      await expectNoInjectedElements(page, dialogs);

      await warning.getByRole('button', { name: `Open ${NAME}` }).click();
      await page.locator('.card-name').getByText(NAME, { exact: true }).waitFor();
      await page.locator('.history').getByText('Created').first().waitFor(); // the card's own load is done
      await changeExternally('C-00001', { company: '<b>new</b>', notes: '<img src=y onerror=alert(5)>' });
      await page.selectOption('#card-status', 'Qualified');
      await page.getByRole('button', { name: 'Update status' }).click();
      const conflict = page.locator('.conflict');
      await conflict.getByText('<b>new</b>', { exact: true }).waitFor();
      await conflict.getByText('<img src=y onerror=alert(5)>', { exact: true }).waitFor();

      await respondNext('updateCustomerStatus', {
        ok: false,
        errors: { form: '<img src=z onerror=alert(6)> is not allowed' },
      });
      await page.getByRole('button', { name: 'Update status' }).click();
      await page.locator('.banner').getByText('<img src=z onerror=alert(6)> is not allowed', { exact: true }).waitFor();
      await expectNoInjectedElements(page, dialogs);
    },
  );

  pageTest(
    suite,
    'search dialog results and a failure message',
    'search',
    { view: 'search' },
    { customers: [evil] },
    async ({ page, dialogs, failNext }) => {
      await page.getByRole('combobox', { name: 'Search customers' }).fill('evil');
      await page.getByRole('listbox').getByText(NAME, { exact: true }).waitFor();
      await page.getByRole('listbox').getByText(COMPANY, { exact: true }).waitFor();
      await failNext('openCustomerSidebar', 'Exception: <img src=q onerror=alert(7)>');
      await page.getByRole('listbox').getByRole('option').click();
      await page
        .locator('.banner')
        .getByText(/Exception: <img src=q onerror=alert\(7\)>/)
        .waitFor();
      await expectNoInjectedElements(page, dialogs);
    },
  );

  pageTest(
    suite,
    'a hostile customer id in the template state stays data',
    'sidebar',
    { view: 'customer', customerId: `"><img src=x onerror=alert(8)>` },
    {},
    async ({ page, dialogs, calls }) => {
      // The server refuses the shape before looking (the message quotes what it was given).
      await page
        .locator('.banner')
        .getByText(`Customer ID ""><img src=x onerror=alert(8)>" is not valid: IDs look like C-00042.`, { exact: true })
        .waitFor();
      expect((await calls('getCustomer'))[0]?.args).toEqual([`"><img src=x onerror=alert(8)>`]);
      await expectNoInjectedElements(page, dialogs);
    },
  );
});

describe('built pages: template contract', () => {
  it.each(['sidebar', 'search'] as const)('%s.html has exactly one scriptlet, the body state', (name) => {
    const html = suite().pages[name];
    expect(html.split('<?').length - 1).toBe(1);
    expect(html.split('?>').length - 1).toBe(1);
    expect(html).toMatch(/<body[^>]* data-state="<\?= state \?>">/);
    expect(html).not.toContain('<!-- inline:');
    expect(html).toContain('<style>');
    expect(html.match(/<script>/g)).toHaveLength(1);
    // The client builds every element with textContent/setAttribute: no HTML-parsing sinks at all.
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(/);
  });
});
