/**
 * Shared set-up of the browser tests: reads the HTML pages `npm run build` wrote into dist/ (the pages clasp pushes),
 * launches Debian's chromium as tests/browser does (never skipped: a missing browser fails the suite), and opens a page the way HtmlService
 * serves it, with the state scriptlet filled in and google.script (page.ts) talking to the built add-on behind it
 * (server.ts). Failing tests leave a screenshot in test-results/.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CONFIG_GLOBAL, type GoogleScriptConfig, type HostRequest } from '../../local/bundle/googleScript';
import { DIST_DIR, readHtmlFiles } from '../../local/bundle/loadBundle';
import { escapeHtml } from '../../local/gas/services/html';
import { browserBundle } from '../../local/preview/assets';
import type { ServerApi, SidebarState } from '../../src/domain/api';
import type { Customer } from '../../src/domain/customer';
import type { CustomerInput } from '../../src/domain/results';
import { launchChromium } from '../browser/support';
import { PageServer, type Seed, type ServedCall } from './server';

export type PageName = 'sidebar' | 'search' | 'import' | 'duplicates' | 'board';

const ROOT = path.join(__dirname, '..', '..');

/** The pages as the build wrote them into dist/ (`npm test` builds first; dist-test/ holds the same bytes). */
export function builtPages(): Record<PageName, string> {
  const files = fs.existsSync(DIST_DIR) ? readHtmlFiles(DIST_DIR) : {};
  const page = (name: PageName): string => {
    const html = files[name];
    if (html === undefined)
      throw new Error(
        `${path.join(DIST_DIR, `${name}.html`)} is missing: run \`npm run build\` first (npm test does).`,
      );
    return html;
  };
  return {
    sidebar: page('sidebar'),
    search: page('search'),
    import: page('import'),
    duplicates: page('duplicates'),
    board: page('board'),
  };
}

export function fillTemplate(html: string, state: SidebarState): string {
  if (!html.includes('<?= state ?>')) throw new Error('page has no <?= state ?> scriptlet');
  // What HtmlService's `<?= ?>` prints inside an attribute (the stand-in's own escaping).
  return html.replace('<?= state ?>', () => escapeHtml(JSON.stringify(state)));
}

export interface Opened {
  page: Page;
  /** The built add-on behind the page, with the test's controls. */
  server: PageServer;
  /** Messages of alert/confirm/prompt dialogs the page opened (all dismissed). */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** Calls the page made to the server (of one function when `name` is given). */
  calls(name?: keyof ServerApi): Promise<ServedCall[]>;
  /** Highest number of simultaneous calls of each function, and how often google.script.host.close ran. */
  stats(): Promise<{ maxInFlight: Record<string, number>; hostClosed: number }>;
  failNext(name: keyof ServerApi, message: string): Promise<void>;
  respondNext(name: keyof ServerApi, result: unknown): Promise<void>;
  setDelay(name: keyof ServerApi | '*', ms: number): Promise<void>;
  changeExternally(id: string, patch: CustomerInput): Promise<Customer>;
  /** Every customer in the workbook, in ID order. */
  customers(): Promise<Customer[]>;
  /** The owner pastes an old sheet into the Import tab. */
  pasteImport(rows: unknown[][]): Promise<void>;
}

export interface Suite {
  pages: Record<PageName, string>;
  browser: Browser;
  googleScript: string;
}

/** beforeAll/afterAll for a test file: the built pages and one browser. */
export function useSuite(): () => Suite {
  let suite: Suite | undefined;
  beforeAll(async () => {
    suite = {
      pages: builtPages(),
      browser: await launchChromium(),
      googleScript: browserBundle(path.join(__dirname, 'page.ts')),
    };
  });
  afterAll(async () => {
    await suite?.browser.close();
  });
  return () => {
    if (!suite) throw new Error('suite set-up failed');
    return suite;
  };
}

/** The window each page gets: the sidebar's 300 px, the search dialog, the board's wide dialog. */
const VIEWPORTS: Partial<Record<PageName, { width: number; height: number }>> = {
  search: { width: 520, height: 560 },
  board: { width: 1400, height: 800 },
  duplicates: { width: 900, height: 600 },
};

export async function openPage(suite: Suite, name: PageName, state: SidebarState, seed: Seed = {}): Promise<Opened> {
  const server = new PageServer(seed);
  // A fresh context per page; its init script and bindings (unlike a page's) also reach the first document.
  const context = await suite.browser.newContext({
    viewport: VIEWPORTS[name] ?? { width: 300, height: 900 },
  });
  await context.exposeBinding('__googleScriptRun', (_source, fn: string, args: unknown[]) => server.run(fn, args));
  await context.exposeBinding('__googleScriptHost', (_source, request: HostRequest) => server.host(request));
  const config: GoogleScriptConfig = { functions: server.functions(), origin: 'https://docs.google.com' };
  await context.addInitScript({
    content: `window.${CONFIG_GLOBAL} = ${JSON.stringify(config)};\n${suite.googleScript}`,
  });
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
  return {
    page,
    server,
    dialogs,
    errors,
    calls: async (callName) => server.calls.filter((c) => !callName || c.name === callName),
    stats: async () => ({ maxInFlight: { ...server.maxInFlight }, hostClosed: server.hostClosed }),
    failNext: async (n, message) => server.failNext(n, message),
    respondNext: async (n, result) => server.respondNext(n, result),
    setDelay: async (n, ms) => server.setDelay(n, ms),
    changeExternally: async (id, patch) => server.changeExternally(id, patch),
    customers: async () => server.customers(),
    pasteImport: async (rows) => server.pasteImport(rows),
  };
}

let shot = 0;
/** An `it` that opens a page, fails on uncaught page errors, and saves a screenshot when it fails. */
export function pageTest(
  suite: () => Suite,
  title: string,
  pageName: PageName,
  state: SidebarState,
  seed: Seed,
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

/** Waits until `condition` holds on the Node side (e.g. the server saw host.close), or fails after `ms`. */
export async function until(condition: () => boolean, ms = 10000): Promise<void> {
  for (const end = Date.now() + ms; !condition(); await sleep(20)) {
    if (Date.now() > end) throw new Error(`Not true within ${ms} ms: ${condition.toString()}`);
  }
}
