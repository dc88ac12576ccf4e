/**
 * The staff list as Set up / repair last applied it to the tabs' protections, kept in the document properties.
 * The SPEC makes Set up the step that applies the Settings staff list: until the owner runs it, Google's own
 * check (the protections) follows the previous list, and so does the CRM's. Keeping the applied list here lets
 * every write check access with a Properties read instead of a read of the Settings tab.
 */

const APPLIED_STAFF_KEY = 'crm.appliedStaff';
/** When Set up last made every protection explicit (CRM ▸ Check set-up reports it). */
const APPLIED_AT_KEY = 'crm.protectionsAppliedAt';

/** Called by Set up once the protections carry `staff` (explicitly, at `atIso`). */
export function saveAppliedStaff(staff: readonly string[], atIso: string): void {
  PropertiesService.getDocumentProperties().setProperties({
    [APPLIED_STAFF_KEY]: JSON.stringify(staff),
    [APPLIED_AT_KEY]: atIso,
  });
}

export function readProtectionsAppliedAt(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(APPLIED_AT_KEY);
}

/** The applied list, or null when Set up never stored one (a CRM set up before this existed: read Settings). */
export function readAppliedStaff(): string[] | null {
  return appliedStaffIn({
    [APPLIED_STAFF_KEY]: PropertiesService.getDocumentProperties().getProperty(APPLIED_STAFF_KEY),
  });
}

/** As readAppliedStaff, from every document property read at once (getProperties: one call for the context). */
export function appliedStaffIn(properties: Readonly<Record<string, string | null | undefined>>): string[] | null {
  const stored = properties[APPLIED_STAFF_KEY];
  if (stored === null || stored === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null; // Edited by hand into something else: fall back to the Settings tab.
  }
}
