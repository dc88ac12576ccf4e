/** Call counting and the detection of writes made without the document lock. */
import { OWNER, STAFF, setup } from './helpers';

describe('call counter', () => {
  it('counts every public call by "Class.method"', () => {
    const { runtime, app } = setup();
    runtime.run(STAFF, () => {
      const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
      const range = sheet.getRange(1, 1, 2, 2);
      range.setValues([
        [1, 2],
        [3, 4],
      ]);
      range.getValues();
      range.getValues();
      sheet.getLastRow();
    });
    expect(runtime.calls.snapshot()).toEqual({
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });

  it('tells listeners every counted call in order, until they stop listening', () => {
    const { runtime, app } = setup();
    const seen: string[] = [];
    const stop = runtime.calls.onCall((method) => seen.push(method));
    runtime.run(STAFF, () => {
      const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
      sheet.getRange(1, 1).setValue(1);
      stop();
      sheet.getLastRow();
    });
    expect(seen).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getRange',
      'Range.setValue',
    ]);
    expect(runtime.calls.get('Sheet.getLastRow')).toBe(1);
  });

  it('counts failed calls too, and host helpers not at all', () => {
    const { runtime, sheet, host } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow();
    host.sheetValues('Sheet1');
    expect(runtime.calls.snapshot()).toEqual({ 'Sheet.getRange': 1 });
  });
});

describe('noteWrite', () => {
  it('flags writes made without the document lock, not those under it', () => {
    const { runtime, app } = setup();
    runtime.run(STAFF, () => {
      const sheet = app.getActiveSheet();
      sheet.getRange('A1').setValue('unlocked');
      runtime.documentLockHolder = runtime.execution().id;
      sheet.getRange('A2:B2').setValues([['locked', 1]]);
      sheet.appendRow(['locked too']);
      sheet.getRange('A1').getValue(); // reads are never flagged
    });
    runtime.run(STAFF, () => {
      runtime.documentLockHolder = -1; // another process holds it
      app.getActiveSheet().getRange('C1').setNumberFormat('0.00');
      app.getActive().insertSheet('X');
    });
    expect(runtime.unlockedWrites.map((w) => [w.method, w.sheet, w.a1])).toEqual([
      ['Range.setValue', 'Sheet1', 'A1'],
      ['Range.setNumberFormat', 'Sheet1', 'C1'],
      ['Spreadsheet.insertSheet', '', 'X'],
    ]);
  });

  it('covers structural, formatting, validation and protection writes', () => {
    const { runtime, app } = setup();
    runtime.run(OWNER, () => {
      const sheet = app.getActiveSheet();
      sheet.insertRowsAfter(1, 2);
      sheet.deleteRows(2, 1);
      sheet.setFrozenRows(1);
      sheet.getRange('A1:C1').setFontWeight('bold');
      sheet.getRange('A2:A3').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
      sheet.sort(1);
      sheet.protect().setDescription('d');
      sheet.getRange('A1').clearContent();
    });
    expect(runtime.unlockedWrites.map((w) => w.method)).toEqual([
      'Sheet.insertRowsAfter',
      'Sheet.deleteRows',
      'Sheet.setFrozenRows',
      'Range.setFontWeight',
      'Range.setDataValidation',
      'Sheet.protect',
      'Protection.setDescription',
      'Range.clearContent',
    ]);
  });
});
