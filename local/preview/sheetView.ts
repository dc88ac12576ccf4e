/**
 * What the page draws of one tab: display values (as Sheets shows them), the look of styled cells,
 * frozen rows/columns, column widths and embedded charts (chartView.ts), read host-side from the stand-in (never counted as calls).
 */

import { createHash } from 'node:crypto';
import type { StandIn } from '../gas';
import { type SheetData, displayValue, isDateFormat } from '../gas/spreadsheet';
import { chartView } from './chartView';
import type { CellStyle, SheetView } from './protocol';

/** Longer tabs are cut here (the page says how many rows were left out). */
export const MAX_SENT_ROWS = 2000;
const EXTRA_ROWS = 50;
const MIN_ROWS = 100;
const MIN_COLUMNS = 26;
const EXTRA_COLUMNS = 2;

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

function cssColor(value: unknown): string | undefined {
  return typeof value === 'string' && COLOR.test(value) ? value : undefined;
}

function alignment(value: unknown): CellStyle['align'] {
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  if (v.includes('center')) return 'center';
  if (v.includes('right')) return 'right';
  if (v.includes('left')) return 'left';
  return undefined;
}

function cellStyle(sheet: SheetData, r: number, c: number): CellStyle | null {
  const style: CellStyle = {};
  const get = (key: Parameters<SheetData['style']>[0]) => sheet.styles.get(key)?.get(r, c);
  if (get('fontWeight') === 'bold') style.bold = true;
  if (get('fontStyle') === 'italic') style.italic = true;
  const color = cssColor(get('fontColor'));
  if (color && color.toLowerCase() !== '#000000') style.color = color;
  const background = cssColor(get('background'));
  if (background && background.toLowerCase() !== '#ffffff') style.background = background;
  // Sheets' "general" alignment: numbers (and dates) to the right, booleans centred, text to the left.
  const value = sheet.values[r]?.[c];
  const align =
    alignment(get('horizontalAlignment')) ??
    (typeof value === 'number' ? 'right' : typeof value === 'boolean' ? 'center' : undefined);
  if (align && align !== 'left') style.align = align;
  if (get('wrap') === true) style.wrap = true;
  return Object.keys(style).length > 0 ? style : null;
}

export function sheetView(gas: StandIn, sheet: SheetData): SheetView {
  const all = gas.sheets.sheetDisplayValues(sheet.name);
  const values = all.length > MAX_SENT_ROWS ? all.slice(0, MAX_SENT_ROWS) : all;
  const { lastColumn } = sheet.extent();
  const rows = Math.min(sheet.maxRows, Math.max(values.length + EXTRA_ROWS, MIN_ROWS, sheet.frozenRows + 1));
  const columns = Math.min(
    sheet.maxColumns,
    Math.max(lastColumn + EXTRA_COLUMNS, MIN_COLUMNS, sheet.frozenColumns + 1),
  );

  const styles: SheetView['styles'] = [];
  const styledRows = new Set<number>();
  for (const grid of sheet.styles.values()) {
    grid.rows.forEach((row, r) => {
      if (row && r < rows) styledRows.add(r);
    });
  }
  values.forEach((row, r) => {
    if (row.some((v) => v !== '')) styledRows.add(r);
  });
  for (const r of [...styledRows].sort((a, b) => a - b)) {
    for (let c = 0; c < columns; c++) {
      const style = cellStyle(sheet, r, c);
      if (style) styles.push([r, c, style]);
    }
  }

  const view: Omit<SheetView, 'revision'> = {
    name: sheet.name,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    rows,
    columns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    values,
    styles,
    columnWidths: Array.from({ length: columns }, (_, c) => sheet.columnWidths[c] ?? null),
    truncatedRows: all.length - values.length,
    tabColor: cssColor(sheet.tabColor) ?? null,
    charts: sheet.charts.map((chart) => chartView(gas, chart)),
  };
  const revision = createHash('sha1').update(JSON.stringify(view)).digest('hex').slice(0, 16);
  return { ...view, revision };
}

/**
 * What the formula bar (and the cell editor) shows for one cell: its formula, else the value as one would
 * type it; dates as displayed.
 */
export function cellInput(
  sheet: SheetData,
  row: number,
  column: number,
): { input: string; display: string; note: string } {
  const r = row - 1;
  const c = column - 1;
  const formula = sheet.formulas.get(r, c);
  const value = sheet.values[r]?.[c] ?? '';
  const format = sheet.formats.get(r, c);
  const display = displayValue(value, format);
  let input: string;
  if (formula) input = formula;
  else if (typeof value === 'boolean') input = value ? 'TRUE' : 'FALSE';
  else if (typeof value === 'number') input = isDateFormat(format) ? display : String(value);
  else input = value;
  return { input, display, note: sheet.notes.get(r, c) ?? '' };
}
