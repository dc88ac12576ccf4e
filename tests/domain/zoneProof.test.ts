/**
 * The rule that lets a remembered time zone stand in for the spreadsheet's (src/domain/zoneProof.ts), proved over
 * every pair of UTC offsets a zone can have (−12:00 … +14:00): a date cell is midnight in the spreadsheet's zone R;
 * formatted in the remembered zone Z it either proves its day (and then the day is R's) or proves nothing.
 */
import fc from 'fast-check';
import { addDays } from '../../src/domain/dates';
import { PROOF_PATTERN, provedDay, todayIsProved, zoneNameOrNull } from '../../src/domain/zoneProof';

const MINUTE = 60_000;
const DAY = 86_400_000;
const LOWEST_OFFSET = -12 * 60;
const HIGHEST_OFFSET = 14 * 60;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** What Utilities.formatDate(instant, zone, PROOF_PATTERN) gives for a zone at UTC+offsetMinutes (hand-written). */
function formatted(instant: number, offsetMinutes: number): string {
  const wall = new Date(instant + offsetMinutes * MINUTE);
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)} ` +
    `${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}.` +
    `${pad(wall.getUTCMilliseconds(), 3)} ${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`
  );
}

/** Midnight starting `day` ('YYYY-MM-DD') on the wall clock of a zone at UTC+offsetMinutes. */
function midnightOf(day: string, offsetMinutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - offsetMinutes * MINUTE;
}

const anyOffset = fc.integer({ min: LOWEST_OFFSET, max: HIGHEST_OFFSET });
/** Real offsets are whole quarter hours: drawn that way too, so equal and 24 h apart pairs come up often. */
const quarterHourOffset = fc.integer({ min: LOWEST_OFFSET / 15, max: HIGHEST_OFFSET / 15 }).map((q) => q * 15);
const anyDay = fc
  .integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2100, 0, 1) / DAY })
  .map((n) => new Date(n * DAY).toISOString().slice(0, 10));

describe('provedDay', () => {
  it('the pattern is the one the proof reads: the day, the time to the millisecond and the RFC 822 offset', () => {
    expect(PROOF_PATTERN).toBe('yyyy-MM-dd HH:mm:ss.SSS Z');
    expect(formatted(Date.UTC(2026, 2, 1, 23), 60)).toBe('2026-03-02 00:00:00.000 +0100');
  });

  it('never gives a day other than the one the cell holds, whatever the two zones (any minute offsets)', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyOffset, quarterHourOffset),
        fc.oneof(anyOffset, quarterHourOffset),
        anyDay,
        (real, remembered, day) => {
          const proved = provedDay(formatted(midnightOf(day, real), remembered));
          return proved === null || proved === day;
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('proves the day whenever the remembered zone has the real offset strictly inside −10:00 … +12:00', () => {
    fc.assert(
      fc.property(fc.integer({ min: -599, max: 719 }), anyDay, (offset, day) => {
        expect(provedDay(formatted(midnightOf(day, offset), offset))).toBe(day);
      }),
    );
  });

  it.each([
    ['+14:00 (Kiritimati) read for −10:00 (Honolulu)', 14 * 60, -10 * 60],
    ['−10:00 read for +14:00', -10 * 60, 14 * 60],
    ['+13:00 (Auckland in January) read for −11:00 (Pago Pago)', 13 * 60, -11 * 60],
    ['+12:00 read for −12:00', 12 * 60, -12 * 60],
    ['−12:00 read for +12:00', -12 * 60, 12 * 60],
  ])('%s: both show midnight, a day apart, and nothing is proved', (_, remembered, real) => {
    const day = '2026-01-15';
    const text = formatted(midnightOf(day, real), remembered);
    expect(text).toMatch(/ 00:00:00\.000 /); // the trap: it looks like a date cell
    expect(text.slice(0, 10)).not.toBe(day);
    expect(provedDay(text)).toBeNull();
  });

  it('the edges themselves prove nothing, even in their own zone (a zone 24 h away could exist)', () => {
    for (const offset of [-10 * 60, 12 * 60, 13 * 60, 14 * 60, -11 * 60, -12 * 60])
      expect(provedDay(formatted(midnightOf('2026-06-01', offset), offset))).toBeNull();
    expect(provedDay(formatted(midnightOf('2026-06-01', -599), -599))).toBe('2026-06-01');
    expect(provedDay(formatted(midnightOf('2026-06-01', 719), 719))).toBe('2026-06-01');
  });

  it('a cell holding a time (or a millisecond) is not a day: nothing is proved', () => {
    const midnight = midnightOf('2026-03-02', 60);
    for (const shift of [1, 1000, MINUTE, 15 * 60 * MINUTE, DAY - 1])
      expect(provedDay(formatted(midnight + shift, 60))).toBeNull();
    expect(provedDay(formatted(midnight, 60))).toBe('2026-03-02');
  });

  it('text that is not the pattern, or not a real day, proves nothing', () => {
    for (const text of [
      '',
      '2026-03-02',
      '2026-03-02 00:00:00 +0100',
      '2026-02-30 00:00:00.000 +0100',
      '2026-03-02 00:00:00.000 +01:00',
      ' 2026-03-02 00:00:00.000 +0100',
      '2026-03-02 00:00:00.000 +0100\n',
      '12026-03-02 00:00:00.000 +0100',
    ])
      expect(provedDay(text)).toBeNull();
  });
});

describe('todayIsProved', () => {
  it('needs the cells of today and of tomorrow: one side alone proves nothing about now', () => {
    const today = '2026-03-02';
    expect(todayIsProved(today, new Set([today, '2026-03-03']))).toBe(true);
    expect(todayIsProved(today, new Set(['2026-03-01', today, '2026-03-03', '2026-03-09']))).toBe(true);
    expect(todayIsProved(today, new Set([today]))).toBe(false);
    expect(todayIsProved(today, new Set(['2026-03-03']))).toBe(false);
    expect(todayIsProved(today, new Set(['2026-03-01', '2026-03-04']))).toBe(false);
    expect(todayIsProved(today, new Set())).toBe(false);
    expect(todayIsProved('not a day', new Set(['not a day']))).toBe(false);
  });

  it('over any set of days: true exactly when the day and the next are in it', () => {
    fc.assert(
      fc.property(anyDay, fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 6 }), (today, shifts) => {
        const days = new Set(shifts.map((n) => addDays(today, n)));
        expect(todayIsProved(today, days)).toBe(days.has(today) && days.has(addDays(today, 1)));
      }),
    );
  });
});

describe('zoneNameOrNull', () => {
  it.each([
    'Europe/Paris',
    'America/Argentina/Buenos_Aires',
    'Etc/GMT+10',
    'Pacific/Kiritimati',
    'UTC',
    'GMT',
    'GMT-07:00',
  ])('keeps the zone id %s', (zone) => expect(zoneNameOrNull(zone)).toBe(zone));

  it.each([
    ['a formula', '=1+1'],
    ['markup', '<b>Europe/Paris</b>'],
    ['a 10 KB string', `Europe/${'x'.repeat(10_240)}`],
    ['an unknown area', 'Mars/Olympus'],
    ['an empty value', ''],
    ['a path', 'Europe/../Paris'],
    ['spaces', 'Europe/Paris '],
    ['a number', 42],
    ['null', null],
    ['an object', { zone: 'Europe/Paris' }],
  ])('ignores %s', (_, value) => expect(zoneNameOrNull(value)).toBeNull());
});
