/**
 * The Pipeline rebuild reads Customers as one snapshot: a person sorting the tab by hand while the rebuild runs (the
 * document lock does not stop people) must not pair one customer's name with another's status or idle days on the
 * Pipeline tab. Here the tab is sorted, the other way each time, at the start of every sheet read the rebuild makes.
 */

import { sortRows } from '../../../local/gas/spreadsheet/structure';
import type { PipelineSummary } from '../../../src/domain/pipeline';
import { DAY_MS, newCrm, OWNER, REP, START_MS, succeeded } from '../../support/crm';

const PEOPLE = [
  { name: 'Ada Able', status: 'Lead', idle: 40 },
  { name: 'Bo Baker', status: 'Contacted', idle: 30 },
  { name: 'Cy Cole', status: 'Qualified', idle: 25 },
  { name: 'Di Dale', status: 'In negotiation', idle: 20 },
] as const;

describe('Pipeline rebuild while the Customers tab is sorted by hand', () => {
  it('lists every stale customer with its own status and idle days', () => {
    const crm = newCrm();
    const ids = new Map<string, (typeof PEOPLE)[number]>();
    // Registered oldest first, so each is idle as long as PEOPLE says when the clock reaches day 40.
    for (const person of PEOPLE) {
      crm.gas.runtime.setNow(START_MS + (40 - person.idle) * DAY_MS);
      const saved = succeeded(crm.call(REP, 'registerCustomer', { name: person.name, status: person.status }));
      ids.set(saved.customer.id, person);
    }
    crm.gas.runtime.setNow(START_MS + 40 * DAY_MS);

    // A person's Data ▸ Sort range by Name (rows 2..5, whole rows with their formats), the other way before each
    // read the rebuild makes: host-side, as people's edits are (an execution cannot run inside another).
    let ascending = false;
    const stop = crm.gas.runtime.calls.onCall((method) => {
      if (!/^(Sheet\.getSheetValues|Range\.getValues)$/.test(method)) return;
      ascending = !ascending;
      sortRows(crm.gas.sheets.sheet('Customers'), 2, PEOPLE.length, 2, ascending);
    });
    let summary: PipelineSummary;
    try {
      summary = succeeded(crm.call(OWNER, 'rebuildPipelineSummary')) as unknown as PipelineSummary;
    } finally {
      stop();
    }

    expect(summary.stale.map((row) => row.id).sort()).toEqual([...ids.keys()].sort());
    for (const row of summary.stale) {
      const person = ids.get(row.id);
      expect([row.name, row.status, row.daysIdle]).toEqual([person?.name, person?.status, person?.idle]);
    }
  });
});
