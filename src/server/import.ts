/**
 * Migration of old spreadsheets pasted into the `Import` tab: proposeImportMapping for the sidebar's first
 * step, importCustomers for the dry run and for each batch of the real run. One batch = one call = one lock:
 * read Import and Customers once, plan in memory (src/domain/import), then write new customers with one
 * setValues, merged customers as runs of consecutive rows, and all History rows with one setValues.
 */

import {
  buildImportWrites,
  type ImportMappingProposal,
  type ImportResult,
  type ImportWrites,
  importResult,
  locateImportSheet,
  EMPTY_IMPORT_MESSAGE,
  parseImportOptions,
  planImport,
  prepareImport,
  proposeMapping,
  sampleRows,
} from '../domain/import';
import type { Failure } from '../domain/results';
import type { CellValue } from '../sheets/cells';
import { CUSTOMER_WIDTH, rowAsRead, rowOver } from '../sheets/customerRows';
import { CustomersTable, type CustomersSnapshot } from '../sheets/customersTable';
import { HistoryTable } from '../sheets/historyTable';
import { reserveCustomerIds } from '../sheets/idCounter';
import { readImportGrid, spreadsheetDateFormatter } from '../sheets/importTab';
import { failure } from './failure';
import { handleRead, handleWrite } from './guard';

/** Rows shown in the sidebar's mapping preview. */
const SAMPLE_ROWS = 5;

/** The headers of the Import tab, the proposed mapping and a few rows: the sidebar's first screen. */
export function proposeImportMapping(): ImportMappingProposal | Failure {
  return handleRead((ctx): ImportMappingProposal | Failure => {
    const formatDate = spreadsheetDateFormatter(ctx.ss);
    const sheet = locateImportSheet(readImportGrid(ctx.ss), formatDate);
    if (sheet === null) return failure({ import: EMPTY_IMPORT_MESSAGE });
    return {
      ok: true,
      headers: sheet.headers,
      headerRow: sheet.headerRow,
      mapping: proposeMapping(sheet.headers),
      rowCount: sheet.rows.length,
      sample: sampleRows(sheet, SAMPLE_ROWS, formatDate),
    };
  });
}

/**
 * Imports (or with dryRun, previews) one batch of the Import tab: options { mapping?, dryRun?, duplicates?,
 * offset?, limit? }. The sidebar calls again with `nextOffset` until `done`. Re-running is safe: rows already
 * in the CRM are found as duplicates, so a second run imports nothing.
 */
export function importCustomers(options?: unknown): ImportResult | Failure {
  return handleWrite((ctx): ImportResult | Failure => {
    const parsed = parseImportOptions(options);
    if (!parsed.ok) return failure(parsed.errors);
    const opts = parsed.value;
    const formatDate = spreadsheetDateFormatter(ctx.ss);
    const prepared = prepareImport(readImportGrid(ctx.ss), opts.mapping, formatDate);
    if (!prepared.ok) return failure(prepared.errors);

    const table = CustomersTable.open(ctx.ss);
    const history = HistoryTable.open(ctx.ss); // A missing History tab stops the call before anything is written.
    const snapshot = table.read();
    const plan = planImport(prepared.value.sheet, snapshot.customers, {
      mapping: prepared.value.mapping,
      duplicates: opts.duplicates,
      offset: opts.offset,
      limit: opts.limit,
      replayEarlierRows: opts.dryRun,
      formatDate,
    });
    const resultOptions = { dryRun: opts.dryRun, duplicates: opts.duplicates };
    if (opts.dryRun || (plan.toImport.length === 0 && plan.merges.length === 0)) {
      return importResult(plan, resultOptions, []);
    }

    const ids =
      plan.toImport.length === 0
        ? []
        : reserveCustomerIds(
            snapshot.customers.map((c) => c.id),
            plan.toImport.length,
          );
    const writes = buildImportWrites(plan, ids, ctx.nowIso, ctx.user);
    writeBatch(table, history, snapshot, writes);
    return importResult(plan, resultOptions, ids);
  });
}

/**
 * Customers first, then History. If History refuses (protection, quota), the new rows are taken out and the
 * merged rows put back, so no customer is left without its log entry (as customerWrites.ts does for one row).
 */
function writeBatch(
  table: CustomersTable,
  history: HistoryTable,
  snapshot: CustomersSnapshot,
  writes: ImportWrites,
): void {
  const rowOf = (index: number): number => snapshot.rowNumbers[index] as number;
  const rawOf = (index: number): unknown[] => snapshot.rows[index] as unknown[];
  // Both History reads before any write: a changed History tab stops the batch with nothing written, and the
  // writes that follow are not split by a read (Google sends them as one batch).
  history.checkHeader();
  const historyLastRow = history.lastRowFor(writes.events.length, { batch: true });
  const appended = table.append(snapshot, writes.customers, { batch: true });
  // Merges change only the cells they fill; every other cell is written back exactly as it was read.
  rewriteRows(
    table,
    writes.updates.map((u) => ({ row: rowOf(u.existingIndex), cells: rowOver(rawOf(u.existingIndex), u.before, u.after) })),
  );
  try {
    history.append(writes.events, { headerChecked: true, lastRow: historyLastRow, batch: true });
  } catch (error) {
    table.removeAppended(appended);
    rewriteRows(
      table,
      writes.updates.map((u) => ({ row: rowOf(u.existingIndex), cells: rowAsRead(rawOf(u.existingIndex)) })),
    );
    throw error;
  }
}

/**
 * Rewrites customers in place, one setValues per run of consecutive sheet rows. Rows in between are not
 * rewritten: a rewrite re-encodes cells (a phone typed as a number would become text) and could overwrite a
 * hand edit made meanwhile. The writes are not interleaved with reads, so Google batches them; a batch
 * rewrites at most MAX_MERGED_CUSTOMERS_PER_BATCH customers (the planner ends the batch early otherwise).
 */
function rewriteRows(table: CustomersTable, rows: ReadonlyArray<{ row: number; cells: CellValue[] }>): void {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  let run: Array<{ row: number; cells: CellValue[] }> = [];
  const flush = (): void => {
    const first = run[0];
    if (first === undefined) return;
    table.sheet.getRange(first.row, 1, run.length, CUSTOMER_WIDTH).setValues(run.map((r) => r.cells));
    run = [];
  };
  for (const item of sorted) {
    const last = run[run.length - 1];
    if (last !== undefined && item.row !== last.row + 1) flush();
    run.push(item);
  }
  flush();
}
