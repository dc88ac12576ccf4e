/**
 * rebuildPipelineSummary: compute the manager's summary in the core and write the Pipeline tab and this week's
 * Snapshots rows. All reads (Settings, Snapshots, the Customers columns the figures use, History's status rows)
 * come before the writes.
 */

import { buildPipelineSummary, mergeSnapshots, type PipelineSummary, pipelineLayout } from '../domain/pipeline';
import type { Failure } from '../domain/results';
import { groupByChoice, groupFieldFromSetting } from '../domain/customFields';
import { readPipelineCustomers, readPipelineStatusChanges } from '../sheets/pipelineReads';
import { writePipelineTab } from '../sheets/pipelineTab';
import { readSnapshotsTab, writeSnapshotsTab } from '../sheets/snapshotsTab';
import { handleWrite } from './guard';

export function rebuildPipelineSummary(): PipelineSummary | Failure {
  return handleWrite(
    (ctx): PipelineSummary => {
      const snapshots = readSnapshotsTab(ctx.ss);
      // The Choice field the owner named in Settings ("Group Pipeline by"), if it has a column: read in the same pass.
      const group = groupFieldFromSetting(ctx.groupPipelineBy, ctx.customFields).field;
      const { customers, choices } = readPipelineCustomers(ctx.ss, group);
      const summary = buildPipelineSummary({
        customers,
        statusChanges: readPipelineStatusChanges(ctx.ss),
        probabilities: ctx.settings.probabilities,
        staleDays: ctx.settings.staleDays,
        nowIso: ctx.nowIso,
        today: ctx.today,
        rebuiltBy: ctx.user,
        snapshots: snapshots.rows,
      });
      if (group !== null && choices !== null) {
        // Only the one cell per row (a Choice is a text cell), not whole customers.
        const grouped = customers.map((customer, i) => ({ ...customer, custom: { [group.name]: choices[i] ?? '' } }));
        summary.byChoice = groupByChoice(grouped, group, ctx.settings.probabilities);
      }
      writePipelineTab(ctx.ss, pipelineLayout(summary));
      writeSnapshotsTab(ctx.ss, snapshots, mergeSnapshots(snapshots.rows, summary.snapshot));
      return summary;
    },
    { pipeline: 'unchanged' },
  );
}
