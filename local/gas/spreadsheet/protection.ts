/**
 * Protection objects (range.protect(), sheet.protect(), getProtections(type)), with the methods the product calls.
 *
 * From Google's reference (developers.google.com/apps-script/reference/spreadsheet/sheet#protect() and
 * …/range#protect(), …/protection):
 * - "Until the script actually changes the list of editors for the sheet (by calling Protection.removeEditor…,
 *   Protection.addEditor…, or setting a new value for Protection.setDomainEdit(editable)), the permissions mirror
 *   those of the spreadsheet itself, which effectively means that the sheet remains unprotected." While it
 *   mirrors, getEditors() lists the file's editors as shared NOW (someone shared with later is included); the
 *   first change of editors freezes the list from the file's editors at that moment (plus the current user).
 * - The owner is always an editor (listed first) — except in a shared drive, where the file has no owner
 *   (Spreadsheet.getOwner() "Returns the owner of the document, or null for a document in a shared drive."), so
 *   no one is listed or kept as owner; the person who created the file is a plain editor there.
 * - "Neither the owner of the spreadsheet nor the current user can be removed." (removeEditor(s)).
 * - Only users who may edit the protection may change or remove it (getEditors/canDomainEdit throw for others).
 * Enforcement of writes lives in access.ts.
 */
import { rectToA1 } from './a1';
import { assertCanChangeProtection, canEditProtection, protectionEditors } from './access';
import type { Ctx } from './context';
import { checkArgs, signatureError } from './errors';
import type { ProtectionData, SheetData } from './model';
import { UserFake, emailOf } from './user';
import type { GasSurface } from '../surface';

type ProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setWarningOnly';

export class ProtectionFake implements GasSurface<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods> {
  readonly gasTypeName = 'SpreadsheetApp.Protection';

  constructor(
    private readonly ctx: Ctx,
    /** The stored protection (host-side data). */
    readonly data: ProtectionData,
  ) {}

  toString(): string {
    return 'Protection';
  }

  private sheet(): SheetData | undefined {
    return this.ctx.wb.sheetById(this.data.sheetId);
  }

  private a1(): string {
    const sheet = this.sheet();
    if (this.data.rect) return rectToA1(this.data.rect);
    return sheet ? rectToA1({ row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns }) : '';
  }

  /** Permission check + write bookkeeping for every change. */
  private change(method: string): void {
    assertCanChangeProtection(this.ctx.wb, this.data, this.ctx.user());
    this.ctx.noteWrite(method, this.sheet() ?? null, this.a1());
  }

  /** The owner's e-mail in lower case, or null in a shared drive (no owner). */
  private ownerKey(): string | null {
    const owner = this.ctx.wb.documentOwner();
    return owner === null ? null : owner.toLowerCase();
  }

  /**
   * First change of the editor list: stop mirroring the spreadsheet, start from its editors as shared now (the
   * owner stays implicit) and the current user.
   */
  private makeExplicit(): void {
    if (this.data.explicit) return;
    const owner = this.ownerKey();
    const list = this.ctx.wb.fileEditors().filter((e) => e.toLowerCase() !== owner);
    const me = this.ctx.user();
    if (me && me.toLowerCase() !== owner && !list.some((e) => e.toLowerCase() === me.toLowerCase())) list.push(me);
    this.data.editors = list;
    this.data.explicit = true;
  }

  addEditor(emailAddressOrUser: unknown): ProtectionFake {
    this.ctx.count('Protection.addEditor');
    const email = emailOf(emailAddressOrUser);
    if (arguments.length !== 1 || email === null)
      throw signatureError(arguments, 'SpreadsheetApp.Protection.addEditor');
    this.change('Protection.addEditor');
    this.makeExplicit();
    this.add([email]);
    return this;
  }

  addEditors(emailAddresses: unknown): ProtectionFake {
    this.ctx.count('Protection.addEditors');
    checkArgs(arguments, 'SpreadsheetApp.Protection.addEditors', 'a');
    const emails = (emailAddresses as unknown[]).map(emailOf);
    if (emails.some((e) => e === null)) throw signatureError(arguments, 'SpreadsheetApp.Protection.addEditors');
    this.change('Protection.addEditors');
    this.makeExplicit();
    this.add(emails as string[]);
    return this;
  }

  private add(emails: string[]): void {
    for (const e of emails) {
      if (e === '' || e.toLowerCase() === this.ownerKey()) continue;
      if (!this.data.editors.some((x) => x.toLowerCase() === e.toLowerCase())) this.data.editors.push(e);
    }
  }

  removeEditor(emailAddressOrUser: unknown): ProtectionFake {
    this.ctx.count('Protection.removeEditor');
    const email = emailOf(emailAddressOrUser);
    if (arguments.length !== 1 || email === null)
      throw signatureError(arguments, 'SpreadsheetApp.Protection.removeEditor');
    this.change('Protection.removeEditor');
    this.makeExplicit();
    this.remove_([email]);
    return this;
  }

  removeEditors(emailAddresses: unknown): ProtectionFake {
    this.ctx.count('Protection.removeEditors');
    checkArgs(arguments, 'SpreadsheetApp.Protection.removeEditors', 'a');
    const emails = (emailAddresses as unknown[]).map(emailOf);
    if (emails.some((e) => e === null)) throw signatureError(arguments, 'SpreadsheetApp.Protection.removeEditors');
    this.change('Protection.removeEditors');
    this.makeExplicit();
    this.remove_(emails as string[]);
    return this;
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed." (the owner is never in the list). */
  private remove_(emails: string[]): void {
    const me = this.ctx.user().toLowerCase();
    const drop = new Set(emails.map((e) => e.toLowerCase()).filter((e) => e !== me));
    this.data.editors = this.data.editors.filter((e) => !drop.has(e.toLowerCase()));
  }

  getEditors(): UserFake[] {
    this.ctx.count('Protection.getEditors');
    assertCanChangeProtection(this.ctx.wb, this.data, this.ctx.user());
    return protectionEditors(this.ctx.wb, this.data).map((e) => new UserFake(e));
  }

  canEdit(): boolean {
    this.ctx.count('Protection.canEdit');
    return canEditProtection(this.ctx.wb, this.data, this.ctx.user());
  }

  canDomainEdit(): boolean {
    this.ctx.count('Protection.canDomainEdit');
    assertCanChangeProtection(this.ctx.wb, this.data, this.ctx.user());
    return this.data.domainEdit;
  }

  setDomainEdit(editable: unknown): ProtectionFake {
    this.ctx.count('Protection.setDomainEdit');
    checkArgs(arguments, 'SpreadsheetApp.Protection.setDomainEdit', 'b');
    this.change('Protection.setDomainEdit');
    this.makeExplicit();
    this.data.domainEdit = editable as boolean;
    return this;
  }

  getDescription(): string {
    this.ctx.count('Protection.getDescription');
    return this.data.description;
  }

  setDescription(description: unknown): ProtectionFake {
    this.ctx.count('Protection.setDescription');
    checkArgs(arguments, 'SpreadsheetApp.Protection.setDescription', 's');
    this.change('Protection.setDescription');
    this.data.description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    this.ctx.count('Protection.isWarningOnly');
    return this.data.warningOnly;
  }

  setWarningOnly(warningOnly: unknown): ProtectionFake {
    this.ctx.count('Protection.setWarningOnly');
    checkArgs(arguments, 'SpreadsheetApp.Protection.setWarningOnly', 'b');
    this.change('Protection.setWarningOnly');
    this.data.warningOnly = warningOnly as boolean;
    return this;
  }

  remove(): void {
    this.ctx.count('Protection.remove');
    checkArgs(arguments, 'SpreadsheetApp.Protection.remove', '');
    this.change('Protection.remove');
    this.ctx.wb.protections = this.ctx.wb.protections.filter((p) => p !== this.data);
  }
}

export function newProtection(
  ctx: Ctx,
  sheet: SheetData,
  type: 'RANGE' | 'SHEET',
  rect: ProtectionData['rect'],
): ProtectionData {
  const data: ProtectionData = {
    id: ctx.wb.nextProtectionId++,
    type,
    sheetId: sheet.sheetId,
    rect: rect ? { ...rect } : null,
    description: '',
    warningOnly: false,
    explicit: false,
    editors: [],
    domainEdit: false,
  };
  ctx.wb.protections.push(data);
  return data;
}
