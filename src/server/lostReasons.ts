/** listLostReasons: the Settings list a move to Closed-lost chooses from (the sidebar's dropdown). */

import type { Failure } from '../domain/results';
import { handleRead } from './guard';

export function listLostReasons(): { reasons: string[] } | Failure {
  return handleRead((ctx) => ({ reasons: [...ctx.settings.lostReasons] }));
}
