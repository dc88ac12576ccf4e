/**
 * Issue 20, "The first hour", through the BUILT bundle: the owner's menu items shown to the owner where Apps Script
 * can tell who opened the spreadsheet (and refused to others when chosen), a stranger told what they may do as
 * a page opens and when refused, an empty Sheet1 removed by the first Set up, "$15,000" accepted as a deal value.
 */

import {
  createCrm,
  MANAGER,
  OWNER,
  REP,
  START_MS,
  STRANGER,
  having,
  newCrm,
  succeeded,
  MENU_CAPTIONS,
} from '../support/crm';

const ALL_ITEMS = MENU_CAPTIONS;
const OWNER_ITEMS = ['Import customers', 'Find duplicates', 'Check data', 'Check set-up', 'Set up / repair'];

type Crm = ReturnType<typeof newCrm>;

function menuCaptions(crm: Crm): string[] {
  const menu = crm.gas.ui.last('menu')?.menu;
  return menu?.entries.flatMap((e) => (e.kind === 'item' ? [e.caption] : [])) ?? [];
}

/** The SidebarState the server put in the last sidebar's <body data-state="…"> (HtmlService escapes it). */
function sidebarState(crm: Crm): Record<string, unknown> {
  const html = crm.gas.ui.last('sidebar')?.html ?? '';
  const match = /data-state="([^"]*)"/.exec(html);
  if (!match?.[1]) throw new Error('no data-state in the sidebar');
  const text = match[1]
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(text) as Record<string, unknown>;
}

describe('the owner’s menu items', () => {
  it('are in everyone’s menu when onOpen cannot see who is at the keyboard (the usual simple trigger)', () => {
    const crm = newCrm(); // simple triggers: identity hidden
    for (const user of [OWNER, REP, STRANGER]) {
      crm.open(user, 'LIMITED');
      expect(menuCaptions(crm)).toEqual(ALL_ITEMS);
    }
  });

  it('are left out for staff, kept for the owner, when onOpen sees the e-mail', () => {
    const crm = newCrm({ simpleTriggerIdentity: 'visible' });
    crm.open(OWNER, 'LIMITED');
    expect(menuCaptions(crm)).toEqual(ALL_ITEMS);
    crm.open(REP, 'LIMITED');
    expect(menuCaptions(crm)).toEqual(ALL_ITEMS.filter((item) => !OWNER_ITEMS.includes(item)));
    // SPEC Menu: staff see at least its first items, in the same order.
    expect(menuCaptions(crm)).toEqual(ALL_ITEMS.slice(0, menuCaptions(crm).length));
  });

  it('are all there in a shared drive before the first Set up (whoever runs it first becomes the admin)', () => {
    const crm = createCrm({
      owner: OWNER,
      editors: [REP, MANAGER],
      startMs: START_MS,
      sharedDrive: true,
      simpleTriggerIdentity: 'visible',
    });
    crm.open(REP, 'LIMITED');
    expect(menuCaptions(crm)).toEqual(ALL_ITEMS);
    succeeded(crm.call(REP, 'setUpCrm'));
    crm.open(REP, 'LIMITED');
    expect(menuCaptions(crm)).toEqual(ALL_ITEMS); // REP is the recorded admin now
    crm.open(MANAGER, 'LIMITED');
    expect(menuCaptions(crm)).toEqual(ALL_ITEMS.filter((item) => !OWNER_ITEMS.includes(item)));
  });

  it.each([
    ['showImportSidebar', 'Import customers'],
    ['showDataCheck', 'Check data'],
    ['showSetUpCheck', 'Check set-up'],
    ['showFindDuplicates', 'Find duplicates'],
  ])('%s chosen by staff says it is the owner’s, and opens nothing', (fn, caption) => {
    const crm = newCrm();
    const opened = () => crm.gas.ui.events.filter((e) => e.kind === 'sidebar' || e.kind === 'modalDialog').length;
    const before = opened();
    crm.run(MANAGER, fn);
    const alert = crm.gas.ui.last('alert');
    expect(alert?.title).toBe(caption);
    expect(alert?.prompt).toBe(
      `${caption} is for the CRM's admin (${OWNER}): ask them to run it. ` +
        'Staff use My work, Register customer, Search customers, Pipeline board, Pipeline summary.',
    );
    expect(opened()).toBe(before);
  });

  it('still work for the owner', () => {
    const crm = newCrm();
    crm.run(OWNER, 'showImportSidebar');
    expect(crm.gas.ui.last('sidebar')?.html).toContain('<title>Import customers</title>');
    crm.run(OWNER, 'showDataCheck');
    expect(crm.gas.ui.last('alert')?.title).toBe('Check data');
    expect(crm.gas.ui.last('alert')?.prompt).not.toContain("is for the CRM's admin");
  });
});

describe('a stranger', () => {
  it('is told as the sidebar opens that they can only look, and what they can do', () => {
    const crm = newCrm();
    crm.run(STRANGER, 'showRegisterSidebar');
    const state = sidebarState(crm);
    expect(state.view).toBe('register');
    expect(state.readOnly).toBe(
      `You are signed in as ${STRANGER}, which is not on this CRM's staff list, so you can only look: you can ` +
        'search customers, open their cards and read the Pipeline tab; you cannot register or change customers, ' +
        'log activities, import, or rebuild the Pipeline summary. To change customers, ask the owner to add ' +
        `${STRANGER} to the Settings tab and run CRM ▸ Set up / repair.`,
    );
    crm.run(REP, 'showRegisterSidebar');
    expect(sidebarState(crm)).toEqual({ view: 'register' });
    crm.run(OWNER, 'showMyWork');
    expect(sidebarState(crm)).toEqual({ view: 'mywork' });
  });

  it('is refused by Pipeline summary with what they may and may not do', () => {
    const crm = newCrm();
    crm.run(STRANGER, 'showPipelineSummary');
    const prompt = crm.gas.ui.last('alert')?.prompt ?? '';
    expect(prompt).toContain(`You are signed in as ${STRANGER}, which is not allowed to change customers`);
    expect(prompt).toContain('You can search customers, open their cards and read the Pipeline tab');
    expect(prompt).toContain('rebuild the Pipeline summary');
  });

  it('can still search and read a card (what the notice promises)', () => {
    const crm = newCrm();
    const ada = succeeded(crm.call(REP, 'registerCustomer', { name: 'Ada Müller' })).customer;
    expect(succeeded(crm.call(STRANGER, 'searchCustomers', 'mueller')).results.map((c) => c.id)).toEqual([ada.id]);
    expect(having(crm.call(STRANGER, 'getCustomer', ada.id), 'customer').customer.name).toBe('Ada Müller');
  });
});

describe('the first Set up of a new spreadsheet', () => {
  it('removes the empty, untouched Sheet1 it came with, and says so', () => {
    const crm = newCrm({ setUp: false });
    expect(crm.gas.sheets.sheetValues('Sheet1')).toEqual([]);
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.repaired).toContain('Removed the empty Sheet1 tab the new spreadsheet came with');
    expect(() => crm.gas.sheets.sheetValues('Sheet1')).toThrow();
    // A second Set up has nothing to remove.
    expect(succeeded(crm.call(OWNER, 'setUpCrm')).repaired.join('\n')).not.toContain('Sheet1');
  });

  it('keeps a Sheet1 someone typed into', () => {
    const crm = newCrm({ setUp: false });
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Sheet1', a1: 'C7', value: 'old list' });
    const report = succeeded(crm.call(OWNER, 'setUpCrm'));
    expect(report.repaired.join('\n')).not.toContain('Sheet1');
    expect(crm.gas.sheets.sheetValues('Sheet1')[6]?.[2]).toBe('old list');
  });
});

describe('deal values in any common notation', () => {
  it.each([
    ['$15,000', 15000],
    ['15.000,50 €', 15000.5],
    ['USD 1,200', 1200],
  ])('registerCustomer takes %p as %p, as the import does', (dealValue, expected) => {
    const crm = newCrm();
    expect(succeeded(crm.call(REP, 'registerCustomer', { name: 'Ann', dealValue })).customer.dealValue).toBe(expected);
  });

  it('refuses an ambiguous amount with a field-level message, and writes nothing', () => {
    const crm = newCrm();
    const before = JSON.stringify(crm.tab('Customers'));
    const refused = crm.call(REP, 'registerCustomer', { name: 'Ann', dealValue: '1.200' });
    expect(having(refused, 'errors').errors).toEqual({
      dealValue: 'Deal value "1.200" is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.',
    });
    expect(JSON.stringify(crm.tab('Customers'))).toBe(before);
  });
});
