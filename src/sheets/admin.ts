/**
 * The CRM's admin when Google names no owner. `Spreadsheet.getOwner()` is null for a file in a shared drive, and
 * there nobody bypasses a protection, so the first person who runs Set up is recorded here and is the only one who
 * may run it again; they stand where the owner stands in every protection and access check.
 */

const ADMIN_KEY = 'crm.admin';

export function readRecordedAdmin(): string | null {
  const stored = PropertiesService.getDocumentProperties().getProperty(ADMIN_KEY);
  return stored === null || stored.trim() === '' ? null : stored.trim().toLowerCase();
}

export function recordAdmin(email: string): void {
  PropertiesService.getDocumentProperties().setProperty(ADMIN_KEY, email.trim().toLowerCase());
}
