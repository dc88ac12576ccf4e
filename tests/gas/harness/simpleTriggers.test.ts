/**
 * The harness's simple triggers: who the script can see (simpleTriggerIdentity), row deletion without onEdit,
 * multi-cell edit events, and firing onEdit for an edit made during an execution.
 *
 * References quoted:
 * - Session.getActiveUser() — developers.google.com/apps-script/reference/base/session#getActiveUser():
 *   "the user's email address is not available in any context that allows a script to run without that user's
 *   authorization, like a simple onOpen(e) or onEdit(e) trigger, a custom function in Google Sheets, or a web app
 *   deployed to "execute as me" (that is, authorized by the developer instead of the user)."
 * - Session.getEffectiveUser() — same page: "In most other scenarios, this returns the same account as
 *   getActiveUser()." (so it is blank too in a simple trigger).
 * - Simple triggers — developers.google.com/apps-script/guides/triggers#onedit:
 *   "onEdit(e) runs when a user changes a value in a spreadsheet."
 * - Event objects — developers.google.com/apps-script/guides/triggers/events (Google Sheets events, Edit):
 *   oldValue: "Cell value prior to the edit, if any. Only available if the edited range is a single cell."
 *   value: "New cell value after the edit. Only available if the edited range is a single cell."
 *   user: "A User object, representing the active user, if available".
 */
import { DEFAULT_SIMPLE_TRIGGER_IDENTITY } from '../../../local/bundle/harness';
import { UserEditRefused } from '../../../local/gas/spreadsheet';
import { fakeHarness } from './fakeBundle';

const OWNER = 'owner@example.com';
const REP = 'rep@example.com';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Z1 (what onEdit writes) protected for the owner alone. */
function withProtectedZ1(simpleTriggerIdentity?: 'hidden' | 'visible') {
  const h = fakeHarness({
    owner: OWNER,
    editors: [REP],
    startMs: Date.UTC(2024, 5, 1),
    ...(simpleTriggerIdentity ? { simpleTriggerIdentity } : {}),
  });
  h.gas.runtime.run(OWNER, () => {
    const SpreadsheetApp = h.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const p = SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange('Z1').protect();
    p.removeEditors(p.getEditors());
  });
  return h;
}

describe('simpleTriggerIdentity: "not available in any context that allows a script to run without that user\'s authorization, like a simple onOpen(e) or onEdit(e) trigger"', () => {
  it("'hidden': Session's active and effective users and the event's user are blank in onOpen and onEdit", () => {
    const h = withProtectedZ1('hidden');
    h.open(REP);
    h.edit({ user: REP, sheet: 'Sheet1', a1: 'A1', value: 'typed' });
    expect(h.log.map((e) => [e.kind, e.activeUser, e.effectiveUser, e.eventUser, e.authMode])).toEqual([
      ['onOpen', '', '', '', 'LIMITED'],
      ['onEdit', '', '', '', 'LIMITED'],
    ]);
    // Other entry points (menus, google.script.run) run with the user's authorization: the e-mail is there.
    expect(h.callRaw(REP, 'whoAmI')).toBe(REP);
  });

  it("'hidden' hides WHO, not the person: protections still apply to whoever really edited", () => {
    const h = withProtectedZ1('hidden');
    h.edit({ user: REP, sheet: 'Sheet1', a1: 'A1', value: 'by rep' });
    h.edit({ user: OWNER, sheet: 'Sheet1', a1: 'A2', value: 'by owner' });
    expect(h.log.map((e) => [e.activeUser, e.wroteZ1])).toEqual([
      ['', `Exception: ${PROTECTED}`],
      ['', 'ok'],
    ]);
  });

  it("'hidden' is the default (the stricter case); 'visible' shows the e-mail everywhere", () => {
    expect(DEFAULT_SIMPLE_TRIGGER_IDENTITY).toBe('hidden');
    const h = withProtectedZ1('visible');
    h.open(REP);
    h.editRange({ user: REP, sheet: 'Sheet1', a1: 'B2:C2', values: [['x', 'y']] });
    expect(h.log.map((e) => [e.kind, e.activeUser, e.effectiveUser, e.eventUser])).toEqual([
      ['onOpen', REP, REP, REP],
      ['onEdit', REP, REP, REP],
    ]);
  });
});

describe('a person types during an execution: gas.sheets.interleave, then harness.fireOnEdit', () => {
  it('the edit lands mid-execution, both writes survive, and onEdit runs afterwards with its event', () => {
    const h = withProtectedZ1('hidden');
    h.gas.sheets.userEditRange({ user: OWNER, sheet: 'Sheet1', a1: 'A2:B2', values: [['Ann', '111']] });
    const typed = h.gas.sheets.interleave('Range.setValues', { user: REP, sheet: 'Sheet1', a1: 'B2', value: '222' });
    h.callRaw(OWNER, 'saveName', 'Ann Lee');
    expect(h.gas.sheets.sheetValues('Sheet1')[1]).toEqual(['Ann Lee', 222]);
    expect(h.log).toEqual([]); // no trigger ran during the execution
    h.fireOnEdit(REP, typed.event()!);
    expect(h.log.map((e) => [e.kind, e.a1, e.value, e.oldValue, e.eventUser, e.activeUser])).toEqual([
      ['onEdit', 'B2', '222', '111', '', ''],
    ]);
  });
});

describe('sharedDrive in the harness: getOwner() "or null for a document in a shared drive"; `owner` stays the creator, an editor', () => {
  it('passes the option to the stand-in', () => {
    const shared = fakeHarness({ owner: OWNER, editors: [REP], sharedDrive: true });
    expect(shared.callRaw(REP, 'ownerAndEditors')).toEqual({ owner: null, editors: [OWNER, REP] });
    const mine = fakeHarness({ owner: OWNER, editors: [REP] });
    expect(mine.callRaw(REP, 'ownerAndEditors')).toEqual({ owner: OWNER, editors: [OWNER, REP] });
  });
});

describe('row deletion fires no onEdit: "onEdit(e) runs when a user changes a value in a spreadsheet."', () => {
  it('deleteRowsByHand deletes the rows as that person and runs no trigger (REMOVE_ROW is onChange, installable only)', () => {
    const h = withProtectedZ1();
    h.gas.runtime.run(OWNER, () => {
      const SpreadsheetApp = h.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      SpreadsheetApp.getActive()
        .getSheetByName('Sheet1')!
        .getRange('A1:A4')
        .setValues([['h'], ['a'], ['b'], ['c']]);
    });
    const calls = h.gas.runtime.calls.total();
    h.deleteRowsByHand(REP, 'Sheet1', 2, 2);
    expect(h.gas.sheets.sheetValues('Sheet1')).toEqual([['h'], ['c']]);
    expect(h.gas.sheets.sheet('Sheet1').maxRows).toBe(998);
    expect(h.log).toEqual([]);
    expect(h.gas.runtime.calls.total()).toBe(calls); // no script ran
  });

  it('a person cannot delete rows holding a protected cell, nor rows of a protected sheet', () => {
    const h = withProtectedZ1();
    expect(() => h.deleteRowsByHand(REP, 'Sheet1', 1, 1)).toThrow(UserEditRefused); // row 1 holds Z1
    expect(() => h.deleteRowsByHand(REP, 'Sheet1', 1, 1)).toThrow(PROTECTED);
    h.deleteRowsByHand(OWNER, 'Sheet1', 1, 1); // the owner may
    h.gas.runtime.run(OWNER, () => {
      const SpreadsheetApp = h.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      SpreadsheetApp.getActive().getSheetByName('Sheet1')!.protect().addEditor(OWNER).removeEditor(REP);
    });
    expect(() => h.deleteRowsByHand(REP, 'Sheet1', 5, 1)).toThrow(PROTECTED);
    expect(h.gas.sheets.sheet('Sheet1').maxRows).toBe(999);
  });
});

describe('multi-cell edits: value/oldValue "Only available if the edited range is a single cell."', () => {
  it('a paste over B2:D4 fires ONE onEdit for the range, with neither value nor oldValue', () => {
    const h = withProtectedZ1();
    h.edit({ user: REP, sheet: 'Sheet1', a1: 'C3', value: 'before' });
    h.editRange({
      user: REP,
      sheet: 'Sheet1',
      a1: 'B2:D4',
      values: [
        ['1', '2', '3'],
        ['4', '5', '6'],
        ['7', '8', '9'],
      ],
    });
    expect(h.log.map((e) => [e.a1, e.value, e.oldValue])).toEqual([
      ['C3', 'before', '(undefined)'],
      ['B2:D4', '(undefined)', '(undefined)'],
    ]);
  });

  it('a one-cell "range" edit carries both, as a typed cell does', () => {
    const h = withProtectedZ1();
    h.edit({ user: REP, sheet: 'Sheet1', a1: 'B2', value: 'old' });
    h.editRange({ user: REP, sheet: 'Sheet1', a1: 'B2', values: [['new']] });
    expect(h.log.map((e) => [e.a1, e.value, e.oldValue])[1]).toEqual(['B2', 'new', 'old']);
  });

  it('refused whole (no change, no onEdit) when a cell of the block is protected', () => {
    const h = withProtectedZ1();
    expect(() => h.editRange({ user: REP, sheet: 'Sheet1', a1: 'Y1:Z1', values: [['a', 'b']] })).toThrow(
      UserEditRefused,
    );
    expect(h.gas.sheets.sheetValues('Sheet1')).toEqual([]);
    expect(h.log).toEqual([]);
  });
});
