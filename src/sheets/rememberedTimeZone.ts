/**
 * The spreadsheet's time zone as the CRM last saw it, kept in the document properties so that reads can do without
 * asking it (one request, ≈ 160 ms on Google). Calls trust it only where a date cell proves it
 * (domain/zoneProof.ts); writes that asked the real zone anyway, and Set up, keep it current (server/context.ts).
 */

import { zoneNameOrNull } from '../domain/zoneProof';

const TIME_ZONE_KEY = 'crm.timeZone';

/** The remembered zone from every document property read at once (the context's one getProperties), or null. */
export function rememberedTimeZoneIn(properties: Readonly<Record<string, string | null | undefined>>): string | null {
  return zoneNameOrNull(properties[TIME_ZONE_KEY]);
}

/**
 * Remembers `zone` (the spreadsheet's, just asked) in place of `remembered`: one Properties call, and only when
 * they differ. A zone that could not be read back (zoneNameOrNull) is not kept, and an older one is removed.
 */
export function rememberTimeZone(zone: string, remembered: string | null): void {
  const storable = zoneNameOrNull(zone);
  if (storable === remembered) return;
  const properties = PropertiesService.getDocumentProperties();
  if (storable === null) properties.deleteProperty(TIME_ZONE_KEY);
  else properties.setProperty(TIME_ZONE_KEY, storable);
}
