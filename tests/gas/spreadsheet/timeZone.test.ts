/**
 * Spreadsheet.setSpreadsheetTimeZone / getSpreadsheetTimeZone. Google's reference
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String)):
 * "Sets the time zone for the spreadsheet." with the id "specified in "long" format (for example,
 * "America/New_York", as listed by Joda.org)". Cells hold serials on the spreadsheet's wall clock, so after a change
 * a date cell shows the same day and getValues returns the instant of that day's midnight in the new zone. The
 * reference is silent about an unknown id: the stand-in refuses it and keeps the zone (the stricter case).
 */
import { cell, setup } from './helpers';

const HOUR = 3_600_000;

describe('setSpreadsheetTimeZone', () => {
  it('changes the zone: a date cell keeps its day on the wall clock, its Date moves by the offsets', () => {
    const { ss, sheet, workbook } = setup({ timeZone: 'Europe/Paris' });
    sheet.getRange('A1').setValue('2026-01-15');
    const before = (sheet.getRange('A1').getValue() as Date).getTime();
    expect(before).toBe(Date.UTC(2026, 0, 14, 23)); // midnight in Paris (UTC+1)
    ss.setSpreadsheetTimeZone('Pacific/Honolulu');
    expect(ss.getSpreadsheetTimeZone()).toBe('Pacific/Honolulu');
    expect(cell(workbook.sheets[0]!, 'A1').display).toBe('2026-01-15');
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(before + 11 * HOUR); // midnight at UTC−10
  });

  it('takes aliases Intl knows and refuses unknown ids, other spellings and offsets, keeping the zone', () => {
    const { ss, runtime } = setup({ timeZone: 'Europe/Paris' });
    ss.setSpreadsheetTimeZone('Asia/Calcutta');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Calcutta');
    for (const bad of ['Mars/Olympus', 'europe/paris', '+07:00', '', '=1+1']) {
      expect(() => ss.setSpreadsheetTimeZone(bad)).toThrow('Invalid argument: timezone');
      expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Calcutta');
    }
    expect(runtime.calls.get('Spreadsheet.setSpreadsheetTimeZone')).toBe(6);
  });

  it('refuses a call that fits no signature (String)', () => {
    const { ss } = setup();
    const loose = ss as unknown as { setSpreadsheetTimeZone: (...args: unknown[]) => void };
    expect(() => loose.setSpreadsheetTimeZone()).toThrow(/don't match the method signature/);
    expect(() => loose.setSpreadsheetTimeZone({})).toThrow(/don't match the method signature/);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  });
});
