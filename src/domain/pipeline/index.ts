/** The pipeline maths and the `Pipeline` tab layout: pure, shared by the server and the local preview. */

export { buildPipelineSummary } from './summary';
export {
  pipelineLayout,
  formatRebuiltAt,
  PIPELINE_TITLE,
  PIPELINE_FORMATS,
  NO_OWNER_LABEL,
  NO_VALUE,
} from './layout';
export type { PipelineLayout, PipelineChartSpec, PipelineCell } from './layout';
export { FUNNEL, funnelDepth } from './conversion';
export { median, average } from './stageTimes';
export { DEFAULT_STALE_DAYS, DAY_MS } from './time';
export type {
  PipelineInput,
  PipelineEvent,
  PipelineCustomer,
  PipelineSummary,
  StageRow,
  ConversionRow,
  StageTimeRow,
  StaleRow,
  OwnerRow,
} from './types';
