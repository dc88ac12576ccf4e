/**
 * Workbook <-> plain JSON. Everything the stand-in stores survives a round trip: sheets in order
 * with ids, sizes, values, formulas, number formats, validations, notes, styles, frozen rows and
 * columns, column widths, hidden rows/columns/sheets, tab colours, charts; protections; name, id,
 * owner, shared drive or not, editors, time zone, active sheet and id counters.
 * Cell dates are serial numbers under date formats (as in Sheets), so cells hold no Date objects.
 * Sparse grids are row arrays with null for absent rows/cells; validation rules are stored once
 * in `rules` and referenced by index.
 */
import {
  type CellValue,
  type ChartData,
  type ProtectionData,
  type RuleArg,
  STYLE_KEYS,
  SheetData,
  type SparseGrid,
  type StyleKey,
  type StyleValue,
  type ValidationRuleData,
  Workbook,
} from './model';

export const WORKBOOK_FORMAT = 'pipeline-crm-workbook';

type GridJSON<T> = (Array<T | null> | null)[];

export interface SheetJSON {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: (number | null)[];
  hiddenRows: number[];
  hiddenColumns: number[];
  values: (Array<CellValue | null> | null)[];
  formulas: GridJSON<string>;
  formats: GridJSON<string>;
  notes: GridJSON<string>;
  validations: GridJSON<number>;
  styles: Partial<Record<StyleKey, GridJSON<StyleValue>>>;
  charts: ChartData[];
}

export interface WorkbookJSON {
  format: typeof WORKBOOK_FORMAT;
  version: 1;
  id: string;
  name: string;
  owner: string;
  /** Absent in files saved before shared drives were modelled (= false). */
  sharedDrive?: boolean;
  timeZone: string;
  editors: string[];
  activeSheetId: number;
  nextSheetSeq: number;
  nextProtectionId: number;
  nextChartId: number;
  rules: ValidationRuleData[];
  protections: ProtectionData[];
  sheets: SheetJSON[];
}

function gridToJSON<T, U>(grid: SparseGrid<T>, map: (v: T) => U): GridJSON<U> {
  const out: GridJSON<U> = [];
  let lastUsed = -1;
  grid.rows.forEach((row, r) => {
    if (!row || row.every((v) => v === undefined)) return;
    const line: (U | null)[] = [];
    let width = row.length;
    while (width > 0 && row[width - 1] === undefined) width--;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      line.push(v === undefined ? null : map(v));
    }
    while (out.length < r) out.push(null);
    out[r] = line;
    lastUsed = r;
  });
  out.length = lastUsed + 1;
  return out;
}

function gridFromJSON<T, U>(grid: SparseGrid<U>, json: GridJSON<T> | undefined, map: (v: T) => U): void {
  if (!json) return;
  json.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v !== null) grid.set(r, c, map(v));
    });
  });
}

function flags(list: (boolean | undefined)[]): number[] {
  const out: number[] = [];
  list.forEach((v, i) => {
    if (v) out.push(i + 1);
  });
  return out;
}

export function workbookToJSON(wb: Workbook): WorkbookJSON {
  const rules: ValidationRuleData[] = [];
  const ruleIndex = new Map<ValidationRuleData, number>();
  const indexOf = (rule: ValidationRuleData): number => {
    let i = ruleIndex.get(rule);
    if (i === undefined) {
      i = rules.length;
      rules.push({
        criteria: rule.criteria,
        args: rule.args.map(cloneArg),
        allowInvalid: rule.allowInvalid,
        helpText: rule.helpText,
      });
      ruleIndex.set(rule, i);
    }
    return i;
  };
  const sheets = wb.sheets.map((s): SheetJSON => {
    const styles: Partial<Record<StyleKey, GridJSON<StyleValue>>> = {};
    for (const [key, grid] of s.styles) {
      const json = gridToJSON(grid, (v) => v);
      if (json.length) styles[key] = json;
    }
    let lastValueRow = -1;
    const values = s.values.map((row, r) => {
      if (!row || row.every((v) => v === '' || v === undefined)) return null;
      lastValueRow = r;
      return Array.from(row, (v) => (v === undefined ? null : v));
    });
    values.length = lastValueRow + 1;
    return {
      name: s.name,
      sheetId: s.sheetId,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      hidden: s.hidden,
      tabColor: s.tabColor,
      columnWidths: Array.from(s.columnWidths, (w) => (w === undefined ? null : w)),
      hiddenRows: flags(s.hiddenRows),
      hiddenColumns: flags(s.hiddenColumns),
      values,
      formulas: gridToJSON(s.formulas, (v) => v),
      formats: gridToJSON(s.formats, (v) => v),
      notes: gridToJSON(s.notes, (v) => v),
      validations: gridToJSON(s.validations, indexOf),
      styles,
      charts: JSON.parse(JSON.stringify(s.charts)) as ChartData[],
    };
  });
  return {
    format: WORKBOOK_FORMAT,
    version: 1,
    id: wb.id,
    name: wb.name,
    owner: wb.owner,
    sharedDrive: wb.sharedDrive,
    timeZone: wb.timeZone,
    editors: [...wb.editors],
    activeSheetId: wb.activeSheetId,
    nextSheetSeq: wb.nextSheetSeq,
    nextProtectionId: wb.nextProtectionId,
    nextChartId: wb.nextChartId,
    rules,
    protections: JSON.parse(JSON.stringify(wb.protections)) as ProtectionData[],
    sheets,
  };
}

function cloneArg(a: RuleArg): RuleArg {
  return Array.isArray(a) ? [...a] : a;
}

export function workbookFromJSON(json: unknown): Workbook {
  const j = json as Partial<WorkbookJSON> | null;
  if (!j || j.format !== WORKBOOK_FORMAT || j.version !== 1 || !Array.isArray(j.sheets)) {
    throw new Error(`stand-in: not a ${WORKBOOK_FORMAT} v1 document`);
  }
  const wb = new Workbook({
    id: j.id ?? 'local-spreadsheet',
    name: j.name ?? 'Untitled spreadsheet',
    owner: j.owner ?? '',
    timeZone: j.timeZone ?? 'Etc/UTC',
    editors: j.editors ?? [],
    sharedDrive: j.sharedDrive === true,
    sheets: [],
  });
  const rules = (j.rules ?? []).map(
    (r): ValidationRuleData =>
      Object.freeze({
        criteria: r.criteria,
        args: Object.freeze(r.args.map(cloneArg)),
        allowInvalid: r.allowInvalid,
        helpText: r.helpText,
      }),
  );
  for (const sj of j.sheets) {
    const s = new SheetData(sj.name, sj.sheetId, sj.maxRows, sj.maxColumns);
    s.frozenRows = sj.frozenRows ?? 0;
    s.frozenColumns = sj.frozenColumns ?? 0;
    s.hidden = sj.hidden ?? false;
    s.tabColor = sj.tabColor ?? null;
    s.columnWidths = (sj.columnWidths ?? []).map((w) => (w === null ? undefined : w));
    for (const r of sj.hiddenRows ?? []) s.hiddenRows[r - 1] = true;
    for (const c of sj.hiddenColumns ?? []) s.hiddenColumns[c - 1] = true;
    s.values = (sj.values ?? []).map((row) => (row ? row.map((v) => (v === null ? '' : v)) : undefined));
    gridFromJSON(s.formulas, sj.formulas, (v: string) => v);
    gridFromJSON(s.formats, sj.formats, (v: string) => v);
    gridFromJSON(s.notes, sj.notes, (v: string) => v);
    gridFromJSON(s.validations, sj.validations, (i: number) => {
      const rule = rules[i];
      if (!rule) throw new Error(`stand-in: validation rule ${i} missing`);
      return rule;
    });
    for (const key of STYLE_KEYS) gridFromJSON(s.style(key), sj.styles?.[key], (v: StyleValue) => v);
    for (const key of STYLE_KEYS) if (s.style(key).isEmpty()) s.styles.delete(key);
    s.charts = JSON.parse(JSON.stringify(sj.charts ?? [])) as ChartData[];
    wb.sheets.push(s);
  }
  wb.protections = JSON.parse(JSON.stringify(j.protections ?? [])) as ProtectionData[];
  wb.activeSheetId = j.activeSheetId ?? wb.sheets[0]?.sheetId ?? 0;
  wb.nextSheetSeq = j.nextSheetSeq ?? wb.sheets.length;
  wb.nextProtectionId = j.nextProtectionId ?? wb.protections.length + 1;
  wb.nextChartId = j.nextChartId ?? 1;
  return wb;
}

/** JSON text of a workbook (for files). */
export function serializeWorkbook(wb: Workbook): string {
  return JSON.stringify(workbookToJSON(wb));
}

export function parseWorkbook(text: string): Workbook {
  return workbookFromJSON(JSON.parse(text) as unknown);
}
