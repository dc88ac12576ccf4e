/**
 * When a remembered time zone may stand in for the spreadsheet's own (asking it is one request, ≈ 160 ms on Google):
 * the rule that proves a date cell's day without asking, and the rule that proves "today" from such cells.
 *
 * A date-only cell (Next step due, a custom Date field) holds midnight of its day on the spreadsheet's wall clock,
 * and getValues returns it as the instant of that midnight in the spreadsheet's zone R. Formatted in another zone Z,
 * the same instant shows midnight only when Z's offset and R's at that instant differ by a whole number of days.
 * Offsets run from −12:00 to +14:00, so two of them differ by 0 or by exactly 24 h (+14 and −10, +13 and −11,
 * +12 and −12). When Z's offset is strictly between −10:00 and +12:00, no zone can be 24 h away from it: the two
 * offsets are equal, and the day Z shows is the day the cell holds in R, whichever zone Z is. Anything else (a time
 * that is not 00:00:00.000, an offset at the edges, a text that is not the pattern's) proves nothing.
 */

import { addDays, isDay } from './dates';

/**
 * Utilities.formatDate pattern (Java SimpleDateFormat letters, the reference Apps Script names): the day, the time
 * to the millisecond, and Z, the RFC 822 offset ("+0530", "-1000"): '2026-03-02 00:00:00.000 +0100'.
 */
export const PROOF_PATTERN = 'yyyy-MM-dd HH:mm:ss.SSS Z';

/** Strict bounds, in minutes east of UTC: a zone 24 h away from either would be beyond −12:00 or +14:00. */
const LOWEST_PROVING_OFFSET = -10 * 60;
const HIGHEST_PROVING_OFFSET = 12 * 60;

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2}) 00:00:00\.000 ([+-])(\d{2})(\d{2})$/;

/** Minutes east of UTC of an RFC 822 offset's parts. */
function offsetMinutes(sign: string, hours: string, minutes: string): number {
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The day a date cell holds, from its Date formatted with PROOF_PATTERN in the remembered zone, when that text
 * proves it (midnight, and an offset no zone can be 24 h away from); else null: ask the spreadsheet's zone.
 */
export function provedDay(formatted: string): string | null {
  const match = MIDNIGHT.exec(formatted);
  if (!match) return null;
  const [, day, sign, hours, minutes] = match as unknown as [string, string, string, string, string];
  const offset = offsetMinutes(sign, hours, minutes);
  if (offset <= LOWEST_PROVING_OFFSET || offset >= HIGHEST_PROVING_OFFSET) return null;
  return isDay(day) ? day : null;
}

/**
 * Whether `today` (now, formatted in the remembered zone) is the spreadsheet's today too. The cells of this call
 * proved some days: at the instant each begins, the spreadsheet's wall clock and the remembered zone's both show its
 * midnight. When today's cell and tomorrow's are both proved, now lies between those two instants (the remembered
 * zone says today), so the spreadsheet's clock shows today as well: it read today 00:00 at the first and tomorrow
 * 00:00 at the second. (It could only show another day if it were turned back across today's midnight in between,
 * which a daylight-saving change inside the first hour of a day would do; and even then only when the spreadsheet's
 * zone was changed to one that differs from the remembered zone that same day.) A day proved on one side only
 * proves nothing about now: the spreadsheet's zone may change its offset between that cell and now.
 */
export function todayIsProved(today: string, provedDays: ReadonlySet<string>): boolean {
  return isDay(today) && provedDays.has(today) && provedDays.has(addDays(today, 1));
}

/**
 * A time zone id as Google returns them (IANA "Area/Location" in one of the tz database's areas, UTC, GMT, or a
 * custom "GMT-07:00"): what a remembered value must look like before it is handed to Utilities.formatDate, which
 * reads any other text as GMT without saying so. The document property is data: anything else is ignored (asked).
 * A well-formed but unknown id ("Europe/Atlantis") still cannot give a wrong day: it is GMT to formatDate, and the
 * proof above holds for whatever zone formatDate uses. The pattern bounds the length (three parts of 30 at most).
 */
const ZONE_NAME =
  /^(?:(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)(?:\/[A-Za-z0-9_+-]{1,30}){1,2}|UTC|GMT|GMT[+-]\d{1,2}(?::?\d{2})?)$/;

/** The remembered zone if it has the form of a zone id, else null. */
export function zoneNameOrNull(value: unknown): string | null {
  // A plain test, not a zod schema: zod's regex and length checks would add 1.5 KB to the bundle (measured) for this one use.
  return typeof value === 'string' && ZONE_NAME.test(value) ? value : null;
}
