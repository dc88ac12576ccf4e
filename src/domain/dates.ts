/** The one test for "this cell value is a date", shared by every reader of cells (domain and sheets). */

/**
 * True for a Date holding a real instant. Realm-agnostic: cell values may come from another JavaScript realm (the
 * local stand-in runs the bundle in a vm, whose Date is another constructor), so the tag is checked, not only
 * instanceof (the common, cheap case). An invalid Date (getValues never returns one) is not a date: its
 * toISOString() would throw.
 */
export function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  if (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]') return false;
  return !Number.isNaN((value as Date).getTime());
}

// ---------------------------------------------------------------------------------------------- the two shapes
// What the server writes and returns has one shape for a calendar day and one for an instant: a day is
// 'YYYY-MM-DD' (a date cell read in the spreadsheet's time zone, the day a follow-up is due, "today"), an instant is
// the ISO-8601 string of toISOString() (Created at, History's At, "now"). Both cross google.script.run as text.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1–12) of `year`, Gregorian. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar day written 'YYYY-MM-DD' ('2026-02-30' is not one). */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day `n` days after `day` (both 'YYYY-MM-DD'); calendar arithmetic, no time zone involved. */
export function addDays(day: string, n: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + n)).toISOString().slice(0, 10);
}

/** An instant as the API shows it: ISO-8601 in UTC with milliseconds ('2026-03-02T09:00:00.000Z'). */
export function dateTimeText(instant: number | Date): string {
  return new Date(typeof instant === 'number' ? instant : instant.getTime()).toISOString();
}

/**
 * An ISO-8601 date-time as sent by a client: a day, 'T', hours and minutes (seconds and fraction optional) and a
 * zone ('Z' or ±hh:mm). The day and time must exist (Date.parse rolls '2026-02-30' over to March; this does not).
 * Returns milliseconds since the epoch, or null.
 */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export function parseDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (!match || !isDay(match[1] as string)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
