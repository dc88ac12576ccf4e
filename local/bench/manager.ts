/**
 * The manager's-view figures of `npm run bench` (issue 15): what keeps the Pipeline tab never silently stale, at
 * each size. Two actions, each a real execution through harness.call:
 *  - "status change, tab marked": updateCustomerStatus, which marks Pipeline!A2 "out of date" in the same batch
 *    (one setValue, no read) — the calls must not grow with the rows;
 *  - "rebuild + snapshot": rebuildPipelineSummary, which rewrites the tab (headline, lists) and this week's
 *    Snapshots rows — getMaxRows + one setValues per tab in the steady state.
 * Each run is checked: the tab says "out of date" after the save and "Last rebuilt" after the rebuild.
 */

import { type Harness, succeeded } from '../bundle/harness';

const REP = 'rep@example.com';

interface Options<S, F> {
  crm: Harness;
  customers: readonly { id: string; status: string }[];
  measure: <T>(crm: Harness, body: () => T) => { result: T; sample: S };
  figures: (action: string, samples: readonly S[]) => F;
  add: (figure: F) => void;
}

function statusLine(crm: Harness): string {
  return String(crm.gas.sheets.sheetValues('Pipeline')[1]?.[0] ?? '');
}

export function benchManager<S, F>({ crm, customers, measure, figures, add }: Options<S, F>): void {
  // Leads from the end of the tab (the other actions pick theirs spread over it); the current version is asked
  // first, unmeasured, since an earlier action may have changed one of them.
  const leads = customers.filter((c) => c.status === 'Lead').slice(-5);
  succeeded(crm.call(REP, 'rebuildPipelineSummary'), 'bench: rebuild before marking');
  const marks = leads.map((lead) => {
    const { customer } = succeeded(crm.call(REP, 'getCustomer', lead.id), 'bench: getCustomer');
    const { result, sample } = measure(crm, () =>
      crm.call(REP, 'updateCustomerStatus', lead.id, 'Qualified', customer.version),
    );
    succeeded(result, 'bench: updateCustomerStatus');
    if (!statusLine(crm).includes('out of date')) throw new Error(`bench: tab not marked: ${statusLine(crm)}`);
    return sample;
  });
  add(figures('status change, tab marked', marks));
  const rebuilds = Array.from({ length: 3 }, () => {
    const { result, sample } = measure(crm, () => crm.call(REP, 'rebuildPipelineSummary'));
    succeeded(result, 'bench: rebuildPipelineSummary');
    if (!statusLine(crm).startsWith('Last rebuilt')) throw new Error(`bench: tab not current: ${statusLine(crm)}`);
    return sample;
  });
  add(figures('rebuild + snapshot', rebuilds));
}
