/** The pipeline maths and the `Pipeline` tab layout: pure, shared by the server and the local preview. */

export { buildPipelineSummary } from './summary';
export {
  pipelineLayout,
  pipelineFrame,
  frameNumberFormats,
  frameFontWeights,
  formatRebuiltAt,
  PIPELINE_TITLE,
  PIPELINE_FORMATS,
  PIPELINE_FRAME_VERSION,
  PIPELINE_WIDTH,
  NO_OWNER_LABEL,
  NO_VALUE,
  PIPELINE_STATUS_ROW,
  PIPELINE_ROWS,
  moreStaleText,
  outOfDateText,
  staleTitle,
} from './layout';
export { isoWeek } from './weeks';
export {
  SNAPSHOT_HEADERS,
  TREND_WEEKS,
  mergeSnapshots,
  readSnapshots,
  type SnapshotRow,
  type WeekForecast,
} from './snapshots';
export type { PipelineLayout, PipelineFrame, PipelineChartSpec, PipelineCell } from './layout';
export { FUNNEL, funnelDepth } from './conversion';
export { StatusChangeCollector, type StatusChange } from './statusEvents';
export { median, average } from './stageTimes';
export { DEFAULT_STALE_DAYS, DAY_MS, STALE_LIST_LIMIT } from './time';
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
  LostReasonRow,
  Headline,
} from './types';
