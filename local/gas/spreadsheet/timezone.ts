/**
 * Spreadsheet time zone arithmetic. Sheets stores a date-time as a serial number of days since
 * 1899-12-30 on the wall clock of the spreadsheet's time zone; Apps Script converts between that and
 * JavaScript Dates (absolute instants) with the spreadsheet time zone.
 */

const MS_PER_DAY = 86_400_000;
/** Days between 1899-12-30 (serial 0) and 1970-01-01. */
const EPOCH_SERIAL = 25_569;
const BUCKET_MS = 15 * 60_000;

export class TimeZoneClock {
  private readonly utc: boolean;
  private readonly formatter: Intl.DateTimeFormat | null;
  private readonly cache = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.utc = /^(Etc\/)?(UTC|GMT|UCT|Zulu)$/i.test(timeZone);
    // Throws RangeError for an unknown zone, which is what we want at workbook creation.
    this.formatter = this.utc
      ? null
      : new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
  }

  /** Offset of the zone from UTC at an instant, in ms (wall = utc + offset). */
  offsetAt(utcMs: number): number {
    if (this.utc || !this.formatter) return 0;
    const bucket = Math.floor(utcMs / BUCKET_MS);
    const cached = this.cache.get(bucket);
    if (cached !== undefined) return cached;
    const at = bucket * BUCKET_MS;
    const parts = this.formatter.formatToParts(new Date(at));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    const offset = wall - at;
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(bucket, offset);
    return offset;
  }

  /** Serial (wall clock of this zone) of an instant. */
  serialFromUtc(utcMs: number): number {
    const wall = utcMs + this.offsetAt(utcMs);
    return wall / MS_PER_DAY + EPOCH_SERIAL;
  }

  /** Instant of a serial read on this zone's wall clock. */
  utcFromSerial(serial: number): number {
    const wall = wallMsFromSerial(serial);
    const first = this.offsetAt(wall);
    let utc = wall - first;
    const second = this.offsetAt(utc);
    if (second !== first) utc = wall - second;
    return utc;
  }
}

/** Wall-clock milliseconds (as if UTC) of a serial, rounded to the millisecond. */
export function wallMsFromSerial(serial: number): number {
  return Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY);
}

export function serialFromWallParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) / MS_PER_DAY + EPOCH_SERIAL;
}

/** Year of an instant on a zone's wall clock (for dates typed without a year). */
export function wallYear(clock: TimeZoneClock, utcMs: number): number {
  return new Date(utcMs + clock.offsetAt(utcMs)).getUTCFullYear();
}
