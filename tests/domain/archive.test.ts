/**
 * The pure parts of "nothing is ever deleted": duplicate groups (the registration rules, transitively, checked
 * against findProbableDuplicates pair by pair), the merge rule and its events, the Archive row's columns, and the
 * rebuild of a customer from History (every field, Version and stamps), including the edge cases of the replay.
 */

import fc from 'fast-check';
import { ARCHIVE_COLUMNS, validateArchiveReason } from '../../src/domain/archive';
import { CUSTOMER_COLUMNS } from '../../src/domain/columns';
import { blankCustomer, type Customer, type HistoryEvent } from '../../src/domain/customer';
import { findDuplicateGroups, findProbableDuplicates } from '../../src/domain/duplicates';
import { applyChange } from '../../src/domain/change';
import { creationEvents } from '../../src/domain/history';
import { planMerge } from '../../src/domain/merge';
import { joinNotes, mergedFields } from '../../src/domain/mergeFields';
import { rebuildCustomer } from '../../src/domain/recorded';
import { FIELDS } from './customFields/fixtures';

function customer(id: string, fields: Partial<Customer>): Customer {
  return { ...blankCustomer(id), ...fields };
}

const T0 = '2026-03-02T09:00:00.000Z';
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

describe('ARCHIVE_COLUMNS', () => {
  it('is every Customers column in order, then Archived at, Archived by, Archive reason', () => {
    expect(ARCHIVE_COLUMNS.headers).toEqual([
      ...CUSTOMER_COLUMNS.headers,
      'Archived at',
      'Archived by',
      'Archive reason',
    ]);
    expect(ARCHIVE_COLUMNS.width).toBe(CUSTOMER_COLUMNS.width + 3);
  });

  it('reasons: optional text, one line, at most 500 characters', () => {
    expect(validateArchiveReason(undefined)).toEqual({ ok: true, value: '' });
    expect(validateArchiveReason('  =junk  ')).toEqual({ ok: true, value: '=junk' });
    expect(validateArchiveReason('a\nb')).toMatchObject({
      ok: false,
      errors: { reason: expect.stringContaining('one line') },
    });
    expect(validateArchiveReason(5)).toMatchObject({
      ok: false,
      errors: { reason: expect.stringContaining('must be text') },
    });
  });
});

describe('findDuplicateGroups', () => {
  it('joins customers linked by e-mail, phone or name+company, transitively, in sheet order', () => {
    const list = [
      customer('C-1', { name: 'Ana', email: 'ana@x.example' }),
      customer('C-2', { name: 'Lone' }),
      customer('C-3', { name: 'Ana P', email: 'ANA@x.example', phone: '+1 555 010 2000' }),
      customer('C-4', { name: 'Other', phone: '555-010-2000' }),
      customer('C-5', { name: 'zoë', company: 'Acme' }),
      customer('C-6', { name: 'Zoe', company: 'ACME ' }),
    ];
    expect(findDuplicateGroups(list).map((g) => g.map((c) => c.id))).toEqual([
      ['C-1', 'C-3', 'C-4'],
      ['C-5', 'C-6'],
    ]);
  });

  it('agrees with findProbableDuplicates: two customers share a group iff a chain of probable duplicates links them', () => {
    const field = (pool: string[]) => fc.constantFrom(...pool);
    const arb = fc.array(
      fc.record({
        name: field(['', 'Ana', 'ana', 'Bo']),
        company: field(['', 'Acme', 'acme ']),
        email: field(['', 'a@x.example', 'A@X.example', 'b@x.example']),
        phone: field(['', '555 010 2000', '+1 (555) 010-2000', '12345', '020 7946 0958']),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const list = rows.map((r, i) => customer(`C-${i + 1}`, r));
        const groupOf = new Map<string, number>();
        findDuplicateGroups(list).forEach((g, i) => g.forEach((c) => groupOf.set(c.id, i)));
        // Every direct pair the registration rule sees is in one group...
        for (const c of list) {
          for (const d of findProbableDuplicates(c, list, c.id)) {
            expect(groupOf.get(c.id)).toBeDefined();
            expect(groupOf.get(d.id)).toBe(groupOf.get(c.id));
          }
        }
        // ...and every grouped customer has at least one probable duplicate in its group.
        for (const c of list) {
          if (groupOf.has(c.id)) expect(findProbableDuplicates(c, list, c.id).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});

describe('the merge rule', () => {
  const keep = customer('C-1', {
    name: 'Ana',
    email: 'ana@x.example',
    notes: 'First',
    status: 'Qualified',
    version: 3,
  });
  const other = customer('C-2', {
    name: 'Ana P',
    company: 'Acme',
    phone: '555',
    dealValue: 0,
    notes: 'Second',
    status: 'Closed-lost',
    lostReason: 'Price',
  });

  it('fills only empty fields (0 is a value), joins Notes, never takes the status or a lost reason of another stage', () => {
    expect(mergedFields(keep, other)).toEqual({ company: 'Acme', phone: '555', dealValue: 0, notes: 'First\nSecond' });
    expect(joinNotes('First\n', 'First')).toBe('First\n');
    expect(joinNotes('', ' Second ')).toBe('Second');
    const lost = customer('C-3', { name: 'L', status: 'Closed-lost' });
    expect(mergedFields(lost, other).lostReason).toBe('Price');
  });

  it('plans Version + 1, the kept events (what, then each filled field) and the other’s merge event', () => {
    const plan = planMerge(keep, other, T0, 'me@x.example');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.kept).toMatchObject({ version: 4, updatedAt: T0, updatedBy: 'me@x.example', company: 'Acme' });
    expect(plan.value.keptEvents.map((e) => [e.action, e.field, e.from, e.to])).toEqual([
      ['merge', '', 'C-2', 'C-1'],
      ['merge', 'Company', '', 'Acme'],
      ['merge', 'Phone', '', '555'],
      ['merge', 'Deal value', '', '0'],
      ['merge', 'Notes', 'First', 'First\nSecond'],
    ]);
    expect(plan.value.mergedEvents.map((e) => [e.customerId, e.action, e.from, e.to])).toEqual([
      ['C-2', 'merge', 'C-2', 'C-1'],
    ]);
    expect(plan.value.reason).toBe('merged into C-1');
  });

  it('refuses a customer merged into itself and Notes too long once joined', () => {
    expect(planMerge(keep, keep, T0, 'me')).toMatchObject({
      ok: false,
      errors: { mergeId: expect.stringContaining('itself') },
    });
    const long = customer('C-9', { name: 'X', notes: 'x'.repeat(9_000) });
    const plan = planMerge(long, { ...other, notes: 'y'.repeat(2_000) }, T0, 'me');
    expect(plan).toMatchObject({ ok: false, errors: { notes: expect.stringContaining('do not fit') } });
  });
});

describe('the merge rule with custom fields', () => {
  const definitions = FIELDS;
  const keep = customer('C-1', {
    name: 'Ana',
    version: 2,
    custom: { Industry: 'Retail', Employees: null, Renewal: '', Region: '' },
  });
  const other = customer('C-2', {
    name: 'Ana P',
    custom: { Industry: 'Tech', Employees: 0, Renewal: '2026-09-30', Region: '=HYPERLINK("x") <b>Nörd</b> 北' },
  });

  it('fills the kept customer’s empty custom values (0 is a value), never overwrites one, keeps every field', () => {
    expect(mergedFields(keep, other)).toEqual({
      custom: { Industry: 'Retail', Employees: 0, Renewal: '2026-09-30', Region: '=HYPERLINK("x") <b>Nörd</b> 北' },
    });
    // Nothing to take: no `custom` key at all (an empty other, or a kept customer already full).
    expect(mergedFields(keep, customer('C-3', { custom: { Industry: '', Employees: null } }))).toEqual({});
    expect(mergedFields({ ...keep, custom: other.custom }, keep)).toEqual({});
    // A field the other does not hold (defined after it was read) or an inherited name is never taken.
    expect(mergedFields(customer('C-4', { custom: { constructor: '' } }), customer('C-5', { custom: {} }))).toEqual({});
  });

  it('logs each filled custom value as `merge` after the fixed fields, through the change rule', () => {
    const plan = planMerge({ ...keep, phone: '' }, { ...other, phone: '555' }, T0, 'me@x.example', definitions);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.kept.custom).toEqual({
      Industry: 'Retail',
      Employees: 0,
      Renewal: '2026-09-30',
      Region: '=HYPERLINK("x") <b>Nörd</b> 北',
    });
    expect(plan.value.kept).toMatchObject({ version: 3, phone: '555', updatedAt: T0 });
    expect(plan.value.keptEvents.map((e) => [e.action, e.field, e.from, e.to])).toEqual([
      ['merge', '', 'C-2', 'C-1'],
      ['merge', 'Phone', '', '555'],
      ['merge', 'Employees', '', '0'],
      ['merge', 'Renewal', '', '2026-09-30'],
      ['merge', 'Region', '', '=HYPERLINK("x") <b>Nörd</b> 北'],
    ]);
  });

  it('is replayed by rebuildCustomer: the merged custom values come back, the Version counts the merge once', () => {
    const created = { ...keep, createdAt: at(0), createdBy: 'me', version: 1 };
    const plan = planMerge(created, other, at(5), 'me', definitions);
    if (!plan.ok) throw new Error('merge refused');
    const events = [...creationEvents(created, 'me', definitions), ...plan.value.keptEvents];
    const rebuilt = rebuildCustomer(events, 'C-1', definitions);
    expect(rebuilt?.custom).toEqual(plan.value.kept.custom);
    expect(rebuilt?.version).toBe(2);
  });
});

describe('rebuildCustomer of custom Numbers', () => {
  it('reads logged numbers back as JavaScript wrote them (1.234 is not the ambiguous "1.234" a person types)', () => {
    const created = customer('C-1', {
      name: 'Ana',
      createdAt: T0,
      createdBy: 'me',
      custom: { Industry: '', Employees: 1.234, Renewal: '', Region: '' },
    });
    const rebuilt = rebuildCustomer(creationEvents(created, 'me', FIELDS), 'C-1', FIELDS);
    expect(rebuilt?.custom.Employees).toBe(1.234);
  });
});

describe('rebuildCustomer', () => {
  const created = customer('C-00007', {
    name: '=Ann',
    email: 'ann@x.example',
    dealValue: 1234.5,
    owner: 'rep@x.example',
    createdAt: T0,
    createdBy: 'rep@x.example',
    updatedAt: T0,
    updatedBy: 'rep@x.example',
    statusChangedAt: T0,
  });

  /** The events of `steps` applied in turn (as the saves log them) and the customer they give. */
  function history(): { events: HistoryEvent[]; last: Customer } {
    const events = creationEvents(created, 'rep@x.example');
    let last = created;
    const save = (fields: Partial<Customer>, minutes: number, by: string, note?: string) => {
      const change = applyChange(last, fields, { at: at(minutes), by, note });
      events.push(...change.events);
      last = change.next;
    };
    save({ company: 'Acme', dealValue: null }, 1, 'm@x.example');
    save({ status: 'Qualified' }, 2, 'rep@x.example', 'Called');
    save({ status: 'Qualified' }, 3, 'rep@x.example', 'Again');
    // Two saves by one person in one millisecond touching the same field are still two saves.
    save({ name: 'B' }, 4, 'rep@x.example');
    save({ name: 'C' }, 4, 'rep@x.example');
    save({ nextStep: 'Send offer', nextStepDue: '2026-03-09' }, 5, 'm@x.example');
    events.push({ at: at(6), customerId: created.id, action: 'call', field: '', from: '', to: 'No answer', by: 'x' });
    events.push({ at: at(7), customerId: 'C-00008', action: 'update', field: 'Name', from: '', to: 'Not me', by: 'x' });
    return { events, last };
  }

  it('gives back every field, the Version and the stamps as the saves left them', () => {
    const { events, last } = history();
    expect(last.version).toBe(7);
    expect(rebuildCustomer(events, created.id)).toEqual(last);
    // A row out of time order (typed into History by hand, say) is replayed at its time; same-time rows keep their order.
    const late = events.findIndex((e) => e.field === 'Company');
    const moved = [...events.slice(0, late), ...events.slice(late + 1), events[late] as HistoryEvent];
    expect(rebuildCustomer(moved, created.id)).toEqual(last);
  });

  it('counts a merge into the customer and a restore from Archive, not an archive or a rebuild', () => {
    const { events, last } = history();
    const more: HistoryEvent[] = [
      ...events,
      { at: at(10), customerId: created.id, action: 'archive', field: '', from: '', to: 'junk', by: 'm' },
      { at: at(11), customerId: created.id, action: 'restore', field: '', from: 'Archive', to: 'Customers', by: 'o' },
      { at: at(12), customerId: created.id, action: 'merge', field: '', from: 'C-00009', to: created.id, by: 'o' },
      { at: at(12), customerId: created.id, action: 'merge', field: 'Phone', from: '', to: '555 0100', by: 'o' },
      { at: at(13), customerId: created.id, action: 'restore', field: '', from: 'History', to: 'Customers', by: 'o' },
    ];
    expect(rebuildCustomer(more, created.id)).toEqual({
      ...last,
      phone: '555 0100',
      version: last.version + 2,
      updatedAt: at(12),
      updatedBy: 'o',
    });
  });

  it('is null for an ID History never registered', () => {
    const { events } = history();
    expect(rebuildCustomer(events, 'C-00008')).toBeNull();
    expect(rebuildCustomer([], 'C-00007')).toBeNull();
  });
});
