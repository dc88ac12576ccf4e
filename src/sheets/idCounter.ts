/**
 * Customer IDs are never reused, so the last number handed out is kept in the document properties
 * (not derived from the rows alone: the newest customer may have been deleted).
 */

import { formatCustomerId, nextCustomerNumber } from '../domain/ids';

const COUNTER_KEY = 'crm.lastCustomerNumber';

/** Reserves `count` new IDs; call under the document lock. */
export function reserveCustomerIds(existingIds: readonly string[], count: number): string[] {
  const properties = PropertiesService.getDocumentProperties();
  const stored = Number(properties.getProperty(COUNTER_KEY));
  let next = nextCustomerNumber(Number.isFinite(stored) && stored > 0 ? stored : null, existingIds);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(formatCustomerId(next + i));
  next += count - 1;
  properties.setProperty(COUNTER_KEY, String(next));
  return ids;
}
