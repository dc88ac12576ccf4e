/**
 * Small text helpers of the Import sidebar: counts as "5,200" (the server's own formatCount style, fixed so
 * the sidebar reads the same in every locale), spreadsheet column letters, and a reason without its "Row N: ".
 */

/** 5200 → "5,200". */
export function formatCount(n: number): string {
  return String(Math.max(0, Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 row" / "3 rows" (the noun given in the singular). */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** 0 → "A", 25 → "Z", 26 → "AA": the letters the admin sees above the Import tab's columns. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The server's reasons start "Row 7: "; the list shows the row number in its own column. */
export function withoutRowPrefix(reason: string, row: number): string {
  const prefix = `Row ${row}: `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}
