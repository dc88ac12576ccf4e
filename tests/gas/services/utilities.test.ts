/** Utilities stand-in: formatDate, Java date patterns in real time zones. */
import vm from 'node:vm';
import { START, makeServices, thrown } from './setup';

const at = (iso: string) => new Date(iso);

describe('Utilities.formatDate', () => {
  const { globals } = makeServices();
  const U = globals.Utilities;

  it('formats the same instant in two time zones, with offsets and zone names', () => {
    const noon = new Date(START); // 2024-03-10T12:00:00Z, the day New York moves to summer time
    expect(U.formatDate(noon, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2024-03-10T13:00:00.000+01:00');
    expect(U.formatDate(noon, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2024-03-10T08:00:00.000-04:00',
    );
    expect(U.formatDate(noon, 'America/New_York', 'EEE, d MMM yyyy HH:mm z Z')).toBe(
      'Sun, 10 Mar 2024 08:00 EDT -0400',
    );
    expect(U.formatDate(at('2024-03-10T06:59:00Z'), 'America/New_York', 'HH:mm z')).toBe('01:59 EST');
    expect(U.formatDate(noon, 'Europe/Paris', 'HH:mm z')).toBe('13:00 CET');
    expect(U.formatDate(at('2024-07-01T12:00:00Z'), 'Europe/Paris', 'HH:mm z')).toBe('14:00 CEST');
    expect(U.formatDate(noon, 'Asia/Kolkata', 'HH:mm X XX XXX')).toBe('17:30 +05 +0530 +05:30');
    expect(U.formatDate(noon, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2024-03-10T12:00:00Z');
  });

  it('supports the SimpleDateFormat letters scripts use', () => {
    const d = at('2024-03-10T12:05:09.007Z');
    expect(U.formatDate(d, 'Europe/Paris', 'EEEE d MMMM yy, h:mm:ss.SSS a')).toBe('Sunday 10 March 24, 1:05:09.007 PM');
    expect(U.formatDate(at('2024-01-01T00:30:00Z'), 'UTC', 'k K h H a')).toBe('24 0 12 0 AM');
    expect(U.formatDate(d, 'UTC', 'D u F W w G')).toBe('70 7 2 3 11 AD');
    expect(U.formatDate(d, 'Europe/Paris', "h 'o''clock' a, ''yy")).toBe("1 o'clock PM, '24");
    expect(U.formatDate(at('2024-12-31T12:00:00Z'), 'UTC', "YYYY-'W'ww D yyyy")).toBe('2025-W01 366 2024');
  });

  it('falls back to GMT for an unknown zone and accepts Java custom ids', () => {
    const d = new Date(START);
    expect(U.formatDate(d, 'Mars/Olympus', 'HH:mm z')).toBe('12:00 GMT');
    expect(U.formatDate(d, 'GMT+2', 'HH:mm z')).toBe('14:00 GMT+02:00');
    expect(U.formatDate(d, 'GMT-05:30', 'HH:mm Z')).toBe('06:30 -0530');
  });

  it('accepts a Date from another realm and refuses other values with the real text', () => {
    const foreign = vm.runInNewContext(`new Date(${START})`) as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(U.formatDate(foreign, 'UTC', 'yyyy-MM-dd')).toBe('2024-03-10');
    expect(thrown(() => U.formatDate('2024-03-10' as unknown as Date, 'UTC', 'yyyy')).message).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(thrown(() => U.formatDate(null as unknown as Date, 'UTC', 'yyyy')).message).toBe(
      "The parameters (null,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(thrown(() => U.formatDate(new Date(START), 'UTC', 'yyyy-qq')).message).toBe("Illegal pattern character 'q'");
  });
});

describe('Utilities', () => {
  it('counts calls', () => {
    const { runtime, globals } = makeServices();
    globals.Utilities.formatDate(new Date(START), 'UTC', 'yyyy');
    expect(runtime.calls.snapshot()).toEqual({ 'Utilities.formatDate': 1 });
  });
});
