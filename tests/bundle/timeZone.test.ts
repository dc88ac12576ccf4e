/**
 * Through the built bundle: the spreadsheet's time zone is remembered in the document properties (Set up, and every
 * write that asked it), and search, list, My work, the board and get read due days without asking the zone (one
 * request on Google) wherever a cell proves the remembered zone right (src/domain/zoneProof.ts). Every other case
 * asks, once per call, and the days are the same: a zone changed by the owner, zones with a partner 24 h away, a
 * hostile remembered value, a time typed into a date cell, a sorted tab.
 */

import { CUSTOMER_HEADERS, type Customer } from '../../src/domain/customer';
import { addDays } from '../../src/domain/dates';
import { type Crm, createCrm, DAY_MS, OWNER, REP, MANAGER, STRANGER, START_MS, succeeded } from '../support/crm';
import { byHand, sortCustomers } from './safety/helpers';

const ZONE_KEY = 'crm.timeZone';
const ASK = 'Spreadsheet.getSpreadsheetTimeZone';
const DUE_COLUMN = CUSTOMER_HEADERS.indexOf('Next step due') + 1;

/** A CRM in `timeZone` at `startMs`: the owner sets up, REP and MANAGER are applied staff. */
function crmIn(timeZone: string, startMs = START_MS): Crm {
  const crm = createCrm({ owner: OWNER, editors: [REP, MANAGER, STRANGER], startMs, timeZone });
  succeeded(crm.call(OWNER, 'setUpCrm'));
  crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', row: 2, column: 1, value: REP });
  succeeded(crm.call(OWNER, 'setUpCrm'));
  return crm;
}

/** The day an instant falls on in `timeZone` (the test's own arithmetic: Intl, not the add-on's). */
function dayIn(timeZone: string, ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

function remembered(crm: Crm): string | undefined {
  return crm.gas.services.propertiesSnapshot().document[ZONE_KEY];
}

/** The counted calls of one execution. */
function callsOf<T>(crm: Crm, body: () => T): { result: T; calls: (method: string) => number } {
  crm.gas.runtime.calls.reset();
  const result = body();
  return { result, calls: (method) => crm.gas.runtime.calls.get(method) ?? 0 };
}

/** Customers due yesterday, today, tomorrow and in a week (days in `timeZone` at the CRM's now), and one with none. */
function registerDue(crm: Crm, timeZone: string): Map<string, string> {
  const now = crm.gas.runtime.now();
  const due = new Map<string, string>();
  for (const [name, shift] of [
    ['Zone Yesterday', -1],
    ['Zone Today', 0],
    ['Zone Tomorrow', 1],
    ['Zone Week', 7],
  ] as const) {
    const day = dayIn(timeZone, now + shift * DAY_MS);
    succeeded(crm.call(REP, 'registerCustomer', { name, nextStep: 'Call', nextStepDue: day }));
    due.set(name, day);
  }
  succeeded(crm.call(REP, 'registerCustomer', { name: 'Zone Nothing' }));
  due.set('Zone Nothing', '');
  return due;
}

const dueOf = (customers: readonly Customer[]): Map<string, string> =>
  new Map(customers.map((c) => [c.name, c.nextStepDue]));
const names = (customers: readonly Customer[]): string[] => customers.map((c) => c.name).sort();

/** Every read this issue is about, each checked for its days; returns the zone requests each made. */
function readAll(crm: Crm, due: Map<string, string>, today: string): Record<string, number> {
  const asked: Record<string, number> = {};
  const search = callsOf(crm, () => succeeded(crm.call(REP, 'searchCustomers', 'zone')));
  expect(dueOf(search.result.results)).toEqual(due);
  asked.search = search.calls(ASK);
  const list = callsOf(crm, () => succeeded(crm.call(REP, 'listCustomers')));
  expect(dueOf(list.result.customers)).toEqual(due);
  asked.list = list.calls(ASK);
  const work = callsOf(crm, () => succeeded(crm.call(REP, 'listFollowUps', { owner: '*' })));
  const byDay = (bucket: Customer[]): string[] => bucket.map((c) => c.nextStepDue).sort();
  const days = [...due.values()].filter((d) => d !== '');
  expect(byDay(work.result.overdue)).toEqual(days.filter((d) => d < today).sort());
  expect(byDay(work.result.today)).toEqual(days.filter((d) => d === today));
  expect(byDay(work.result.upcoming)).toEqual(days.filter((d) => d > today && d <= addDays(today, 7)).sort());
  asked.myWork = work.calls(ASK);
  const board = callsOf(crm, () => succeeded(crm.call(REP, 'getPipelineBoard')));
  expect(board.result.today).toBe(today);
  expect(dueOf(board.result.columns.flatMap((c) => c.customers))).toEqual(due);
  asked.board = board.calls(ASK);
  return asked;
}

const NONE = { search: 0, list: 0, myWork: 0, board: 0 };
const ONCE_EACH = { search: 1, list: 1, myWork: 1, board: 1 };

describe.each([
  ['Etc/UTC', START_MS],
  ['Europe/Paris', START_MS],
  ['America/New_York', START_MS],
  ['Asia/Kolkata', START_MS],
  ['Australia/Sydney', START_MS], // +11:00 in March
  ['Europe/Paris, at 00:30 on its wall clock (still the day before in UTC)', Date.UTC(2026, 2, 2, 23, 30)],
  ['America/Los_Angeles, at 23:30 on its wall clock (already the next day in UTC)', Date.UTC(2026, 2, 3, 7, 30)],
])('remembered zone right: %s', (label, startMs) => {
  const zone = label.split(',')[0] as string;

  it('Set up remembers it; search, list, My work and the board ask no zone and show the right days', () => {
    const crm = crmIn(zone, startMs);
    expect(remembered(crm)).toBe(zone);
    const due = registerDue(crm, zone);
    const today = dayIn(zone, crm.gas.runtime.now());
    expect(readAll(crm, due, today)).toEqual(NONE);
  });

  it('get and a status change ask no zone either, and a write that learnt nothing stores nothing', () => {
    const crm = crmIn(zone, startMs);
    const due = registerDue(crm, zone);
    const customer = succeeded(crm.call(REP, 'searchCustomers', 'zone tomorrow')).results[0] as Customer;
    const got = callsOf(crm, () => succeeded(crm.call(REP, 'getCustomer', customer.id)));
    expect(got.result.customer.nextStepDue).toBe(due.get('Zone Tomorrow'));
    expect(got.calls(ASK)).toBe(0);
    const moved = callsOf(crm, () =>
      succeeded(crm.call(REP, 'updateCustomerStatus', customer.id, 'Contacted', customer.version)),
    );
    expect(moved.result.customer.nextStepDue).toBe(due.get('Zone Tomorrow'));
    expect([moved.calls(ASK), moved.calls('Properties.setProperty')]).toEqual([0, 0]);
  });
});

describe('today needs the cells of today and tomorrow', () => {
  it('with a cell due today only, My work and the board ask the zone (once) and still bucket right', () => {
    const crm = crmIn('Europe/Paris');
    const today = dayIn('Europe/Paris', crm.gas.runtime.now());
    succeeded(crm.call(REP, 'registerCustomer', { name: 'Only Today', nextStep: 'Call', nextStepDue: today }));
    const work = callsOf(crm, () => succeeded(crm.call(REP, 'listFollowUps', { owner: '*' })));
    expect(names(work.result.today)).toEqual(['Only Today']);
    expect(work.calls(ASK)).toBe(1);
    const board = callsOf(crm, () => succeeded(crm.call(REP, 'getPipelineBoard')));
    expect([board.result.today, board.calls(ASK)]).toEqual([today, 1]);
    // A search builds the customer, whose day the cell proves: nothing asked.
    expect(callsOf(crm, () => crm.call(REP, 'searchCustomers', 'only')).calls(ASK)).toBe(0);
  });

  it('with no due day at all, My work asks the zone for today', () => {
    const crm = crmIn('Europe/Paris');
    succeeded(crm.call(REP, 'registerCustomer', { name: 'No Step' }));
    const work = callsOf(crm, () => succeeded(crm.call(REP, 'listFollowUps', { owner: '*' })));
    expect(names(work.result.noNextStep)).toEqual(['No Step']);
    expect(work.calls(ASK)).toBe(1);
  });
});

describe('the owner changes the spreadsheet zone', () => {
  it('reads fall back (one request) with the same due days; the next write that asks stores the new zone', () => {
    const crm = crmIn('Europe/Paris', Date.UTC(2026, 2, 2, 23, 30)); // 00:30 on 3 March in Paris
    const due = registerDue(crm, 'Europe/Paris');
    byHand(crm, OWNER, (ss) => ss.setSpreadsheetTimeZone('America/New_York'));
    // The cells keep their days on the wall clock; in New York it is still 2 March (18:30).
    const today = dayIn('America/New_York', crm.gas.runtime.now());
    expect(today).toBe('2026-03-02');
    expect(readAll(crm, due, today)).toEqual(ONCE_EACH);
    expect(remembered(crm)).toBe('Europe/Paris'); // reads store nothing
    const customer = succeeded(crm.call(REP, 'searchCustomers', 'zone week')).results[0] as Customer;
    const write = callsOf(crm, () =>
      succeeded(crm.call(REP, 'updateCustomerStatus', customer.id, 'Contacted', customer.version)),
    );
    expect([write.calls(ASK), write.calls('Properties.setProperty')]).toEqual([1, 1]);
    expect(remembered(crm)).toBe('America/New_York');
    expect(readAll(crm, due, today)).toEqual(NONE);
  });

  it('to a zone with the same offset at the cells: the days are proved right, nothing asked', () => {
    const crm = crmIn('Europe/Paris');
    const due = registerDue(crm, 'Europe/Paris');
    byHand(crm, OWNER, (ss) => ss.setSpreadsheetTimeZone('Europe/Berlin'));
    expect(readAll(crm, due, dayIn('Europe/Berlin', crm.gas.runtime.now()))).toEqual(NONE);
  });

  it('Set up stores the new zone at once', () => {
    const crm = crmIn('Europe/Paris');
    byHand(crm, OWNER, (ss) => ss.setSpreadsheetTimeZone('Asia/Tokyo'));
    succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(remembered(crm)).toBe('Asia/Tokyo');
  });
});

describe.each([
  ['Pacific/Kiritimati', START_MS, '+14:00, 24 h from Honolulu'],
  ['Pacific/Auckland', Date.UTC(2026, 0, 15, 9), '+13:00 in January, 24 h from Pago Pago'],
  ['Pacific/Auckland', Date.UTC(2026, 6, 15, 9), '+12:00 in July, 24 h from −12:00'],
  ['Pacific/Honolulu', START_MS, '−10:00, 24 h from Kiritimati'],
])('%s (%#: %s)', (zone, startMs) => {
  it('always asks the zone (once per read) and shows the right days', () => {
    const crm = crmIn(zone, startMs);
    expect(remembered(crm)).toBe(zone);
    const due = registerDue(crm, zone);
    expect(readAll(crm, due, dayIn(zone, crm.gas.runtime.now()))).toEqual(ONCE_EACH);
  });
});

describe.each([
  ['a formula', '=1+1'],
  ['markup', '<b>'],
  ['a 10 KB string', `Europe/${'x'.repeat(10_240)}`],
  ['an unknown area', 'Mars/Olympus'],
])('a remembered value that is %s', (_, hostile) => {
  it('is ignored: reads ask the zone; the next write that asks replaces it', () => {
    const crm = crmIn('Europe/Paris');
    const due = registerDue(crm, 'Europe/Paris');
    const { document } = crm.gas.services.propertiesSnapshot();
    crm.gas.services.restoreProperties({ document: { ...document, [ZONE_KEY]: hostile } });
    expect(readAll(crm, due, dayIn('Europe/Paris', crm.gas.runtime.now()))).toEqual(ONCE_EACH);
    const customer = succeeded(crm.call(REP, 'searchCustomers', 'zone today')).results[0] as Customer;
    succeeded(crm.call(REP, 'updateCustomerStatus', customer.id, 'Contacted', customer.version));
    expect(remembered(crm)).toBe('Europe/Paris');
  });
});

describe('cells that are not midnight, and a sorted tab', () => {
  /** The sheet row of the customer named `name`. */
  function rowOf(crm: Crm, name: string): number {
    return crm.tab('Customers').findIndex((row) => row[1] === name) + 1;
  }

  it('a date-time typed by hand into Next step due reads as its day in the spreadsheet zone (asked once)', () => {
    const crm = crmIn('Europe/Paris');
    const due = registerDue(crm, 'Europe/Paris');
    for (const [typed, day] of [
      ['2026-03-05 23:30', '2026-03-05'], // 22:30 UTC: the day in Paris, not UTC's
      ['2026-03-06 00:30', '2026-03-06'], // the day before in UTC
    ] as const) {
      crm.gas.sheets.userEdit({
        user: REP,
        sheet: 'Customers',
        row: rowOf(crm, 'Zone Week'),
        column: DUE_COLUMN,
        value: typed,
      });
      due.set('Zone Week', day);
      const list = callsOf(crm, () => succeeded(crm.call(REP, 'listCustomers')));
      expect(dueOf(list.result.customers)).toEqual(due);
      expect(list.calls(ASK)).toBe(1);
    }
    // A write that asked the zone and found it as remembered stores nothing.
    const customer = succeeded(crm.call(REP, 'searchCustomers', 'zone week')).results[0] as Customer;
    const write = callsOf(crm, () =>
      succeeded(crm.call(REP, 'updateCustomerStatus', customer.id, 'Contacted', customer.version)),
    );
    expect([write.calls(ASK), write.calls('Properties.setProperty')]).toEqual([1, 0]);
  });

  it('a tab sorted by hand reads the same days without asking', () => {
    const crm = crmIn('Asia/Kolkata');
    const due = registerDue(crm, 'Asia/Kolkata');
    sortCustomers(crm, OWNER, DUE_COLUMN, false);
    expect(crm.tab('Customers')[1]?.[1]).toBe('Zone Week');
    expect(readAll(crm, due, dayIn('Asia/Kolkata', crm.gas.runtime.now()))).toEqual(NONE);
  });
});
