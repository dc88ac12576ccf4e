/**
 * Finding the header row and the data rows in what was pasted into the `Import` tab, and turning the
 * sidebar's mapping into a checked one. Pure: the grid is getValues output (or a test's array).
 */

import type { FieldErrors } from '../customer';
import type { Validated } from '../validation';
import { headerKey, proposeMapping } from './headers';
import { validateMapping } from './mapping';
import type { ImportMapping } from './types';
import { cellText, type DateFormatter, isBlankCell, isoDateText } from './values';

/** The Import tab's content, located. */
export interface ImportSheet {
  /** Header text per column (trimmed), padded to the widest row so a column with data but no header is mappable. */
  headers: string[];
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** The rows below the header, as read (blank lines included: offsets and row numbers count them). */
  rows: ReadonlyArray<readonly unknown[]>;
  /** 1-based sheet row of rows[0]. */
  firstDataRow: number;
}

export type ImportGrid = ReadonlyArray<readonly unknown[]>;

/** How many non-blank rows at the top are considered as the header (a title line may sit above it). */
const HEADER_SEARCH_ROWS = 5;

export function isBlankRow(row: readonly unknown[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

function recognisedCount(row: readonly unknown[]): number {
  const mapping = proposeMapping(row);
  return Object.values(mapping).filter((column) => column !== null).length;
}

/**
 * The header is the row, among the first few non-blank ones, with the most recognised column names (earliest
 * on a tie); with none recognised, the first non-blank row. So a title line such as "Customers 2023" above the
 * real header does not become the header. Null when the tab holds nothing.
 */
export function locateImportSheet(values: ImportGrid, formatDate: DateFormatter = isoDateText): ImportSheet | null {
  const candidates: number[] = [];
  for (let i = 0; i < values.length && candidates.length < HEADER_SEARCH_ROWS; i++) {
    if (!isBlankRow(values[i])) candidates.push(i);
  }
  if (candidates.length === 0) return null;
  let headerIndex = candidates[0] as number;
  let best = -1;
  for (const i of candidates) {
    const count = recognisedCount(values[i] ?? []);
    if (count > best) {
      best = count;
      headerIndex = i;
    }
  }
  if (best === 0) headerIndex = candidates[0] as number;

  let width = 0;
  for (const row of values) width = Math.max(width, row.length);
  const headerCells = values[headerIndex] ?? [];
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(cellText(headerCells[c], formatDate).trim());
  return {
    headers,
    headerRow: headerIndex + 1,
    rows: values.slice(headerIndex + 1),
    firstDataRow: headerIndex + 2,
  };
}

/** True for a data row that repeats the header (two old sheets pasted one under the other). */
export function isRepeatedHeader(row: readonly unknown[], headers: readonly string[]): boolean {
  let compared = 0;
  for (let c = 0; c < headers.length; c++) {
    const header = headerKey(headers[c]);
    if (headerKey(row[c]) !== header) return false;
    if (header !== '') compared++;
  }
  return compared > 0;
}

export const EMPTY_IMPORT_MESSAGE =
  'The Import tab is empty: paste the old spreadsheet there (its header row first, e.g. "Name", "E-mail", "Phone") and try again.';

/**
 * The located sheet and the mapping to use: the admin's (`rawMapping`, checked) or, when none is sent,
 * the proposal from the headers (checked the same way, so a sheet with no recognisable name column says so).
 */
export function prepareImport(
  values: ImportGrid,
  rawMapping: unknown,
  formatDate: DateFormatter = isoDateText,
): Validated<{ sheet: ImportSheet; mapping: ImportMapping }> {
  const sheet = locateImportSheet(values, formatDate);
  if (sheet === null) {
    const errors: FieldErrors = { import: EMPTY_IMPORT_MESSAGE };
    return { ok: false, errors };
  }
  const raw = rawMapping === undefined || rawMapping === null ? proposeMapping(sheet.headers) : rawMapping;
  const mapping = validateMapping(raw, sheet.headers);
  if (!mapping.ok) return mapping;
  return { ok: true, value: { sheet, mapping: mapping.value } };
}

/** The first `count` non-blank data rows as text, cut to the header width: the sidebar's preview. */
export function sampleRows(sheet: ImportSheet, count: number, formatDate: DateFormatter = isoDateText): string[][] {
  const sample: string[][] = [];
  for (const row of sheet.rows) {
    if (sample.length >= count) break;
    if (isBlankRow(row)) continue;
    sample.push(sheet.headers.map((_, c) => cellText(row[c], formatDate)));
  }
  return sample;
}
