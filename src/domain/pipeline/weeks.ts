/**
 * ISO-8601 weeks ('2026-W49'): weeks start on Monday and week 1 is the one with the year's first Thursday, so
 * 2026-12-31 (a Thursday) is 2026-W53 and 2027-01-01 belongs to it too. Computed on the calendar day (the
 * spreadsheet's "today", 'YYYY-MM-DD'), never on a UTC instant, so a Monday in Auckland is a Monday.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO week of a 'YYYY-MM-DD' day; throws on anything else (the caller passes the context's today). */
export function isoWeek(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`isoWeek: not a day: ${day}`);
  const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date + (3 - weekday) * DAY_MS); // the week's Thursday decides its year
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whether `text` looks like an ISO week label ('2026-W05'). */
export function isIsoWeek(text: string): boolean {
  return /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(text);
}
