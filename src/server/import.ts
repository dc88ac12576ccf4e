/**
 * Migration of old spreadsheets pasted into the `Import` tab: proposeImportMapping for the sidebar's first
 * step, importCustomers for the dry run and for each batch of the real run. One batch = one call = one lock:
 * read Import and Customers once, plan in memory (src/domain/import), then write new customers with one
 * setValues, the cells merges fill (see CustomersTable.rewrite), and all History rows with one setValues.
 */

import { warnImportedLostRows } from '../domain/lostReasons';
import {
  assignImportOwners,
  buildImportWrites,
  customImportColumns,
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
  validateCustomMapping,
} from '../domain/import';
import type { Failure } from '../domain/results';
import { type CellBlock, rollBack } from '../sheets/table';
import { CustomersTable, type CustomersSnapshot } from '../sheets/customersTable';
import { HistoryTable } from '../sheets/historyTable';
import { reserveCustomerIds } from '../sheets/idCounter';
import { readImportGrid, spreadsheetDateFormatter } from '../sheets/importTab';
import { failure } from './failure';
import { handleRead, handleWrite } from './guard';
import { staffChoices } from './myWork';

/** Rows shown in the sidebar's mapping preview. */
const SAMPLE_ROWS = 5;

/** The headers of the Import tab, the proposed mapping and a few rows: the sidebar's first screen. */
export function proposeImportMapping(): ImportMappingProposal | Failure {
  return handleRead((ctx): ImportMappingProposal | Failure => {
    const formatDate = spreadsheetDateFormatter();
    const sheet = locateImportSheet(readImportGrid(ctx.ss), formatDate);
    if (sheet === null) return failure({ import: EMPTY_IMPORT_MESSAGE });
    const mapping = proposeMapping(sheet.headers);
    // Only the custom fields with a Customers column can be filled (the header row read once more).
    const definitions = CustomersTable.open(ctx.ss, ctx.customFields).layout().definitions;
    const byHeader = customImportColumns(sheet.headers, mapping, definitions);
    return {
      ok: true,
      headers: sheet.headers,
      headerRow: sheet.headerRow,
      mapping,
      customFields: definitions.map((d) => ({
        name: d.name,
        column: byHeader.find((c) => c.definition === d)?.column ?? null,
      })),
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
    const formatDate = spreadsheetDateFormatter();
    const prepared = prepareImport(readImportGrid(ctx.ss), opts.mapping, formatDate);
    if (!prepared.ok) return failure(prepared.errors);

    const table = CustomersTable.open(ctx.ss, ctx.customFields);
    const history = HistoryTable.open(ctx.ss); // A missing History tab stops the call before anything is written.
    const snapshot = table.read();
    // From the header row just read: the custom fields that have a column are the ones an imported row can fill.
    const customFields = table.layout().definitions;
    const customColumns = validateCustomMapping(
      opts.customMapping,
      prepared.value.sheet.headers,
      prepared.value.mapping,
      customFields,
    );
    if (!customColumns.ok) return failure(customColumns.errors);
    const plan = planImport(prepared.value.sheet, snapshot.customers, {
      mapping: prepared.value.mapping,
      duplicates: opts.duplicates,
      offset: opts.offset,
      limit: opts.limit,
      replayEarlierRows: opts.dryRun,
      formatDate,
      customFields,
      customColumns: customColumns.value,
    });
    assignImportOwners(plan, staffChoices(ctx), ctx.user);
    warnImportedLostRows(plan);
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
    const writes = buildImportWrites(plan, ids, ctx.nowIso, ctx.user, customFields);
    writeBatch(table, history, snapshot, writes);
    return importResult(plan, resultOptions, ids);
  });
}

/**
 * Customers first (new rows, then the cells merges fill), then History. Any failure after the first write (a
 * merge's cell refused, History refusing: protection, quota) takes out the new rows and puts the merged cells
 * back as read, then rethrows: no customer is left without its log entry (as customerWrites.ts does for one).
 */
function writeBatch(
  table: CustomersTable,
  history: HistoryTable,
  snapshot: CustomersSnapshot,
  writes: ImportWrites,
): void {
  // Both History reads before any write: a changed History tab stops the batch with nothing written, and the
  // writes that follow are not split by a read (Google sends them as one batch).
  history.checkHeader();
  const historyLastRow = history.lastRowFor(writes.events.length, { batch: true });
  const appended = table.append(snapshot, writes.customers, { batch: true }); // takes out its own rows if refused
  let merged: CellBlock[] = [];
  try {
    // Merges write only the cells they fill and the stamp; rewrite puts back its own cells if one is refused.
    // At most MAX_MERGED_CUSTOMERS_PER_BATCH customers (the planner ends the batch early otherwise).
    merged = table.rewrite(
      snapshot,
      writes.updates.map((u) => ({ index: u.existingIndex, after: u.after })),
    );
    history.append(writes.events, { headerChecked: true, lastRow: historyLastRow, batch: true });
  } catch (error) {
    rollBack(error, [() => table.undo(merged), () => table.removeAppended(appended)]);
  }
}
