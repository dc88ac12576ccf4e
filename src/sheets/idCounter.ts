/**
 * Customer IDs are never reused, so the last number handed out is kept in the document properties
 * (not derived from the rows alone: the newest customer may have been deleted).
 */

import { formatCustomerId, nextCustomerNumber } from '../domain/ids';
import { readText } from './cells';

const COUNTER_KEY = 'crm.lastCustomerNumber';

/** Reserves `count` new IDs; call under the document lock. */
export function reserveCustomerIds(existingIds: readonly string[], count: number): string[] {
  return reserveAbove(() => existingIds, count);
}

/**
 * As reserveCustomerIds, from the rows a registration read (`rows`, header first; the ID in cell `index`): only the
 * cells that may hold a number above the stored counter are parsed (mayExceed), in one pass over the rows and
 * without a list of their cells, so a registration does not parse 50,000 IDs to find none higher.
 */
export function reserveCustomerIdsFromRows(
  rows: readonly (readonly unknown[])[],
  index: number,
  count: number,
): string[] {
  return reserveAbove((stored) => {
    const bound = stored === null ? '' : formatCustomerId(stored);
    const higher: string[] = [];
    for (let i = 1; i < rows.length; i++) {
      const cell = (rows[i] as readonly unknown[])[index];
      if (mayExceed(cell, bound)) higher.push(readText(cell));
    }
    return higher;
  }, count);
}

function reserveAbove(idsToCheck: (stored: number | null) => readonly string[], count: number): string[] {
  const properties = PropertiesService.getDocumentProperties();
  const value = Number(properties.getProperty(COUNTER_KEY));
  const stored = Number.isSafeInteger(value) && value > 0 ? value : null;
  let next = nextCustomerNumber(stored, idsToCheck(stored));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(formatCustomerId(next + i));
  next += count - 1;
  properties.setProperty(COUNTER_KEY, String(next));
  return ids;
}

/**
 * False only when the cell certainly holds no ID above the one `bound` formats ("C-00042"): a text of the same
 * length that starts with "C" and sorts at or before it. Equal-length "C-" + digits compare as their numbers; any
 * other text of that shape either is no ID at all or (trailing spaces) has fewer digits, so a smaller number. Every
 * other cell (lower case, leading spaces, longer, not text) is left to customerIdNumber.
 */
export function mayExceed(cell: unknown, bound: string): boolean {
  if (bound === '' || typeof cell !== 'string') return true;
  return !(cell.length === bound.length && cell.charCodeAt(0) === 0x43 && cell <= bound);
}
