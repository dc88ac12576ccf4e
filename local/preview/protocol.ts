/**
 * JSON shapes exchanged between the preview server (local/preview/server.ts) and its page
 * (local/preview/page/app.ts). Pure types: both sides import them.
 *
 *   GET  /api/state?user=                   → StateResponse
 *   GET  /api/changes                       → ChangesResponse (polled: has anyone changed the workbook?)
 *   POST /api/run   { user, fn, args }      → RunResponse   (google.script.run.fn(...args) as that user)
 *   POST /api/menu  { user, functionName }  → MenuResponse  (a CRM menu item clicked)
 *   POST /api/user  { email }               → StateResponse (someone else at the keyboard: runs onOpen for them)
 *   POST /api/edit  { user, sheet, a1, value }   → EditResponse (a person types into a cell; onEdit runs)
 *   POST /api/paste { user, sheet, a1, values }  → EditResponse (a block pasted from its top-left cell a1; ONE onEdit)
 *
 * `user` is the person at the keyboard of the browser tab that sends the request (each tab keeps its own);
 * without it the server's default person (the owner, or whoever last sat down through /api/user) is used.
 */

import type { HostRequest, RunReply } from '../bundle/googleScript';

/** One cell's look, only when not the default (sent sparsely). */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  background?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

/** One data series of a chart: its header, its values (null = not a number) and the axis it is drawn against. */
export interface ChartSeriesView {
  name: string;
  values: Array<number | null>;
  /** 0 = the left axis, 1 = the right one (options.series[i].targetAxisIndex). */
  axis: 0 | 1;
  color: string;
}

/**
 * An embedded chart as the page draws it, computed host-side from the chart's source range: the first
 * column gives the categories, the other columns the series, the header rows (numHeaders) their names.
 */
export interface ChartView {
  id: number;
  /** Charts.ChartType key; the page draws COLUMN charts and a labelled placeholder for other types. */
  type: string;
  title: string;
  /** 1-based anchor cell, then the offset in pixels from its top-left corner. */
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  /** Size in pixels (Sheets' default 600 × 371 unless options width/height say otherwise). */
  width: number;
  height: number;
  categories: string[];
  series: ChartSeriesView[];
  legend: 'top' | 'bottom' | 'right' | 'left' | 'none';
  hAxisTitle: string;
  /** Titles of the left and right axes. */
  vAxisTitles: [string, string];
  /** Categories left out because the source range is long. */
  truncatedCategories: number;
  /** Why the chart cannot be drawn (e.g. its source sheet was deleted), else null. */
  problem: string | null;
}

export interface SheetView {
  name: string;
  /** Changes whenever the sheet's content changes (the page re-renders only then). */
  revision: string;
  frozenRows: number;
  frozenColumns: number;
  /** Size of the grid to draw (the used range plus some empty cells, at most the sheet's size). */
  rows: number;
  columns: number;
  /** Sheet size (getMaxRows/getMaxColumns). */
  maxRows: number;
  maxColumns: number;
  /** Display values (what Sheets shows) from A1 to the last row/column with content. */
  values: string[][];
  /** [row, column, style] with 0-based row/column, only cells with a non-default look. */
  styles: Array<[number, number, CellStyle]>;
  /** Pixel width per column (0-based); missing = 100. */
  columnWidths: Array<number | null>;
  /** Rows of `values` not sent because the sheet is long (the page says so). */
  truncatedRows: number;
  tabColor: string | null;
  /** Embedded charts drawn over the grid. */
  charts: ChartView[];
}

/** stranger = anyone not on the staff list (the CRM refuses their writes). */
export type Role = 'owner' | 'staff' | 'stranger';

export interface PreviewUser {
  email: string;
  role: Role;
}

export type MenuItem =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; entries: MenuItem[] };

export interface PreviewMenu {
  caption: string;
  entries: MenuItem[];
}

export interface PreviewState {
  /** Increases with every state the server sends: the page ignores one older than what it shows. */
  seq: number;
  /** How many times the workbook changed (GET /api/changes says when another tab changed it). */
  changes: number;
  /** Spreadsheet file name. */
  file: string;
  /** Who this state is for: the person at this tab's keyboard. */
  user: string;
  users: PreviewUser[];
  /** Menus the add-on added for this user when the spreadsheet opened for them (onOpen). */
  menus: PreviewMenu[];
  /** Why there is no menu, when onOpen failed. */
  menuError: string | null;
  /** Tabs in order (hidden sheets are left out, as in Sheets). */
  sheets: SheetView[];
  /** Name of this user's active sheet (a script may activate one, e.g. CRM ▸ Pipeline summary). */
  activeSheet: string;
  timeZone: string;
}

/** A sidebar, dialog, toast or alert the add-on showed during a request; html already carries google.script. */
export type UiShown =
  | { kind: 'sidebar'; title: string; html: string; width: number }
  | { kind: 'dialog'; modal: boolean; title: string; html: string; width: number; height: number }
  | { kind: 'toast'; title: string; message: string; timeoutSeconds: number }
  | { kind: 'alert'; title: string; message: string; buttons: string; answer: string }
  | { kind: 'prompt'; title: string; message: string; buttons: string; answer: string; text: string };

export interface StateResponse {
  state: PreviewState;
}

/** The call's reply; a failure's `error` is what the failure handler's Error says, e.g. "Exception: …" or "ScriptError: …". */
export type RunResponse = StateResponse & { ui: UiShown[] } & RunReply;

export type MenuResponse = StateResponse & { ui: UiShown[] } & ({ ok: true } | { ok: false; error: string });

export type EditResponse = StateResponse & { ui: UiShown[] } & ({ ok: true } | { ok: false; error: string });

export interface ChangesResponse {
  changes: number;
}

/** Messages between a sidebar/dialog frame (google.script.*, page/runner.ts) and the page. */
export type FrameToPage =
  | { source: 'gas-preview'; type: 'run'; id: number; fn: string; args: unknown[] }
  | ({ source: 'gas-preview' } & HostRequest);

export type PageToFrame = { source: 'gas-preview'; type: 'result'; id: number } & RunReply;
