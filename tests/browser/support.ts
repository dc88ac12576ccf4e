/**
 * Browser-test support: the preview server as `npm start` runs it (node local/run.js preview, in a child
 * process on a free port with its own workbook file), Debian's Chromium driven by playwright-core, and a
 * screenshot in test-results/ when a step fails.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { type Browser, type BrowserContext, type FrameLocator, type Page, chromium } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export interface PreviewProcess {
  readonly url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function previewChild(env: Record<string, string>, args: string[]): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'local', 'run.js'), 'preview', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the preview on a free port with `dataFile` as CRM_DATA; resolves once it printed its URL. */
export function startPreview(dataFile: string, args: string[] = [], timeoutMs = 60_000): Promise<PreviewProcess> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'Code.js'))) {
    return Promise.reject(new Error('dist/Code.js is missing: run `npm run build` first (npm test does).'));
  }
  const child = previewChild({ PORT: '0', CRM_DATA: dataFile }, args);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The preview did not print its URL within ${timeoutMs} ms. Output:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const match = /Pipeline CRM preview: (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        url: match[1] as string,
        output: () => out,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The preview exited (code ${code}) before serving. Output:\n${out}`));
    });
  });
}

/** Runs the preview until it exits by itself (e.g. a busy port). */
export function runPreviewToExit(env: Record<string, string>, args: string[] = [], timeoutMs = 60_000): Promise<Exit> {
  const child = previewChild(env, args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The preview did not exit within ${timeoutMs} ms. Output:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Headless Debian Chromium. Fails (never skips) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Runs `body`; if it throws, saves test-results/<name>.png of `page` first. */
export async function screenshotOnFailure(
  page: () => Page | undefined,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    const current = page();
    if (current && !current.isClosed()) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await current.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    }
    throw error;
  }
}

/** Polls `probe` until it returns true (or throws the last failure after `timeoutMs`). */
export async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      if (await probe()) return;
      last = null;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens the preview in a new tab of `context` and waits until it drew its first state. */
export async function openPreview(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

/** Shows `sheet` (clicks its tab) and waits for its grid. */
export async function showTab(page: Page, sheet: string): Promise<void> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.getByRole('table', { name: sheet, exact: true }).waitFor();
}

/** The text of the alert the preview shows for ui.alert titled `title`, after which it is closed with OK. */
export async function alertText(page: Page, title: string): Promise<string> {
  const alert = page.getByRole('alertdialog', { name: title });
  await alert.waitFor();
  const text = (await alert.locator('.alert-message').textContent()) ?? '';
  await alert.getByRole('button', { name: 'OK' }).click();
  return text;
}

/** The text a cell of the shown grid draws ("B2"). */
export async function cellText(page: Page, a1: string): Promise<string> {
  return (await page.locator(`td[data-cell="${a1}"] .cell-text`).textContent()) ?? '';
}

/** The cell the name box says is selected. */
export async function selectedCell(page: Page): Promise<string> {
  return (await page.locator('#cell-ref').textContent()) ?? '';
}

/** What a describe block gets from usePreviewPage: its page, the dialogs it dismissed, and two CRM shortcuts. */
export interface PreviewPage {
  page(): Page;
  readonly dialogs: string[];
  /** Chooses CRM ▸ `item` in the preview's menu bar. */
  menu(item: string): Promise<void>;
  /** The sidebar's frame. */
  sidebar(): FrameLocator;
}

/** Two tabs of one preview (see usePreviewTabs). */
export interface PreviewTabs<N extends string> {
  /** The tab named `which` (throws before usePreviewTabs has started it). */
  tab(which: N): Page;
  /** The tab, or undefined before it is started (for screenshotOnFailure). */
  maybe(which: N): Page | undefined;
  /** What the preview server printed so far. */
  serverOutput(): string;
}

/**
 * One preview (its own workbook in a temp folder) and two tabs of one Chromium context for a describe block: one
 * browser, two tabs, which is what the page's sessionStorage (its "At the keyboard") is kept per. Started before
 * its tests, stopped after.
 */
export function usePreviewTabs<N extends string>(
  name: string,
  viewport: { width: number; height: number },
  names: readonly [N, N],
): PreviewTabs<N> {
  let dir = '';
  let server: PreviewProcess | null = null;
  let browser: Browser | null = null;
  const pages = new Map<N, Page>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `crm-preview-${name}-`));
    server = await startPreview(path.join(dir, 'workbook.json'));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport });
    for (const which of names) pages.set(which, await openPreview(context, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    tab(which) {
      const page = pages.get(which);
      if (!page) throw new Error(`no ${which} page: usePreviewTabs starts it before the tests`);
      return page;
    },
    maybe: (which) => pages.get(which),
    serverOutput: () => server?.output() ?? '',
  };
}

/**
 * One preview (its own workbook in a temp folder, seeded with the demo) and one Chromium page for a describe block:
 * started before its tests, stopped after. Browser dialogs are dismissed and kept in `dialogs` for assertions.
 */
export function usePreviewPage(name: string, viewport: { width: number; height: number }): PreviewPage {
  let dir = '';
  let server: PreviewProcess | null = null;
  let browser: Browser | null = null;
  let page: Page | undefined;
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `crm-preview-${name}-`));
    server = await startPreview(path.join(dir, 'workbook.json'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    await page.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const current = (): Page => {
    if (!page) throw new Error('no page: usePreviewPage starts it before the tests');
    return page;
  };
  return {
    page: current,
    dialogs,
    async menu(item) {
      await current().getByRole('menuitem', { name: 'CRM', exact: true }).click();
      await current().getByRole('menuitem', { name: item, exact: true }).click();
    },
    sidebar: () => current().getByRole('complementary', { name: 'Pipeline CRM' }).locator('iframe').contentFrame(),
  };
}
