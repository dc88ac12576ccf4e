/**
 * A person typing while a script execution runs (host gas.sheets.interleave).
 *
 * Sheets lets people edit while a script runs: LockService's document lock only excludes other script
 * executions ("prevents any user of the current document from concurrently running a section of code" —
 * developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()); nothing in Google's reference
 * says a lock, or a running script, stops a person at the keyboard, so the stand-in lets the edit through (the
 * SPEC, Version 2 › Real Sheets: "the document lock does not stop them"). The person's edit follows the same rules
 * as any manual edit (protections, reject-input validation) and is applied just BEFORE the awaited call does its
 * work (runtime.calls.onCall fires when the call is counted).
 */
import { createStandIn } from '../../../local/gas';
import { UserEditRefused } from '../../../local/gas/spreadsheet';
import { OWNER, STAFF, STRANGER, setup } from './helpers';

function seeded() {
  const ctx = setup();
  ctx.sheet.getRange('A1:B2').setValues([
    ['Name', 'Phone'],
    ['Ann', '111'],
  ]);
  ctx.runtime.calls.reset();
  return ctx;
}

describe("interleave: a person edits between a script's read and its write", () => {
  it("a write of a DIFFERENT cell: the script's value and the person's both survive; the event is there to fire onEdit", () => {
    const { runtime, app, host } = seeded();
    const typed = host.interleave('Range.setValues', { user: STAFF, sheet: 'Sheet1', a1: 'B2', value: '222' });
    runtime.run(OWNER, () => {
      const sheet = app.getActive().getSheetByName('Sheet1')!;
      const [, row] = sheet.getRange('A1:B2').getValues();
      expect(row).toEqual(['Ann', 111]); // read before the person typed
      expect(typed.happened()).toBe(false);
      sheet.getRange('A2').setValues([['Ann Lee']]); // the person types B2 just before this call writes
      expect(typed.happened()).toBe(true);
    });
    expect(host.sheetValues('Sheet1')).toEqual([
      ['Name', 'Phone'],
      ['Ann Lee', 222],
    ]);
    const event = typed.event()!;
    expect([event.range.getA1Notation(), event.value, event.oldValue, event.user.getEmail()]).toEqual([
      'B2',
      '222',
      '111',
      STAFF,
    ]);
    expect(typed.refusal()).toBeNull();
  });

  it("a write of the SAME cell: the script writes after the person, so the script's value wins", () => {
    const { runtime, app, host } = seeded();
    const typed = host.interleave('Range.setValues', { user: STAFF, sheet: 'Sheet1', a1: 'B2', value: '222' });
    runtime.run(OWNER, () => {
      const sheet = app.getActive().getSheetByName('Sheet1')!;
      const values = sheet.getRange('A2:B2').getValues();
      values[0]![0] = 'Ann Lee';
      sheet.getRange('A2:B2').setValues(values); // writes back the 111 it read: the person's 222 is lost
    });
    expect(host.sheetValues('Sheet1')[1]).toEqual(['Ann Lee', 111]);
    expect(typed.event()!.value).toBe('222');
  });

  it('the edit lands before the awaited call does its work (a read then sees it), once, and only inside an execution', () => {
    const { runtime, app, host } = seeded();
    const typed = host.interleave('Range.getValues', { user: STAFF, sheet: 'Sheet1', a1: 'A2', value: 'Bo' });
    app.getActive().getSheetByName('Sheet1')!.getRange('A2').getValues(); // host code outside runtime.run: not an execution
    expect(typed.happened()).toBe(false);
    const seen = runtime.run(STAFF, () => {
      const range = app.getActive().getSheetByName('Sheet1')!.getRange('A2');
      const first = range.getValues()[0]![0]; // the person typed "Bo" just before this read
      range.setValue('Script');
      return [first, range.getValues()[0]![0]]; // applied once: not typed again before the second read
    });
    expect(seen).toEqual(['Bo', 'Script']);
    expect(runtime.calls.get('Range.getValues')).toBe(3); // the call counter is untouched by the person's edit
  });

  it('a block edit (paste) can interleave too, with one event for the range and no value/oldValue', () => {
    const { runtime, app, host } = seeded();
    const pasted = host.interleave('Sheet.appendRow', {
      user: STAFF,
      sheet: 'Sheet1',
      a1: 'A3:B3',
      values: [['Cy', '333']],
    });
    runtime.run(OWNER, () => app.getActive().getSheetByName('Sheet1')!.appendRow(['Dee', '444']));
    // The person filled row 3 first, so appendRow (which writes after the last row with content) lands on row 4.
    expect(host.sheetValues('Sheet1').slice(2)).toEqual([
      ['Cy', 333],
      ['Dee', 444],
    ]);
    const e = pasted.event()!;
    expect([e.range.getA1Notation(), e.value, e.oldValue]).toEqual(['A3:B3', undefined, undefined]);
  });

  it('the same rules as a manual edit: a protected cell is refused (nothing changes) and reported', () => {
    const { runtime, app, host } = seeded();
    runtime.run(OWNER, () => {
      const p = app.getActive().getSheetByName('Sheet1')!.getRange('B2').protect();
      p.removeEditors(p.getEditors());
    });
    const typed = host.interleave('Range.setValues', { user: STRANGER, sheet: 'Sheet1', a1: 'B2', value: 'x' });
    runtime.run(OWNER, () =>
      app
        .getActive()
        .getSheetByName('Sheet1')!
        .getRange('A2')
        .setValues([['Ann']]),
    );
    expect(typed.happened()).toBe(true);
    expect(typed.event()).toBeNull();
    expect(typed.refusal()).toBeInstanceOf(UserEditRefused);
    expect(typed.refusal()!.reason).toBe('protected');
    expect(host.sheetValues('Sheet1')[1]).toEqual(['Ann', 111]);
  });

  it('cancel() stops waiting', () => {
    const { runtime, app, host } = seeded();
    const typed = host.interleave('Range.setValues', { user: STAFF, sheet: 'Sheet1', a1: 'B2', value: '9' });
    typed.cancel();
    runtime.run(OWNER, () =>
      app
        .getActive()
        .getSheetByName('Sheet1')!
        .getRange('A2')
        .setValues([['Ann']]),
    );
    expect([typed.happened(), typed.event()]).toEqual([true, null]);
    expect(host.sheetValues('Sheet1')[1]).toEqual(['Ann', 111]);
  });

  it('the document lock held by the script does not stop the person', () => {
    const gas = createStandIn({ owner: OWNER, editors: [STAFF], startMs: Date.UTC(2024, 5, 1) });
    const SpreadsheetApp = gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const LockService = gas.globals.LockService as GoogleAppsScript.Lock.LockService;
    const typed = gas.sheets.interleave('Range.setValue', {
      user: STAFF,
      sheet: 'Sheet1',
      a1: 'B1',
      value: 'typed meanwhile',
    });
    gas.runtime.run(OWNER, () => {
      const lock = LockService.getDocumentLock();
      expect(lock.tryLock(1000)).toBe(true);
      SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange('A1').setValue('script');
      lock.releaseLock();
    });
    expect(gas.sheets.sheetValues('Sheet1')).toEqual([['script', 'typed meanwhile']]);
    expect(typed.event()!.user.getEmail()).toBe(STAFF);
  });
});
