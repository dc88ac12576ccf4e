/** rebuildPipelineSummary: compute the manager's summary in the core and write the Pipeline tab. */

import { buildPipelineSummary, type PipelineSummary, pipelineLayout } from '../domain/pipeline';
import type { Failure } from '../domain/results';
import { CustomersTable } from '../sheets/customersTable';
import { HistoryTable } from '../sheets/historyTable';
import { writePipelineTab } from '../sheets/pipelineTab';
import { handleWrite } from './guard';

export function rebuildPipelineSummary(): PipelineSummary | Failure {
  return handleWrite((ctx): PipelineSummary => {
    const summary = buildPipelineSummary({
      customers: CustomersTable.open(ctx.ss).read().customers,
      history: HistoryTable.open(ctx.ss).readAll(),
      probabilities: ctx.settings.probabilities,
      staleDays: ctx.settings.staleDays,
      nowIso: ctx.nowIso,
      rebuiltBy: ctx.user,
    });
    writePipelineTab(ctx.ss, pipelineLayout(summary));
    return summary;
  });
}
