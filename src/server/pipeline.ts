/**
 * rebuildPipelineSummary: compute the manager's summary in the core and write the Pipeline tab and this week's
 * Snapshots rows. All reads (Settings, Customers, History, Snapshots) come before the writes.
 */

import { buildPipelineSummary, mergeSnapshots, type PipelineSummary, pipelineLayout } from '../domain/pipeline';
import type { Failure } from '../domain/results';
import { pipelineCustomers } from '../sheets/customerRecords';
import { pipelineEvents } from '../sheets/historyReads';
import { writePipelineTab } from '../sheets/pipelineTab';
import { readSnapshotsTab, writeSnapshotsTab } from '../sheets/snapshotsTab';
import { handleWrite } from './guard';

export function rebuildPipelineSummary(): PipelineSummary | Failure {
  return handleWrite(
    (ctx): PipelineSummary => {
      const snapshots = readSnapshotsTab(ctx.ss);
      const summary = buildPipelineSummary({
        customers: pipelineCustomers(ctx.ss),
        history: pipelineEvents(ctx.ss),
        probabilities: ctx.settings.probabilities,
        staleDays: ctx.settings.staleDays,
        nowIso: ctx.nowIso,
        today: ctx.today,
        rebuiltBy: ctx.user,
        snapshots: snapshots.rows,
      });
      writePipelineTab(ctx.ss, pipelineLayout(summary));
      writeSnapshotsTab(ctx.ss, snapshots, mergeSnapshots(snapshots.rows, summary.snapshot));
      return summary;
    },
    { pipeline: 'unchanged' },
  );
}
