/**
 * Who may write where: enforcement of protected ranges and sheets.
 *
 * Rules (Google's reference for Protection / Sheet.protect / Range.protect, and Sheets' help):
 * - The spreadsheet owner can always edit protected ranges and sheets. A file in a shared drive has no owner
 *   ("Returns the owner of the document, or null for a document in a shared drive." — Spreadsheet.getOwner()), so
 *   there nobody gets that bypass: Google's reference is silent on shared-drive managers, and the stricter case is
 *   modelled (only a protection's explicit editors, or everyone while it still mirrors the file's sharing).
 * - A protection created by a script mirrors the spreadsheet's own permissions (so protects nothing)
 *   until the script changes its editors (add/removeEditor(s)) or setDomainEdit; the stand-in treats
 *   everyone running code as a file editor, so a mirroring protection blocks no one.
 * - Once explicit: the owner, the listed editors and (with domain edit) users of the owner's domain
 *   may edit; everyone else gets the protected-cell error and nothing changes.
 * - Warning-only protections block nobody (a person at the keyboard sees a warning and may go on;
 *   scripts are not stopped).
 * - A SHEET protection covers the whole sheet (the product sets no unprotected ranges).
 */
import type { Rect } from './a1';
import { rectsIntersect } from './a1';
import { ERR, gasError } from './errors';
import type { ProtectionData, SheetData, Workbook } from './model';

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

/** Whether `user` owns the file (never in a shared drive: its files have no owner). */
export function isOwner(wb: Workbook, user: string): boolean {
  const owner = wb.documentOwner();
  return owner !== null && user !== '' && same(user, owner);
}

/** Whether `user` may edit what `p` protects (and change `p` itself). */
export function canEditProtection(wb: Workbook, p: ProtectionData, user: string): boolean {
  if (isOwner(wb, user)) return true;
  if (!p.explicit) return true;
  if (user === '') return false;
  if (p.editors.some((e) => same(e, user))) return true;
  return p.domainEdit && domainOf(user) !== '' && domainOf(user) === domainOf(wb.owner);
}

/**
 * Editors as getEditors() reports them: the owner first (none in a shared drive), then the listed editors — or,
 * while the protection mirrors the spreadsheet, the file's editors as shared NOW (late sharing included).
 */
export function protectionEditors(wb: Workbook, p: ProtectionData): string[] {
  const list = p.explicit ? p.editors : wb.fileEditors();
  const owner = wb.documentOwner();
  const out: string[] = owner === null ? [] : [owner];
  for (const e of list) if (!out.some((o) => same(o, e))) out.push(e);
  return out;
}

/** Does the rectangle touch a cell that `p` protects? */
export function protectionCovers(p: ProtectionData, sheet: SheetData, rect: Rect): boolean {
  if (p.sheetId !== sheet.sheetId) return false;
  return p.type === 'SHEET' || (p.rect !== null && rectsIntersect(p.rect, rect));
}

/** The first protection that stops `user` from writing into `rect`, or null. */
export function blockingProtection(wb: Workbook, user: string, sheet: SheetData, rect: Rect): ProtectionData | null {
  if (isOwner(wb, user)) return null;
  for (const p of wb.protections) {
    if (p.warningOnly || p.sheetId !== sheet.sheetId) continue;
    if (canEditProtection(wb, p, user)) continue;
    if (protectionCovers(p, sheet, rect)) return p;
  }
  return null;
}

export function assertCanWrite(wb: Workbook, user: string, sheet: SheetData, rect: Rect): void {
  if (blockingProtection(wb, user, sheet, rect)) throw gasError(ERR.protectedCell);
}

/**
 * Structural changes of a sheet (rename, freeze, resize, insert/delete rows or columns, sort of the
 * whole sheet, delete the sheet): refused when a SHEET protection applies to the user.
 */
export function assertCanChangeSheet(wb: Workbook, user: string, sheet: SheetData): void {
  if (sheetProtectionBlocks(wb, user, sheet)) throw gasError(ERR.protectedCell);
}

/** Whether a SHEET protection stops `user` from changing the sheet's structure (see assertCanChangeSheet). */
export function sheetProtectionBlocks(wb: Workbook, user: string, sheet: SheetData): boolean {
  if (isOwner(wb, user)) return false;
  for (const p of wb.protections) {
    if (p.warningOnly || p.sheetId !== sheet.sheetId || p.type !== 'SHEET') continue;
    if (!canEditProtection(wb, p, user)) return true;
  }
  return false;
}

export function assertCanChangeProtection(wb: Workbook, p: ProtectionData, user: string): void {
  // Assumed: Sheets answers with the protected-cell text when a non-editor changes a protection.
  if (!canEditProtection(wb, p, user)) throw gasError(ERR.protectedCell);
}
