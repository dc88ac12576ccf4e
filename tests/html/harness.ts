/**
 * Shared set-up of the browser tests: reads the HTML pages `npm run build` wrote into dist/ (the pages clasp pushes),
 * launches Debian's chromium (never skipped: a missing browser fails the suite), and opens a page the way HtmlService
 * serves it, with the state scriptlet filled in and the fake server (fakeServer.ts) installed. Failing tests leave a
 * screenshot in test-results/.
 */

import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DIST_DIR, readHtmlFiles } from '../../local/bundle/loadBundle';
import type { ServerApi, SidebarState } from '../../src/domain/api';
import { blankCustomer, type Customer } from '../../src/domain/customer';
import type { FakeCall, FakeControl, FakeSeed } from './fakeServer';

export type PageName = 'sidebar' | 'search' | 'import';

const ROOT = path.join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The pages as the build wrote them into dist/ (`npm test` builds first; dist-test/ holds the same bytes). */
export function builtPages(): Record<PageName, string> {
  const files = fs.existsSync(DIST_DIR) ? readHtmlFiles(DIST_DIR) : {};
  const page = (name: PageName): string => {
    const html = files[name];
    if (html === undefined) throw new Error(`${path.join(DIST_DIR, `${name}.html`)} is missing: run \`npm run build\` first (npm test does).`);
    return html;
  };
  return { sidebar: page('sidebar'), search: page('search'), import: page('import') };
}

/** The fake server as a script for addInitScript. */
export function fakeServerScript(): string {
  const result = esbuild.buildSync({ entryPoints: [path.join(__dirname, 'fakeServer.ts')], bundle: true, format: 'iife', target: 'es2019', write: false });
  return result.outputFiles[0]!.text;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The HTML client tests need a real browser and are never skipped: ` +
        'install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** What HtmlService's `<?= ?>` does to a value printed inside an attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function fillTemplate(html: string, state: SidebarState): string {
  if (!html.includes('<?= state ?>')) throw new Error('page has no <?= state ?> scriptlet');
  return html.replace('<?= state ?>', () => escapeAttribute(JSON.stringify(state)));
}

export interface Opened {
  page: Page;
  /** Messages of alert/confirm/prompt dialogs the page opened (all dismissed). */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** Calls the page made to the fake server (of one function when `name` is given). */
  calls(name?: keyof ServerApi): Promise<FakeCall[]>;
  /** Highest number of simultaneous calls of each function, and how often google.script.host.close ran. */
  stats(): Promise<Pick<FakeControl, 'maxInFlight' | 'hostClosed'>>;
  failNext(name: keyof ServerApi, message: string): Promise<void>;
  respondNext(name: keyof ServerApi, result: unknown): Promise<void>;
  setDelay(name: keyof ServerApi | '*', ms: number): Promise<void>;
  changeExternally(id: string, patch: Partial<Customer>): Promise<Customer>;
}

export interface Suite {
  pages: Record<PageName, string>;
  browser: Browser;
  fake: string;
}

/** beforeAll/afterAll for a test file: the built pages and one browser. */
export function useSuite(): () => Suite {
  let suite: Suite | undefined;
  beforeAll(async () => {
    suite = { pages: builtPages(), browser: await launchBrowser(), fake: fakeServerScript() };
  });
  afterAll(async () => {
    await suite?.browser.close();
  });
  return () => {
    if (!suite) throw new Error('suite set-up failed');
    return suite;
  };
}

export async function openPage(suite: Suite, name: PageName, state: SidebarState, seed: FakeSeed = {}): Promise<Opened> {
  // A fresh context per page; its init script (unlike a page's) also reaches the first document.
  const context = await suite.browser.newContext({ viewport: name === 'search' ? { width: 520, height: 560 } : { width: 300, height: 900 } });
  await context.addInitScript({ content: `window.__FAKE_SEED__ = ${JSON.stringify(seed)};\n${suite.fake}` });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setContent(fillTemplate(suite.pages[name], state));
  // Expressions as strings (not serialised test functions), so coverage instrumentation cannot break them.
  const run = <T>(expression: string): Promise<T> => page.evaluate(`JSON.parse(JSON.stringify(${expression}) || 'null')`) as Promise<T>;
  const arg = (value: unknown): string => JSON.stringify(value);
  return {
    page,
    dialogs,
    errors,
    calls: (callName) => run<FakeCall[]>('__fake.calls').then((all) => (callName ? all.filter((c) => c.name === callName) : all)),
    stats: () => run('{ maxInFlight: __fake.maxInFlight, hostClosed: __fake.hostClosed }'),
    failNext: (n, message) => run(`__fake.failNext(${arg(n)}, ${arg(message)})`),
    respondNext: (n, result) => run(`__fake.respondNext(${arg(n)}, ${arg(result)})`),
    setDelay: (n, ms) => run(`(__fake.delays[${arg(n)}] = ${arg(ms)})`),
    changeExternally: (id, patch) => run(`__fake.changeExternally(${arg(id)}, ${arg(patch)})`),
  };
}

let shot = 0;
/** An `it` that opens a page, fails on uncaught page errors, and saves a screenshot when it fails. */
export function pageTest(
  suite: () => Suite,
  title: string,
  pageName: PageName,
  state: SidebarState,
  seed: FakeSeed,
  body: (opened: Opened) => Promise<void>,
): void {
  it(title, async () => {
    const opened = await openPage(suite(), pageName, state, seed);
    try {
      await body(opened);
      expect(opened.errors).toEqual([]);
    } catch (error) {
      shot += 1;
      const file = path.join(ROOT, 'test-results', `${title.replace(/[^\w]+/g, '-').slice(0, 80)}-${shot}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await opened.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await opened.page.context().close();
    }
  });
}

/** Text of the element focused in the page (its id). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate('document.activeElement ? document.activeElement.id : ""') as Promise<string>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A complete customer for seeding. */
export function customer(fields: Partial<Customer> & Pick<Customer, 'id' | 'name'>): Customer {
  const by = 'rep@example.com';
  return {
    ...blankCustomer(fields.id),
    createdAt: '2026-11-01T10:00:00.000Z',
    createdBy: by,
    updatedAt: '2026-11-02T10:00:00.000Z',
    updatedBy: by,
    statusChangedAt: '2026-11-01T10:00:00.000Z',
    ...fields,
  };
}
