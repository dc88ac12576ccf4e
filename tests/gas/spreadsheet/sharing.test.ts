/**
 * Who may edit protected ranges/sheets as the file's sharing changes, and files in a shared drive.
 *
 * References quoted:
 * - Sheet.protect() — developers.google.com/apps-script/reference/spreadsheet/sheet#protect() (Range.protect() says
 *   the same of a range: developers.google.com/apps-script/reference/spreadsheet/range#protect()):
 *   "Until the script actually changes the list of editors for the sheet (by calling Protection.removeEditor(emailAddress),
 *   … Protection.addEditors(emailAddresses), or setting a new value for Protection.setDomainEdit(editable)), the
 *   permissions mirror those of the spreadsheet itself, which effectively means that the sheet remains unprotected."
 * - Protection.removeEditor(s) — developers.google.com/apps-script/reference/spreadsheet/protection#removeEditors(String)
 *   "Neither the owner of the spreadsheet nor the current user can be removed."
 * - Spreadsheet.getOwner() — developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()
 *   "Returns the owner of the document, or null for a document in a shared drive."
 * - Google's sample (developers.google.com/apps-script/reference/spreadsheet/protection):
 *   const me = Session.getEffectiveUser(); protection.addEditor(me); protection.removeEditors(protection.getEditors());
 * Silent: who bypasses protections in a shared drive (managers?). Stricter case modelled: nobody — only a
 * protection's explicit editors, or everyone while it still mirrors the file's sharing.
 */
import { createStandIn } from '../../../local/gas';
import { Workbook, workbookFromJSON, workbookToJSON } from '../../../local/gas/spreadsheet';

const CREATOR = 'creator@example.com';
const STAFF = 'rep@example.com';
const LATE = 'late@example.com';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function standIn(sharedDrive: boolean) {
  const gas = createStandIn({ owner: CREATOR, editors: [STAFF], sharedDrive, startMs: Date.UTC(2024, 5, 1) });
  const SpreadsheetApp = gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const Session = gas.globals.Session as GoogleAppsScript.Base.Session;
  const as = <T>(user: string, body: () => T): T => gas.runtime.run(user, body);
  const write = (user: string, a1: string, value: string): void =>
    as(user, () => void SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange(a1).setValue(value));
  const editors = (user: string): string[] =>
    as(user, () =>
      SpreadsheetApp.getActive()
        .getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]!
        .getEditors()
        .map((u) => u.getEmail()),
    );
  return { gas, SpreadsheetApp, Session, as, write, editors };
}

describe('late sharing: "the permissions mirror those of the spreadsheet itself … the sheet remains unprotected" until the editors change', () => {
  it('a mirroring protection lets an editor shared AFTER it was made write, and lists them', () => {
    const t = standIn(false);
    t.as(CREATOR, () => t.SpreadsheetApp.getActiveSheet().protect().setDescription('mirrors'));
    t.gas.sheets.shareWith(LATE);
    t.write(LATE, 'A1', 'late but fine');
    expect(t.gas.sheets.sheetValues('Sheet1')).toEqual([['late but fine']]);
    expect(t.editors(CREATOR)).toEqual([CREATOR, STAFF, LATE]);
    expect(
      t.as(CREATOR, () =>
        t.SpreadsheetApp.getActive()
          .getEditors()
          .map((u) => u.getEmail()),
      ),
    ).toEqual([CREATOR, STAFF, LATE]);
  });

  it('an explicit protection (editors changed before the sharing) refuses the newly shared editor', () => {
    const t = standIn(false);
    t.as(CREATOR, () => {
      const p = t.SpreadsheetApp.getActiveSheet().protect();
      p.addEditor(STAFF); // the first change of editors: the list is frozen from the file's editors now
    });
    t.gas.sheets.shareWith(LATE);
    expect(() => t.write(LATE, 'A1', 'no')).toThrow(PROTECTED);
    t.write(STAFF, 'A1', 'staff ok');
    expect(t.editors(CREATOR)).toEqual([CREATOR, STAFF]);
    expect(t.gas.sheets.sheetValues('Sheet1')).toEqual([['staff ok']]);
  });

  it('an editor shared BEFORE the first change of editors is kept by it; unshare drops them from a mirroring list', () => {
    const t = standIn(false);
    t.gas.sheets.shareWith(LATE);
    t.as(CREATOR, () => t.SpreadsheetApp.getActiveSheet().getRange('B1:B5').protect().setDomainEdit(false));
    t.write(LATE, 'B1', 'kept');
    t.as(CREATOR, () => t.SpreadsheetApp.getActiveSheet().protect());
    expect(t.gas.sheets.unshare(LATE)).toBe(true);
    expect(t.gas.sheets.unshare(LATE)).toBe(false);
    expect(t.editors(CREATOR)).toEqual([CREATOR, STAFF]);
    expect(() => t.gas.sheets.unshare(CREATOR)).toThrow('cannot be unshared');
  });
});

describe('Protection.removeEditors: "Neither the owner of the spreadsheet nor the current user can be removed."', () => {
  it("Google's sample (addEditor(me); removeEditors(getEditors())) leaves exactly me and the owner", () => {
    const t = standIn(false);
    t.gas.sheets.shareWith(LATE);
    t.as(STAFF, () => {
      const protection = t.SpreadsheetApp.getActiveSheet().protect().setDescription('Sample protected sheet');
      const me = t.Session.getEffectiveUser();
      protection.addEditor(me);
      protection.removeEditors(protection.getEditors());
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
      expect(protection.getEditors().map((u) => u.getEmail())).toEqual([CREATOR, STAFF]);
    });
    expect(() => t.write(LATE, 'A1', 'x')).toThrow(PROTECTED);
    t.write(CREATOR, 'A1', 'owner bypass');
    t.write(STAFF, 'A2', 'me');
    expect(t.gas.sheets.sheetValues('Sheet1')).toEqual([['owner bypass'], ['me']]);
  });

  it('never removes the owner nor the current user (named explicitly)', () => {
    const t = standIn(false);
    t.as(STAFF, () => {
      const p = t.SpreadsheetApp.getActiveSheet().protect();
      p.removeEditors([CREATOR, STAFF]);
      p.removeEditor(STAFF);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([CREATOR, STAFF]);
    });
  });
});

describe('shared drive (sharedDrive: true)', () => {
  it('getOwner(): "Returns the owner of the document, or null for a document in a shared drive."', () => {
    const shared = standIn(true);
    expect(shared.as(STAFF, () => shared.SpreadsheetApp.getActive().getOwner())).toBeNull();
    // The creator is still one of the file's editors.
    expect(
      shared.as(STAFF, () =>
        shared.SpreadsheetApp.getActive()
          .getEditors()
          .map((u) => u.getEmail()),
      ),
    ).toEqual([CREATOR, STAFF]);
    const mine = standIn(false);
    expect(mine.as(STAFF, () => mine.SpreadsheetApp.getActive().getOwner()!.getEmail())).toBe(CREATOR);
    expect(shared.gas.runtime.calls.get('Spreadsheet.getOwner')).toBe(1);
  });

  it('nobody bypasses protections as owner (reference silent on managers → stricter): the creator is refused once not an editor', () => {
    const t = standIn(true);
    t.as(STAFF, () => {
      const protection = t.SpreadsheetApp.getActiveSheet().protect();
      protection.addEditor(t.Session.getEffectiveUser());
      protection.removeEditors(protection.getEditors());
      // No owner listed, and the creator is a plain editor: removed like anyone else.
      expect(protection.getEditors().map((u) => u.getEmail())).toEqual([STAFF]);
      expect(protection.canEdit()).toBe(true);
    });
    expect(() => t.write(CREATOR, 'A1', 'creator')).toThrow(PROTECTED);
    expect(t.as(CREATOR, () => t.SpreadsheetApp.getActiveSheet().getRange('A1').canEdit())).toBe(false);
    expect(() => t.as(CREATOR, () => t.SpreadsheetApp.getActiveSheet().protect().getEditors())).toThrow(PROTECTED);
    expect(() => t.as(CREATOR, () => t.SpreadsheetApp.getActiveSheet().deleteRows(1, 1))).toThrow(PROTECTED);
    t.write(STAFF, 'A1', 'staff');
    expect(t.gas.sheets.sheetValues('Sheet1')).toEqual([['staff']]);
  });

  it('while a protection mirrors the sharing, every editor (creator included) may write; getEditors lists no owner first', () => {
    const t = standIn(true);
    t.as(STAFF, () => t.SpreadsheetApp.getActiveSheet().protect());
    t.gas.sheets.shareWith(LATE);
    t.write(CREATOR, 'A1', 'c');
    t.write(LATE, 'A2', 'l');
    expect(t.editors(STAFF)).toEqual([CREATOR, STAFF, LATE]); // the file's editors as shared now
  });

  it('the current user still cannot be removed; the creator can (there is no owner)', () => {
    const t = standIn(true);
    t.as(STAFF, () => {
      const p = t.SpreadsheetApp.getActiveSheet().protect();
      p.removeEditors([CREATOR, STAFF]);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([STAFF]);
      p.addEditor(CREATOR);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([STAFF, CREATOR]);
    });
    t.write(CREATOR, 'A1', 'back');
  });

  it('persists with the workbook; files saved before the option read as not shared', () => {
    const t = standIn(true);
    const json = workbookToJSON(t.gas.workbook);
    expect(json.sharedDrive).toBe(true);
    expect(workbookFromJSON(JSON.parse(JSON.stringify(json))).sharedDrive).toBe(true);
    expect(createStandIn({ owner: CREATOR, saved: t.gas.toJSON() }).workbook.documentOwner()).toBeNull();
    const { sharedDrive: _dropped, ...old } = workbookToJSON(new Workbook({ owner: CREATOR, timeZone: 'Etc/UTC' }));
    expect(workbookFromJSON(old).sharedDrive).toBe(false);
    expect(createStandIn({ owner: CREATOR }).workbook.sharedDrive).toBe(false);
  });
});
