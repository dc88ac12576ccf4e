/** rebuildPipelineSummary: compute the manager's summary in the core and write the Pipeline tab. */

import { buildPipelineSummary, type PipelineSummary, pipelineLayout } from '../domain/pipeline';
import type { Failure } from '../domain/results';
import { pipelineCustomers } from '../sheets/customerRecords';
import { pipelineEvents } from '../sheets/historyReads';
import { writePipelineTab } from '../sheets/pipelineTab';
import { handleWrite } from './guard';

export function rebuildPipelineSummary(): PipelineSummary | Failure {
  return handleWrite((ctx): PipelineSummary => {
    const summary = buildPipelineSummary({
      customers: pipelineCustomers(ctx.ss),
      history: pipelineEvents(ctx.ss),
      probabilities: ctx.settings.probabilities,
      staleDays: ctx.settings.staleDays,
      nowIso: ctx.nowIso,
      today: ctx.today,
      rebuiltBy: ctx.user,
    });
    writePipelineTab(ctx.ss, pipelineLayout(summary));
    return summary;
  });
}
