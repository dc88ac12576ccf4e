/**
 * Drawing one tab as a grid: the table of cells (display values written with textContent, styles, frozen rows and
 * columns, text running over empty cells to its right and clipped before a filled one, as in Sheets) and its
 * embedded charts over it. No state: app.ts decides when to draw and keeps the selection and the editor.
 */

import type { CellStyle, ChartView, SheetView } from '../protocol';
import { chartElement } from './chart';
import { type El, el } from './dom';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;
/** Text runs over at most this many empty cells to its right. */
const MAX_OVERFLOW_CELLS = 12;

/** The drawn cell at a 0-based row and column, if it is drawn. */
export type CellLookup = (row: number, col: number) => El | null;

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function a1Of(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}

function widthOf(sheet: SheetView, col: number): number {
  return sheet.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
}

function applyStyle(cell: El, style: CellStyle | undefined): void {
  if (!style) return;
  if (style.bold) cell.style.fontWeight = 'bold';
  if (style.italic) cell.style.fontStyle = 'italic';
  if (style.color) cell.style.color = style.color;
  if (style.background) cell.style.backgroundColor = style.background;
  if (style.align) cell.style.textAlign = style.align;
  if (style.wrap) cell.classList.add('wrap');
}

/**
 * Top-left pixel of a chart in the grid's scrolled content: its anchor cell's corner plus the offset. The cell
 * as laid out when it is drawn (a wrapped row may be taller), else from the same row height and column widths
 * the grid uses (a frozen edge is 3px thicker than a gridline).
 */
function chartPosition(sheet: SheetView, chart: ChartView, cellElement: CellLookup): { left: number; top: number } {
  const row = Math.max(0, chart.anchorRow - 1);
  const col = Math.max(0, chart.anchorColumn - 1);
  const cell = row >= sheet.frozenRows && col >= sheet.frozenColumns ? cellElement(row, col) : null;
  if (cell) return { left: cell.offsetLeft + chart.offsetX, top: cell.offsetTop + chart.offsetY };
  let left = ROW_HEADER_WIDTH + (sheet.frozenColumns > 0 && col >= sheet.frozenColumns ? 3 : 0);
  for (let c = 0; c < col; c++) left += widthOf(sheet, c);
  const top = HEADER_HEIGHT + row * ROW_HEIGHT + (sheet.frozenRows > 0 && row >= sheet.frozenRows ? 3 : 0);
  return { left: left + chart.offsetX, top: top + chart.offsetY };
}

/** The sheet's embedded charts over the grid (in a layer under the frozen rows and headers, as in Sheets). */
export function renderCharts(sheet: SheetView, layer: El, cellElement: CellLookup): void {
  layer.replaceChildren(
    ...sheet.charts.map((chart) => {
      const box = chartElement(chart);
      const { left, top } = chartPosition(sheet, chart, cellElement);
      box.style.left = `${left}px`;
      box.style.top = `${top}px`;
      return box;
    }),
  );
}

/** The sheet's table: a header row of column letters, then every drawn row with its number. */
export function sheetTable(sheet: SheetView): El {
  const styles = new Map<string, CellStyle>();
  for (const [r, c, style] of sheet.styles) styles.set(`${r}:${c}`, style);

  const frozenLeft: number[] = [];
  let left = ROW_HEADER_WIDTH;
  for (let c = 0; c < sheet.frozenColumns; c++) {
    frozenLeft.push(left);
    left += widthOf(sheet, c);
  }

  const colgroup = el('colgroup', {}, el('col', { style: `width:${ROW_HEADER_WIDTH}px` }));
  let tableWidth = ROW_HEADER_WIDTH;
  for (let c = 0; c < sheet.columns; c++) {
    colgroup.append(el('col', { style: `width:${widthOf(sheet, c)}px` }));
    tableWidth += widthOf(sheet, c);
  }

  const headRow = el('tr', {}, el('th', { class: 'corner', scope: 'col', 'aria-label': 'Row and column headers' }));
  for (let c = 0; c < sheet.columns; c++) {
    const th = el('th', { class: 'col-head', scope: 'col' }, columnLetters(c + 1));
    if (c < sheet.frozenColumns) {
      th.classList.add('frozen-col');
      th.style.left = `${frozenLeft[c]}px`;
    }
    headRow.append(th);
  }

  const body = el('tbody');
  for (let r = 0; r < sheet.rows; r++) {
    const values = sheet.values[r];
    const frozen = r < sheet.frozenRows;
    const tr = el('tr', { class: frozen ? 'frozen-row' : '' });
    const rowHead = el('th', { class: 'row-head', scope: 'row' }, String(r + 1));
    if (frozen) rowHead.style.top = `${HEADER_HEIGHT + r * ROW_HEIGHT}px`;
    tr.append(rowHead);
    for (let c = 0; c < sheet.columns; c++) {
      const text = values?.[c] ?? '';
      const td = el('td', { 'data-cell': a1Of(r, c) });
      const content = el('div', { class: 'cell-text' });
      content.textContent = text;
      const style = styles.get(`${r}:${c}`);
      applyStyle(td, style);
      // Sheets lets left-aligned text run over the empty cells to its right; before a filled one it is clipped
      // (.cell-text hides what does not fit), so the text never covers a filled cell nor takes its clicks.
      if (text !== '' && !style?.wrap && (!style?.align || style.align === 'left')) {
        let span = widthOf(sheet, c);
        for (let n = c + 1; n < sheet.columns && (values?.[n] ?? '') === '' && n - c <= MAX_OVERFLOW_CELLS; n++)
          span += widthOf(sheet, n);
        if (span > widthOf(sheet, c)) {
          content.classList.add('overflow');
          content.style.width = `${span - 8}px`;
        }
      }
      td.append(content);
      if (frozen) {
        td.classList.add('frozen-row');
        td.style.top = `${HEADER_HEIGHT + r * ROW_HEIGHT}px`;
      }
      if (c < sheet.frozenColumns) {
        td.classList.add('frozen-col');
        td.style.left = `${frozenLeft[c]}px`;
      }
      if (frozen && r === sheet.frozenRows - 1) td.classList.add('frozen-edge-bottom');
      if (c === sheet.frozenColumns - 1) td.classList.add('frozen-edge-right');
      tr.append(td);
    }
    body.append(tr);
  }

  const table = el('table', { class: 'sheet', 'aria-label': sheet.name }, colgroup, el('thead', {}, headRow), body);
  table.style.width = `${tableWidth}px`;
  return table;
}
