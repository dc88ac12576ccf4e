/**
 * Trying Google Sheets behaviour by hand in the preview (npm start) in Chromium: Ctrl+V of a tab-separated block
 * is ONE edit of the range (one onEdit), a refused paste changes nothing and says why, fast typing right after
 * Tab keeps every key, and a click on the cell right of a long text selects that cell.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type PreviewProcess,
  alertText,
  cellText,
  eventually,
  launchChromium,
  openPreview,
  screenshotOnFailure,
  selectedCell,
  showTab,
  startPreview,
} from './support';

jest.setTimeout(120_000);

const OWNER = 'owner@example.com';
const STAFF = 'alex.rivera@example.com';
const LONG_TEXT = 'A long note that runs well past the edge of its cell';

describe('editing the grid like Google Sheets', () => {
  let dir = '';
  let server: PreviewProcess | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  let page: Page | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-preview-editing-'));
    server = await startPreview(path.join(dir, 'workbook.json'));
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await openPreview(context, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const p = (): Page => {
    if (!page) throw new Error('no page');
    return page;
  };

  /** The server's "[edit] …" lines printed since `mark` (one per edit the server received). */
  function editLines(mark: number): string[] {
    return (server?.output() ?? '')
      .slice(mark)
      .split('\n')
      .filter((line) => line.startsWith('[edit] '));
  }

  /** Selects `a1` on `sheet`, puts `text` on the clipboard and presses Ctrl+V. */
  async function paste(sheet: string, a1: string, text: string): Promise<void> {
    await showTab(p(), sheet);
    await p().locator(`td[data-cell="${a1}"]`).click();
    await eventually(`${a1} to be selected`, async () => (await selectedCell(p())) === a1);
    // Runs in the page (the tests are compiled without the DOM lib, hence the typed globalThis).
    await p().evaluate(
      (t) =>
        (
          globalThis as unknown as { navigator: { clipboard: { writeText(s: string): Promise<void> } } }
        ).navigator.clipboard.writeText(t),
      text,
    );
    await p().keyboard.press('Control+V');
  }

  async function grid(sheet: string): Promise<string[][]> {
    const response = await p().request.get(`${server?.url}api/state?user=${encodeURIComponent(OWNER)}`);
    const state = (await response.json()).state as { sheets: { name: string; values: string[][] }[] };
    return state.sheets.find((s) => s.name === sheet)?.values ?? [];
  }

  const refusal = (): Promise<string> => alertText(p(), 'Your paste was not saved');

  it('pastes a 3×2 block as one edit of the range: the cells change and onEdit runs once', () =>
    screenshotOnFailure(p, 'editing-paste', async () => {
      const historyBefore = (await grid('History')).length;
      const mark = server?.output().length ?? 0;

      await paste(
        'Customers',
        'I2',
        'Trade show\tFirst pasted note\nReferral\tSecond pasted note\r\nWebsite\t"A note with a\ttab"\n',
      );

      const expected: Array<[string, string]> = [
        ['I2', 'Trade show'],
        ['J2', 'First pasted note'],
        ['I3', 'Referral'],
        ['J3', 'Second pasted note'],
        ['I4', 'Website'],
        ['J4', 'A note with a\ttab'],
      ];
      await eventually('the pasted block in the grid', async () => {
        for (const [a1, value] of expected) if ((await cellText(p(), a1)) !== value) return false;
        return true;
      });
      // The pasted block is selected, as in Sheets.
      await eventually('the block in the name box', async () => (await selectedCell(p())) === 'I2:J4');
      await eventually('the server to log the paste', async () => editLines(mark).length > 0);
      expect(editLines(mark)).toEqual([
        `[edit] ${OWNER}: Customers!I2:J4 pasted (3 rows × 2 columns), onEdit ran once`,
      ]);
      // The product's onEdit logs hand edits of customers in History (how, exactly, is its own business).
      await eventually('History to log the pasted edit', async () => (await grid('History')).length > historyBefore);
    }));

  it('pastes a single value as a one-cell edit', () =>
    screenshotOnFailure(p, 'editing-paste-one', async () => {
      const mark = server?.output().length ?? 0;
      await paste('Import', 'D2', 'just one\n');
      await eventually('the value in D2', async () => (await cellText(p(), 'D2')) === 'just one');
      expect(editLines(mark)).toEqual([`[edit] ${OWNER}: Import!D2 typed, onEdit ran once`]);
    }));

  it('refuses a paste over a protected tab whole, says so, and changes nothing', () =>
    screenshotOnFailure(p, 'editing-paste-protected', async () => {
      const before = await grid('Settings');
      await p().getByLabel('At the keyboard').selectOption(STAFF);
      await p().locator(`body[data-user="${STAFF}"]`).waitFor();

      await paste('Settings', 'A8', 'eve@example.com\tx\nmallory@example.com\ty\n');
      expect(await refusal()).toMatch(/protected/i);
      expect(await grid('Settings')).toEqual(before);
      expect(await cellText(p(), 'A8')).toBe('');

      await p().getByLabel('At the keyboard').selectOption(OWNER);
      await p().locator(`body[data-user="${OWNER}"]`).waitFor();
    }));

  it('refuses a paste with a value the Status dropdown rejects, and changes nothing', () =>
    screenshotOnFailure(p, 'editing-paste-invalid', async () => {
      const before = await grid('Customers');
      await paste('Customers', 'F2', 'Lead\nNot a status\n');
      // The rule's own message (Sheets shows the help text, else what the rule wants).
      expect(await refusal()).toMatch(/choose one of|invalid|data validation/i);
      expect(await grid('Customers')).toEqual(before);
    }));

  it('refuses a block that does not fit in the sheet, saying so (the preview does not add columns)', () =>
    screenshotOnFailure(p, 'editing-paste-too-big', async () => {
      const before = await grid('Import');
      await paste('Import', 'Z3', 'a\tb\nc\td\n');
      expect(await refusal()).toContain('does not fit in Import');
      expect(await grid('Import')).toEqual(before);
    }));

  it('keeps every key typed fast right after Tab or Enter', () =>
    screenshotOnFailure(p, 'editing-type-after-tab', async () => {
      await showTab(p(), 'Import');
      await p().locator('td[data-cell="A1"]').click();
      await p().keyboard.type('Name');
      await p().keyboard.press('Tab');
      await p().keyboard.type('Hello world');
      await p().keyboard.press('Tab');
      await p().keyboard.type('Hello world');
      await p().keyboard.press('Enter');
      await p().keyboard.type('Hello world');
      await p().keyboard.press('Enter');

      await eventually(
        'the four cells typed',
        async () =>
          (await cellText(p(), 'A1')) === 'Name' &&
          (await cellText(p(), 'B1')) === 'Hello world' &&
          (await cellText(p(), 'C1')) === 'Hello world' &&
          (await cellText(p(), 'C2')) === 'Hello world',
      );
      const values = await grid('Import');
      expect(values[0]?.slice(0, 3)).toEqual(['Name', 'Hello world', 'Hello world']);
      expect(values[1]?.[2]).toBe('Hello world');
      expect(await selectedCell(p())).toBe('C3');
    }));

  it('clips a long text before a filled cell, and a click right of a long text selects the cell clicked', () =>
    screenshotOnFailure(p, 'editing-overflow-click', async () => {
      // Row 6: a long text, then a filled cell. Row 7: a long text with empty cells after it (it overflows).
      await paste('Import', 'A6', `${LONG_TEXT}\tnext\n${LONG_TEXT}\t\n`);
      await eventually(
        'the long texts in the grid',
        async () => (await cellText(p(), 'A6')) === LONG_TEXT && (await cellText(p(), 'A7')) === LONG_TEXT,
      );

      const box = async (selector: string) => {
        const found = await p().locator(selector).boundingBox();
        if (!found) throw new Error(`${selector} is not drawn`);
        return found;
      };
      const a6 = await box('td[data-cell="A6"]');
      const a6Text = await box('td[data-cell="A6"] .cell-text');
      expect(a6Text.x + a6Text.width).toBeLessThanOrEqual(a6.x + a6.width + 0.5);
      const a7Text = await box('td[data-cell="A7"] .cell-text');
      expect(a7Text.x + a7Text.width).toBeGreaterThan(a6.x + a6.width); // runs over the empty B7

      for (const a1 of ['B6', 'B7']) {
        const cell = await box(`td[data-cell="${a1}"]`);
        // Just right of the long text's own cell, where its text would be drawn if it were not clipped.
        await p().mouse.click(cell.x + 12, cell.y + cell.height / 2);
        await eventually(`${a1} to be selected`, async () => (await selectedCell(p())) === a1);
      }
    }));
});
