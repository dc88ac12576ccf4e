/**
 * rebuildPipelineSummary: compute the manager's summary in the core and write the Pipeline tab and this week's
 * Snapshots rows. All reads (Settings, Customers, History, Snapshots) come before the writes.
 */

import { buildPipelineSummary, mergeSnapshots, type PipelineSummary, pipelineLayout } from '../domain/pipeline';
import type { Failure } from '../domain/results';
import { customFieldKey, groupByChoice, groupFieldFromSetting } from '../domain/customFields';
import { pipelineRows } from '../sheets/customerRecords';
import { CustomersTable } from '../sheets/customersTable';
import { readText } from '../sheets/cells';
import { cellOf } from '../sheets/customerRows';
import { pipelineEvents } from '../sheets/historyReads';
import { writePipelineTab } from '../sheets/pipelineTab';
import { readSnapshotsTab, writeSnapshotsTab } from '../sheets/snapshotsTab';
import { handleWrite } from './guard';

export function rebuildPipelineSummary(): PipelineSummary | Failure {
  return handleWrite(
    (ctx): PipelineSummary => {
      const snapshots = readSnapshotsTab(ctx.ss);
      // The Choice field the owner named in Settings ("Group Pipeline by"), if it has a column: read in the same pass.
      const group = groupFieldFromSetting(ctx.groupPipelineBy, ctx.customFields).field;
      const table = CustomersTable.open(ctx.ss, group === null ? [] : [group]);
      const rows = pipelineRows(table);
      const summary = buildPipelineSummary({
        customers: rows.map((r) => r.customer),
        history: pipelineEvents(ctx.ss),
        probabilities: ctx.settings.probabilities,
        staleDays: ctx.settings.staleDays,
        nowIso: ctx.nowIso,
        today: ctx.today,
        rebuiltBy: ctx.user,
        snapshots: snapshots.rows,
      });
      const column = group === null ? undefined : table.layout().map.of[customFieldKey(group.name)];
      if (group !== null && column !== undefined) {
        // Only the one cell per row (a Choice is a text cell), not whole customers.
        const grouped = rows.map((r) => ({
          ...r.customer,
          custom: { [group.name]: readText(cellOf(r.item, column)) },
        }));
        summary.byChoice = groupByChoice(grouped, group, ctx.settings.probabilities);
      }
      writePipelineTab(ctx.ss, pipelineLayout(summary));
      writeSnapshotsTab(ctx.ss, snapshots, mergeSnapshots(snapshots.rows, summary.snapshot));
      return summary;
    },
    { pipeline: 'unchanged' },
  );
}
