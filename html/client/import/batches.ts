/**
 * Runs importCustomers batch after batch: one call at a time (each batch must see what the previous one wrote),
 * from `startOffset`, following `nextOffset` until the server says `done`, a cancel is asked for (the current
 * batch always finishes: stopping mid-call is impossible), the server refuses, or the call fails. The per-row
 * reports of all batches are added up, so the sidebar shows one report for the whole run.
 */

import type { DuplicateRow, ImportResult, SkippedRow } from '../../../src/domain/import/types';
import type { Failure } from '../../../src/domain/results';

/** The report of a whole run (or of the batches run so far). */
export interface RunTotals {
  /** Data rows below the header (blank lines included). */
  total: number;
  /** Where the next batch starts: rows [0, nextOffset) are done. */
  nextOffset: number;
  done: boolean;
  imported: number;
  merged: number;
  blank: number;
  ids: string[];
  skipped: SkippedRow[];
  duplicates: DuplicateRow[];
  /** Rows imported with a value changed on the way (an optional cell left empty, an unknown owner). */
  warnings: SkippedRow[];
  batches: number;
}

export type RunOutcome =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  /** The server answered { ok: false, errors } (busy, access, mapping…): its messages. */
  | { kind: 'refused'; errors: Record<string, string> }
  /** The call itself failed (network, exception): the error, for the banner. */
  | { kind: 'failed'; error: unknown };

export interface RunOptions {
  /** One call of importCustomers for the batch starting at `offset`. */
  send(offset: number): Promise<ImportResult | Failure>;
  startOffset: number;
  /** Totals of earlier runs to continue (after a cancel or a failure); a fresh run when absent. */
  previous?: RunTotals;
  /** Called after each batch with the totals so far. */
  onBatch(totals: RunTotals): void;
  /** Asked after each batch: true stops the run there. */
  cancelled(): boolean;
}

export function emptyTotals(total = 0, offset = 0): RunTotals {
  return {
    total,
    nextOffset: offset,
    done: false,
    imported: 0,
    merged: 0,
    blank: 0,
    ids: [],
    skipped: [],
    duplicates: [],
    warnings: [],
    batches: 0,
  };
}

function add(totals: RunTotals, batch: ImportResult): RunTotals {
  return {
    total: batch.total,
    nextOffset: batch.nextOffset,
    done: batch.done,
    imported: totals.imported + batch.imported,
    merged: totals.merged + batch.merged,
    blank: totals.blank + batch.blank,
    ids: [...totals.ids, ...batch.ids],
    skipped: [...totals.skipped, ...batch.skipped],
    duplicates: [...totals.duplicates, ...batch.duplicates],
    warnings: [...totals.warnings, ...batch.warnings],
    batches: totals.batches + 1,
  };
}

export async function runBatches(options: RunOptions): Promise<{ totals: RunTotals; outcome: RunOutcome }> {
  let totals = options.previous ?? emptyTotals(0, options.startOffset);
  let offset = options.startOffset;
  for (;;) {
    let result: ImportResult | Failure;
    try {
      result = await options.send(offset);
    } catch (error) {
      return { totals, outcome: { kind: 'failed', error } };
    }
    if (result?.ok !== true) {
      const errors = result && result.ok === false && result.errors ? result.errors : {};
      return { totals, outcome: { kind: 'refused', errors } };
    }
    if (!result.done && result.nextOffset <= offset) {
      // A server that does not move on would loop for ever: stop with what was done.
      return {
        totals,
        outcome: { kind: 'failed', error: new Error(`the import did not move past row offset ${offset}`) },
      };
    }
    totals = add(totals, result);
    options.onBatch(totals);
    if (result.done) return { totals, outcome: { kind: 'done' } };
    if (options.cancelled()) return { totals, outcome: { kind: 'cancelled' } };
    offset = result.nextOffset;
  }
}
