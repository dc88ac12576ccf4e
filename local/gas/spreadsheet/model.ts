/**
 * The workbook as plain host-side data: what the stand-in's facades (Spreadsheet, Sheet, Range...)
 * read and write, what tests and the preview inspect, and what persistence serialises.
 *
 * Storage is built for 50k-250k row sheets: cell values are row arrays (`values[r][c]`, 0-based,
 * missing rows/cells are empty); every other per-cell attribute (formula, number format, validation,
 * note, styles) lives in its own sparse grid that is only allocated where something is set.
 * Dates are stored as Sheets stores them: serial numbers under a date number format.
 */
import type { Rect } from './a1';
import { TimeZoneClock } from './timezone';

/** A stored cell value; '' is an empty cell. */
export type CellValue = string | number | boolean;

/** Sparse 2-D grid of optional per-cell attributes (0-based rows and columns). */
export class SparseGrid<T> {
  rows: (Array<T | undefined> | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, value: T | undefined): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (value === undefined) return;
      row = [];
      this.rows[r] = row;
    }
    row[c] = value;
  }

  isEmpty(): boolean {
    for (const row of this.rows) {
      if (row === undefined) continue;
      for (const v of row) if (v !== undefined) return false;
    }
    return true;
  }

  clearRect(rect: Rect): void {
    const lastRow = Math.min(rect.row - 1 + rect.numRows, this.rows.length);
    for (let r = rect.row - 1; r < lastRow; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      const lastCol = Math.min(rect.col - 1 + rect.numCols, row.length);
      for (let c = rect.col - 1; c < lastCol; c++) row[c] = undefined;
    }
  }
}

export type StyleKey =
  | 'fontWeight'
  | 'fontStyle'
  | 'fontColor'
  | 'fontSize'
  | 'fontFamily'
  | 'background'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrap'
  | 'wrapStrategy';

export const STYLE_KEYS: readonly StyleKey[] = [
  'fontWeight',
  'fontStyle',
  'fontColor',
  'fontSize',
  'fontFamily',
  'background',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'wrapStrategy',
];

export type StyleValue = string | number | boolean;

/** Where a validation rule or chart points: a rectangle of a sheet, by sheet id (survives renames). */
export interface SheetRect extends Rect {
  sheetId: number;
}

/** JSON-safe argument of a validation criterion: a dropdown's items and whether it shows the dropdown. */
export type RuleArg = string | number | boolean | null | string[];

export interface ValidationRuleData {
  readonly criteria: string;
  readonly args: readonly RuleArg[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** Protected rectangle (RANGE) — null for a SHEET protection. */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /**
   * false while the protection still mirrors the spreadsheet's own permissions, as Google documents
   * for protect() "until the script actually changes the list of editors"; true from the first
   * addEditor/removeEditor/setDomainEdit call.
   */
  explicit: boolean;
  editors: string[];
  domainEdit: boolean;
}

/** JSON-safe chart option value. */
export type OptionValue = string | number | boolean | null | OptionValue[] | { [key: string]: OptionValue };

export interface ChartData {
  chartId: number;
  type: string;
  ranges: SheetRect[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: { [key: string]: OptionValue };
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: string | null;
  mergeStrategy: string | null;
}

export class SheetData {
  values: (CellValue[] | undefined)[] = [];
  readonly formulas = new SparseGrid<string>();
  readonly formats = new SparseGrid<string>();
  readonly validations = new SparseGrid<ValidationRuleData>();
  readonly notes = new SparseGrid<string>();
  readonly styles = new Map<StyleKey, SparseGrid<StyleValue>>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  /** Column widths in pixels by 0-based column; undefined = default 100. */
  columnWidths: (number | undefined)[] = [];
  hiddenRows: (boolean | undefined)[] = [];
  hiddenColumns: (boolean | undefined)[] = [];
  charts: ChartData[] = [];
  /** Bumped on every content change; lets readers cache last row/column. */
  version = 0;
  private extentCache: { version: number; lastRow: number; lastColumn: number } | null = null;

  constructor(
    public name: string,
    readonly sheetId: number,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  style(key: StyleKey): SparseGrid<StyleValue> {
    let grid = this.styles.get(key);
    if (!grid) {
      grid = new SparseGrid<StyleValue>();
      this.styles.set(key, grid);
    }
    return grid;
  }

  /** Every per-cell attribute grid (formula first), for row/column moves. */
  grids(): SparseGrid<unknown>[] {
    return [this.formulas, this.formats, this.validations, this.notes, ...this.styles.values()];
  }

  touch(): void {
    this.version++;
  }

  /** Last row / column holding a value or formula (0 when none), as getLastRow/getLastColumn. */
  extent(): { lastRow: number; lastColumn: number } {
    const cached = this.extentCache;
    if (cached && cached.version === this.version) return cached;
    let lastRow = 0;
    let lastColumn = 0;
    const values = this.values;
    for (let r = values.length - 1; r >= 0; r--) {
      const row = values[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== '' && row[c] !== undefined) {
          if (lastRow === 0) lastRow = r + 1;
          if (c + 1 > lastColumn) lastColumn = c + 1;
          break;
        }
      }
    }
    const formulaRows = this.formulas.rows;
    for (let r = formulaRows.length - 1; r >= 0; r--) {
      const row = formulaRows[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== undefined) {
          if (r + 1 > lastRow) lastRow = r + 1;
          if (c + 1 > lastColumn) lastColumn = c + 1;
          break;
        }
      }
    }
    this.extentCache = { version: this.version, lastRow, lastColumn };
    return this.extentCache;
  }
}

export interface WorkbookInit {
  id?: string;
  name?: string;
  owner: string;
  timeZone: string;
  /** Users the file is shared with as editors (the owner is always one). */
  editors?: string[];
  /**
   * The file lives in a shared drive: it has no owner (Spreadsheet.getOwner() is null) and nobody gets an owner's
   * bypass of protections; `owner` is then the person who created the file, one of its editors. Default false.
   */
  sharedDrive?: boolean;
  /** First sheets; default one "Sheet1" of 1000 x 26. */
  sheets?: { name: string; rows?: number; columns?: number }[];
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const MAX_CELLS = 10_000_000;

export class Workbook {
  id: string;
  name: string;
  /**
   * The file's owner — or, in a shared drive (`sharedDrive`), the person who created it: a plain editor there,
   * since a shared drive's files have no owner. Use documentOwner() for "the owner, if any".
   */
  owner: string;
  /** The file is in a shared drive (no owner; see WorkbookInit.sharedDrive). */
  sharedDrive: boolean;
  timeZone: string;
  /** File-level editors besides the owner (host-side sharing setting). */
  editors: string[];
  sheets: SheetData[] = [];
  protections: ProtectionData[] = [];
  activeSheetId = 0;
  /** Selected range (UI state, not persisted). */
  activeRange: SheetRect | null = null;
  nextSheetSeq = 0;
  nextProtectionId = 1;
  nextChartId = 1;
  private clockCache: TimeZoneClock | null = null;

  constructor(init: WorkbookInit) {
    this.id = init.id ?? 'local-spreadsheet';
    this.name = init.name ?? 'Untitled spreadsheet';
    this.owner = init.owner;
    this.sharedDrive = init.sharedDrive ?? false;
    this.timeZone = init.timeZone;
    this.editors = [...(init.editors ?? [])];
    this.clock(); // validate the zone early
    const sheets = init.sheets ?? [{ name: 'Sheet1' }];
    for (const s of sheets)
      this.addSheet(s.name, this.sheets.length, s.rows ?? DEFAULT_ROWS, s.columns ?? DEFAULT_COLUMNS);
    this.activeSheetId = this.sheets[0]?.sheetId ?? 0;
  }

  clock(): TimeZoneClock {
    if (!this.clockCache || this.clockCache.timeZone !== this.timeZone)
      this.clockCache = new TimeZoneClock(this.timeZone);
    return this.clockCache;
  }

  /** Sheet ids as Sheets gives them: 0 for the first, then large pseudo-random (here deterministic) numbers. */
  newSheetId(): number {
    const seq = this.nextSheetSeq++;
    if (seq === 0) return 0;
    let id = 0;
    do {
      id = 100_000_000 + ((seq * 1_103_515_245 + 12_345 + id) % 1_900_000_000);
    } while (this.sheets.some((s) => s.sheetId === id));
    return id;
  }

  addSheet(name: string, index: number, rows: number, columns: number): SheetData {
    const sheet = new SheetData(name, this.newSheetId(), rows, columns);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** Sheet names compare case-insensitively in Sheets (a tab "customers" clashes with "Customers"). */
  findSheet(name: string): SheetData | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((s) => s.sheetId === id);
  }

  activeSheet(): SheetData {
    const active = this.sheetById(this.activeSheetId);
    if (active && !active.hidden) return active;
    const first = this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
    if (!first) throw new Error('stand-in: workbook has no sheet');
    return first;
  }

  totalCells(): number {
    let sum = 0;
    for (const s of this.sheets) sum += s.maxRows * s.maxColumns;
    return sum;
  }

  /** The owner of the document, or null for a document in a shared drive (Spreadsheet.getOwner()). */
  documentOwner(): string | null {
    return this.sharedDrive ? null : this.owner;
  }

  /** Share the file with one more editor (host side, e.g. after Set up); no-op when already an editor. */
  shareWith(email: string): void {
    if (!this.fileEditors().some((e) => e.toLowerCase() === email.toLowerCase())) this.editors.push(email);
  }

  /** Stop sharing the file with an editor (never the owner / creator). Returns whether they were an editor. */
  unshare(email: string): boolean {
    const before = this.editors.length;
    this.editors = this.editors.filter((e) => e.toLowerCase() !== email.toLowerCase());
    return this.editors.length !== before;
  }

  /** Everyone who may edit the file: the owner (or, in a shared drive, the creator) and the listed editors. */
  fileEditors(): string[] {
    return [this.owner, ...this.editors.filter((e) => e.toLowerCase() !== this.owner.toLowerCase())];
  }
}
