/**
 * Java SimpleDateFormat as Utilities.formatDate uses it, in any IANA time zone (through Intl), with the
 * en_US calendar rules Apps Script applies (weeks start on Sunday, week 1 contains January 1).
 *
 * Pattern letters: G y Y M L w W D d F E u a H k K h m s S z Z X; text in '…' is literal and '' is a quote;
 * any other ASCII letter is an error, as in Java ("Illegal pattern character 'x'").
 * Time zones: an IANA id, a Java custom id ("GMT+2", "GMT-05:30"), or anything else → GMT, which is what
 * java.util.TimeZone.getTimeZone does with an unknown id.
 * Zone names (z): Java's abbreviations are approximated with CLDR ones (PST, CET, BST, IST, AEST…);
 * where CLDR has none, Java's "GMT+05:30" form is used.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

export class DatePatternError extends Error {}

interface Zone {
  offsetMinutes(ms: number): number;
  shortName(ms: number): string;
  longName(ms: number): string;
}

function gmtName(offset: number, colon = true): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `GMT${sign}${hh}${colon ? ':' : ''}${mm}`;
}

function fixedZone(offset: number, short: string, long: string): Zone {
  return { offsetMinutes: () => offset, shortName: () => short, longName: () => long };
}

const zoneCache = new Map<string, Zone>();

class IntlZone implements Zone {
  private readonly parts: Intl.DateTimeFormat;

  constructor(private readonly id: string) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetMinutes(ms: number): number {
    const fields: Record<string, string> = {};
    for (const part of this.parts.formatToParts(ms)) fields[part.type] = part.value;
    let year = Number(fields['year']);
    if (fields['era'] === 'BC' || fields['era'] === 'B') year = 1 - year;
    const asUtc = new Date(0);
    asUtc.setUTCFullYear(year, Number(fields['month']) - 1, Number(fields['day']));
    asUtc.setUTCHours(Number(fields['hour']), Number(fields['minute']), Number(fields['second']), 0);
    const wholeSeconds = Math.floor(ms / 1000) * 1000;
    return Math.round((asUtc.getTime() - wholeSeconds) / 60000);
  }

  shortName(ms: number): string {
    for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN']) {
      const name = this.name(locale, 'short', ms);
      if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
    }
    return gmtName(this.offsetMinutes(ms));
  }

  longName(ms: number): string {
    const name = this.name('en-US', 'long', ms);
    return name && !/^GMT[+-]/.test(name) ? name : gmtName(this.offsetMinutes(ms));
  }

  private name(locale: string, style: 'short' | 'long', ms: number): string | undefined {
    const format = new Intl.DateTimeFormat(locale, { timeZone: this.id, timeZoneName: style });
    return format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value;
  }
}

/** The zone Java would use for this id. */
export function resolveZone(id: string): Zone {
  const cached = zoneCache.get(id);
  if (cached) return cached;
  let zone: Zone;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (id === 'GMT') {
    zone = fixedZone(0, 'GMT', 'Greenwich Mean Time');
  } else if (custom) {
    const hours = Number(custom[2]);
    const minutes = Number(custom[3] ?? '0');
    const offset = (custom[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
    zone = hours > 23 || minutes > 59 ? fixedZone(0, 'GMT', 'Greenwich Mean Time') : fixedZone(offset, gmtName(offset), gmtName(offset));
  } else {
    let resolved: string | null = null;
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
    } catch {
      resolved = null;
    }
    // Java ids are case-sensitive where Intl is not ("europe/paris" is GMT for Java).
    const caseOnly = resolved !== null && resolved !== id && resolved.toLowerCase() === id.toLowerCase();
    zone = resolved === null || caseOnly || id === '' ? fixedZone(0, 'GMT', 'Greenwich Mean Time') : new IntlZone(id);
  }
  zoneCache.set(id, zone);
  return zone;
}

interface Fields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offset: number; // minutes east of UTC
}

function fieldsAt(ms: number, zone: Zone): Fields {
  const offset = zone.offsetMinutes(ms);
  const local = new Date(ms + offset * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    offset,
  };
}

function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / 86400000);
}

function dayOfYear(f: Fields): number {
  return utcDay(f.year, f.month, f.day) - utcDay(f.year, 1, 1) + 1;
}

/** en_US week of year and its week-based year (week 1 = the Sunday-started week holding January 1). */
function weekOfYear(f: Fields): { week: number; weekYear: number } {
  const jan1 = new Date(0);
  jan1.setUTCFullYear(f.year, 0, 1);
  const jan1Weekday = jan1.getUTCDay();
  const nextJan1 = new Date(0);
  nextJan1.setUTCFullYear(f.year + 1, 0, 1);
  const nextJan1Weekday = nextJan1.getUTCDay();
  const doy = dayOfYear(f);
  const daysInYear = utcDay(f.year + 1, 1, 1) - utcDay(f.year, 1, 1);
  if (nextJan1Weekday !== 0 && doy > daysInYear - nextJan1Weekday) return { week: 1, weekYear: f.year + 1 };
  return { week: Math.floor((doy - 1 + jan1Weekday) / 7) + 1, weekYear: f.year };
}

function pad(value: number, count: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).padStart(count, '0');
}

function field(letter: string, count: number, f: Fields, ms: number, zone: Zone): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const year = letter === 'y' ? f.year : weekOfYear(f).weekYear;
      const shown = year > 0 ? year : 1 - year;
      return count === 2 ? pad(shown % 100, 2) : pad(shown, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1] ?? '';
      if (count === 3) return (MONTHS[f.month - 1] ?? '').slice(0, 3);
      return pad(f.month, count);
    case 'w':
      return pad(weekOfYear(f).week, count);
    case 'W': {
      const first = new Date(0);
      first.setUTCFullYear(f.year, f.month - 1, 1);
      return pad(Math.floor((f.day - 1 + first.getUTCDay()) / 7) + 1, count);
    }
    case 'D':
      return pad(dayOfYear(f), count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E': {
      const name = DAYS[f.weekday] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      // Java's S is the millisecond count, zero-padded to the letter count (not a fraction).
      return pad(f.millisecond, count);
    case 'z':
      return count >= 4 ? zone.longName(ms) : zone.shortName(ms);
    case 'Z': {
      const abs = Math.abs(f.offset);
      return (f.offset < 0 ? '-' : '+') + pad(Math.floor(abs / 60) * 100 + (abs % 60), 4);
    }
    case 'X': {
      if (count > 3) throw new DatePatternError(`invalid ISO 8601 format: length=${count}`);
      if (f.offset === 0) return 'Z';
      const abs = Math.abs(f.offset);
      const hours = (f.offset < 0 ? '-' : '+') + pad(Math.floor(abs / 60), 2);
      if (count === 1) return hours;
      return hours + (count === 3 ? ':' : '') + pad(abs % 60, 2);
    }
    default:
      throw new DatePatternError(`Illegal pattern character '${letter}'`);
  }
}

/** Format `ms` with a SimpleDateFormat pattern in the zone `timeZone`. Throws DatePatternError on a bad pattern. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const f = fieldsAt(ms, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) throw new DatePatternError('Unterminated quote');
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern.charAt(j);
        j++;
      }
      out += text;
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      if (!PATTERN_LETTERS.includes(ch)) throw new DatePatternError(`Illegal pattern character '${ch}'`);
      let count = 1;
      while (pattern.charAt(i + count) === ch) count++;
      out += field(ch, count, f, ms, zone);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
