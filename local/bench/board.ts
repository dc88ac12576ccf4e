/**
 * Bench of opening the Pipeline board: getPipelineBoard as the dialog first calls it (everyone, 50 cards per stage),
 * five runs, then once with the owner filter. main.ts hands in its measure/figures so this file adds one action.
 */

import { type Harness, succeeded } from '../bundle/harness';

const REP = 'rep@example.com';

export function benchBoard<S, F>(
  crm: Harness,
  measure: <T>(crm: Harness, body: () => T) => { result: T; sample: S },
  figures: (action: string, samples: readonly S[]) => F,
): F {
  const runs = [{}, {}, {}, {}, { owner: REP }].map((options) => {
    const { result, sample } = measure(crm, () => crm.call(REP, 'getPipelineBoard', { perStage: 50, ...options }));
    if (succeeded(result, 'bench: getPipelineBoard').columns.length !== 8) throw new Error('bench: not 8 columns');
    return sample;
  });
  return figures('open board', runs);
}
