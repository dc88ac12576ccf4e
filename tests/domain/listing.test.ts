/** Listing: filters, paging, deterministic sorting by any key, stable ties by ID, option errors. */
import fc from 'fast-check';
import { blankCustomer, type Customer } from '../../src/domain/customer';
import { listCustomers } from '../../src/domain/listing';
import type { ListResult } from '../../src/domain/results';
import { foldText } from '../../src/domain/text';

function customer(n: number, fields: Partial<Customer>): Customer {
  return { ...blankCustomer(`C-${String(n).padStart(5, '0')}`), ...fields };
}

function listed(rows: readonly Customer[], options?: unknown): ListResult {
  const result = listCustomers(rows, options);
  if ('ok' in result) throw new Error(`listing failed: ${JSON.stringify(result.errors)}`);
  return result;
}

function ids(rows: readonly Customer[], options?: unknown): string[] {
  return listed(rows, options).customers.map((c) => c.id);
}

const rows = [
  customer(1, {
    name: 'émile',
    status: 'Qualified',
    dealValue: 500,
    owner: 'rep@shop.example',
    createdAt: '2026-01-03T00:00:00.000Z',
  }),
  customer(2, {
    name: 'Bob',
    status: 'Lead',
    dealValue: null,
    owner: 'REP@shop.example',
    createdAt: '2026-01-01T00:00:00.000Z',
  }),
  customer(3, { name: 'anna', status: 'Closed-won', dealValue: 1500, owner: 'boss@shop.example', createdAt: '' }),
  customer(4, {
    name: 'Émile',
    status: 'Lead',
    dealValue: 0,
    owner: 'rep@shop.example',
    createdAt: '2026-01-02T00:00:00.000Z',
  }),
  customer(5, { name: '', status: 'Dormant', dealValue: 500, owner: '', createdAt: '2025-12-31T00:00:00.000Z' }),
];

describe('listCustomers', () => {
  it('sorts by folded name by default, blanks last, equal names by ID', () => {
    expect(listed(rows)).toEqual({ customers: [rows[2], rows[1], rows[0], rows[3], rows[4]], total: 5 });
  });

  it('sorts descending with "-", still blanks last and ties by ascending ID', () => {
    expect(ids(rows, { sort: '-name' })).toEqual(['C-00001', 'C-00004', 'C-00002', 'C-00003', 'C-00005']);
  });

  it('sorts numbers numerically with nulls last', () => {
    expect(ids(rows, { sort: 'dealValue' })).toEqual(['C-00004', 'C-00001', 'C-00005', 'C-00003', 'C-00002']);
    expect(ids(rows, { sort: '-dealValue' })).toEqual(['C-00003', 'C-00001', 'C-00005', 'C-00004', 'C-00002']);
  });

  it('sorts status in pipeline order', () => {
    expect(ids(rows, { sort: 'status' })).toEqual(['C-00002', 'C-00004', 'C-00001', 'C-00003', 'C-00005']);
  });

  it('sorts ISO dates chronologically, unknown dates last', () => {
    expect(ids(rows, { sort: '-createdAt' })).toEqual(['C-00001', 'C-00004', 'C-00002', 'C-00005', 'C-00003']);
  });

  it('sorts IDs by number, so C-100000 follows C-99999', () => {
    const big = [customer(100_000, { name: 'x' }), customer(99_999, { name: 'y' }), customer(2, { name: 'z' })];
    expect(ids(big, { sort: 'id' })).toEqual(['C-00002', 'C-99999', 'C-100000']);
    expect(ids(big, { sort: '-id' })).toEqual(['C-100000', 'C-99999', 'C-00002']);
  });

  it('filters by status and owner (case-insensitive) and counts before paging', () => {
    expect(listed(rows, { owner: 'Rep@Shop.Example', limit: 1 })).toEqual({ customers: [rows[1]], total: 3 });
    expect(ids(rows, { status: 'lead' })).toEqual(['C-00002', 'C-00004']);
  });

  it('pages with offset and limit, accepting numbers typed as text', () => {
    expect(ids(rows, { offset: 1, limit: 2 })).toEqual(['C-00002', 'C-00001']);
    expect(ids(rows, { offset: '4', limit: '10' })).toEqual(['C-00005']);
    expect(listed(rows, { offset: 10 })).toEqual({ customers: [], total: 5 });
  });

  it('treats null, undefined and blank options as defaults', () => {
    expect(ids(rows, null)).toEqual(ids(rows));
    expect(ids(rows, { status: '', owner: '', sort: '', limit: null, offset: undefined })).toEqual(ids(rows));
  });

  it.each([
    [{ limit: 0 }, { limit: 'Limit must be a whole number from 1 to 500.' }],
    [{ limit: 501 }, { limit: 'Limit must be a whole number from 1 to 500.' }],
    [{ limit: 'ten' }, { limit: 'Limit must be a whole number from 1 to 500.' }],
    [{ offset: -1 }, { offset: 'Offset must be a whole number 0 or more.' }],
    [{ offset: 1.5 }, { offset: 'Offset must be a whole number 0 or more.' }],
    [
      { sort: 'colour' },
      {
        sort: 'Sort "colour" is not a customer field. Use one of id, name, company, email, phone, status, dealValue, owner, source, notes, createdAt, createdBy, updatedAt, updatedBy, statusChangedAt, version, nextStep, nextStepDue, lostReason, with "-" in front for descending.',
      },
    ],
    [
      { sort: 5 },
      {
        sort: 'Sort is not a customer field. Use one of id, name, company, email, phone, status, dealValue, owner, source, notes, createdAt, createdBy, updatedAt, updatedBy, statusChangedAt, version, nextStep, nextStepDue, lostReason, with "-" in front for descending.',
      },
    ],
    [
      { status: 'won' },
      {
        status:
          'Status filter "won" is not a pipeline stage. Use one of: Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant.',
      },
    ],
    [{ owner: { a: 1 } }, { owner: 'Owner filter must be text, not an object.' }],
    [{ page: 2 }, { page: '"page" is not a supported option. Use: status, owner, offset, limit, sort.' }],
    [[1], { options: 'Options must be an object such as { "status": "Lead", "limit": 20 }.' }],
  ])('refuses %p', (options, errors) => {
    expect(listCustomers(rows, options)).toEqual({ ok: false, errors });
  });

  it('survives hand-edited rows with numbers or blanks in text columns', () => {
    const odd = [
      customer(1, { name: 42 as unknown as string }),
      customer(2, { name: null as unknown as string }),
      customer(3, { name: 'Ann' }),
    ];
    expect(ids(odd)).toEqual(['C-00001', 'C-00003', 'C-00002']); // "42" < "ann"; blank last
  });

  /** Naive reference order: folded text or number, blanks/nulls last in both directions, ties by ID number. */
  function referenceIds(many: readonly Customer[], sort: string): string[] {
    const key = sort.replace(/^-/, '') as 'name' | 'dealValue';
    const sign = sort.startsWith('-') ? -1 : 1;
    const value = (c: Customer): string | number | null => {
      const v = c[key];
      if (typeof v === 'number') return v;
      const folded = foldText(v ?? '');
      return folded === '' ? null : folded;
    };
    return [...many]
      .sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        if (va !== vb) {
          if (va === null) return 1;
          if (vb === null) return -1;
          return sign * (va < vb ? -1 : 1);
        }
        return Number(a.id.slice(2)) - Number(b.id.slice(2));
      })
      .map((c) => c.id);
  }

  const name = fc.stringMatching(/^[ a-cA-CáÁ]{0,4}$/);
  const fieldsArb = fc.record({ name, dealValue: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) });
  const sortArb = fc.constantFrom('name', '-name', 'dealValue', '-dealValue');

  it('picks first pages in the documented order (compared with a naive sort)', () => {
    fc.assert(
      fc.property(
        fc.array(fieldsArb, { maxLength: 40 }),
        sortArb,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (fieldsList, sort, offset, limit) => {
          const many = fieldsList.map((f, i) => customer(i + 1, f));
          expect(ids(many, { sort, offset, limit })).toEqual(referenceIds(many, sort).slice(offset, offset + limit));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sorts deep pages (past 1,000 rows, a full sort) in the same order', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 1_200, maxLength: 1_200 }), sortArb, (fieldsList, sort) => {
        const many = fieldsList.map((f, i) => customer(i + 1, f));
        expect(ids(many, { sort, offset: 700, limit: 500 })).toEqual(referenceIds(many, sort).slice(700, 1_200));
      }),
      { numRuns: 20 },
    );
  });

  it('lists 50,000 customers by name, first page correct', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      customer(i + 1, { name: `Name ${String(49_999 - i).padStart(5, '0')}` }),
    );
    const result = listed(many, { limit: 3 });
    expect(result.total).toBe(50_000);
    expect(result.customers.map((c) => c.name)).toEqual(['Name 00000', 'Name 00001', 'Name 00002']);
    const deep = listed(many, { offset: 49_998, limit: 5 });
    expect(deep.customers.map((c) => c.id)).toEqual(['C-00002', 'C-00001']);
  });
});
