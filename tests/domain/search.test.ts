/** Customer search: matching, ranking, filters, hostile queries, and correctness on 50,000 customers. */
import fc from 'fast-check';
import { blankCustomer, type Customer } from '../../src/domain/customer';
import { compareCustomerIds } from '../../src/domain/ids';
import { type SearchableCustomer, type SearchSource, prepareSearch } from '../../src/domain/search';
import type { SearchResult } from '../../src/domain/results';
import { STATUSES } from '../../src/domain/statuses';
import { foldText, phoneDigits } from '../../src/domain/text';
import { transliteratedIncludes } from '../support/transliteration';

const STAGES = 'Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant';

/** A search as the server runs one: the query and options checked (prepareSearch), then run over `source`. */
function searchRows<T>(source: SearchSource<T>, query: unknown, options?: unknown) {
  const prepared = prepareSearch(query, options);
  return prepared.ok ? prepared.run(source) : prepared;
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);

/** The custom Text/Choice values of a customer in these tests (searched as one field of their own). */
type CustomValuesOf<T> = (customer: T) => readonly unknown[];

/**
 * Customer objects searched as rows (one per customer, the object itself at column 7, its custom values from column 8
 * on), so expectations name customers.
 */
function searchCustomers<T extends SearchableCustomer>(
  customers: readonly T[],
  query: unknown,
  options?: unknown,
  customOf?: CustomValuesOf<T>,
) {
  const width = customOf === undefined ? 0 : Math.max(0, ...customers.map((c) => customOf(c).length));
  const custom = Array.from({ length: width }, (_, i) => 8 + i);
  const columns = { id: 0, name: 1, company: 2, email: 3, phone: 4, status: 5, owner: 6, custom };
  return searchRows<T>(
    {
      rows: customers.map((c) => {
        const values = customOf?.(c) ?? [];
        return [
          c.id,
          c.name,
          c.company,
          c.email,
          c.phone,
          c.status,
          c.owner,
          c,
          ...custom.map((_, i) => values[i] ?? ''),
        ];
      }),
      first: 0,
      columns,
      text: asText,
      status: (cell) => cell,
      id: (cells) => asText(cells[columns.id]),
      skip: () => false,
      result: (cells) => cells[7] as T,
    },
    query,
    options,
  );
}

function customer(n: number, fields: Partial<Customer>): Customer {
  return { ...blankCustomer(`C-${String(n).padStart(5, '0')}`), ...fields };
}

function found(
  customers: readonly Customer[],
  query: unknown,
  options?: unknown,
  customOf?: CustomValuesOf<Customer>,
): SearchResult {
  const result = searchCustomers(customers, query, options, customOf);
  if ('ok' in result) throw new Error(`search failed: ${JSON.stringify(result.errors)}`);
  return result;
}

function ids(
  customers: readonly Customer[],
  query: unknown,
  options?: unknown,
  customOf?: CustomValuesOf<Customer>,
): string[] {
  return found(customers, query, options, customOf).results.map((c) => c.id);
}

describe('matching', () => {
  const people = [
    customer(1, {
      name: 'José García',
      company: 'Núñez & Hijos',
      email: 'jose@nunez.example',
      phone: '+34 912 345 678',
    }),
    customer(2, { name: 'Jose Garcia', company: 'Acme', email: 'jg@acme.example', phone: '5550102000' }),
    customer(3, { name: 'Ana Lee', company: 'Zed Ltd', email: 'ana@zed.example', phone: '+1 (555) 010-2001' }),
    customer(4, { name: 'Bob Stone', company: 'Stone Works', email: 'bob@stone.example', phone: '020 7946 0958' }),
    customer(5, { name: '😀 Party Co', company: 'שלום בע״מ', email: '', phone: '' }),
    customer(6, { name: '=SUM(A1)', company: 'A.B (Holdings) [x] *star* \\back', email: '', phone: '' }),
  ];

  it('finds by name, company, e-mail and phone text', () => {
    expect(ids(people, 'stone works')).toEqual(['C-00004']);
    expect(ids(people, 'zed.example')).toEqual(['C-00003']);
    expect(ids(people, 'Bob')).toEqual(['C-00004']);
    expect(ids(people, '+34')).toEqual(['C-00001']);
  });

  it('finds the common transliterations: mueller and muller find Müller, strasse Straße, soeren Søren', () => {
    const names = [
      customer(1, { name: 'Jürgen Müller', company: 'Hauptstraße GmbH' }),
      customer(2, { name: 'Søren Ærø', company: 'Århus Bådeværft' }),
      customer(3, { name: 'Jurgen Mueller', company: 'Hauptstrasse AG' }),
      customer(4, { name: 'Muller', company: '' }),
    ];
    expect(ids(names, 'mueller')).toEqual(['C-00003', 'C-00001']); // the spelling as typed ranks first
    expect(ids(names, 'muller')).toEqual(['C-00004', 'C-00001']);
    expect(ids(names, 'juergen mueller')).toEqual(['C-00001']); // ue stands for ü: Jurgen is another spelling
    expect(ids(names, 'strasse')).toEqual(['C-00003', 'C-00001']);
    expect(ids(names, 'soeren aeroe')).toEqual(['C-00002']);
    expect(ids(names, 'soren')).toEqual(['C-00002']);
    expect(ids(names, 'aarhus')).toEqual(['C-00002']);
  });

  it('ignores case and accents in both directions', () => {
    expect(ids(people, 'jose garcia')).toEqual(['C-00001', 'C-00002']);
    expect(ids(people, 'JOSÉ')).toEqual(['C-00001', 'C-00002']);
    expect(ids(people, 'nunez')).toEqual(['C-00001']);
    expect(ids(people, 'NÚÑEZ')).toEqual(['C-00001']);
  });

  it('finds phone numbers by their digits however they are written', () => {
    expect(ids(people, '+1 (555) 010-2000')).toEqual(['C-00002']);
    expect(ids(people, '555 010 200')).toEqual(['C-00002', 'C-00003']);
    expect(ids(people, '(020) 7946-0958')).toEqual(['C-00004']);
    expect(ids(people, '+44 20 7946 0958')).toEqual(['C-00004']); // country code in the query only
  });

  it('does not match phones digit by digit for fewer than 3 digits', () => {
    expect(ids(people, '5-5')).toEqual([]);
    expect(ids(people, '55')).toEqual(['C-00002', 'C-00003']); // plain text match only
  });

  it('needs every word to match some field', () => {
    expect(ids(people, 'ana zed')).toEqual(['C-00003']);
    expect(ids(people, 'ana acme')).toEqual([]);
    expect(ids(people, 'garcia 2000')).toEqual(['C-00002']); // 2000 matches the phone digits
  });

  it('finds emoji and right-to-left text', () => {
    expect(ids(people, '😀')).toEqual(['C-00005']);
    expect(ids(people, 'שלום')).toEqual(['C-00005']);
  });

  it.each([['a.b'], ['(holdings)'], ['[x]'], ['*star*'], ['\\back'], ['=sum(a1)']])(
    'treats %p literally, not as a pattern',
    (query) => {
      expect(ids(people, query)).toEqual(['C-00006']);
    },
  );

  it.each([['a*b'], ['.*'], ['^j'], ['b|z']])('finds nothing for the pattern-like %p', (query) => {
    expect(ids(people, query)).toEqual([]);
  });

  it('treats control characters in the query as spaces', () => {
    expect(ids(people, 'ana\u0000lee')).toEqual(['C-00003']);
  });

  it('accepts a number as the query', () => {
    expect(ids(people, 7946)).toEqual(['C-00004']);
  });

  it('returns everyone sorted by name for an empty query', () => {
    // "José García" and "Jose Garcia" fold to the same name: the lower ID comes first.
    expect(ids(people, '   ')).toEqual(['C-00006', 'C-00003', 'C-00004', 'C-00001', 'C-00002', 'C-00005']);
    expect(ids(people, null)).toHaveLength(6);
    expect(ids(people, undefined)).toHaveLength(6);
  });

  it('tolerates numbers and blanks where a hand-edited sheet has them', () => {
    const odd = [customer(9, { name: 12345 as unknown as string, phone: 5550109999 as unknown as string })];
    expect(ids(odd, '2345')).toEqual(['C-00009']);
    expect(ids(odd, '555 010 9999')).toEqual(['C-00009']);
  });
});

describe('ranking', () => {
  const rows = [
    customer(17, { name: 'Joanne' }), // substring in name: rank 12
    customer(16, { name: 'Bob', email: 'bob.ann@x.example' }), // word prefix in e-mail: rank 10
    customer(15, { name: 'Mary Ann' }), // word prefix in name: rank 8
    customer(14, { name: 'Yuri', company: 'Annex Ltd' }), // company prefix: rank 5
    customer(12, { name: 'Annabel Smith' }), // name prefix: rank 4
    customer(13, { name: 'Ann Lee' }), // name prefix: rank 4, sorts before "annabel smith"
    customer(11, { name: 'Zoe', company: 'ANN' }), // company exact: rank 1
    customer(100, { name: 'Ann' }), // name exact: rank 0
    customer(20, { name: 'ANN' }), // name exact: rank 0, ID 20 before ID 100
    customer(18, { name: 'Bob', company: 'Beta' }), // no match
  ];

  it('orders exact > prefix > word prefix > substring, name before company before e-mail, ties by name then ID', () => {
    expect(ids(rows, 'ann')).toEqual([
      'C-00020',
      'C-00100',
      'C-00011',
      'C-00013',
      'C-00012',
      'C-00014',
      'C-00015',
      'C-00016',
      'C-00017',
    ]);
  });

  it('ranks the whole query inside one field above words spread over fields', () => {
    const spread = [
      customer(1, { name: 'Ann Lee', company: 'Zed' }), // spread: weakest word "ann" is a prefix → 16 + 4
      customer(2, { name: 'Zed Ann' }), // spread: weakest word "ann" is a word prefix → 16 + 8
      customer(3, { name: 'Ann Zed' }), // whole query, exact name → 0
      customer(4, { name: 'Mann', company: 'Zedd' }), // spread: weakest word "ann" is a substring → 16 + 12
      customer(5, { name: 'Hermann Zedler' }), // whole query inside the name → 12, above every spread match
    ];
    expect(ids(spread, 'ann zed')).toEqual(['C-00003', 'C-00005', 'C-00001', 'C-00002', 'C-00004']);
  });

  it('ranks the same phone number (with or without country code) as an exact match', () => {
    const phones = [
      customer(1, { name: 'Zara', phone: '+1 555 010 2000' }),
      customer(2, { name: 'Adam', phone: '555 010 2000 x5' }),
      customer(3, { name: 'Bea', phone: '5550102000' }),
    ];
    expect(ids(phones, '555-010-2000')).toEqual(['C-00003', 'C-00001', 'C-00002']);
  });

  it('counts every match in total but returns at most `limit`', () => {
    const result = found(rows, 'ann', { limit: 3 });
    expect(result.total).toBe(9);
    expect(result.results.map((c) => c.id)).toEqual(['C-00020', 'C-00100', 'C-00011']);
  });
});

describe('custom fields (Text and Choice values)', () => {
  const rows = [
    customer(1, { name: 'Zed', company: 'Acme', custom: { Industry: 'Retail', Region: 'North' } }),
    customer(2, { name: 'Acme Holdings', company: '' }),
    customer(3, { name: 'Bob', company: 'Beta', custom: { Industry: 'Acme' } }),
    customer(4, { name: 'Retail Partners' }),
    customer(5, { name: 'Ann', custom: { Industry: 'Software', Region: 'Retail North' } }),
    customer(6, { name: 'Retail' }),
    customer(7, { name: 'Cy', custom: { Industry: 12345 as unknown as string } }),
  ];

  it('ranks an exact Company match as exact on a row that has custom values', () => {
    // Company "Acme" is exact (rank 1) although the row has custom values; the name prefix "Acme Holdings" comes
    // after it, and the exact custom value "Acme" after both (a custom field ranks after phone, kind for kind).
    expect(ids(rows, 'acme', {}, customValues)).toEqual(['C-00001', 'C-00003', 'C-00002']);
  });

  it('ranks a custom-field match after a name, company, e-mail or phone match of the same kind', () => {
    // exact name, exact custom value, prefix of a name, prefix of a custom value ("Retail North")
    expect(ids(rows, 'retail', {}, customValues)).toEqual(['C-00006', 'C-00001', 'C-00004', 'C-00005']);
  });

  it('matches a custom value as a whole value, not run on into the next field', () => {
    // "north retail" is in no single value: a spread match; "retail north" is one value of customer 5.
    expect(ids(rows, 'retail north', {}, customValues)).toEqual(['C-00005', 'C-00001']);
    expect(ids(rows, 'north retail', {}, customValues)).toEqual(['C-00001', 'C-00005']);
    expect(ids(rows, 'bob acme', {}, customValues)).toEqual(['C-00003']);
    expect(ids(rows, 'software ann', {}, customValues)).toEqual(['C-00005']);
  });

  it('reads a custom cell that is not text (a number typed by hand) as its text', () => {
    expect(ids(rows, '2345', {}, customValues)).toEqual(['C-00007']);
  });

  it('agrees with the naive reference on these rows', () => {
    for (const query of ['acme', 'retail', 'retail north', 'north', 'north retail', 'soft', 'r', 'ann software']) {
      const fast = found(rows, query, { limit: 10 }, customValues);
      const reference = referenceSearch(rows, query, 10);
      expect({ query, ids: fast.results.map((c) => c.id), total: fast.total }).toEqual({
        query,
        ids: reference.ids,
        total: reference.total,
      });
    }
  });
});

describe('options', () => {
  const rows = [
    customer(1, { name: 'Ann', status: 'Lead', owner: 'rep@shop.example ' }),
    customer(2, { name: 'Anna', status: 'Qualified', owner: 'boss@shop.example' }),
    customer(3, { name: 'Annie', status: 'Lead', owner: 'REP@shop.example' }),
    customer(4, { name: 'Bob', status: 'Lead', owner: 'rep@shop.example' }),
  ];

  it('filters by status, given in any spelling', () => {
    expect(ids(rows, 'ann', { status: 'LEAD' })).toEqual(['C-00001', 'C-00003']);
    expect(ids(rows, 'ann', { status: 'qualified' })).toEqual(['C-00002']);
  });

  it('filters by owner, case-insensitive and exact', () => {
    expect(ids(rows, 'ann', { owner: 'Rep@Shop.Example' })).toEqual(['C-00001', 'C-00003']);
    expect(ids(rows, 'ann', { owner: 'rep@shop' })).toEqual([]);
  });

  it('lists everything matching the filters, by name, for an empty query', () => {
    const result = found(rows, '', { status: 'Lead', owner: 'rep@shop.example' });
    expect(result).toEqual({ results: [rows[0], rows[2], rows[3]], total: 3 });
  });

  it('treats blank filters as no filter', () => {
    expect(ids(rows, 'ann', { status: '', owner: '  ', limit: '' })).toEqual(['C-00001', 'C-00002', 'C-00003']);
  });

  it('defaults the limit to 20', () => {
    const many = Array.from({ length: 25 }, (_, i) => customer(i + 1, { name: `Ann ${String(i).padStart(2, '0')}` }));
    const result = found(many, 'ann');
    expect(result.total).toBe(25);
    expect(result.results).toHaveLength(20);
    expect(result.results[19]?.name).toBe('Ann 19');
  });

  it('accepts a limit typed as text', () => {
    expect(ids(rows, 'ann', { limit: '1' })).toEqual(['C-00001']);
  });

  it.each([[0], [101], [2.5], ['abc'], [-1], [true]])('refuses limit %p', (limit) => {
    expect(searchCustomers(rows, 'ann', { limit })).toEqual({
      ok: false,
      errors: { limit: 'Limit must be a whole number from 1 to 100.' },
    });
  });

  it('refuses an unknown status with the list of stages', () => {
    expect(searchCustomers(rows, 'ann', { status: 'won' })).toEqual({
      ok: false,
      errors: { status: `Status filter "won" is not a pipeline stage. Use one of: ${STAGES}.` },
    });
  });

  it('refuses unknown options and options that are not an object', () => {
    expect(searchCustomers(rows, 'ann', { offset: 5 })).toEqual({
      ok: false,
      errors: { offset: '"offset" is not a supported option. Use: status, owner, limit.' },
    });
    expect(searchCustomers(rows, 'ann', 'Lead')).toEqual({
      ok: false,
      errors: { options: 'Options must be an object such as { "status": "Lead", "limit": 20 }.' },
    });
  });
});

describe('bad queries', () => {
  it('refuses more than 200 characters, naming the length', () => {
    expect(searchCustomers([], 'a'.repeat(201))).toEqual({
      ok: false,
      errors: { query: 'Search text is too long: 201 characters, the limit is 200.' },
    });
    expect(searchCustomers([], 'a'.repeat(50_000))).toEqual({
      ok: false,
      errors: { query: 'Search text is too long: 50,000 characters, the limit is 200.' },
    });
  });

  it('accepts exactly 200 characters and surrounding spaces', () => {
    expect(found([], ` ${'a'.repeat(200)} `)).toEqual({ results: [], total: 0 });
  });

  it.each([
    [{}, 'Search text must be text, not an object.'],
    [['ann'], 'Search text must be text, not a list.'],
    [true, 'Search text must be text, not a yes/no value.'],
  ])('refuses the query %p', (query, message) => {
    expect(searchCustomers([], query)).toEqual({ ok: false, errors: { query: message } });
  });

  it('reports query and option errors together', () => {
    expect(searchCustomers([], {}, { limit: 0 })).toEqual({
      ok: false,
      errors: {
        query: 'Search text must be text, not an object.',
        limit: 'Limit must be a whole number from 1 to 100.',
      },
    });
  });
});

describe('searchRows over raw rows', () => {
  const columns = { id: 0, name: 1, company: 2, email: 3, phone: 4, status: 5, owner: 7 };
  const rows: unknown[][] = [
    ['ID', 'Name', 'Company', 'E-mail', 'Phone', 'Status', 'Deal', 'Owner'], // header, not searched
    [' C-00002 ', 'José García', 'Acme', 'jose@acme.example', 5550102000, 'lead ', '', 'Rep@Shop.example'],
    ['', '', '', '', '', '', '', ''], // blank row
    ['C-00001', 'Jose Garcia', 12345, '', '+1 (555) 010-2001', 'Qualified', '', 'boss@shop.example'],
  ];
  const text = (cell: unknown): string => (cell === null || cell === undefined ? '' : String(cell));
  const source = {
    rows,
    first: 1,
    columns,
    text,
    status: (cell: unknown) => (text(cell).trim().toLowerCase() === 'lead' ? 'Lead' : text(cell)),
    id: (row: readonly unknown[]) => text(row[0]).trim(),
    skip: (row: readonly unknown[]) => row.every((cell) => cell === ''),
    result: (row: readonly unknown[]) => text(row[0]).trim(),
  };

  it('reads the cells in place, builds results only for the rows returned, and passes over blank rows', () => {
    expect(searchRows(source, 'jose garcia')).toEqual({ results: ['C-00001', 'C-00002'], total: 2 });
    expect(searchRows(source, '')).toEqual({ results: ['C-00001', 'C-00002'], total: 2 });
    expect(searchRows(source, '2345')).toEqual({ results: ['C-00001'], total: 1 }); // a number cell as text
    expect(searchRows(source, '555-010-2000')).toEqual({ results: ['C-00002'], total: 1 });
    expect(searchRows(source, 'jose', { status: 'Lead', owner: 'rep@shop.example' })).toEqual({
      results: ['C-00002'],
      total: 1,
    });
  });

  it('checks the query and options before reading any row', () => {
    const untouchable = {
      ...source,
      get rows(): never {
        throw new Error('read');
      },
    };
    expect(prepareSearch('a'.repeat(201))).toMatchObject({ ok: false });
    expect(searchRows(untouchable, 'x', { limit: 0 })).toMatchObject({
      ok: false,
      errors: { limit: expect.any(String) },
    });
  });
});

// ------------------------------------------------------------------------------------------------ 50,000 customers

/** Deterministic pseudo-random numbers (a linear congruential generator), so the data set is the same every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const FIRST = [
  'Alice',
  'Bob',
  'Carlos',
  'Dana',
  'Émile',
  'Fatima',
  'Günther',
  'Hana',
  'José',
  'Zoë',
  'Priya',
  'Ødegaard',
];
const LAST = [
  'Smith',
  'Jones',
  'García',
  'Müller',
  'Nguyen',
  'Okafor',
  'Rossi',
  'Dupré',
  'Tanaka',
  'Ivanova',
  'Łukasz',
];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Soylent', 'Café Noir', ''];

/** Custom values (some the same words as companies and names, so fields compete in ranking). */
const INDUSTRIES = ['Retail', 'Software', 'Café Noir', 'Health', 'Acme', ''];
const REGIONS = ['North', 'South', 'Nordics', 'Jose', 'Zoë West'];

function syntheticCustomers(count: number): Customer[] {
  const random = generator(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // A generator of its own, so the other fields are the same as without custom values.
  const customRandom = generator(7);
  const pickCustom = <T>(list: readonly T[]): T => list[Math.floor(customRandom() * list.length)] as T;
  const rows: Customer[] = [];
  for (let i = 1; i <= count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const digits = String(5_550_000_000 + i);
    const phoneStyle = i % 3;
    const phone =
      phoneStyle === 0
        ? digits
        : phoneStyle === 1
          ? `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`
          : `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    rows.push(
      customer(i, {
        name: i % 7 === 0 ? `  ${first}   ${last} ` : `${first} ${last}`,
        company: `${pick(COMPANIES)} ${i % 10 === 0 ? 'Ltd' : ''}`.trim(),
        email: i % 5 === 0 ? '' : `${foldText(first).replace(/\W/g, '')}.${i}@example.com`,
        phone,
        status: STATUSES[i % STATUSES.length],
        owner: `rep${i % 4}@shop.example`,
        // Every third customer has custom values (a CRM where the fields were added later leaves older rows empty).
        custom: i % 3 === 0 ? { Industry: pickCustom(INDUSTRIES), Region: `${pickCustom(REGIONS)} ${i % 50}` } : {},
      }),
    );
  }
  return rows;
}

/** The custom values of a test customer, in field order (Text and Choice fields are searched). */
const customValues: CustomValuesOf<Customer> = (c) => Object.values(c.custom ?? {});

/**
 * A deliberately naive reference: folds every field of every customer and sorts all matches. It follows the
 * documented rules, not the fast implementation, so the two must agree on every query. Fields in rank order: name,
 * company, e-mail, phone, then every custom value (one field: the best of its values counts).
 */
function referenceSearch(rows: readonly Customer[], query: string, limit: number): { ids: string[]; total: number } {
  const FIELDS = 5; // name, company, e-mail, phone, custom
  const CUSTOM = 4;
  const whole = foldText(query);
  const words = whole === '' ? [] : [...new Set(whole.split(' '))];
  const allDigits = phoneDigits(whole);
  const phoneTerm = /^[0-9 +()./-]+$/.test(whole) && allDigits.length >= 3 ? allDigits.slice(-10) : null;
  const kind = (hay: string, needle: string): number => {
    if (hay === needle) return 0;
    if (hay.startsWith(needle)) return 1;
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, 'u').test(hay)) return 2;
    return hay.includes(needle) ? 3 : -1;
  };
  const best = (fields: string[], needle: string): number => {
    let rank = Infinity;
    fields.forEach((field, index) => {
      const k = kind(field, needle);
      if (k >= 0) rank = Math.min(rank, k * FIELDS + Math.min(index, CUSTOM));
    });
    return rank;
  };
  const matches: { c: Customer; rank: number; name: string }[] = [];
  for (const c of rows) {
    const raw = [c.name, c.company, c.email, c.phone, ...customValues(c).map(asText)];
    const fields = raw.map(foldText);
    const digits = phoneDigits(c.phone);
    // A word is found by folding or by a common transliteration ("mueller" in Müller; see text.ts).
    const wordMatches = (w: string): boolean =>
      raw.some((f) => transliteratedIncludes(f, w)) || (phoneDigits(w).length >= 3 && digits.includes(phoneDigits(w)));
    const hit = words.length === 0 || (phoneTerm !== null && digits.includes(phoneTerm)) || words.every(wordMatches);
    if (!hit) continue;
    let rank = 0;
    if (words.length > 0) {
      rank = best(fields, whole);
      if (phoneTerm !== null) {
        const k =
          digits === phoneTerm || (phoneTerm.length >= 10 && digits.endsWith(phoneTerm))
            ? 0
            : digits.startsWith(phoneTerm)
              ? 1
              : digits.includes(phoneTerm)
                ? 3
                : -1;
        if (k >= 0) rank = Math.min(rank, k * FIELDS + 3);
      }
      if (rank === Infinity) {
        let worstKind = 0;
        let bestField = CUSTOM;
        for (const w of words) {
          const found = best(fields, w);
          const r = found === Infinity ? 3 * FIELDS + 3 : found; // found only by phone digits: a substring of phone
          worstKind = Math.max(worstKind, Math.floor(r / FIELDS));
          bestField = Math.min(bestField, r % FIELDS);
        }
        rank = 4 * FIELDS + worstKind * FIELDS + bestField;
      }
    }
    matches.push({ c, rank, name: fields[0] ?? '' });
  }
  matches.sort(
    (a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || compareCustomerIds(a.c.id, b.c.id),
  );
  return { ids: matches.slice(0, limit).map((m) => m.c.id), total: matches.length };
}

describe('50,000 customers', () => {
  const rows = syntheticCustomers(50_000);
  // One customer with a unique name and number, planted in the middle.
  rows[31_337] = customer(31_338, {
    name: 'Zebulon Quux-Ångström',
    company: 'Unique Widgets',
    email: 'zq@unique.example',
    phone: '+44 (0)20 7000 1234',
  });

  it('finds the single planted customer by name, accent-free, and by phone digits', () => {
    expect(found(rows, 'quux angstrom')).toEqual({ results: [rows[31_337]], total: 1 });
    expect(found(rows, 'ÅNGSTRÖM')).toEqual({ results: [rows[31_337]], total: 1 });
    expect(found(rows, '020 7000 1234')).toEqual({ results: [rows[31_337]], total: 1 });
  });

  it('finds a customer by its exact generated phone number in another format', () => {
    // Customer 12,346 has digits 5550012346, written "+1 (555) 001-2346" (12,346 % 3 === 1).
    const result = found(rows, '555-001-2346');
    expect(result.results[0]?.id).toBe('C-12346');
    expect(result.results[0]?.phone).toBe('+1 (555) 001-2346');
  });

  it('counts every match, not just the page returned', () => {
    // Every generated phone contains "555"; the planted customer's phone does not.
    const result = found(rows, '555', { limit: 100 });
    expect(result.total).toBe(49_999);
    expect(result.results).toHaveLength(100);
  });

  it('filters 50,000 by status and owner with an empty query', () => {
    const result = found(rows, '', { status: 'Qualified', owner: 'REP2@shop.example', limit: 100 });
    // status index 2 needs i % 8 === 2, owner rep2 needs i % 4 === 2: every i ≡ 2 (mod 8) → 6,250 customers,
    // minus the planted customer (31,338 ≡ 2 mod 8), whose owner is blank.
    expect(result.total).toBe(6_249);
    const names = result.results.map((c) => foldText(c.name));
    expect([...names].sort()).toEqual(names);
  });

  it.each([
    ['jose'],
    ['JOSÉ GARCÍA'],
    ['garcia jose'],
    ['smith'],
    ['a'],
    ['e'],
    ['com'],
    ['example.com'],
    ['acme ltd'],
    ['café'],
    ['cafe noir'],
    ['ødegaard'],
    ['odegaard'],
    ['lukasz'],
    ['zoe'],
    ['emile dupre'],
    ['555'],
    ['(555) 000-12'],
    ['+1 555 004 9999'],
    ['5550049999'],
    ['alice 4999'],
    ['alice.1'],
    ['.1'],
    ['1@'],
    ['zzz'],
    ['北京'],
    ['ltd'],
    ['un'],
    ['ÉMILE'],
    ['GÜNTHER MÜLLER'],
    ['gunther'],
    ['ØDEGAARD'],
    ['łukasz'],
    ['ŁUKASZ'],
    ['zoë'],
    ['café noir'],
    ['CAFE'],
    ['straße'],
    ['œuvre'],
    ['æ'],
    ['a.b'],
    ['('],
    ['+1 (555)'],
    ['+1 (555'],
    ['.*'],
    ['[x]'],
    ['שלום'],
    ['😀'],
    ['ﬁ'],
    ['jose\u0301'],
    ['retail'],
    ['software'],
    ['cafe noir'],
    ['nordics'],
    ['north 12'],
    ['acme'],
    ['zoe west'],
    ['jose 7'],
  ])('agrees with the naive reference for %p', (query) => {
    const fast = found(rows, query, { limit: 100 }, customValues);
    const reference = referenceSearch(rows, query, 100);
    expect(fast.total).toBe(reference.total);
    expect(fast.results.map((c) => c.id)).toEqual(reference.ids);
  });
});

describe('random small data sets', () => {
  // Few distinct characters (with case, accents, combining marks, spaces, punctuation and digits) so that
  // random queries often hit, tie and collide at the ends of fields, where the shortcuts live.
  const piece = fc.constantFrom(
    'a',
    'A',
    'á',
    'Á',
    'a\u0301',
    'b',
    'B',
    ' ',
    '  ',
    '.',
    '-',
    '@',
    '5',
    '55',
    '(',
    'é',
    'E',
    'ø',
    'Ø',
    'ł',
    'ß',
    'œ',
    'æ',
    'İ',
    '\u212a',
    'k',
    'ש',
    '😀',
    '+',
  );
  const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  const custom = fc
    .array(text, { maxLength: 3 })
    .map((values) => Object.fromEntries(values.map((v, i) => [`F${i}`, v])));
  const row = fc.record({ name: text, company: text, email: text, phone: text, custom });

  it('agrees with the naive reference on random customers (with custom values) and queries', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), text, fc.integer({ min: 1, max: 5 }), (fields, query, limit) => {
        const rows = fields.map((f, i) => customer(i + 1, f));
        const fast = found(rows, query, { limit }, customValues);
        const reference = referenceSearch(rows, query.trim(), limit);
        expect(fast.total).toBe(reference.total);
        expect(fast.results.map((c) => c.id)).toEqual(reference.ids);
      }),
      { numRuns: 3000 },
    );
  });
});
