/**
 * One preview session: the built add-on in the stand-in (local/bundle/harness), the people at the keyboards
 * (each browser tab names its own; see people.ts for what each one sees), and the translation of what each
 * request showed (sidebars, dialogs, toasts, alerts recorded in the UiLog) into what the page draws. Every
 * request is one Apps Script execution as the request's user; the workbook is saved after each one that may
 * have changed it.
 */

import type { SavedStandIn } from '../gas';
import { UserEditRefused, parseA1 } from '../gas/spreadsheet';
import type { UiEvent } from '../gas/spreadsheet';
import type { GoogleScriptConfig, RunReply } from '../bundle/googleScript';
import { type Harness, createHarness, failureText } from '../bundle/harness';
import { blockSize, planPaste } from './paste';
import { People, type Person, toMenuItems } from './people';
import type { PreviewState, PreviewUser, UiShown } from './protocol';
import { cellInput, sheetView } from './sheetView';
import type { WorkbookStore } from './store';

/** Someone who has the link but is neither the owner nor on the staff list. */
export const DEFAULT_STRANGER = 'visitor@example.com';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Row and column of a one-cell A1 reference ("B7"), else null. */
export function singleCell(a1: string): { row: number; col: number } | null {
  const parsed = parseA1(a1);
  if (!parsed || parsed.sheetName !== null || parsed.row1 === null || parsed.col1 === null) return null;
  if ((parsed.row2 !== null && parsed.row2 !== parsed.row1) || (parsed.col2 !== null && parsed.col2 !== parsed.col1))
    return null;
  return { row: parsed.row1, col: parsed.col1 };
}

export interface SessionOptions {
  saved: SavedStandIn;
  distDir: string;
  store: WorkbookStore;
  /** Puts google.script in front of a sidebar's/dialog's own HTML (see assets.ts). */
  withRunner(html: string, config: GoogleScriptConfig): string;
  /** Origin the page is served from (google.script.host.origin). */
  origin(): string;
  /** Where execution logs (Logger/console) go; default stdout. */
  log?: (line: string) => void;
}

export type RunOutcome = { ui: UiShown[] } & RunReply;
export type ActionOutcome = { ui: UiShown[] } & ({ ok: true } | { ok: false; error: string });

export class PreviewSession {
  readonly harness: Harness;
  /** Who a request that names nobody runs as: the owner, or whoever last sat down through /api/user. */
  private defaultUser: string;
  private readonly people: People;
  private seq = 0;
  /** Counts changes to the workbook (every save): pages poll it to see another tab's work. */
  private changes = 0;
  private logsShown = 0;

  constructor(private readonly options: SessionOptions) {
    this.harness = createHarness({
      owner: options.saved.workbook.owner,
      saved: options.saved,
      distDir: options.distDir,
    });
    this.people = new People(this.harness.gas.workbook);
    this.defaultUser = this.harness.gas.workbook.owner;
    this.open(this.defaultUser);
  }

  get currentUser(): string {
    return this.defaultUser;
  }

  /** How many times the workbook changed since the server started. */
  get changeCount(): number {
    return this.changes;
  }

  // ---- people ------------------------------------------------------------------------------------

  /** The e-mail a request runs as: `email` when given (checked), else the default person. */
  userOf(email: string | undefined): string {
    if (email === undefined || email === '') return this.defaultUser;
    const trimmed = email.trim();
    if (!EMAIL.test(trimmed)) throw new RangeError(`Not an e-mail address: ${JSON.stringify(email)}`);
    return trimmed;
  }

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

  users(current: string): PreviewUser[] {
    const wb = this.harness.gas.workbook;
    const out: PreviewUser[] = [];
    const add = (email: string, role: PreviewUser['role']) => {
      if (!out.some((u) => u.email.toLowerCase() === email.toLowerCase())) out.push({ email, role });
    };
    add(wb.owner, 'owner');
    for (const email of this.staff()) add(email, 'staff');
    for (const email of wb.editors) add(email, 'stranger');
    add(DEFAULT_STRANGER, 'stranger');
    add(current, 'stranger');
    return out;
  }

  /**
   * Someone sits down (a tab's "At the keyboard"): the spreadsheet opens afresh for them (onOpen builds their
   * menu). They also become the default for requests that name nobody.
   */
  switchUser(email: string): string {
    const user = email.trim();
    if (!EMAIL.test(user)) throw new RangeError(`Not an e-mail address: ${JSON.stringify(email)}`);
    this.defaultUser = user;
    this.open(user);
    return user;
  }

  // ---- executions --------------------------------------------------------------------------------

  /** Opening the spreadsheet: onOpen as `user`; the menus it adds become their page's menu bar. */
  open(user: string): void {
    const person = this.people.get(user);
    const start = this.harness.gas.ui.events.length;
    try {
      this.people.asActive(person, () => this.harness.open(user));
      person.menuError = null;
      person.menus = this.harness.gas.ui.events
        .slice(start)
        .flatMap((e) => (e.kind === 'menu' ? [{ caption: e.menu.caption, entries: toMenuItems(e.menu.entries) }] : []));
    } catch (error) {
      person.menus = [];
      person.menuError = `onOpen failed: ${failureText(error)}`;
    }
    this.flushLogs();
  }

  /** The person at a tab's keyboard, opening the spreadsheet for them the first time they are seen. */
  private person(user: string): Person {
    const person = this.people.get(user);
    if (person.menus === null) this.open(user);
    return person;
  }

  /** google.script.run.<fn>(...args) from a sidebar or dialog. */
  run(user: string, fn: string, args: unknown[]): RunOutcome {
    return this.withUi(user, () => this.harness.serve(user, fn, args));
  }

  /** A menu item: the function runs directly (no client boundary). */
  menu(user: string, functionName: string): ActionOutcome {
    if (!this.harness.functions().includes(functionName)) {
      return { ok: false, error: `Script function not found: ${functionName}`, ui: [] };
    }
    return this.withUi(user, (): { ok: true } | { ok: false; error: string } => {
      try {
        this.harness.run(user, functionName);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: failureText(error) };
      }
    });
  }

  /** A person types into a cell (protections and validation apply), then onEdit runs. */
  edit(user: string, sheetName: string, a1: string, value: string): ActionOutcome {
    const sheet = this.harness.gas.workbook.findSheet(sheetName);
    if (!sheet) return { ok: false, error: `There is no sheet named ${sheetName}.`, ui: [] };
    if (!singleCell(a1)) return { ok: false, error: `Not a cell: ${a1}`, ui: [] };
    return this.userEdit(user, `${sheet.name}!${a1} typed`, () =>
      this.harness.edit({ user, sheet: sheet.name, a1, value }),
    );
  }

  /**
   * A person pastes a block (rows of cells, as copied from Sheets or Excel) with its top-left at `a1`: one
   * edit of the whole range, then ONE onEdit for it. A single value is a single-cell edit, as in Sheets.
   */
  paste(user: string, sheetName: string, a1: string, rows: string[][]): ActionOutcome {
    const sheet = this.harness.gas.workbook.findSheet(sheetName);
    if (!sheet) return { ok: false, error: `There is no sheet named ${sheetName}.`, ui: [] };
    const anchor = singleCell(a1);
    if (!anchor) return { ok: false, error: `Not a cell: ${a1}`, ui: [] };
    const plan = planPaste(sheet, anchor, rows);
    if (!plan.ok) return { ok: false, error: plan.error, ui: [] };
    if (plan.numRows === 1 && plan.numCols === 1) return this.edit(user, sheet.name, a1, plan.values[0]?.[0] ?? '');
    const what = `${sheet.name}!${plan.a1} pasted (${blockSize(plan.numRows, plan.numCols)})`;
    return this.userEdit(user, what, () =>
      this.harness.editRange({ user, sheet: sheet.name, a1: plan.a1, values: plan.values }),
    );
  }

  /** The tab (and cell) `user` looks at: what getActiveSheet()/getActiveRange() return in their executions. */
  select(user: string, sheetName: string, a1?: string): void {
    const wb = this.harness.gas.workbook;
    const sheet = wb.findSheet(sheetName);
    if (!sheet || sheet.hidden) throw new RangeError(`There is no sheet named ${sheetName}.`);
    const person = this.person(user);
    person.activeSheetId = sheet.sheetId;
    const cell = a1 ? singleCell(a1) : null;
    person.activeRange = cell ? { sheetId: sheet.sheetId, row: cell.row, col: cell.col, numRows: 1, numCols: 1 } : null;
  }

  cell(sheetName: string, a1: string): { input: string; display: string; note: string } {
    const sheet = this.harness.gas.workbook.findSheet(sheetName);
    const cell = singleCell(a1);
    if (!sheet || !cell) throw new RangeError(`Not a cell: ${sheetName}!${a1}`);
    return cellInput(sheet, cell.row, cell.col);
  }

  /** One person's edit by hand (`body` changes the cells, then runs onEdit), logged as `what`. */
  private userEdit(user: string, what: string, body: () => void): ActionOutcome {
    const start = this.harness.gas.ui.events.length;
    try {
      this.people.asActive(this.person(user), body);
      (this.options.log ?? console.log)(`[edit] ${user}: ${what}, onEdit ran once`);
    } catch (error) {
      if (error instanceof UserEditRefused) {
        (this.options.log ?? console.log)(`[edit] ${user}: ${what} was refused: ${error.message}`);
        return { ok: false, error: error.message, ui: [] };
      }
      // The edit itself happened; Sheets says nothing when onEdit fails (it lands in the executions log).
      (this.options.log ?? console.error)(`[edit] ${user}: ${what}, onEdit failed: ${failureText(error)}`);
    } finally {
      this.flushLogs();
      this.save();
    }
    return { ok: true, ui: this.shownSince(user, start) };
  }

  /** One execution as `user` (`body` says how it ended), with what it showed; logs flushed and the workbook saved. */
  private withUi<T extends object>(user: string, body: () => T): T & { ui: UiShown[] } {
    const start = this.harness.gas.ui.events.length;
    try {
      const outcome = this.people.asActive(this.person(user), body);
      return { ...outcome, ui: this.shownSince(user, start) };
    } finally {
      this.flushLogs();
      this.save();
    }
  }

  // ---- what the page sees ----------------------------------------------------------------------

  /** What `user`'s page draws: the workbook, their menu and their active tab. */
  state(user: string): PreviewState {
    const gas = this.harness.gas;
    const wb = gas.workbook;
    const person = this.person(user);
    const visible = wb.sheets.filter((s) => !s.hidden);
    const active = wb.sheetById(person.activeSheetId) ?? wb.activeSheet();
    return {
      seq: ++this.seq,
      changes: this.changes,
      file: wb.name,
      user,
      users: this.users(user),
      menus: person.menus ?? [],
      menuError: person.menuError,
      sheets: visible.map((s) => sheetView(gas, s)),
      activeSheet: active.name,
      timeZone: wb.timeZone,
    };
  }

  private shownSince(user: string, start: number): UiShown[] {
    const config: GoogleScriptConfig = {
      functions: this.harness.functions().filter((n) => !n.endsWith('_')),
      origin: this.options.origin(),
    };
    const person = this.people.get(user);
    const shown: UiShown[] = [];
    for (const event of this.harness.gas.ui.events.slice(start) as UiEvent[]) {
      switch (event.kind) {
        case 'menu':
          // A menu added while the sheet is open replaces the one with the same caption (for that person).
          person.menus = [
            ...(person.menus ?? []).filter((m) => m.caption !== event.menu.caption),
            { caption: event.menu.caption, entries: toMenuItems(event.menu.entries) },
          ];
          break;
        case 'sidebar':
          shown.push({
            kind: 'sidebar',
            title: event.title,
            html: this.options.withRunner(event.html, config),
            width: 300,
          });
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
          shown.push({
            kind: 'toast',
            title: event.title,
            message: event.message,
            timeoutSeconds: event.timeoutSeconds,
          });
          break;
        case 'alert':
          shown.push({
            kind: 'alert',
            title: event.title,
            message: event.prompt,
            buttons: event.buttonSet,
            answer: event.answer,
          });
          break;
        case 'prompt':
          shown.push({
            kind: 'prompt',
            title: event.title,
            message: event.prompt,
            buttons: event.buttonSet,
            answer: event.answer,
            text: event.text,
          });
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
    this.changes++;
    this.options.store.save(this.harness.gas.toJSON());
  }
}
