/**
 * The first pass of a search: the rows that can match at all, found on the raw cells before anything else is done
 * with them. A row can match only if its first (longest) word is found in one of its searched fields, or the whole
 * query, or that word, is found in its phone digits; matches() then decides for these candidates only.
 *
 * Why a pass of its own: every Apps Script call starts cold, and V8 compiles a hot loop (on-stack replacement)
 * only from what that loop has already met. A loop that also ranked, folded and kept results met those rare
 * branches late and was thrown back to the interpreter (deoptimised) and recompiled, several times per call. This
 * loop is small and meets the same few operations on every row, so it is compiled early and stays compiled.
 *
 * Measured and not kept: each searched column joined by "\n" into one string and scanned by one global RegExp
 * (match position → row by binary search over the cumulative lengths). Building the joined strings needs the same
 * pass over every row, and it took about twice as long as testing each cell (50,000 customers, bench queries).
 */

import type { SearchColumns } from './fields';
import type { QueryPlan } from './query';

/**
 * The indexes (from `first`) of the rows that pass `keep` (the status and owner filters, tested first: they rule out
 * most rows with one lookup) and the first word's test, or null when the plan has no word (every row is a
 * candidate, and `keep` is left to the caller).
 */
export function candidateRows(
  rows: readonly (readonly unknown[] | undefined)[],
  first: number,
  columns: SearchColumns,
  text: (cell: unknown) => string,
  plan: QueryPlan,
  keep: ((cells: readonly unknown[]) => boolean) | null,
): number[] | null {
  const word = plan.words[0];
  if (word === undefined) return null;
  const searched = [columns.name, columns.company, columns.email, columns.phone, ...(columns.custom ?? [])];
  const phonePatterns: RegExp[] = [];
  if (word.phonePattern !== null) phonePatterns.push(word.phonePattern);
  if (plan.phonePattern !== null) phonePatterns.push(plan.phonePattern);
  return scanRows(rows, first, searched, columns.phone, text, word.pattern, word.minLength, phonePatterns, keep);
}

function scanRows(
  rows: readonly (readonly unknown[] | undefined)[],
  first: number,
  searched: readonly number[],
  phoneColumn: number,
  text: (cell: unknown) => string,
  pattern: RegExp,
  minLength: number,
  phonePatterns: readonly RegExp[],
  keep: ((cells: readonly unknown[]) => boolean) | null,
): number[] {
  const found: number[] = [];
  const fieldCount = searched.length;
  const phoneCount = phonePatterns.length;
  nextRow: for (let i = first; i < rows.length; i++) {
    const cells = rows[i];
    if (cells === undefined || (keep !== null && !keep(cells))) continue;
    for (let k = 0; k < fieldCount; k++) {
      const cell = cells[searched[k] as number];
      const value = typeof cell === 'string' ? cell : text(cell);
      if (value.length >= minLength && pattern.test(value)) {
        found.push(i);
        continue nextRow;
      }
    }
    if (phoneCount === 0) continue;
    const cell = cells[phoneColumn];
    const phone = typeof cell === 'string' ? cell : text(cell);
    for (let k = 0; k < phoneCount; k++) {
      if ((phonePatterns[k] as RegExp).test(phone)) {
        found.push(i);
        continue nextRow;
      }
    }
  }
  return found;
}
