/**
 * CRM ▸ Find duplicates end to end in the preview (npm start) in Chromium, as the owner: two records of one person
 * (the second saved anyway) show side by side; keeping the first previews the fields it takes from the second;
 * Merge archives the second (it leaves the Customers tab, lands in Archive with "merged into"), and Restore brings
 * it back to Customers.
 */

import { screenshotOnFailure, usePreviewPage } from './support';

jest.setTimeout(120_000);

interface CellsOwner {
  querySelectorAll(selector: string): ArrayLike<CellsOwner>;
  textContent: string | null;
}

const NAME = 'Grace Hopper';
const EMAIL = 'grace@cobol.example';

describe('Find duplicates → merge → restore in the preview (npm start)', () => {
  const preview = usePreviewPage('duplicates', { width: 1400, height: 900 });
  const p = preview.page;

  /** The tab's grid as text, header row first (the tab is switched under the open modal dialog, as a script could). */
  async function grid(sheet: string): Promise<string[][]> {
    await p().getByRole('tab', { name: sheet, exact: true }).dispatchEvent('click');
    const table = p().getByRole('table', { name: sheet, exact: true });
    await table.waitFor();
    return table.evaluate((element: CellsOwner) =>
      Array.from(element.querySelectorAll('tbody tr')).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''),
      ),
    );
  }

  /** The rows of `sheet` whose Name is NAME, as header → text. */
  async function rowsNamed(sheet: string): Promise<Record<string, string>[]> {
    const rows = await grid(sheet);
    const headers = rows[0] ?? [];
    return rows
      .filter((r) => r[headers.indexOf('Name')] === NAME)
      .map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])));
  }

  async function register(fields: { company?: string; phone?: string }, anyway: boolean): Promise<void> {
    await preview.menu('Register customer');
    const form = preview.sidebar();
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(NAME);
    await form.getByRole('textbox', { name: 'E-mail', exact: true }).fill(EMAIL);
    if (fields.company) await form.getByRole('textbox', { name: 'Company', exact: true }).fill(fields.company);
    if (fields.phone) await form.getByRole('textbox', { name: 'Phone', exact: true }).fill(fields.phone);
    await form.getByRole('button', { name: 'Save customer' }).click();
    if (anyway) await form.getByRole('button', { name: 'Save anyway' }).click();
    await form.getByRole('heading', { name: NAME }).waitFor();
  }

  it('merges the chosen duplicate into the kept one, then restores it', () =>
    screenshotOnFailure(p, 'duplicates-merge-restore', async () => {
      await register({ company: 'Navy' }, false);
      await register({ phone: '+1 202 555 0100' }, true);
      const [first, second] = await rowsNamed('Customers');
      const keepId = first?.ID as string;
      const mergeId = second?.ID as string;
      expect(keepId).toMatch(/^C-\d+$/);
      expect(mergeId).toMatch(/^C-\d+$/);

      await preview.menu('Find duplicates');
      const dialog = p().getByRole('dialog', { name: 'Find duplicates' }).locator('iframe').contentFrame();
      const table = dialog.getByRole('table', { name: 'Duplicate group 1' });
      await table.waitFor();
      await dialog.getByLabel(`Keep ${keepId}`).check();
      // The preview: the kept customer takes the phone it lacks.
      const phone = table.locator('td.merged-preview[data-field="phone"]');
      expect(await phone.textContent()).toBe('+1 202 555 0100');
      expect(await phone.getAttribute('class')).toContain('filled');

      await dialog.getByRole('button', { name: 'Merge into the kept customer' }).click();
      await dialog.locator('.banner-success').getByText(`Merged ${mergeId} into ${keepId}.`).waitFor();
      const customers = await rowsNamed('Customers');
      expect(customers.map((r) => r.ID)).toEqual([keepId]);
      expect(customers[0]).toMatchObject({ Company: 'Navy', Phone: '+1 202 555 0100' });
      const archived = await rowsNamed('Archive');
      expect(archived).toEqual([expect.objectContaining({ ID: mergeId, 'Archive reason': `merged into ${keepId}` })]);

      await dialog.getByRole('button', { name: `Restore ${mergeId}` }).click();
      await dialog.locator('.banner-success').getByText(`${mergeId} is back in the Customers tab.`).waitFor();
      expect((await rowsNamed('Customers')).map((r) => r.ID).sort()).toEqual([keepId, mergeId].sort());
      expect(await rowsNamed('Archive')).toEqual([]);
      expect(preview.dialogs).toEqual([]);
    }));
});
