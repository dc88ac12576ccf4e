/**
 * The Import sidebar in a real browser, against the built add-on (the old sheet pasted into its Import tab):
 * the proposed mapping and its correction, the dry-run preview with skipped rows and reasons, the duplicates
 * choice, the real import looped over batches with progress, Cancel / Continue, failures in the banner, no
 * double submit, and hostile header and cell text shown as text.
 */

import type { Page } from 'playwright-core';
import { pageTest, sleep, useSuite } from './harness';
import type { SeedCustomer } from './server';

jest.setTimeout(120000);
const suite = useSuite();

const STATE = { view: 'import' } as const;

/** An old sheet as getValues returns it: a title line above the header, an unmapped column, bad rows, duplicates. */
const SHEET: unknown[][] = [
  ['Old customers 2019', '', '', '', '', '', ''], //                                                  row 1
  ['Full name', 'E-mail', 'Tel', 'Stage', 'Value', 'Firm', 'Remarks 2019'], //                         row 2 (header)
  ['Ann Archer', 'ann@acme.example', '+1 (555) 010-2000', 'won', '$1,200', 'Acme Ltd', 'met at fair'], // row 3
  ['Bob Baker', 'bob@', 5550103000, 'negotiating', 500, 'Baker & Co', ''], //                           row 4
  ['', '', '', '', '', '', ''], //                                                                     row 5
  ['Cara Cole', 'cara@cole.example', '', 'Warm', '', '', ''], //                                       row 6
  ['ann archer', 'ANN@acme.example', '', 'lead', '', 'ACME LTD', ''], //                               row 7
  ['Eve Evans', 'eve@existing.example', '555 0300', 'customer', 2500, 'Existing Co', 'vip'], //        row 8
  ['Dan Dale', 'dan@dale.example', '', 'lost', '', 'Dale Inc', ''], //                                 row 9
];
const eve: SeedCustomer = { id: 'C-00001', input: { name: 'Eve Evans', email: 'eve@existing.example' } };

const STATUS_HELP =
  'Change it in the Import tab to one of: Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant (or "won", "lost", "negotiating").';

/** `count` data rows of distinct customers under a header. */
function bigSheet(count: number): unknown[][] {
  const rows: unknown[][] = [['Name', 'Email', 'Status']];
  for (let i = 1; i <= count; i++) rows.push([`Person ${i}`, `p${i}@example.com`, i % 2 === 0 ? 'won' : 'Lead']);
  return rows;
}

async function counts(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const item of await page.locator('.import-report .import-count').all()) {
    out[(await item.getAttribute('data-count')) ?? ''] = (await item.locator('dd').textContent()) ?? '';
  }
  return out;
}

/** [row label, reason] of each item of a report list. */
async function listed(page: Page, list: 'skipped' | 'merged' | 'warnings'): Promise<string[][]> {
  const items = page.locator(`.import-rows[data-list="${list}"] li`);
  const out: string[][] = [];
  for (const item of await items.all()) {
    out.push([
      (await item.locator('.import-row-number').textContent()) ?? '',
      (await item.locator('.import-row-reason').textContent()) ?? '',
    ]);
  }
  return out;
}

/** Records every text the progress label shows from now on. */
async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.__progress = [];
    const label = document.querySelector('.progress-label');
    new MutationObserver(() => window.__progress.push(label.textContent)).observe(label, { childList: true, characterData: true, subtree: true });
  })()`);
  return () => page.evaluate('window.__progress') as Promise<string[]>;
}

const importCalls = async (
  calls: (name?: 'importCustomers') => Promise<{ args: unknown[] }[]>,
  dryRun: boolean,
): Promise<Record<string, unknown>[]> =>
  (await calls('importCustomers'))
    .map((c) => c.args[0] as Record<string, unknown>)
    .filter((o) => (o.dryRun === true) === dryRun);

describe('import sidebar: mapping and preview', () => {
  pageTest(
    suite,
    'shows the proposed mapping with samples, and sends the corrected one',
    'import',
    STATE,
    { importSheet: SHEET, customers: [eve] },
    async ({ page, calls }) => {
      await page.locator('#map-name').waitFor();
      expect((await calls('proposeImportMapping')).length).toBe(1); // on opening
      await page.getByText('Header: row 2 of the Import tab, 7 rows below it.', { exact: false }).waitFor();
      const chosen: Record<string, string> = {};
      for (const field of [
        'name',
        'firstName',
        'lastName',
        'company',
        'email',
        'phone',
        'status',
        'dealValue',
        'owner',
        'source',
        'notes',
      ]) {
        chosen[field] = await page.locator(`#map-${field}`).inputValue();
      }
      expect(chosen).toEqual({
        name: '0',
        firstName: '',
        lastName: '',
        company: '5',
        email: '1',
        phone: '2',
        status: '3',
        dealValue: '4',
        owner: '',
        source: '',
        notes: '',
      });
      expect(await page.locator('#map-notes option').allTextContents()).toEqual([
        '— not imported —',
        'A · Full name',
        'B · E-mail',
        'C · Tel',
        'D · Stage',
        'E · Value',
        'F · Firm',
        'G · Remarks 2019',
      ]);
      expect(await page.locator('#map-name-sample').textContent()).toBe('e.g. Ann Archer · Bob Baker · Cara Cole');
      expect(await page.locator('#map-phone-sample').textContent()).toBe(
        'e.g. +1 (555) 010-2000 · 5550103000 · 555 0300',
      );
      expect(await page.getByLabel('Notes').inputValue()).toBe('');

      // One column for two fields: shown inline, nothing sent.
      await page.selectOption('#map-phone', '1');
      expect(await page.locator('#map-phone-error').textContent()).toBe(
        'Column B is also chosen for Email: choose one column per field.',
      );
      expect(await page.locator('#map-email').getAttribute('aria-invalid')).toBe('true');
      await page.getByRole('button', { name: 'Preview' }).click();
      expect(await page.evaluate('document.activeElement.id')).toBe('map-email');
      expect(await importCalls(calls, true)).toEqual([]);
      await page.selectOption('#map-phone', '2');
      expect(await page.locator('#map-phone-error').isHidden()).toBe(true);

      // No name column at all: refused inline as well.
      await page.selectOption('#map-name', '');
      expect(await page.locator('#map-name-error').textContent()).toBe(
        'Choose the column with the customer name (or the First name and Last name columns).',
      );
      await page.selectOption('#map-name', '0');

      await page.selectOption('#map-notes', '6');
      expect(await page.locator('#map-notes-sample').textContent()).toBe('e.g. met at fair · vip');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('.import-report').waitFor();
      expect(await importCalls(calls, true)).toEqual([
        {
          mapping: {
            name: 0,
            firstName: null,
            lastName: null,
            company: 5,
            email: 1,
            phone: 2,
            status: 3,
            dealValue: 4,
            owner: null,
            source: null,
            notes: 6,
          },
          dryRun: true,
          duplicates: 'skip',
          offset: 0,
          limit: 2000,
        },
      ]);

      // Changing the mapping throws the preview away: Import always runs what was previewed.
      await page.selectOption('#map-notes', '');
      expect(await page.locator('.import-report').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Import/ }).isHidden()).toBe(true);
    },
  );

  pageTest(
    suite,
    'the dry run shows the counts, every skipped row with its reason, and the rows imported with a cell left empty',
    'import',
    STATE,
    { importSheet: SHEET, customers: [eve] },
    async ({ page, calls, customers }) => {
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('heading', { name: 'Preview: nothing has been imported yet' }).waitFor();
      expect(await counts(page)).toEqual({ imported: '4', duplicates: '2', skipped: '0', blank: '1' });
      expect(await listed(page, 'skipped')).toEqual([
        ['Row 7', 'duplicate of row 3 (Ann Archer) — same e-mail address. Not imported.'],
        ['Row 8', 'probably already in the CRM as C-00001 Eve Evans — same e-mail address. Not imported.'],
      ]);
      // A bad optional cell costs the row nothing: imported with that field empty, and the cell reported.
      expect(await listed(page, 'warnings')).toEqual([
        ['Row 4', 'Email "bob@" is not a valid e-mail address. Imported with Email left empty.'],
        [
          'Row 6',
          `Status "Warm" is not a pipeline stage the import recognises, so it was not guessed. ${STATUS_HELP} Imported as Lead.`,
        ],
        [
          'Row 9',
          'Closed-lost without a lost reason: it counts as "(no reason given)" until one is chosen in the sidebar.',
        ],
      ]);
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Preview: nothing has been imported yet');
      expect(await page.getByRole('button', { name: 'Import 4 customers' }).isEnabled()).toBe(true);

      // Merge instead: the preview is redone with duplicates: 'merge'.
      await page.getByLabel('Merge: fill only the empty fields of the existing customer').check();
      expect(await page.locator('.import-report').count()).toBe(0);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('[data-count="merged"]').waitFor();
      expect(await counts(page)).toEqual({ imported: '4', merged: '1', duplicates: '1', skipped: '0', blank: '1' });
      expect(await listed(page, 'merged')).toEqual([
        ['Row 8', 'merged into C-00001 Eve Evans — same e-mail address. Filled: Company, Phone, Deal value.'],
      ]);
      expect((await importCalls(calls, true)).map((o) => o.duplicates)).toEqual(['skip', 'merge']);
      // Nothing was written by either preview.
      expect((await customers()).length).toBe(1);

      await page.getByRole('button', { name: 'Import 4 customers' }).click();
      await page
        .locator('.banner')
        .getByText('Import finished: 4 customers imported, 1 row merged into existing customers, 1 row skipped.')
        .waitFor();
      expect(await counts(page)).toEqual({ imported: '4', merged: '1', duplicates: '1', skipped: '0', blank: '1' });
      expect((await customers()).map((c) => [c.id, c.name, c.email, c.phone, c.status])).toEqual([
        ['C-00001', 'Eve Evans', 'eve@existing.example', '555 0300', 'Lead'],
        ['C-00002', 'Ann Archer', 'ann@acme.example', '+1 (555) 010-2000', 'Closed-won'],
        ['C-00003', 'Bob Baker', '', '5550103000', 'In negotiation'],
        ['C-00004', 'Cara Cole', 'cara@cole.example', '', 'Lead'],
        ['C-00005', 'Dan Dale', 'dan@dale.example', '', 'Closed-lost'],
      ]);
      expect(await listed(page, 'warnings')).toHaveLength(3);
      expect(await page.getByRole('button', { name: 'Import done' }).isDisabled()).toBe(true);
    },
  );

  pageTest(
    suite,
    'an empty Import tab is explained; Refresh reads the pasted sheet',
    'import',
    STATE,
    {},
    async ({ page, calls, pasteImport }) => {
      const banner = page.locator('.banner-info');
      await banner.getByText('The Import tab is empty: paste the old spreadsheet there', { exact: false }).waitFor();
      expect(await page.locator('#map-name').count()).toBe(0);
      await pasteImport(SHEET);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.locator('#map-name').waitFor();
      expect(await page.locator('.banner').isHidden()).toBe(true);
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Column mapping');
      expect((await calls('proposeImportMapping')).length).toBe(2);
    },
  );
});

describe('import sidebar: batches', () => {
  pageTest(
    suite,
    'imports 5,200 rows in batches of 500, one call at a time, with progress',
    'import',
    STATE,
    { importSheet: bigSheet(5200) },
    async ({ page, calls, stats, customers }) => {
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('button', { name: 'Import 5,200 customers' }).waitFor();
      expect((await importCalls(calls, true)).map((o) => [o.offset, o.limit])).toEqual([
        [0, 2000],
        [2000, 2000],
        [4000, 2000],
      ]);
      expect(await page.locator('.progress-label').textContent()).toBe('Checked 5,200 of 5,200 rows');

      const progress = await recordProgress(page);
      await page.getByRole('button', { name: 'Import 5,200 customers' }).click();
      // Everything else waits while the import runs.
      expect(await page.getByRole('button', { name: 'Refresh' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(true);
      expect(await page.locator('#map-name').isDisabled()).toBe(true);
      await page
        .locator('.banner-success')
        .getByText('Import finished: 5,200 customers imported, 0 rows skipped.')
        .waitFor();

      const real = await importCalls(calls, false);
      expect(real.map((o) => o.offset)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
      expect(real.every((o) => o.limit === 500 && o.duplicates === 'skip' && !('dryRun' in o))).toBe(true);
      expect((await stats()).maxInFlight.importCustomers).toBe(1);
      expect(await progress()).toEqual([
        '0 of 5,200 rows',
        ...[500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000].map(
          (n) => `${n.toLocaleString('en-US')} of 5,200 rows`,
        ),
        '5,200 of 5,200 rows',
      ]);
      expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('5200');
      expect(await counts(page)).toEqual({ imported: '5,200', duplicates: '0', skipped: '0', blank: '0' });
      expect((await customers()).length).toBe(5200);
      expect(await page.locator('.import-rows').count()).toBe(0);
    },
  );

  pageTest(
    suite,
    'Cancel stops after the current batch; Continue carries on from there',
    'import',
    STATE,
    { importSheet: bigSheet(1200) },
    async ({ page, calls, setDelay, customers }) => {
      await page.getByRole('button', { name: 'Preview' }).click();
      await setDelay('importCustomers', 400);
      await page.getByRole('button', { name: 'Import 1,200 customers' }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Stopping after this batch…' }).waitFor();
      await page
        .locator('.banner-warning')
        .getByText(
          'Import stopped after 500 of 1,200 rows: 500 customers imported, 0 rows skipped. Continue import to do the remaining rows.',
        )
        .waitFor();
      expect((await importCalls(calls, false)).map((o) => o.offset)).toEqual([0]);
      expect((await customers()).length).toBe(500);
      expect(await page.getByRole('button', { name: 'Cancel' }).isHidden()).toBe(true);
      await page.getByRole('heading', { name: 'Import stopped' }).waitFor();

      await setDelay('importCustomers', 30);
      await page.getByRole('button', { name: 'Continue import' }).click();
      await page
        .locator('.banner-success')
        .getByText('Import finished: 1,200 customers imported, 0 rows skipped.')
        .waitFor();
      expect((await importCalls(calls, false)).map((o) => o.offset)).toEqual([0, 500, 1000]);
      expect(await counts(page)).toEqual({ imported: '1,200', duplicates: '0', skipped: '0', blank: '0' });
      expect((await customers()).length).toBe(1200);
    },
  );

  pageTest(
    suite,
    'a failed batch is reported in the banner and the import continues from it',
    'import',
    STATE,
    { importSheet: bigSheet(1200) },
    async ({ page, calls, failNext, respondNext, customers, setDelay }) => {
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('button', { name: 'Import 1,200 customers' }).waitFor();
      // The first batch is in flight (200 ms) when the failure is planned, so it is the second batch that fails.
      await setDelay('importCustomers', 200);
      await page.getByRole('button', { name: 'Import 1,200 customers' }).click();
      await failNext('importCustomers', 'Exception: Service Spreadsheets timed out while accessing document');
      await page
        .locator('.banner-error')
        .getByText(
          "Couldn't import rows after 500 of 1,200 rows: Exception: Service Spreadsheets timed out while accessing document. Please try again in a moment.",
        )
        .waitFor();
      await page.getByRole('heading', { name: 'Import interrupted' }).waitFor();
      expect((await customers()).length).toBe(500);

      // The server refuses (another user's write holds the lock): its message, nothing lost.
      await respondNext('importCustomers', { ok: false, errors: { form: 'The CRM is busy saving another change.' } });
      await page.getByRole('button', { name: 'Continue import' }).click();
      await page.locator('.banner-error').getByText('The CRM is busy saving another change.').waitFor();

      await page.getByRole('button', { name: 'Continue import' }).click();
      await page
        .locator('.banner-success')
        .getByText('Import finished: 1,200 customers imported, 0 rows skipped.')
        .waitFor();
      expect((await importCalls(calls, false)).map((o) => o.offset)).toEqual([0, 500, 500, 500, 1000]);
      expect((await customers()).length).toBe(1200);
    },
  );

  pageTest(
    suite,
    'a double click sends one preview and one import',
    'import',
    STATE,
    { importSheet: SHEET, customers: [eve] },
    async ({ page, calls, stats, customers }) => {
      await page.getByRole('button', { name: 'Preview' }).dblclick();
      await page.getByRole('button', { name: 'Import 4 customers' }).dblclick();
      await page.locator('.banner-success').waitFor();
      await sleep(200);
      expect((await importCalls(calls, true)).length).toBe(1);
      expect((await importCalls(calls, false)).length).toBe(1);
      expect((await stats()).maxInFlight.importCustomers).toBe(1);
      expect((await customers()).length).toBe(5);
    },
  );
});

describe('import sidebar: text stays text', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';
  const sheet: unknown[][] = [
    ['Name', 'Email', 'Status', HOSTILE],
    [HOSTILE, 'x@example.com', '<b>hot</b>', '<script>alert(2)</script>'],
    ['Ok Person', 'ok@example.com', 'Lead', HOSTILE],
  ];

  pageTest(
    suite,
    'hostile header and cell text is shown literally',
    'import',
    STATE,
    { importSheet: sheet },
    async ({ page, dialogs }) => {
      await page.locator('#map-name').waitFor();
      expect(await page.locator('#map-notes option').last().textContent()).toBe(`D · ${HOSTILE}`);
      expect(await page.locator('#map-name-sample').textContent()).toBe(`e.g. ${HOSTILE} · Ok Person`);
      await page.locator('.import-sample-box summary').click();
      expect(await page.locator('.import-sample th').last().textContent()).toBe(`D · ${HOSTILE}`);
      expect(await page.locator('.import-sample tbody tr').first().locator('td').allTextContents()).toEqual([
        HOSTILE,
        'x@example.com',
        '<b>hot</b>',
        '<script>alert(2)</script>',
      ]);

      await page.selectOption('#map-notes', '3');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('.import-report').waitFor();
      expect(await listed(page, 'warnings')).toEqual([
        [
          'Row 2',
          `Status "<b>hot</b>" is not a pipeline stage the import recognises, so it was not guessed. ${STATUS_HELP} Imported as Lead.`,
        ],
      ]);

      await sleep(200); // the time a broken <img onerror> would need
      for (const tag of ['img', 'b']) expect(await page.locator(tag).count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1);
      expect(dialogs).toEqual([]);
    },
  );

  it('import.html has exactly one scriptlet (the body state) and no HTML-parsing sinks', () => {
    const html = suite().pages.import;
    expect(html.split('<?').length - 1).toBe(1);
    expect(html.split('?>').length - 1).toBe(1);
    expect(html).toMatch(/<body[^>]* data-state="<\?= state \?>">/);
    expect(html).not.toContain('<!-- inline:');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(/);
  });
});
