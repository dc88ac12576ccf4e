/**
 * What an import batch writes, built from the plan: the new customers (IDs, timestamps, version 1), the
 * merged customers (filled fields, version + 1) and their History rows, all with action "import" so the log
 * says where the data came from (the pipeline reader treats an "import" row like a "create" row).
 * Also the API result of a batch, so the server and the dry run return the same shape.
 */

import { applyChange } from '../change';
import type { Customer, HistoryEvent } from '../customer';
import type { CustomFieldDefinition } from '../customFields';
import { creationEvents } from '../history';
import type { DuplicateMode, DuplicateRow, ImportPlan, ImportResult } from './types';

export interface ImportUpdate {
  /** Index into the `existing` array given to the planner (the snapshot's customers). */
  existingIndex: number;
  before: Customer;
  after: Customer;
}

export interface ImportWrites {
  customers: Customer[];
  updates: ImportUpdate[];
  events: HistoryEvent[];
}

function asImport(event: HistoryEvent): HistoryEvent {
  return { ...event, action: 'import' };
}

/**
 * `ids[i]` is the reserved ID of plan.toImport[i]; `at` is the ISO time of the call, `by` the importing user;
 * `definitions` the custom fields, so creation and merge events log their values.
 */
export function buildImportWrites(
  plan: ImportPlan,
  ids: readonly string[],
  at: string,
  by: string,
  definitions: readonly CustomFieldDefinition[] = [],
): ImportWrites {
  if (ids.length !== plan.toImport.length) {
    throw new RangeError(`Expected ${plan.toImport.length} customer IDs, got ${ids.length}.`);
  }
  const customers = plan.toImport.map(
    (planned, i): Customer => ({
      ...planned.fields,
      custom: { ...planned.custom },
      id: ids[i] as string,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
      statusChangedAt: at,
      version: 1,
    }),
  );
  const events = customers.flatMap((customer) => creationEvents(customer, by, definitions).map(asImport));
  const updates: ImportUpdate[] = [];
  for (const merge of plan.merges) {
    // The same rule as a save (applyChange): Version + 1, Updated at/by, Status changed at only if the status moved
    // (a merge never fills Status), each filled field logged, custom ones too. A merge that changes nothing is not
    // written and not logged.
    const { next, events: changes } = applyChange(merge.before, merge.fill, { at, by, definitions });
    if (changes.length === 0) continue;
    updates.push({ existingIndex: merge.existingIndex, before: merge.before, after: next });
    events.push(...changes.map(asImport));
  }
  return { customers, updates, events };
}

/** The API result of a batch; `ids` empty for a dry run (in-import duplicates then keep existingId ''). */
export function importResult(
  plan: ImportPlan,
  options: { dryRun: boolean; duplicates: DuplicateMode },
  ids: readonly string[],
): ImportResult {
  const duplicates: DuplicateRow[] = plan.duplicates.map((d) => ({ ...d, filled: [...d.filled] }));
  for (const { duplicate, toImport } of plan.duplicateTargets) {
    const id = ids[toImport];
    const row = duplicates[duplicate];
    if (id !== undefined && row !== undefined) row.existingId = id;
  }
  return {
    ok: true,
    dryRun: options.dryRun,
    duplicateMode: options.duplicates,
    mapping: plan.mapping,
    headers: plan.headers,
    headerRow: plan.headerRow,
    total: plan.total,
    processed: plan.nextOffset - plan.offset,
    nextOffset: plan.nextOffset,
    done: plan.done,
    imported: plan.toImport.length,
    importedRows: plan.toImport.map((p) => p.row),
    ids: [...ids],
    merged: plan.mergedRows,
    skipped: plan.skipped,
    duplicates,
    blank: plan.blank,
    warnings: plan.warnings,
  };
}
