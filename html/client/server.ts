/**
 * Typed promise wrapper over google.script.run: one call = one server execution.
 * `call('getCustomer', id)` resolves with the server function's return value or rejects with the
 * failure handler's error (e.g. "Exception: ..." or a network error).
 */

import type { ServerApi } from '../../src/domain/api';
import { refreshesPipeline, schedulePipelineRefresh } from './pipelineRefresh';

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error('google.script.run is not available: open this page from the CRM menu in Google Sheets.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => {
        if (refreshesPipeline(name, value)) schedulePipelineRefresh();
        resolve(value as ReturnType<ServerApi[K]>);
      })
      .withFailureHandler((error) => reject(error));
    // Apps Script cannot pass `undefined`: drop trailing optional arguments that were not given.
    const sent: unknown[] = [...args];
    while (sent.length > 0 && sent[sent.length - 1] === undefined) sent.pop();
    (runner[name] as (...a: unknown[]) => void).apply(runner, sent);
  });
}

/** Closes the dialog or sidebar (no-op outside Apps Script). */
export function closeHost(): void {
  if (typeof google !== 'undefined' && google.script && google.script.host) google.script.host.close();
}
