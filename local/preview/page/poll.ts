/**
 * Someone at another tab (another person) may change the workbook: every POLL_MS the page asks how many times
 * the workbook changed (GET /api/changes, a few bytes) and fetches its state only when that differs from the
 * count of the state it shows.
 */

import type { ChangesResponse } from '../protocol';
import { get } from './api';
import { win } from './dom';

export const POLL_MS = 1500;

/** `shown()`: the change count of the state on screen (null before the first); `refresh()` fetches and draws it. */
export function watchChanges(shown: () => number | null, refresh: () => Promise<void>): void {
  let asking = false;
  win.setInterval(() => {
    if (asking || shown() === null) return;
    asking = true;
    get<ChangesResponse>('/api/changes')
      .then((seen) => (seen.changes !== shown() ? refresh() : undefined))
      .catch(() => undefined) // the server is gone or restarting: the person's next action says so
      .finally(() => {
        asking = false;
      });
  }, POLL_MS);
}
