/** Tab names (part of the spec contract) and their header rows. */

import { CUSTOMER_HEADERS, HISTORY_HEADERS } from '../domain/customer';

export const TAB = {
  customers: 'Customers',
  history: 'History',
  pipeline: 'Pipeline',
  settings: 'Settings',
  import: 'Import',
} as const;

export type TabName = (typeof TAB)[keyof typeof TAB];

export const HEADERS_BY_TAB: Readonly<Record<'Customers' | 'History', readonly string[]>> = {
  Customers: CUSTOMER_HEADERS,
  History: HISTORY_HEADERS,
};

/** 1-based column number of a header in a fixed-layout tab. */
export function columnOf(headers: readonly string[], header: string): number {
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`Unknown column ${header}`);
  return index + 1;
}

/** Spreadsheet column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
