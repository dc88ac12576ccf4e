/**
 * One preview session: the built add-on in the stand-in (local/bundle/harness), the person at the keyboard,
 * the menu their onOpen built, and the translation of what each request showed (sidebars, dialogs, toasts,
 * alerts recorded in the UiLog) into what the page draws. Every request is one Apps Script execution;
 * the workbook is saved after each one that may have changed it.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { SavedStandIn } from '../gas';
import { UserEditRefused, parseA1 } from '../gas/spreadsheet';
import type { MenuEntry, UiEvent } from '../gas/spreadsheet';
import { type Harness, createHarness } from '../bundle/harness';
import { topLevelFunctionNames } from '../bundle/loadBundle';
import type { MenuItem, PreviewMenu, PreviewState, PreviewUser, RunnerConfig, UiShown } from './protocol';
import { cellInput, sheetView } from './sheetView';
import type { WorkbookStore } from './store';

/** Someone who has the link but is neither the owner nor on the staff list. */
export const DEFAULT_STRANGER = 'visitor@example.com';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Row and column of a one-cell A1 reference ("B7"), else null. */
export function singleCell(a1: string): { row: number; col: number } | null {
  const parsed = parseA1(a1);
  if (!parsed || parsed.sheetName !== null || parsed.row1 === null || parsed.col1 === null) return null;
  if ((parsed.row2 !== null && parsed.row2 !== parsed.row1) || (parsed.col2 !== null && parsed.col2 !== parsed.col1)) return null;
  return { row: parsed.row1, col: parsed.col1 };
}

export interface SessionOptions {
  saved: SavedStandIn;
  distDir: string;
  store: WorkbookStore;
  /** Puts google.script in front of a sidebar's/dialog's own HTML (see assets.ts). */
  withRunner(html: string, config: RunnerConfig): string;
  /** Origin the page is served from (google.script.host.origin). */
  origin(): string;
  /** Where execution logs (Logger/console) go; default stdout. */
  log?: (line: string) => void;
}

export type RunOutcome = { ui: UiShown[] } & ({ ok: true; result: unknown } | { ok: false; error: string });
export type ActionOutcome = { ui: UiShown[] } & ({ ok: true } | { ok: false; error: string });

/** "Exception: …", "TypeError: …": the text a failure handler's Error carries. */
export function failureText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(error);
    return `${typeof name === 'string' && name !== '' ? name : 'Error'}: ${text}`;
  }
  return `Error: ${String(error)}`;
}

function toMenuItems(entries: MenuEntry[]): MenuItem[] {
  return entries.map((e): MenuItem => (e.kind === 'submenu' ? { kind: 'submenu', caption: e.caption, entries: toMenuItems(e.entries) } : e));
}

export class PreviewSession {
  readonly harness: Harness;
  private user: string;
  private menus: PreviewMenu[] = [];
  private menuError: string | null = null;
  private seq = 0;
  private logsShown = 0;
  private functionsCache: { file: string; mtimeMs: number; names: string[] } | null = null;

  constructor(private readonly options: SessionOptions) {
    this.harness = createHarness({ owner: options.saved.workbook.owner, saved: options.saved, distDir: options.distDir });
    this.user = this.harness.gas.workbook.owner;
    this.open();
  }

  get currentUser(): string {
    return this.user;
  }

  // ---- people ------------------------------------------------------------------------------------

  /** E-mails listed in Settings (column A under its header), as the add-on reads its staff list. */
  staff(): string[] {
    const settings = this.harness.gas.workbook.findSheet('Settings');
    if (!settings) return [];
    const rows = this.harness.gas.sheets.sheetDisplayValues(settings.name);
    return rows
      .slice(1)
      .map((row) => (row[0] ?? '').trim())
      .filter((email) => EMAIL.test(email));
  }

  users(): PreviewUser[] {
    const wb = this.harness.gas.workbook;
    const out: PreviewUser[] = [];
    const add = (email: string, role: PreviewUser['role']) => {
      if (!out.some((u) => u.email.toLowerCase() === email.toLowerCase())) out.push({ email, role });
    };
    add(wb.owner, 'owner');
    for (const email of this.staff()) add(email, 'staff');
    for (const email of wb.editors) add(email, 'stranger');
    add(DEFAULT_STRANGER, 'stranger');
    if (!out.some((u) => u.email === this.user)) add(this.user, 'stranger');
    return out;
  }

  /** Someone else sits down: the spreadsheet opens for them (onOpen builds their menu). */
  switchUser(email: string): void {
    const trimmed = email.trim();
    if (!EMAIL.test(trimmed)) throw new RangeError(`Not an e-mail address: ${JSON.stringify(email)}`);
    this.user = trimmed;
    this.open();
  }

  // ---- executions --------------------------------------------------------------------------------

  /** Opening the spreadsheet: onOpen as the current user; the menus it adds become the page's menu bar. */
  open(): void {
    const start = this.harness.gas.ui.events.length;
    try {
      this.harness.open(this.user);
      this.menuError = null;
      this.menus = this.harness.gas.ui.events
        .slice(start)
        .flatMap((e) => (e.kind === 'menu' ? [{ caption: e.menu.caption, entries: toMenuItems(e.menu.entries) }] : []));
    } catch (error) {
      this.menus = [];
      this.menuError = `onOpen failed: ${failureText(error)}`;
    }
    this.flushLogs();
  }

  /** google.script.run.<fn>(...args) from a sidebar or dialog. */
  run(fn: string, args: unknown[]): RunOutcome {
    if (!this.functions().includes(fn) || fn.endsWith('_')) {
      return { ok: false, error: `ScriptError: Script function not found: ${fn}`, ui: [] };
    }
    return this.execute((user) => this.harness.call(user, fn, ...args));
  }

  /** A menu item: the function runs directly (no client boundary). */
  menu(functionName: string): ActionOutcome {
    if (!this.functions().includes(functionName)) {
      return { ok: false, error: `Script function not found: ${functionName}`, ui: [] };
    }
    const outcome = this.execute((user) => this.harness.run(user, functionName));
    return outcome.ok ? { ok: true, ui: outcome.ui } : outcome;
  }

  /** A person types into a cell (protections and validation apply), then onEdit runs. */
  edit(sheetName: string, a1: string, value: string): ActionOutcome {
    const sheet = this.harness.gas.workbook.findSheet(sheetName);
    if (!sheet) return { ok: false, error: `There is no sheet named ${sheetName}.`, ui: [] };
    if (!singleCell(a1)) return { ok: false, error: `Not a cell: ${a1}`, ui: [] };
    const start = this.harness.gas.ui.events.length;
    try {
      this.harness.edit({ user: this.user, sheet: sheet.name, a1, value });
    } catch (error) {
      if (error instanceof UserEditRefused) return { ok: false, error: error.message, ui: [] };
      // The edit itself happened; Sheets says nothing when onEdit fails (it lands in the executions log).
      (this.options.log ?? console.error)(`onEdit failed: ${failureText(error)}`);
    } finally {
      this.flushLogs();
      this.save();
    }
    return { ok: true, ui: this.shownSince(start) };
  }

  /** The tab (and cell) the person looks at: what getActiveSheet()/getActiveRange() return. */
  select(sheetName: string, a1?: string): void {
    const wb = this.harness.gas.workbook;
    const sheet = wb.findSheet(sheetName);
    if (!sheet || sheet.hidden) throw new RangeError(`There is no sheet named ${sheetName}.`);
    wb.activeSheetId = sheet.sheetId;
    const cell = a1 ? singleCell(a1) : null;
    if (cell) wb.activeRange = { sheetId: sheet.sheetId, row: cell.row, col: cell.col, numRows: 1, numCols: 1 };
    this.save();
  }

  cell(sheetName: string, a1: string): { input: string; display: string; note: string } {
    const sheet = this.harness.gas.workbook.findSheet(sheetName);
    const cell = singleCell(a1);
    if (!sheet || !cell) throw new RangeError(`Not a cell: ${sheetName}!${a1}`);
    return cellInput(sheet, cell.row, cell.col);
  }

  private execute(body: (user: string) => unknown): RunOutcome {
    const start = this.harness.gas.ui.events.length;
    try {
      const result = body(this.user);
      return { ok: true, result: result === undefined ? null : result, ui: this.shownSince(start) };
    } catch (error) {
      return { ok: false, error: failureText(error), ui: this.shownSince(start) };
    } finally {
      this.flushLogs();
      this.save();
    }
  }

  // ---- what the page sees ----------------------------------------------------------------------

  state(): PreviewState {
    const gas = this.harness.gas;
    const wb = gas.workbook;
    const visible = wb.sheets.filter((s) => !s.hidden);
    return {
      seq: ++this.seq,
      file: wb.name,
      user: this.user,
      users: this.users(),
      menus: this.menus,
      menuError: this.menuError,
      sheets: visible.map((s) => sheetView(gas, s)),
      activeSheet: wb.activeSheet().name,
      timeZone: wb.timeZone,
    };
  }

  /** Callable server functions: the bundle's top-level functions, re-read when dist/Code.js changes. */
  functions(): string[] {
    const file = path.join(this.options.distDir, 'Code.js');
    const { mtimeMs } = fs.statSync(file);
    if (!this.functionsCache || this.functionsCache.mtimeMs !== mtimeMs) {
      this.functionsCache = { file, mtimeMs, names: topLevelFunctionNames(fs.readFileSync(file, 'utf8')) };
    }
    return this.functionsCache.names;
  }

  private shownSince(start: number): UiShown[] {
    const config: RunnerConfig = { functions: this.functions().filter((n) => !n.endsWith('_')), origin: this.options.origin() };
    const shown: UiShown[] = [];
    for (const event of this.harness.gas.ui.events.slice(start) as UiEvent[]) {
      switch (event.kind) {
        case 'menu':
          // A menu added while the sheet is open replaces the one with the same caption.
          this.menus = [...this.menus.filter((m) => m.caption !== event.menu.caption), { caption: event.menu.caption, entries: toMenuItems(event.menu.entries) }];
          break;
        case 'sidebar':
          shown.push({ kind: 'sidebar', title: event.title, html: this.options.withRunner(event.html, config), width: 300 });
          break;
        case 'modalDialog':
        case 'modelessDialog':
          shown.push({
            kind: 'dialog',
            modal: event.kind === 'modalDialog',
            title: event.title,
            html: this.options.withRunner(event.html, config),
            width: event.width,
            height: event.height,
          });
          break;
        case 'toast':
          shown.push({ kind: 'toast', title: event.title, message: event.message, timeoutSeconds: event.timeoutSeconds });
          break;
        case 'alert':
          shown.push({ kind: 'alert', title: event.title, message: event.prompt, buttons: event.buttonSet, answer: event.answer });
          break;
        case 'prompt':
          shown.push({ kind: 'prompt', title: event.title, message: event.prompt, buttons: event.buttonSet, answer: event.answer, text: event.text });
          break;
      }
    }
    return shown;
  }

  private flushLogs(): void {
    const logs = this.harness.gas.services.logs();
    const log = this.options.log ?? ((line: string) => console.log(line));
    for (const entry of logs.slice(this.logsShown)) {
      log(`[${entry.level}] ${entry.user || '(anonymous)'}: ${entry.message}`);
    }
    this.logsShown = logs.length;
  }

  save(): void {
    this.options.store.save(this.harness.gas.toJSON());
  }
}
