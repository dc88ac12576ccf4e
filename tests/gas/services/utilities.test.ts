/** Utilities stand-in: Java date patterns in real time zones, formatString, digests, base64, sleep. */
import vm from 'node:vm';
import { START, makeServices, thrown } from './setup';

const at = (iso: string) => new Date(iso);

describe('Utilities.formatDate', () => {
  const { globals } = makeServices();
  const U = globals.Utilities;

  it('formats the same instant in two time zones, with offsets and zone names', () => {
    const noon = new Date(START); // 2024-03-10T12:00:00Z, the day New York moves to summer time
    expect(U.formatDate(noon, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2024-03-10T13:00:00.000+01:00');
    expect(U.formatDate(noon, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2024-03-10T08:00:00.000-04:00');
    expect(U.formatDate(noon, 'America/New_York', 'EEE, d MMM yyyy HH:mm z Z')).toBe('Sun, 10 Mar 2024 08:00 EDT -0400');
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
  it('formats strings like Java String.format', () => {
    const { globals } = makeServices();
    const U = globals.Utilities;
    expect(U.formatString('%s has %d deals worth %.2f', 'Ana', 3, 1234.5)).toBe('Ana has 3 deals worth 1234.50');
    expect(U.formatString('[%05d] [%-6s] [%6s] [%,d] [%x] [%%]', 42, 'ab', 'cd', 1234567, 255)).toBe('[00042] [ab    ] [    cd] [1,234,567] [ff] [%]');
    expect(U.formatString('%2$s %1$s', 'world', 'hello')).toBe('hello world');
    expect(thrown(() => U.formatString('%d', 1.5)).message).toBe('d != java.lang.Double');
  });

  it('computes digests as Java signed bytes', () => {
    const { globals } = makeServices();
    const U = globals.Utilities;
    const hex = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // SHA-256("abc")
    const expected = hex.match(/../g)!.map((h) => (parseInt(h, 16) > 127 ? parseInt(h, 16) - 256 : parseInt(h, 16)));
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc')).toEqual(expected);
    expect(String(U.DigestAlgorithm.SHA_256)).toBe('SHA_256');
    expect(thrown(() => U.computeDigest('SHA_256' as never, 'abc')).message).toBe(
      "The parameters (String,String) don't match the method signature for Utilities.computeDigest.",
    );
  });

  it('encodes and decodes base64 over UTF-8 and signed bytes', () => {
    const { globals } = makeServices();
    const U = globals.Utilities;
    expect(U.base64Encode('héllo')).toBe('aMOpbGxv');
    expect(U.base64Decode('aMOpbGxv')).toEqual([104, -61, -87, 108, 108, 111]);
    expect(U.base64Encode([104, -61, -87])).toBe('aMOp');
    expect(U.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(thrown(() => U.base64Decode('@@@@')).message).toBe('Could not decode string.');
    expect(U.newBlob('hi', 'text/plain', 'a.txt').getDataAsString()).toBe('hi');
  });

  it('sleeps on the virtual clock within 0..300000 ms', () => {
    const { runtime, globals } = makeServices();
    globals.Utilities.sleep(1500);
    expect(runtime.now()).toBe(START + 1500);
    expect(thrown(() => globals.Utilities.sleep(300001)).message).toBe('Invalid argument: milliseconds');
    expect(thrown(() => globals.Utilities.sleep('5' as unknown as number)).message).toBe(
      "The parameters (String) don't match the method signature for Utilities.sleep.",
    );
    expect(runtime.now()).toBe(START + 1500);
  });

  it('makes UUIDs and counts calls', () => {
    const { runtime, globals } = makeServices();
    const a = globals.Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(globals.Utilities.getUuid()).not.toBe(a);
    globals.Utilities.formatDate(new Date(START), 'UTC', 'yyyy');
    expect(runtime.calls.snapshot()).toEqual({ 'Utilities.formatDate': 1, 'Utilities.getUuid': 2 });
  });
});
