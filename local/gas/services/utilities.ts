/**
 * Utilities stand-in (developers.google.com/apps-script/reference/utilities/utilities): formatDate(date, timeZone,
 * format), the only Utilities method the product calls.
 * - A non-Date first argument → "The parameters (String,String,String) don't match the method signature for
 *   Utilities.formatDate." (real message, quoted in many public projects); Dates are recognised realm-agnostically.
 * - The pattern is Java's SimpleDateFormat with the en_US rules Apps Script applies (weeks start on Sunday, week 1
 *   holds January 1): letters G y Y M L w W D d F E u a H k K h m s S z Z X; '…' is literal text and '' a quote;
 *   any other ASCII letter is Java's error ("Illegal pattern character 'x'").
 * - Time zones: an IANA id (offsets from Intl, spreadsheet/timezone.ts), a Java custom id ("GMT+2", "GMT-05:30"),
 *   or anything else → GMT, which is what java.util.TimeZone.getTimeZone does with an unknown id (Java ids are
 *   case-sensitive, Intl's are not). Zone names (z) approximate Java's with Intl's CLDR abbreviations (PST, CET,
 *   BST, IST, AEST…); where CLDR has none, Java's "GMT+05:30" form.
 */
import type { Runtime } from '../runtime';
import { DAYS, MONTHS } from '../spreadsheet/numberFormat';
import { TimeZoneClock } from '../spreadsheet/timezone';
import type { GasSurface } from '../surface';
import { type Realm, isDate } from './common';

const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

export class DatePatternError extends Error {}

interface Zone {
  /** Minutes east of UTC at an instant. */
  offset(ms: number): number;
  name(ms: number, long: boolean): string;
}

function gmtName(offset: number): string {
  const abs = Math.abs(offset);
  return `GMT${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

const GMT: Zone = { offset: () => 0, name: (_ms, long) => (long ? 'Greenwich Mean Time' : 'GMT') };
const zones = new Map<string, Zone>();

/** Intl's name of the zone at an instant in one English locale, unless it is only an offset ("GMT+1"). */
function cldrName(id: string, locale: string, long: boolean, ms: number): string | undefined {
  const format = new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: long ? 'long' : 'short' });
  const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value;
  return name && !/^(GMT|UTC)[+-]/.test(name) ? name : undefined;
}

/** The zone Java would use for this id. */
function zoneOf(id: string): Zone {
  const cached = zones.get(id);
  if (cached) return cached;
  let zone = GMT;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (custom) {
    const hours = Number(custom[2]);
    const minutes = Number(custom[3] ?? '0');
    const offset = (custom[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
    if (hours <= 23 && minutes <= 59) zone = { offset: () => offset, name: () => gmtName(offset) };
  } else if (id !== 'GMT' && id !== '') {
    let resolved: string | null = null;
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
    } catch {
      resolved = null;
    }
    // Java ids are case-sensitive where Intl is not ("europe/paris" is GMT for Java).
    if (resolved !== null && (resolved === id || resolved.toLowerCase() !== id.toLowerCase())) {
      const clock = new TimeZoneClock(id);
      const offset = (ms: number): number => Math.round(clock.offsetAt(ms) / 60000);
      const name = (ms: number, long: boolean): string =>
        (long
          ? cldrName(id, 'en-US', true, ms)
          : ['en-US', 'en-GB', 'en-AU', 'en-IN'].map((l) => cldrName(id, l, false, ms)).find(Boolean)) ??
        gmtName(offset(ms));
      zone = { offset, name };
    }
  }
  zones.set(id, zone);
  return zone;
}

function pad(value: number, count: number): string {
  return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(count, '0');
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (any year). */
function epochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / 86400000);
}

/** Format `ms` with a SimpleDateFormat pattern in the zone `timeZone`. Throws DatePatternError on a bad pattern. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const zone = zoneOf(timeZone);
  const offset = zone.offset(ms);
  const local = new Date(ms + offset * 60000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const hour = local.getUTCHours();
  const weekday = local.getUTCDay(); // 0 = Sunday
  const dayOfYear = epochDay(year, month, day) - epochDay(year, 1, 1) + 1;
  /** en_US week of year and its week-based year (week 1 = the Sunday-started week holding January 1). */
  const week = (): { week: number; weekYear: number } => {
    const nextJan1Weekday = new Date(epochDay(year + 1, 1, 1) * 86400000).getUTCDay();
    const daysInYear = epochDay(year + 1, 1, 1) - epochDay(year, 1, 1);
    if (nextJan1Weekday !== 0 && dayOfYear > daysInYear - nextJan1Weekday) return { week: 1, weekYear: year + 1 };
    const jan1Weekday = new Date(epochDay(year, 1, 1) * 86400000).getUTCDay();
    return { week: Math.floor((dayOfYear - 1 + jan1Weekday) / 7) + 1, weekYear: year };
  };
  const field = (letter: string, count: number): string => {
    switch (letter) {
      case 'G':
        return year > 0 ? 'AD' : 'BC';
      case 'y':
      case 'Y': {
        const y = letter === 'y' ? year : week().weekYear;
        const shown = y > 0 ? y : 1 - y;
        return count === 2 ? pad(shown % 100, 2) : pad(shown, count);
      }
      case 'M':
      case 'L': {
        const name = MONTHS[month - 1] ?? '';
        return count >= 4 ? name : count === 3 ? name.slice(0, 3) : pad(month, count);
      }
      case 'w':
        return pad(week().week, count);
      case 'W':
        return pad(Math.floor((day - 1 + new Date(epochDay(year, month, 1) * 86400000).getUTCDay()) / 7) + 1, count);
      case 'D':
        return pad(dayOfYear, count);
      case 'd':
        return pad(day, count);
      case 'F':
        return pad(Math.floor((day - 1) / 7) + 1, count);
      case 'E':
        return count >= 4 ? (DAYS[weekday] ?? '') : (DAYS[weekday] ?? '').slice(0, 3);
      case 'u':
        return pad(weekday === 0 ? 7 : weekday, count);
      case 'a':
        return hour < 12 ? 'AM' : 'PM';
      case 'H':
        return pad(hour, count);
      case 'k':
        return pad(hour === 0 ? 24 : hour, count);
      case 'K':
        return pad(hour % 12, count);
      case 'h':
        return pad(hour % 12 === 0 ? 12 : hour % 12, count);
      case 'm':
        return pad(local.getUTCMinutes(), count);
      case 's':
        return pad(local.getUTCSeconds(), count);
      case 'S':
        // Java's S is the millisecond count, zero-padded to the letter count (not a fraction).
        return pad(local.getUTCMilliseconds(), count);
      case 'z':
        return zone.name(ms, count >= 4);
      case 'Z':
        return (offset < 0 ? '-' : '+') + pad(Math.floor(Math.abs(offset) / 60) * 100 + (Math.abs(offset) % 60), 4);
      default: {
        // 'X': ISO 8601 offsets X (+05), XX (+0530), XXX (+05:30); Z for UTC.
        if (count > 3) throw new DatePatternError(`invalid ISO 8601 format: length=${count}`);
        if (offset === 0) return 'Z';
        const hours = (offset < 0 ? '-' : '+') + pad(Math.floor(Math.abs(offset) / 60), 2);
        return count === 1 ? hours : hours + (count === 3 ? ':' : '') + pad(Math.abs(offset) % 60, 2);
      }
    }
  };
  // Tokens: '' (a quote), '…' (literal, '' inside is a quote), a run of one letter, or any other character.
  return pattern.replace(
    /''|'((?:[^']|'')*)('?)|([A-Za-z])\3*|[^A-Za-z']+/g,
    (token, quoted: string | undefined, closed: string, letter: string | undefined) => {
      if (token === "''") return "'";
      if (quoted !== undefined) {
        if (!closed) throw new DatePatternError('Unterminated quote');
        return quoted.replace(/''/g, "'");
      }
      if (letter === undefined) return token;
      if (!PATTERN_LETTERS.includes(letter)) throw new DatePatternError(`Illegal pattern character '${letter}'`);
      return field(letter, token.length);
    },
  );
}

export class UtilitiesStandIn implements GasSurface<GoogleAppsScript.Utilities.Utilities, 'formatDate'> {
  constructor(
    private readonly runtime: Runtime,
    private readonly realm: Realm,
  ) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    this.runtime.calls.count('Utilities.formatDate');
    if (arguments.length !== 3 || !isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.realm.signatureError('Utilities.formatDate', arguments);
    }
    const ms = date.getTime();
    // Not verified live: an Invalid Date has no Java equivalent; reported with Apps Script's "Invalid argument: <name>" form.
    if (Number.isNaN(ms)) throw this.realm.error('Invalid argument: date');
    try {
      return formatJavaDate(ms, timeZone, format);
    } catch (error) {
      // Java's IllegalArgumentException text for the pattern (how Apps Script words it is not verified).
      if (error instanceof DatePatternError) throw this.realm.error(error.message);
      throw error;
    }
  }

  toString(): string {
    return 'Utilities';
  }
}
