/**
 * Custom fields end to end in the preview (npm start) in Chromium, as the owner at the keyboard (issue 18): one field
 * of each type typed into the Settings table (I:L) in the grid, CRM ▸ Set up / repair adds their Customers columns,
 * the register form shows a control per field, and the values typed there show on the card and in the Customers tab.
 */

import { alertText, cellText, eventually, screenshotOnFailure, showTab, usePreviewPage } from './support';

jest.setTimeout(120_000);

const NAME = 'Katherine Johnson';
/** Settings rows 2..5 of `Custom field | Type | Choices | Required`. */
const FIELDS = [
  ['Industry', 'Choice', 'Retail, Aerospace, Health', ''],
  ['Employees', 'Number', '', ''],
  ['Renewal', 'Date', '', ''],
  ['Region', 'Text', '', ''],
] as const;
/** What is entered in the form, and what the card and the Customers cell then show. */
const ENTERED = { Industry: 'Aerospace', Employees: '1200', Renewal: '2027-03-31', Region: 'Hampton <Langley>' };

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

describe('custom fields in the preview (npm start)', () => {
  const preview = usePreviewPage('customfields', { width: 1400, height: 900 });
  const p = preview.page;

  it('defines a field of each type in Settings, sets up, registers with each, and sees them on the card and tab', () =>
    screenshotOnFailure(p, 'customfields-register', async () => {
      await showTab(p(), 'Settings');
      expect(await cellText(p(), 'I1')).toBe('Custom field');
      for (const [i, row] of FIELDS.entries()) {
        await p()
          .locator(`td[data-cell="I${i + 2}"]`)
          .click();
        for (const value of row.slice(0, 3)) {
          if (value !== '') await p().keyboard.type(value);
          await p().keyboard.press('Tab');
        }
        await p().keyboard.press('Escape');
      }
      await eventually('the four definitions typed', async () => {
        for (const [i, row] of FIELDS.entries()) {
          if ((await cellText(p(), `I${i + 2}`)) !== row[0] || (await cellText(p(), `J${i + 2}`)) !== row[1]) {
            return false;
          }
        }
        return (await cellText(p(), 'K2')) === FIELDS[0][2];
      });

      await preview.menu('Set up / repair');
      const report = await alertText(p(), 'Set up / repair');
      expect(report).not.toContain('⚠');

      await preview.menu('Register customer');
      const form = preview.sidebar();
      await form.getByLabel('Name').fill(NAME);
      await form.getByLabel('Industry').selectOption(ENTERED.Industry);
      await form.getByLabel('Employees').fill(ENTERED.Employees);
      await form.getByLabel('Renewal').fill(ENTERED.Renewal);
      await form.getByLabel('Region').fill(ENTERED.Region);
      await form.getByRole('button', { name: 'Save customer' }).click();
      await form.getByRole('heading', { name: NAME }).waitFor();

      // The card: every value, the markup as text.
      const card = form.locator('.card-details');
      await card.waitFor();
      const cardText = (await card.textContent()) ?? '';
      for (const value of [ENTERED.Industry, ENTERED.Renewal, ENTERED.Region]) expect(cardText).toContain(value);
      expect(cardText).toMatch(/1,?200/);

      // The Customers tab: one column per field after the fixed ones, the values in the new customer's row.
      await showTab(p(), 'Customers');
      const headers: string[] = [];
      for (
        let c = 0;
        (await p()
          .locator(`td[data-cell="${columnLetter(c)}1"]`)
          .count()) > 0;
        c++
      ) {
        headers.push(await cellText(p(), `${columnLetter(c)}1`));
      }
      const nameCell = p().locator('td[data-cell^="B"]', { hasText: NAME }).first();
      await nameCell.waitFor();
      const row = ((await nameCell.getAttribute('data-cell')) ?? '').slice(1);
      const shown: Record<string, string> = {};
      for (const [field] of FIELDS) {
        const column = headers.indexOf(field);
        expect(column).toBeGreaterThan(headers.indexOf('Name'));
        shown[field] = await cellText(p(), `${columnLetter(column)}${row}`);
      }
      expect(shown.Industry).toBe(ENTERED.Industry);
      expect(shown.Employees?.replace(/,/g, '')).toBe(ENTERED.Employees);
      expect(shown.Renewal).toBe(ENTERED.Renewal);
      expect(shown.Region).toBe(ENTERED.Region);
      expect(preview.dialogs).toEqual([]);
    }));
});
