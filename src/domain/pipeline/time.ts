/** Small time and money helpers shared by the pipeline maths. */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Default stale threshold in days (spec: "default 14 days"). */
export const DEFAULT_STALE_DAYS = 14;

/**
 * How many stale customers the summary lists (the stalest; the count stays exact). At 50,000 customers some 30,000
 * can be stale: listing them all wrote half a million cells per rebuild and made the tab grow with the CRM. The
 * rest are on CRM ▸ Pipeline board, stalest first.
 */
export const STALE_LIST_LIMIT = 100;

/**
 * Milliseconds since the epoch, or null. Unparsable or empty dates are left out of time maths rather than
 * guessed: one bad cell in `History` must not make a whole stage look a decade long. A finite number is taken
 * as milliseconds already.
 */
export function parseTime(iso: unknown): number | null {
  if (typeof iso === 'number') return Number.isFinite(iso) ? iso : null;
  if (typeof iso !== 'string' || iso.trim() === '') return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/**
 * Rounds to the cent. Money is rounded once here so that the JSON, the tab and hand-worked tests agree
 * exactly (0.1 × 3 would otherwise be 0.30000000000000004).
 */
export function roundMoney(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded; // no "-0" in JSON or cells
}

/** Plain code-unit comparison: deterministic in Node and in Apps Script alike (no locale data involved). */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
