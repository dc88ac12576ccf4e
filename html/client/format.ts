/** Display formatting of customer values: deal value, ISO dates, input text. Output is plain text. */

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatDealValue(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? money.format(value) : '';
}

/** "24 Nov 2026, 16:05" in the user's locale; '' for an empty or invalid date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The text an input shows for a field value (null → ''). */
export function inputText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** "Mon, 2 Mar 2026" in the user's locale for a 'YYYY-MM-DD' day (a calendar day: no time zone shift); '' for ''. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
