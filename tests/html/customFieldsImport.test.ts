/**
 * Custom fields in the Import sidebar, in a real browser against the built bundle: the mapping form offers each
 * custom field as a target (pre-set to the column whose header names it), names stay text, one column chosen for a
 * fixed and a custom field is refused inline, and the chosen columns are sent as `customMapping`.
 */

import { pageTest, useSuite } from './harness';
import type { Seed } from './server';

jest.setTimeout(60000);
const suite = useSuite();

const FIELDS: Seed['customFields'] = [
  ['Industry', 'Choice', 'Retail, Software', ''],
  ['Region <i>x</i>', 'Text', '', ''],
];
const SHEET: unknown[][] = [
  ['Name', 'E-mail', 'industry', 'Notes'],
  ['Ann Archer', 'ann@acme.example', 'Software', 'North'],
  ['Bob Baker', 'bob@baker.example', 'Mining', ''],
];

describe('import sidebar: custom fields', () => {
  pageTest(
    suite,
    'offers the custom fields as targets and sends the chosen columns',
    'import',
    { view: 'import' },
    { customFields: FIELDS, importSheet: SHEET },
    async ({ page, calls }) => {
      await page.locator('#map-custom-0').waitFor();
      expect(await page.locator('label[for="map-custom-1"]').textContent()).toBe('Region <i>x</i>');
      expect(await page.locator('#map-custom-0').inputValue()).toBe('2'); // "industry" names Industry
      expect(await page.locator('#map-custom-1').inputValue()).toBe('');
      expect(await page.locator('#map-custom-0-sample').textContent()).toBe('e.g. Software · Mining');

      // The Notes column for both Notes and Region: refused inline, nothing sent.
      await page.selectOption('#map-notes', '3');
      await page.selectOption('#map-custom-1', '3');
      expect(await page.locator('#map-custom-1-error').textContent()).toBe(
        'Column D is also chosen for Notes: choose one column per field.',
      );
      await page.getByRole('button', { name: 'Preview' }).click();
      expect(await calls('importCustomers')).toEqual([]);
      await page.selectOption('#map-notes', '');

      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('.import-report').waitFor();
      const sent = (await calls('importCustomers')).map((c) => (c.args[0] as Record<string, unknown>).customMapping);
      expect(sent).toEqual([{ Industry: 2, 'Region <i>x</i>': 3 }]);
      // Bob's "Mining" is not a choice: imported with Industry left empty, said in the warnings.
      expect(await page.locator('.import-rows[data-list="warnings"]').textContent()).toContain(
        'Industry "Mining" is not one of the choices: Retail, Software. Imported with Industry left empty.',
      );
    },
  );
});
