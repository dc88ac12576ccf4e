/**
 * getPipelineBoard through the built bundle: every stage in order with hand-worked counts, deal values and weighted
 * values, stalest cards first, `perStage`, the owner filter, the stale mark of the Pipeline tab, bad options, and the
 * menu item that opens the dialog; archived customers are left out.
 */

import type { BoardColumn, PipelineBoard } from '../../src/domain/results';
import { STATUSES } from '../../src/domain/statuses';
import { type Crm, DAY_MS, having, MANAGER, newCrm, OWNER, REP, START_MS, succeeded } from '../support/crm';
import { sortCustomers } from './safety/helpers';

type Board = PipelineBoard;

function board(crm: Crm, options?: Record<string, unknown>, user = REP): PipelineBoard {
  const result =
    options === undefined ? crm.call(user, 'getPipelineBoard') : crm.callRaw(user, 'getPipelineBoard', options);
  if (!('columns' in result)) throw new Error(`getPipelineBoard failed: ${JSON.stringify(result)}`);
  return result;
}

const column = (b: Board, status: string): BoardColumn => {
  const found = b.columns.find((c) => c.status === status);
  if (!found) throw new Error(`no column ${status}`);
  return found;
};
const names = (c: BoardColumn): string[] => c.customers.map((x) => x.name);
const at = (crm: Crm, day: number): void => crm.gas.runtime.setNow(START_MS + day * DAY_MS);

/**
 * Day 0: Ann Lead 1000 (rep), Bob Lead 250.5 (manager), Cat Qualified 2000 (rep), Dan Lead no value (owner).
 * Day 3: Eve Lead 100 (rep). Day 5: Bob → Contacted, Cat → In negotiation. Day 20: read the board.
 */
function seeded(): { crm: Crm; ids: Record<string, string> } {
  const crm = newCrm();
  const ids: Record<string, string> = {};
  const add = (name: string, input: Record<string, unknown>) => {
    ids[name] = succeeded(crm.call(REP, 'registerCustomer', { name, ...input })).customer.id;
  };
  const move = (name: string, status: string) => {
    const { customer } = succeeded(crm.call(REP, 'getCustomer', ids[name] as string));
    succeeded(crm.call(REP, 'updateCustomerStatus', customer.id, status, customer.version));
  };
  at(crm, 0);
  add('Ann', { dealValue: 1000, owner: REP });
  add('Bob', { dealValue: 250.5, owner: MANAGER });
  add('Cat', { status: 'Qualified', dealValue: 2000, owner: REP });
  add('Dan', { owner: OWNER });
  at(crm, 3);
  add('Eve', { dealValue: 100, owner: REP, nextStep: 'Call back', nextStepDue: '2026-03-10' });
  at(crm, 5);
  move('Bob', 'Contacted');
  move('Cat', 'In negotiation');
  at(crm, 20);
  return { crm, ids };
}

describe('getPipelineBoard', () => {
  it('all 8 stages in order with counts, deal values and weighted values (Settings probabilities)', () => {
    const { crm } = seeded();
    const b = board(crm);
    expect(b.columns.map((c) => c.status)).toEqual([...STATUSES]);
    const figures = b.columns.map((c) => [c.status, c.count, c.value, c.weighted]);
    expect(figures).toEqual([
      ['Lead', 3, 1100, 110], // Ann 1000 + Eve 100 + Dan (no value) × 10 %
      ['Contacted', 1, 250.5, 50.1], // Bob × 20 %
      ['Qualified', 0, 0, 0],
      ['In negotiation', 1, 2000, 1200], // Cat × 60 %
      ['Closed-won', 0, 0, 0],
      ['Closed-lost', 0, 0, 0],
      ['Active', 0, 0, 0],
      ['Dormant', 0, 0, 0],
    ]);
    // Each card is the whole customer, as getCustomer returns it.
    const eve = column(b, 'Lead').customers.find((c) => c.name === 'Eve');
    expect(eve).toEqual(succeeded(crm.call(REP, 'getCustomer', eve?.id as string)).customer);
    expect([b.today, b.staleDays, b.me, b.staff]).toEqual(['2026-03-22', 14, REP, [OWNER, REP, MANAGER]]);
  });

  it('leaves archived customers out (counts, values, cards) and shows them again once restored', () => {
    const { crm, ids } = seeded();
    const cat = succeeded(crm.call(REP, 'getCustomer', ids.Cat as string)).customer;
    succeeded(crm.call(MANAGER, 'archiveCustomer', cat.id, cat.version, 'Test deal'));
    const without = column(board(crm), 'In negotiation');
    expect([without.count, without.value, without.weighted, names(without)]).toEqual([0, 0, 0, []]);
    expect(board(crm).columns.reduce((n, c) => n + c.count, 0)).toBe(4);
    succeeded(crm.call(MANAGER, 'restoreCustomer', cat.id));
    const back = column(board(crm), 'In negotiation');
    expect([back.count, back.value, back.weighted, names(back)]).toEqual([1, 2000, 1200, ['Cat']]);
  });

  it('carries the Settings list of lost reasons (what a move to Closed-lost asks for)', () => {
    const { crm } = seeded();
    expect(board(crm).lostReasons).toEqual([
      'Price',
      'Timing',
      'Chose a competitor',
      'No budget',
      'No response',
      'Other',
    ]);
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', a1: 'N3', value: 'Went quiet' });
    expect(board(crm).lostReasons).toEqual([
      'Price',
      'Went quiet',
      'Chose a competitor',
      'No budget',
      'No response',
      'Other',
    ]);
  });

  it('weighted values follow the probabilities in Settings', () => {
    const { crm } = seeded();
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', a1: 'D2', value: '50%' }); // Lead
    const lead = column(board(crm), 'Lead');
    expect([lead.value, lead.weighted, lead.probability]).toEqual([1100, 550, 0.5]);
  });

  it('stalest first (longest since Status changed at), ties by ID; days in stage and the stale mark per card', () => {
    const { crm } = seeded();
    const b = board(crm);
    // Ann and Dan since day 0 (Ann's ID first), Eve since day 3.
    expect(names(column(b, 'Lead'))).toEqual(['Ann', 'Dan', 'Eve']);
    expect(column(b, 'Lead').cards).toEqual([
      { daysInStage: 20, stale: true },
      { daysInStage: 20, stale: true },
      { daysInStage: 17, stale: true },
    ]);
    expect(column(b, 'Contacted').cards).toEqual([{ daysInStage: 15, stale: true }]);
    // The Pipeline tab's threshold: more than 18 days idle → only Ann and Dan.
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', a1: 'G2', value: '18' });
    const later = board(crm);
    expect(column(later, 'Lead').cards.map((c) => c.stale)).toEqual([true, true, false]);
    expect(column(later, 'Contacted').cards.map((c) => c.stale)).toEqual([false]);
    expect(later.staleDays).toBe(18);
  });

  it('a closed stage is never stale, as on the Pipeline tab', () => {
    const { crm, ids } = seeded();
    succeeded(crm.call(REP, 'updateCustomerStatus', ids.Cat as string, 'Closed-won', 2));
    at(crm, 60);
    expect(column(board(crm), 'Closed-won').cards).toEqual([{ daysInStage: 40, stale: false }]);
  });

  it('perStage limits the cards, never the figures; default 50', () => {
    const { crm } = seeded();
    const two = board(crm, { perStage: 2 });
    expect([column(two, 'Lead').count, names(column(two, 'Lead'))]).toEqual([3, ['Ann', 'Dan']]);
    expect(column(two, 'Lead').cards).toHaveLength(2);
    expect(board(crm, { perStage: '1' }).columns.map((c) => c.customers.length)).toEqual([1, 1, 0, 1, 0, 0, 0, 0]);

    for (let i = 0; i < 52; i++) succeeded(crm.call(REP, 'registerCustomer', { name: `Lead ${i}`, dealValue: 1 }));
    const many = column(board(crm), 'Lead');
    expect([many.count, many.customers.length, many.value]).toEqual([55, 50, 1152]);
  });

  it('owner filter: one owner (any case) or everyone ("", "*", absent)', () => {
    const { crm } = seeded();
    const mine = board(crm, { owner: 'REP@example.com' });
    expect(mine.columns.map((c) => c.count)).toEqual([2, 0, 0, 1, 0, 0, 0, 0]);
    expect(names(column(mine, 'Lead'))).toEqual(['Ann', 'Eve']);
    expect(column(mine, 'Lead').value).toBe(1100);
    expect(board(crm, { owner: MANAGER }).columns.map((c) => c.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    expect(board(crm, { owner: 'nobody@example.com' }).columns.every((c) => c.count === 0)).toBe(true);
    const everyone = [3, 1, 0, 1, 0, 0, 0, 0];
    for (const owner of ['', '*', undefined])
      expect(board(crm, owner === undefined ? {} : { owner }).columns.map((c) => c.count)).toEqual(everyone);
  });

  it('a move shows on the next board: the card changes column, the figures follow', () => {
    const { crm, ids } = seeded();
    succeeded(crm.call(MANAGER, 'updateCustomerStatus', ids.Ann as string, 'Qualified', 1));
    const b = board(crm);
    expect(names(column(b, 'Qualified'))).toEqual(['Ann']);
    expect([column(b, 'Qualified').cards[0]?.daysInStage, column(b, 'Lead').count]).toEqual([0, 2]);
    expect(column(b, 'Qualified').weighted).toBe(400);
  });

  it('a sorted sheet changes nothing', () => {
    const { crm } = seeded();
    const before = board(crm);
    sortCustomers(crm, MANAGER, 2, false); // by Name, Z to A
    expect(board(crm)).toEqual(before);
  });

  it('bad options get field-level messages and read nothing else', () => {
    const { crm } = seeded();
    expect(having(crm.callRaw(REP, 'getPipelineBoard', { perStage: 0 }), 'errors').errors.perStage).toMatch(
      /Cards per stage must be a whole number from 1 to 1,000/,
    );
    expect(having(crm.callRaw(REP, 'getPipelineBoard', { perStage: 'lots' }), 'errors').errors.perStage).toMatch(
      /Cards per stage/,
    );
    expect(having(crm.callRaw(REP, 'getPipelineBoard', { owner: 42 }), 'errors').errors.owner).toMatch(/Owner filter/);
    expect(having(crm.callRaw(REP, 'getPipelineBoard', { owner: 'x'.repeat(100_000) }), 'errors').errors.owner).toMatch(
      /Owner filter/,
    );
    expect(having(crm.callRaw(REP, 'getPipelineBoard', { colour: 'red' }), 'errors').errors.colour).toMatch(/owner/);
    expect(having(crm.callRaw(REP, 'getPipelineBoard', 'everything'), 'errors').errors.options).toBeDefined();
  });

  it('hostile text stays data: formulas and markup come back as typed', () => {
    const crm = newCrm();
    for (const name of ['=HYPERLINK("http://x","y")', '<img src=x onerror=alert(1)>', '+44 20 7946 0000', 'Zoë 👩🏽‍💼'])
      succeeded(crm.call(REP, 'registerCustomer', { name, company: name }));
    expect(names(column(board(crm), 'Lead')).sort()).toEqual(
      ['=HYPERLINK("http://x","y")', '<img src=x onerror=alert(1)>', '+44 20 7946 0000', 'Zoë 👩🏽‍💼'].sort(),
    );
  });

  it('reads nothing before Set up and says what to do', () => {
    const crm = newCrm({ setUp: false });
    expect(JSON.stringify(crm.call(REP, 'getPipelineBoard'))).toMatch(/Set up/);
  });

  it('CRM ▸ Pipeline board opens the board page in a wide modal dialog, for staff and owner alike', () => {
    const crm = newCrm();
    for (const user of [REP, OWNER]) {
      crm.run(user, 'showPipelineBoard');
      const dialog = crm.gas.ui.last('modalDialog');
      expect(dialog?.title).toBe('Pipeline board');
      expect(dialog?.width).toBeGreaterThanOrEqual(1200);
      expect(dialog?.html).toContain('data-state="{&quot;view&quot;:&quot;board&quot;}"');
    }
  });
});
