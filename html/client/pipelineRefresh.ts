/**
 * Keeps the Pipeline tab current without slowing down saves: a successful write schedules one
 * background rebuildPipelineSummary a moment later, so several quick saves cost a single rebuild and
 * the save itself never waits for the summary (it reads the whole History tab).
 */

import type { ServerApi } from '../../src/domain/api';

/** Server functions that change customers. */
const WRITES: ReadonlySet<keyof ServerApi> = new Set<keyof ServerApi>([
  'registerCustomer',
  'updateCustomer',
  'updateCustomerStatus',
  'importCustomers',
  'archiveCustomer',
  'restoreCustomer',
  'mergeCustomers',
]);

export const PIPELINE_REFRESH_DELAY_MS = 1500;

let timer: ReturnType<typeof setTimeout> | undefined;

export function refreshesPipeline(name: keyof ServerApi, result: unknown): boolean {
  if (!WRITES.has(name) || typeof result !== 'object' || result === null) return false;
  const { ok, dryRun, done } = result as { ok?: unknown; dryRun?: unknown; done?: unknown };
  // An import runs in batches: rebuild once after the last one, not between batches (it takes the lock).
  if (name === 'importCustomers') return ok === true && dryRun !== true && done === true;
  return ok === true && dryRun !== true;
}

export function schedulePipelineRefresh(): void {
  if (typeof google === 'undefined' || !google.script || !google.script.run) return;
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    // Fire and forget: a failed refresh leaves the tab's "Last rebuilt" line showing its age.
    google.script.run
      .withSuccessHandler(() => undefined)
      .withFailureHandler(() => undefined)
      .rebuildPipelineSummary();
  }, PIPELINE_REFRESH_DELAY_MS);
}
