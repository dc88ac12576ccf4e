/** Display formatting of customer values: deal value, dates and date-times as the tabs show them, input text. */

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatDealValue(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? money.format(value) : '';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "2026-11-24 16:05": the one way a date-time is shown, the same as the tabs' `yyyy-mm-dd hh:mm` cells (here in the
 * browser's time zone, which for a small team is the spreadsheet's); '' for an empty date, the text for a bad one.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The text an input shows for a field value (null → ''). */
export function inputText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The one way a calendar day (Next step due) is shown: "2026-03-02", as the tab's `yyyy-mm-dd` cells show it — a
 * day, so no time zone applies; '' for ''.
 */
export function formatDay(day: string | null | undefined): string {
  return day ?? '';
}
