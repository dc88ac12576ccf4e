/**
 * Point 4, hostile input through the built bundle: text that a spreadsheet would run as a formula is stored as
 * text; 50,000-character strings, control characters, wrong types and malformed arguments get a clear field
 * error and change nothing; emoji, right-to-left text and numbers-as-strings are stored exactly; the HTML the
 * server produces carries its state only escaped. (The browser-level escaping of customer data is in
 * tests/html/escaping.test.ts.)
 */

import type { Customer } from '../../../src/domain/customer';
import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { MANAGER, OWNER, REP, type Crm, having, newCrm, succeeded } from '../../support/crm';
import {
  type Refusal,
  formulasAnywhere,
  registered,
  rowsById,
  sheetRowOf,
  stateJson,
  writePastValidation,
} from './helpers';

const col = (header: (typeof CUSTOMER_HEADERS)[number]): number => CUSTOMER_HEADERS.indexOf(header) + 1;
const HUGE = 'x'.repeat(50_000);

function opened(crm: Crm, id: string): Customer {
  return succeeded(crm.call(REP, 'getCustomer', id)).customer;
}

/** The cell values of a customer's row by header. */
function cells(crm: Crm, id: string): Record<string, unknown> {
  const row = rowsById(crm).get(id) as unknown[];
  return Object.fromEntries(CUSTOMER_HEADERS.map((h, i) => [h, row[i]]));
}

function displayed(crm: Crm, id: string): Record<string, string> {
  const row = crm.gas.sheets.sheetDisplayValues('Customers')[sheetRowOf(crm, id) - 1] as string[];
  return Object.fromEntries(CUSTOMER_HEADERS.map((h, i) => [h, row[i] as string]));
}

/** A refusal with a short, readable message per field. */
function expectFieldErrors(result: unknown, fields: string[]): void {
  expect(result).toEqual({ ok: false, errors: Object.fromEntries(fields.map((f) => [f, expect.any(String)])) });
  for (const message of Object.values((result as Refusal).errors)) {
    expect(message.length).toBeGreaterThan(10);
    expect(message.length).toBeLessThan(400);
    expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  }
}

describe('text a spreadsheet would run as a formula is stored as text', () => {
  const FORMULA_LIKE = {
    name: '=IMPORTXML("http://evil.example/x","//a")',
    company: '+SUM(A1:A9)',
    email: '=cmd|x@example.com',
    phone: '+44 20 7946 0000',
    nextStep: '@mention', // (Owner must be a staff e-mail now: hostile owners are refused, see api tests)
    source: '-2+3',
    notes: '=HYPERLINK("http://evil.example","click me")\n+1\n-1\n@x',
  };

  it('in every free-text field of a new customer, a patch, a status note and History', () => {
    const crm = newCrm();
    const saved = registered(crm, REP, { ...FORMULA_LIKE, dealValue: '1200' });
    expect(saved).toMatchObject(FORMULA_LIKE);
    const stored = cells(crm, saved.id);
    expect(stored).toMatchObject({
      Name: FORMULA_LIKE.name,
      Company: FORMULA_LIKE.company,
      Email: FORMULA_LIKE.email,
      Phone: FORMULA_LIKE.phone,
      'Next step': FORMULA_LIKE.nextStep,
      Source: FORMULA_LIKE.source,
      Notes: FORMULA_LIKE.notes,
      'Deal value': 1200, // number columns stay numbers
    });
    expect(displayed(crm, saved.id)).toMatchObject({
      Name: FORMULA_LIKE.name,
      Phone: FORMULA_LIKE.phone,
      Source: FORMULA_LIKE.source,
    });

    const patch = { name: '=1+1', company: "'quoted", nextStep: '-', source: '=', phone: '-555-0100-22' };
    const updated = crm.call(MANAGER, 'updateCustomer', saved.id, patch, 1);
    expect(updated).toMatchObject({ ok: true, customer: patch });
    expect(cells(crm, saved.id)).toMatchObject({
      Name: '=1+1',
      Company: "'quoted",
      'Next step': '-',
      Source: '=',
      Phone: '-555-0100-22',
    });

    const moved = crm.call(MANAGER, 'updateCustomerStatus', saved.id, 'Contacted', 2, '=2+2');
    expect(moved.ok).toBe(true);
    expect(crm.tab('History').slice(-1)[0]?.slice(2, 6)).toEqual(['note', 'Notes', '', '=2+2']);
    expect(
      crm
        .tab('History')
        .find((e) => e[2] === 'update' && e[3] === 'Name')
        ?.slice(4, 6),
    ).toEqual([FORMULA_LIKE.name, '=1+1']);

    crm.call(MANAGER, 'rebuildPipelineSummary');
    expect(formulasAnywhere(crm)).toEqual([]);
    expect(opened(crm, saved.id)).toEqual((moved as { ok: true; customer: Customer }).customer);
    expect(succeeded(crm.call(REP, 'searchCustomers', '=1+1')).total).toBe(1);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('a hand-typed status that is not a stage never turns into a formula when the row is saved again', () => {
    const crm = newCrm();
    const saved = registered(crm, REP, { name: 'Ann Berg' });
    // Data validation rejects a bad status typed or written now; data from before the dropdown can still hold one.
    const row = sheetRowOf(crm, saved.id);
    writePastValidation(crm, row, col('Status'), [["'=1+1"]]);
    expect(cells(crm, saved.id).Status).toBe('=1+1');
    const saved2 = crm.call(REP, 'updateCustomer', saved.id, { company: 'Berg AB' }, 1);
    expect(saved2.ok).toBe(true);
    expect(cells(crm, saved.id).Status).toBe('=1+1');
    expect(formulasAnywhere(crm)).toEqual([]);
  });
});

describe('stored exactly: emoji, right-to-left text, invisible-but-legal characters, numbers as strings', () => {
  it('round-trips through the sheet and back unchanged, and is found by search', () => {
    const crm = newCrm();
    const input = {
      name: '👩🏽‍💻 Zoë Ångström 🇸🇪',
      company: 'شركة المثال للتجارة',
      nextStep: 'עברית ‏mixed‎ RTL',
      source: 'Trade fair ‮reversed‬',
      notes: 'Line 1\r\nLine 2\twith tab\n日本語のメモ 😀',
      phone: '5550102000',
      dealValue: '1,200.50',
    };
    const saved = registered(crm, REP, input);
    expect(saved).toMatchObject({
      name: input.name,
      company: input.company,
      nextStep: input.nextStep,
      source: input.source,
      notes: 'Line 1\nLine 2\twith tab\n日本語のメモ 😀',
      phone: '5550102000',
      dealValue: 1200.5,
    });
    expect(cells(crm, saved.id)).toMatchObject({
      Name: input.name,
      Company: input.company,
      Phone: '5550102000',
      'Deal value': 1200.5,
    });
    expect(opened(crm, saved.id)).toEqual(saved);
    expect(succeeded(crm.call(REP, 'searchCustomers', 'zoe angstrom')).results.map((c) => c.id)).toEqual([saved.id]);
    expect(succeeded(crm.call(REP, 'searchCustomers', 'المثال')).results.map((c) => c.id)).toEqual([saved.id]);
  });

  it('a name of digits stays text; "007" keeps its zeros; a deal value written as text becomes a number', () => {
    const crm = newCrm();
    const saved = registered(crm, REP, { name: '123', company: '007', source: 'TRUE', dealValue: '0042' });
    expect(saved).toMatchObject({ name: '123', company: '007', source: 'TRUE', dealValue: 42 });
    expect(cells(crm, saved.id)).toMatchObject({ Name: '123', Company: '007', Source: 'TRUE', 'Deal value': 42 });
  });
});

describe('bad input gets a clear field error and changes nothing', () => {
  let crm: Crm;
  let ann: Customer;
  let before: string;
  beforeAll(() => {
    crm = newCrm();
    ann = registered(crm, REP, { name: 'Ann Berg', email: 'ann@example.com' });
    before = stateJson(crm);
  });
  afterEach(() => {
    expect(stateJson(crm)).toBe(before);
  });

  it.each([
    ['name', { name: HUGE }],
    ['company', { name: 'A', company: HUGE }],
    ['email', { name: 'A', email: `${HUGE}@example.com` }],
    ['phone', { name: 'A', phone: HUGE }],
    ['owner', { name: 'A', owner: HUGE }],
    ['nextStep', { name: 'A', nextStep: HUGE }],
    ['nextStepDue', { name: 'A', nextStepDue: HUGE }],
    ['source', { name: 'A', source: HUGE }],
    ['notes', { name: 'A', notes: HUGE }],
  ])('a 50,000-character %s', (field, input) => {
    const result = crm.call(REP, 'registerCustomer', input);
    expectFieldErrors(result, [field]);
    expect((result as Refusal).errors[field]).toMatch(/too long|not a valid|can only contain/);
  });

  it('50,000 characters in a patch, a status, a note, an ID, a search and a list option', () => {
    expectFieldErrors(crm.call(REP, 'updateCustomer', ann.id, { notes: HUGE }, 1), ['notes']);
    expectFieldErrors(crm.call(REP, 'updateCustomerStatus', ann.id, HUGE, 1), ['status']);
    expectFieldErrors(crm.call(REP, 'updateCustomerStatus', ann.id, 'Contacted', 1, HUGE), ['note']);
    expectFieldErrors(crm.call(REP, 'getCustomer', HUGE), ['id']);
    expectFieldErrors(crm.call(REP, 'updateCustomer', HUGE, { name: 'B' }, 1), ['id']);
    expectFieldErrors(crm.call(REP, 'listCustomers', { status: HUGE }), ['status']);
    expectFieldErrors(crm.call(REP, 'searchCustomers', HUGE), ['query']);
  });

  it.each([
    ['a NUL character', { name: 'Ann\u0000Berg' }, 'name', /control character/],
    ['a line break in a one-line field', { name: 'Ann\nBerg' }, 'name', /one line/],
    ['an escape character in notes', { name: 'A', notes: 'ok\u001b[31mred' }, 'notes', /control character \(U\+001B\)/],
    ['a bell in the company', { name: 'A', company: 'Acme\u0007' }, 'company', /control character/],
  ])('%s', (_label, input, field, message) => {
    const result = crm.call(REP, 'registerCustomer', input);
    expectFieldErrors(result, [field]);
    expect(having(result, 'errors').errors[field]).toMatch(message);
  });

  it.each([
    ['input is null', [null], ['input']],
    ['input is a string', ['Ann Berg'], ['input']],
    ['input is a list', [[{ name: 'Ann' }]], ['input']],
    ['name is missing', [{ company: 'Acme' }], ['name']],
    ['name is null', [{ name: null }], ['name']],
    ['name is an object', [{ name: { first: 'Ann' } }], ['name']],
    ['name is a list', [{ name: ['Ann'] }], ['name']],
    ['name is a boolean', [{ name: true }], ['name']],
    ['email is a number', [{ name: 'A', email: 42 }], ['email']],
    ['dealValue is an object', [{ name: 'A', dealValue: { amount: 5 } }], ['dealValue']],
    ['dealValue is not an amount', [{ name: 'A', dealValue: '12abc' }], ['dealValue']],
    ['dealValue is negative', [{ name: 'A', dealValue: '-5' }], ['dealValue']],
    ['status is a list', [{ name: 'A', status: ['Lead'] }], ['status']],
    ['status is not a stage', [{ name: 'A', status: 'Won' }], ['status']],
    ['allowDuplicate is a string', [{ name: 'A', allowDuplicate: 'yes' }], ['allowDuplicate']],
    ['an unknown field', [{ name: 'A', isAdmin: true }], ['isAdmin']],
    ['a field the CRM sets', [{ name: 'A', id: 'C-00001', version: 9 }], ['id', 'version']],
  ])('registerCustomer: %s', (_label, args, fields) => {
    expectFieldErrors(crm.callRaw(REP, 'registerCustomer', ...args), fields);
  });

  it.each([
    ['patch is null', () => [ann.id, null, 1], ['patch']],
    ['patch is empty', () => [ann.id, {}, 1], ['patch']],
    ['patch is a string', () => [ann.id, 'name=Bob', 1], ['patch']],
    ['id is an object', () => [{ id: ann.id }, { name: 'B' }, 1], ['id']],
    ['id is null', () => [null, { name: 'B' }, 1], ['id']],
    ['id looks like a formula', () => ['=C-00001', { name: 'B' }, 1], ['id']],
    ['version is an object', () => [ann.id, { name: 'B' }, { v: 1 }], ['expectedVersion']],
    ['version is negative', () => [ann.id, { name: 'B' }, -1], ['expectedVersion']],
    ['blank status in a patch', () => [ann.id, { status: '' }, 1], ['status']],
    ['name set to null', () => [ann.id, { name: null }, 1], ['name']],
    ['updatedBy in a patch', () => [ann.id, { updatedBy: 'me' }, 1], ['updatedBy', 'patch']],
  ])('updateCustomer: %s', (_label, args, fields) => {
    expectFieldErrors(crm.callRaw(REP, 'updateCustomer', ...args()), fields);
  });

  it.each([
    ['status is null', () => [ann.id, null, 1], ['status']],
    ['status is an object', () => [ann.id, { label: 'Lead' }, 1], ['status']],
    ['note is an object', () => [ann.id, 'Contacted', 1, { text: 'hi' }], ['note']],
    ['note has a NUL', () => [ann.id, 'Contacted', 1, 'a\u0000b'], ['note']],
  ])('updateCustomerStatus: %s', (_label, args, fields) => {
    expectFieldErrors(crm.callRaw(REP, 'updateCustomerStatus', ...args()), fields);
  });

  it('keys a script could send that a client cannot (__proto__, constructor) are refused by name', () => {
    const proto = JSON.parse('{"name":"A","__proto__":{"isAdmin":true}}') as Record<string, unknown>;
    const result = crm.run<Refusal>(REP, 'registerCustomer', proto);
    expectFieldErrors(result, ['__proto__']);
    expectFieldErrors(crm.run(REP, 'updateCustomer', ann.id, { constructor: 'x' }, 1), ['constructor', 'patch']);
  });

  it('reads answer bad arguments with field errors too', () => {
    expectFieldErrors(crm.callRaw(REP, 'getCustomer', null), ['id']);
    expectFieldErrors(crm.callRaw(REP, 'getCustomer', { id: 'C-00001' }), ['id']);
    expectFieldErrors(crm.callRaw(REP, 'listCustomers', { limit: 'all' }), ['limit']);
    expectFieldErrors(crm.callRaw(REP, 'listCustomers', 'everything'), ['options']);
    expectFieldErrors(crm.call(REP, 'listCustomers', { sort: '__proto__' }), ['sort']);
    expectFieldErrors(crm.callRaw(REP, 'searchCustomers', { q: 'Ann' }), ['query']);
    expect(crm.callRaw(REP, 'searchCustomers', null)).toMatchObject({ total: 1 }); // nothing typed yet: everyone
  });
});

describe('the HTML the server produces carries its state only escaped', () => {
  const HOSTILE_ID = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&`;

  function stateOf(html: string): unknown {
    const match = /<body [^>]*data-state="([^"]*)"/.exec(html);
    if (!match || match[1] === undefined) throw new Error('no data-state attribute');
    const decoded = match[1]
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    return JSON.parse(decoded);
  }

  function pageScripts(html: string): number {
    return (html.match(/<script\b/gi) ?? []).length;
  }

  it('openCustomerSidebar with a hostile ID: the ID appears only escaped, no element comes of it', () => {
    const crm = newCrm();
    crm.callRaw(REP, 'showRegisterSidebar'); // a menu function, outside the API
    const plain = crm.gas.ui.last('sidebar')?.html ?? '';
    crm.call(REP, 'openCustomerSidebar', HOSTILE_ID);
    const html = crm.gas.ui.last('sidebar')?.html ?? '';
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain(`"><`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(pageScripts(html)).toBe(pageScripts(plain));
    expect(stateOf(html)).toEqual({ view: 'customer', customerId: HOSTILE_ID });
    expect(stateOf(plain)).toEqual({ view: 'register' });
  });

  it('a customer with markup in every field: no view the server builds contains that markup', () => {
    const crm = newCrm();
    const markup = '<img src=x onerror=alert(3)>';
    const saved = registered(crm, REP, { name: markup, company: `<b>${markup}</b>`, notes: `</script>${markup}` });
    crm.call(REP, 'openCustomerSidebar', saved.id);
    crm.run(REP, 'showSearchDialog');
    crm.run(OWNER, 'showImportSidebar'); // the owner's items: staff are refused them
    crm.run(OWNER, 'showDataCheck');
    for (const event of crm.gas.ui.events) {
      const html = 'html' in event ? event.html : '';
      expect(html).not.toContain(markup);
    }
  });
});
