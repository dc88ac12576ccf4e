/**
 * The preview page: a sheet-like grid with tabs (typing into cells, Ctrl+V of a block), the add-on's menu, and
 * its sidebar and dialogs in sandboxed frames whose google.script.run calls come here (postMessage) and go on to
 * the server (/api/run), all as the person at this tab's keyboard (tabUser.ts). The grid itself is drawn by
 * grid.ts. Cell values, names and messages are always written with textContent.
 */

import type {
  EditResponse,
  FrameToPage,
  MenuItem,
  MenuResponse,
  PageToFrame,
  PreviewMenu,
  PreviewState,
  RunResponse,
  SheetView,
  StateResponse,
  UiShown,
} from '../protocol';
import { ServerError, get, post, stateUrl } from './api';
import {
  type ClipEvent,
  type El,
  type IFrameEl,
  type InputEl,
  type KeyEvent,
  type SelectEl,
  doc,
  el,
  win,
} from './dom';
import { a1Of, renderCharts, sheetTable } from './grid';
import { watchChanges } from './poll';
import { setTabUser, tabUser } from './tabUser';
import { parseClipboardText } from './tsv';

/** Apps Script frames: scripts, forms, alert() and pop-ups, in an origin of their own. */
const FRAME_SANDBOX =
  'allow-scripts allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-downloads';

function byId<T extends El = El>(id: string): T {
  const found = doc.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from index.html`);
  return found as T;
}

const ui = {
  fileName: byId('file-name'),
  menubar: byId('menubar'),
  userSelect: byId<SelectEl>('user-select'),
  cellRef: byId('cell-ref'),
  cellContent: byId('cell-content'),
  gridScroll: byId('grid-scroll'),
  gridNote: byId('grid-note'),
  sidebar: byId('sidebar'),
  sidebarTitle: byId('sidebar-title'),
  sidebarClose: byId('sidebar-close'),
  sidebarBody: byId('sidebar-body'),
  tabs: byId('tabs'),
  running: byId('running'),
  errorBar: byId('error-bar'),
  dialogLayer: byId('dialog-layer'),
  alertLayer: byId('alert-layer'),
  toasts: byId('toasts'),
};

// ---- state ----------------------------------------------------------------------------------------

let state: PreviewState | null = null;
/** The tab on screen; follows state.activeSheet except while a click on a tab is being sent. */
let shownSheet = '';
let selectInFlight = 0;
const rendered = { sheet: '', revision: '' };
const scrollBySheet = new Map<string, { top: number; left: number }>();
const selection = new Map<string, { row: number; col: number }>();

function sheetOf(name: string): SheetView | undefined {
  return state?.sheets.find((s) => s.name === name);
}

function applyState(next: PreviewState): void {
  if (state && next.seq < state.seq) return; // an older answer arriving late
  // An answer for whoever sat at this tab before the person now at it.
  if (tabUser() !== null && next.user.toLowerCase() !== (tabUser() ?? '').toLowerCase()) return;
  const previous = state;
  state = next;
  ui.fileName.textContent = next.file;
  doc.body.setAttribute('data-user', next.user);
  doc.title = `${next.file} — local preview`;
  renderUsers(previous);
  renderMenus(previous);
  if (selectInFlight === 0 || !sheetOf(shownSheet)) shownSheet = next.activeSheet;
  if (!sheetOf(shownSheet)) shownSheet = next.sheets[0]?.name ?? '';
  renderTabs();
  renderGrid();
}

// ---- people ----------------------------------------------------------------------------------------

function renderUsers(previous: PreviewState | null): void {
  if (!state) return;
  const key = JSON.stringify([state.users, state.user]);
  if (previous && JSON.stringify([previous.users, previous.user]) === key) return;
  const options = state.users.map((u) => el('option', { value: u.email }, `${u.email} — ${u.role}`));
  ui.userSelect.replaceChildren(...options);
  ui.userSelect.value = state.user;
}

ui.userSelect.addEventListener('change', () => {
  const email = ui.userSelect.value;
  // Someone else sits down: the spreadsheet opens afresh for them.
  closeSidebar();
  closeDialog();
  post<StateResponse>('/api/user', { email }).then(
    (r) => {
      // This tab only: another tab keeps its own person.
      setTabUser(r.state.user);
      applyState(r.state);
    },
    (error: unknown) => {
      if (state) ui.userSelect.value = state.user;
      showError(`Could not switch user: ${(error as Error).message}`);
    },
  );
});

// ---- menus ------------------------------------------------------------------------------------------

const DECORATIVE_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'];
let openMenu: El | null = null;

function closeMenus(): void {
  if (!openMenu) return;
  openMenu.hidden = true;
  openMenu.parentElement?.querySelector('.menu-button')?.setAttribute('aria-expanded', 'false');
  openMenu = null;
}

function menuList(entries: MenuItem[], label: string): El {
  const list = el('div', { class: 'menu-list', role: 'menu', 'aria-label': label });
  for (const entry of entries) {
    if (entry.kind === 'separator') {
      list.append(el('div', { class: 'menu-separator', role: 'separator' }));
    } else if (entry.kind === 'item') {
      const item = el('button', { type: 'button', class: 'menu-item', role: 'menuitem' }, entry.caption);
      item.addEventListener('click', (event) => {
        event.stopPropagation();
        closeMenus();
        void runMenu(entry.functionName);
      });
      list.append(item);
    } else {
      const sub = menuList(entry.entries, entry.caption);
      sub.classList.add('submenu');
      const item = el(
        'div',
        { class: 'menu-item has-submenu', role: 'menuitem', 'aria-haspopup': 'true', tabindex: -1 },
        entry.caption,
        sub,
      );
      list.append(item);
    }
  }
  return list;
}

function renderMenus(previous: PreviewState | null): void {
  if (!state) return;
  const key = JSON.stringify([state.menus, state.menuError]);
  if (previous && JSON.stringify([previous.menus, previous.menuError]) === key) return;
  closeMenus();
  const items: El[] = DECORATIVE_MENUS.map((name) =>
    el('span', { class: 'menu-fake', title: 'Not part of the local preview' }, name),
  );
  state.menus.forEach((menu: PreviewMenu) => {
    const button = el(
      'button',
      { type: 'button', class: 'menu-button', role: 'menuitem', 'aria-haspopup': 'true', 'aria-expanded': 'false' },
      menu.caption,
    );
    const list = menuList(menu.entries, menu.caption);
    list.hidden = true;
    const wrap = el('div', { class: 'menu' }, button, list);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      const wasOpen = openMenu === list;
      closeMenus();
      if (wasOpen) return;
      list.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      openMenu = list;
    });
    items.push(wrap);
  });
  if (state.menuError)
    items.push(el('span', { class: 'menu-error', title: state.menuError }, '⚠ no menu (onOpen failed)'));
  ui.menubar.replaceChildren(...items);
}

doc.addEventListener('click', () => closeMenus());

async function runMenu(functionName: string): Promise<void> {
  ui.running.hidden = false;
  hideError();
  try {
    const response = await post<MenuResponse>('/api/menu', { functionName });
    applyUi(response.ui);
    applyState(response.state);
    if (!response.ok) showError(response.error);
  } catch (error) {
    showError(`The preview server could not be reached: ${(error as Error).message}`);
  } finally {
    ui.running.hidden = true;
  }
}

// ---- grid -------------------------------------------------------------------------------------------

function renderGrid(): void {
  const sheet = sheetOf(shownSheet);
  if (!sheet) {
    ui.gridScroll.replaceChildren();
    rendered.sheet = '';
    return;
  }
  if (rendered.sheet === sheet.name && rendered.revision === sheet.revision) return;
  // Never under the person's fingers: the editor lives in the grid, so the new grid is drawn when the edit ends.
  if (editing) return;
  if (rendered.sheet && rendered.sheet !== sheet.name) {
    scrollBySheet.set(rendered.sheet, { top: ui.gridScroll.scrollTop, left: ui.gridScroll.scrollLeft });
  }
  const keepScroll =
    rendered.sheet === sheet.name
      ? { top: ui.gridScroll.scrollTop, left: ui.gridScroll.scrollLeft }
      : scrollBySheet.get(sheet.name);

  const table = sheetTable(sheet);
  // The chart layer comes first: the sticky frozen cells and headers, later in the document, paint over it.
  const chartLayer = el('div', { class: 'chart-layer' });
  ui.gridScroll.replaceChildren(chartLayer, table);
  renderCharts(sheet, chartLayer, cellElement);
  ui.gridScroll.setAttribute('aria-label', `Sheet ${sheet.name}`);
  if (keepScroll) {
    ui.gridScroll.scrollTop = keepScroll.top;
    ui.gridScroll.scrollLeft = keepScroll.left;
  }
  rendered.sheet = sheet.name;
  rendered.revision = sheet.revision;

  ui.gridNote.hidden = sheet.truncatedRows === 0;
  ui.gridNote.textContent =
    sheet.truncatedRows > 0 ? `${sheet.truncatedRows} more rows are not shown in the preview.` : '';
  markSelection(false);
}

// ---- selection and editing --------------------------------------------------------------------------

/** The open cell editor; `opened` = the cell's content it started with (null when it started from a key). */
let editing: {
  sheet: string;
  row: number;
  col: number;
  input: InputEl;
  committed: boolean;
  opened: string | null;
} | null = null;

function currentSelection(): { row: number; col: number } {
  return selection.get(shownSheet) ?? { row: 0, col: 0 };
}

function cellElement(row: number, col: number): El | null {
  return ui.gridScroll.querySelector(`td[data-cell="${a1Of(row, col)}"]`);
}

/** The block just pasted, selected as in Sheets (its top-left is the selected cell) until the selection moves. */
let pastedBlock: { sheet: string; row: number; col: number; numRows: number; numCols: number } | null = null;

/** A box over the pasted block's drawn cells, in the chart layer (over the cells, under frozen ones). */
function drawBlock(sheet: SheetView): string | null {
  ui.gridScroll.querySelector('.block-selection')?.remove();
  const block = pastedBlock;
  if (!block || block.sheet !== sheet.name) return null;
  const lastRow = block.row + block.numRows - 1;
  const lastCol = block.col + block.numCols - 1;
  const first = cellElement(block.row, block.col);
  const last = cellElement(Math.min(lastRow, sheet.rows - 1), Math.min(lastCol, sheet.columns - 1));
  const layer = ui.gridScroll.querySelector('.chart-layer');
  if (first && last && layer) {
    const box = el('div', { class: 'block-selection', 'aria-hidden': 'true' });
    box.style.left = `${first.offsetLeft}px`;
    box.style.top = `${first.offsetTop}px`;
    box.style.width = `${last.offsetLeft + last.offsetWidth - first.offsetLeft}px`;
    box.style.height = `${last.offsetTop + last.offsetHeight - first.offsetTop}px`;
    layer.append(box);
  }
  return `${a1Of(block.row, block.col)}:${a1Of(lastRow, lastCol)}`;
}

function markSelection(scroll: boolean): void {
  const sheet = sheetOf(shownSheet);
  if (!sheet) return;
  ui.gridScroll.querySelector('td.selected')?.classList.remove('selected');
  const { row, col } = currentSelection();
  const cell = cellElement(row, col);
  cell?.classList.add('selected');
  if (scroll) cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  ui.cellRef.textContent = drawBlock(sheet) ?? a1Of(row, col);
  ui.cellContent.textContent = sheet.values[row]?.[col] ?? '';
}

let cellRequest = 0;
function select(row: number, col: number, scroll = true): void {
  const sheet = sheetOf(shownSheet);
  if (!sheet) return;
  const r = Math.max(0, Math.min(row, sheet.rows - 1));
  const c = Math.max(0, Math.min(col, sheet.columns - 1));
  selection.set(shownSheet, { row: r, col: c });
  pastedBlock = null;
  markSelection(scroll);
  // The formula bar shows what was typed (a formula, a plain number), not the formatted value.
  const request = ++cellRequest;
  const name = shownSheet;
  get<{ input: string }>(`/api/cell?sheet=${encodeURIComponent(name)}&a1=${a1Of(r, c)}`).then(
    (cell) => {
      if (request !== cellRequest || name !== shownSheet) return;
      ui.cellContent.textContent = cell.input;
      // Enter/F2 came before the answer: the editor gets what was typed into the cell, unless already changed.
      if (
        editing &&
        editing.sheet === name &&
        editing.row === r &&
        editing.col === c &&
        editing.opened === editing.input.value
      ) {
        editing.input.value = cell.input;
        editing.opened = cell.input;
        editing.input.select();
      }
    },
    () => undefined,
  );
}

function startEdit(initial?: string): void {
  const sheet = sheetOf(shownSheet);
  if (!sheet || editing) return;
  const { row, col } = currentSelection();
  const cell = cellElement(row, col);
  if (!cell) return;
  const input = doc.createElement('input');
  input.className = 'cell-editor';
  input.setAttribute('aria-label', `Edit ${a1Of(row, col)}`);
  input.value = initial ?? ui.cellContent.textContent ?? '';
  cell.append(input);
  cell.classList.add('editing');
  editing = {
    sheet: sheet.name,
    row,
    col,
    input,
    committed: false,
    opened: initial === undefined ? input.value : null,
  };
  input.focus();
  if (initial === undefined) input.select();
  input.addEventListener('keydown', (event) => {
    const key = (event as KeyEvent).key;
    if (key === 'Enter' || key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      const step = (event as KeyEvent).shiftKey ? -1 : 1;
      void commitEdit(key === 'Enter' ? step : 0, key === 'Tab' ? step : 0);
    } else if (key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancelEdit();
    }
  });
  input.addEventListener('blur', () => void commitEdit(0, 0));
}

function cancelEdit(): void {
  if (!editing) return;
  const { input } = editing;
  editing.committed = true;
  editing = null;
  input.parentElement?.classList.remove('editing');
  input.remove();
  ui.gridScroll.focus({ preventScroll: true });
  renderGrid(); // what arrived while editing
}

async function commitEdit(down: number, right: number): Promise<void> {
  if (!editing || editing.committed) return;
  const { sheet, row, col, input } = editing;
  editing.committed = true;
  const value = input.value;
  editing = null;
  input.parentElement?.classList.remove('editing');
  input.remove();
  ui.gridScroll.focus({ preventScroll: true });
  renderGrid(); // what arrived while editing
  if (down || right) select(row + down, col + right);
  try {
    const response = await post<EditResponse>('/api/edit', { sheet, a1: a1Of(row, col), value });
    applyUi(response.ui);
    applyState(response.state);
    if (!response.ok)
      showAlert({
        kind: 'alert',
        title: 'Your edit was not saved',
        message: response.error,
        buttons: 'OK',
        answer: 'OK',
      });
  } catch (error) {
    showError(`The preview server could not be reached: ${(error as Error).message}`);
  }
}

ui.gridScroll.addEventListener('mousedown', (event) => {
  const target = event.target as El | null;
  const td = target && typeof target.closest === 'function' ? target.closest('td[data-cell]') : null;
  if (!td || editing?.input === target) return;
  const a1 = td.getAttribute('data-cell') ?? 'A1';
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) return;
  let col = 0;
  for (const ch of match[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  select(Number(match[2]) - 1, col - 1, false);
});

ui.gridScroll.addEventListener('dblclick', (event) => {
  const target = event.target as El | null;
  if (target && typeof target.closest === 'function' && target.closest('td[data-cell]')) startEdit();
});

ui.gridScroll.addEventListener('keydown', (event) => {
  if (editing) return;
  const key = event as KeyEvent;
  const { row, col } = currentSelection();
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Tab: [0, 1],
  };
  const move: [number, number] | undefined = key.key === 'Tab' && key.shiftKey ? [0, -1] : moves[key.key];
  if (move) {
    event.preventDefault();
    select(row + move[0], col + move[1]);
  } else if (key.key === 'Enter' || key.key === 'F2') {
    event.preventDefault();
    startEdit();
  } else if (key.key === 'Delete' || key.key === 'Backspace') {
    event.preventDefault();
    startEdit('');
    void commitEdit(0, 0);
  } else if (key.key.length === 1 && !key.metaKey && key.ctrlKey === key.altKey) {
    // A printable key (Ctrl+Alt is AltGr on Windows keyboards: @, €, …) starts editing with it; the editor is
    // in place before this handler returns, so every following key lands in it.
    event.preventDefault();
    startEdit(key.key);
  }
});

// ---- paste ------------------------------------------------------------------------------------------

/**
 * Ctrl+V / Cmd+V on the grid: the clipboard's rows of cells (tab-separated, as Sheets and Excel copy them) go
 * in from the selected cell as ONE edit of the block, so onEdit runs once for it; one value is a one-cell edit.
 * While a cell is being edited the editor takes the text instead, as in Sheets.
 */
doc.addEventListener('paste', (event) => {
  if (editing || !state) return;
  const active = doc.activeElement;
  if (!active || !(active === ui.gridScroll || ui.gridScroll.contains(active))) return;
  const text = (event as ClipEvent).clipboardData?.getData('text/plain') ?? '';
  if (text === '') return;
  event.preventDefault();
  void pasteRows(parseClipboardText(text));
});

async function pasteRows(rows: string[][]): Promise<void> {
  const sheet = shownSheet;
  const { row, col } = currentSelection();
  try {
    const response = await post<EditResponse>('/api/paste', { sheet, a1: a1Of(row, col), values: rows });
    const numCols = Math.max(...rows.map((r) => r.length));
    const stillThere = shownSheet === sheet && currentSelection().row === row && currentSelection().col === col;
    if (response.ok && stillThere && rows.length * numCols > 1)
      pastedBlock = { sheet, row, col, numRows: rows.length, numCols };
    applyUi(response.ui);
    applyState(response.state);
    if (pastedBlock) markSelection(false);
    if (!response.ok)
      showAlert({
        kind: 'alert',
        title: 'Your paste was not saved',
        message: response.error,
        buttons: 'OK',
        answer: 'OK',
      });
  } catch (error) {
    const message = (error as Error).message;
    showError(
      error instanceof ServerError
        ? `Could not paste: ${message}`
        : `The preview server could not be reached: ${message}`,
    );
  }
}

// ---- tabs ---------------------------------------------------------------------------------------------

function renderTabs(): void {
  if (!state) return;
  const names = state.sheets.map((s) => s.name);
  const existing = Array.from(ui.tabs.children as ArrayLike<El>).map((t) => t.dataset.sheet ?? '');
  if (JSON.stringify(existing) !== JSON.stringify(names)) {
    ui.tabs.replaceChildren(
      ...state.sheets.map((s) => {
        const tab = el('button', { type: 'button', class: 'tab', role: 'tab', 'data-sheet': s.name }, s.name);
        if (s.tabColor) tab.style.setProperty('--tab-color', s.tabColor);
        tab.addEventListener('click', () => {
          showSheet(s.name);
          ui.gridScroll.focus({ preventScroll: true }); // typing goes to the selected cell, as in Sheets
        });
        return tab;
      }),
    );
  }
  for (const tab of Array.from(ui.tabs.children as ArrayLike<El>)) {
    const selected = tab.dataset.sheet === shownSheet;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
}

function showSheet(name: string): void {
  if (!sheetOf(name)) return;
  if (editing) void commitEdit(0, 0);
  shownSheet = name;
  renderTabs();
  renderGrid();
  // The tab looked at is the active sheet for the next script (getActiveSheet()).
  selectInFlight++;
  const { row, col } = currentSelection();
  post<StateResponse>('/api/select', { sheet: name, a1: a1Of(row, col) }).then(
    (r) => {
      selectInFlight--;
      applyState(r.state);
    },
    (error: unknown) => {
      selectInFlight--;
      showError(`Could not switch tabs: ${(error as Error).message}`);
    },
  );
}

// ---- sidebar and dialogs ------------------------------------------------------------------------------

interface Panel {
  kind: 'sidebar' | 'dialog';
  frame: IFrameEl;
  box: El;
}

let sidebar: Panel | null = null;
let dialog: Panel | null = null;

function makeFrame(title: string, html: string): IFrameEl {
  const frame = doc.createElement('iframe');
  frame.setAttribute('sandbox', FRAME_SANDBOX);
  frame.setAttribute('title', title || 'Add-on');
  frame.className = 'panel-frame';
  frame.srcdoc = html;
  return frame;
}

function openSidebar(title: string, html: string): void {
  const frame = makeFrame(title, html);
  ui.sidebarTitle.textContent = title;
  ui.sidebar.setAttribute('aria-label', title || 'Sidebar');
  ui.sidebarBody.replaceChildren(frame);
  ui.sidebar.hidden = false;
  sidebar = { kind: 'sidebar', frame, box: ui.sidebar };
}

function closeSidebar(): void {
  if (!sidebar) return;
  ui.sidebarBody.replaceChildren();
  ui.sidebar.hidden = true;
  sidebar = null;
}

ui.sidebarClose.addEventListener('click', () => closeSidebar());

function clampSize(width: number, height: number): { width: number; height: number } {
  const body = doc.body.getBoundingClientRect();
  return {
    width: Math.max(120, Math.min(width || 600, body.width - 48)),
    height: Math.max(60, Math.min(height || 400, body.height - 120)),
  };
}

function openDialog(shown: Extract<UiShown, { kind: 'dialog' }>): void {
  closeDialog();
  const frame = makeFrame(shown.title, shown.html);
  const size = clampSize(shown.width, shown.height);
  frame.style.width = `${size.width}px`;
  frame.style.height = `${size.height}px`;
  const close = el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close dialog' }, '✕');
  const box = el(
    'div',
    {
      class: 'dialog',
      role: 'dialog',
      'aria-modal': shown.modal ? 'true' : null,
      'aria-label': shown.title || 'Dialog',
    },
    el('div', { class: 'panel-header' }, el('h2', { class: 'panel-title' }, shown.title), close),
    frame,
  );
  const layer = el('div', { class: shown.modal ? 'dialog-backdrop modal' : 'dialog-backdrop modeless' }, box);
  close.addEventListener('click', () => closeDialog());
  ui.dialogLayer.replaceChildren(layer);
  dialog = { kind: 'dialog', frame, box };
}

function closeDialog(): void {
  if (!dialog) return;
  ui.dialogLayer.replaceChildren();
  dialog = null;
}

function panelOf(source: unknown): Panel | null {
  if (sidebar && source === sidebar.frame.contentWindow) return sidebar;
  if (dialog && source === dialog.frame.contentWindow) return dialog;
  return null;
}

function reply(panel: Panel, message: PageToFrame): void {
  // The frame may have been replaced or closed meanwhile: then nobody waits for the answer.
  if (panel !== sidebar && panel !== dialog) return;
  panel.frame.contentWindow?.postMessage(message, '*');
}

async function runFromFrame(panel: Panel, id: number, fn: string, args: unknown[]): Promise<void> {
  let response: RunResponse;
  try {
    response = await post<RunResponse>('/api/run', { fn, args });
  } catch (error) {
    const text =
      error instanceof ServerError ? `ScriptError: ${error.message}` : 'NetworkError: Connection failure due to HTTP 0';
    reply(panel, { source: 'gas-preview', type: 'result', id, ok: false, error: text });
    return;
  }
  // What the execution showed appears before its handler runs, as in Sheets.
  applyUi(response.ui);
  applyState(response.state);
  if (response.ok) reply(panel, { source: 'gas-preview', type: 'result', id, ok: true, result: response.result });
  else reply(panel, { source: 'gas-preview', type: 'result', id, ok: false, error: response.error });
}

win.addEventListener('message', (event) => {
  const panel = panelOf(event.source);
  if (!panel) return;
  const message = event.data as FrameToPage | null;
  if (!message || typeof message !== 'object' || message.source !== 'gas-preview') return;
  switch (message.type) {
    case 'run':
      if (typeof message.fn === 'string' && Array.isArray(message.args))
        void runFromFrame(panel, message.id, message.fn, message.args);
      break;
    case 'close':
      if (panel === sidebar) closeSidebar();
      else if (panel === dialog) closeDialog();
      break;
    case 'setHeight':
    case 'setWidth':
      if (panel === dialog && Number.isFinite(message.value)) {
        const rect = panel.frame.getBoundingClientRect();
        const size = clampSize(
          message.type === 'setWidth' ? message.value : rect.width,
          message.type === 'setHeight' ? message.value : rect.height,
        );
        panel.frame.style.width = `${size.width}px`;
        panel.frame.style.height = `${size.height}px`;
      }
      break;
    case 'focusEditor':
      ui.gridScroll.focus();
      break;
  }
});

// ---- toasts, alerts, errors ---------------------------------------------------------------------------

function showToast(title: string, message: string, timeoutSeconds: number): void {
  const close = el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss' }, '✕');
  const toast = el(
    'div',
    { class: 'toast', role: 'status' },
    el('div', { class: 'toast-text' }, title ? el('strong', {}, title) : null, el('span', {}, message)),
    close,
  );
  close.addEventListener('click', () => toast.remove());
  ui.toasts.append(toast);
  if (timeoutSeconds >= 0) win.setTimeout(() => toast.remove(), Math.max(1, timeoutSeconds) * 1000);
}

const BUTTON_LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No', CLOSE: 'Close' };

function showAlert(shown: Extract<UiShown, { kind: 'alert' | 'prompt' }>): void {
  const ok = el('button', { type: 'button', class: 'primary' }, 'OK');
  const message = el('p', { class: 'alert-message' }, shown.message);
  const buttonsNote =
    shown.buttons !== 'OK' || shown.kind === 'prompt'
      ? el(
          'p',
          { class: 'alert-note' },
          `The script received “${BUTTON_LABELS[shown.answer] ?? shown.answer}”${shown.kind === 'prompt' ? ` and the text “${shown.text}”` : ''} (the local preview answers with the first button).`,
        )
      : null;
  const box = el(
    'div',
    { class: 'alert', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': shown.title || 'Message' },
    shown.title ? el('h2', { class: 'alert-title' }, shown.title) : null,
    message,
    buttonsNote,
    el('div', { class: 'alert-actions' }, ok),
  );
  const layer = el('div', { class: 'dialog-backdrop modal' }, box);
  ok.addEventListener('click', () => {
    layer.remove();
    // Back to the grid, as Sheets does after its message: the next key types into the selected cell again.
    if (ui.alertLayer.children.length === 0 && !dialog) ui.gridScroll.focus({ preventScroll: true });
  });
  ui.alertLayer.append(layer);
  ok.focus();
}

function showError(text: string): void {
  const close = el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss error' }, '✕');
  close.addEventListener('click', () => hideError());
  ui.errorBar.replaceChildren(el('span', {}, text), close);
  ui.errorBar.hidden = false;
}

function hideError(): void {
  ui.errorBar.hidden = true;
  ui.errorBar.replaceChildren();
}

function applyUi(list: UiShown[]): void {
  for (const shown of list) {
    switch (shown.kind) {
      case 'sidebar':
        openSidebar(shown.title, shown.html);
        break;
      case 'dialog':
        openDialog(shown);
        break;
      case 'toast':
        showToast(shown.title, shown.message, shown.timeoutSeconds);
        break;
      case 'alert':
      case 'prompt':
        showAlert(shown);
        break;
    }
  }
}

doc.addEventListener('keydown', (event) => {
  if ((event as KeyEvent).key !== 'Escape') return;
  const alertLayer = ui.alertLayer.children[ui.alertLayer.children.length - 1];
  if (alertLayer) alertLayer.remove();
  else if (openMenu) closeMenus();
  else if (dialog) closeDialog();
});

// ---- other tabs ----------------------------------------------------------------------------------------

watchChanges(
  () => state?.changes ?? null,
  async () => applyState((await get<StateResponse>(stateUrl())).state),
);

// ---- start --------------------------------------------------------------------------------------------

get<StateResponse>(stateUrl()).then(
  (r) => {
    if (tabUser() === null) setTabUser(r.state.user);
    applyState(r.state);
    const sheet = sheetOf(shownSheet);
    if (sheet) select(0, 0, false);
    doc.body.setAttribute('data-ready', 'true');
  },
  (error: unknown) => showError(`The preview server could not be reached: ${(error as Error).message}`),
);
