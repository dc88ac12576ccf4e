/** Probable duplicates: same e-mail, same phone digits (last 10), or same folded name and company. */
import { blankCustomer, type Customer } from '../../src/domain/customer';
import fc from 'fast-check';
import { findProbableDuplicates, probableDuplicateTest } from '../../src/domain/duplicates';
import { foldText } from '../../src/domain/text';

function customer(id: string, fields: Partial<Customer>): Customer {
  return { ...blankCustomer(id), ...fields };
}

const blank = { name: '', company: '', email: '', phone: '' };

describe('findProbableDuplicates', () => {
  const existing = [
    customer('C-00001', { name: 'Ana Pérez', company: 'Acme', email: 'ana@acme.example', phone: '555-010-2000' }),
    customer('C-00002', { name: 'Bob Stone', company: '', email: 'BOB@Stone.Example', phone: '+44 20 7946 0958' }),
    customer('C-00003', { name: 'ana perez', company: 'ACME ', email: '', phone: '' }),
    customer('C-00004', { name: 'Cleo', company: 'Delta', email: '', phone: '12345' }),
  ];

  it('finds the same e-mail regardless of case and spaces', () => {
    const found = findProbableDuplicates({ ...blank, name: 'Robert', email: ' bob@stone.example ' }, existing);
    expect(found.map((c) => c.id)).toEqual(['C-00002']);
  });

  it('finds the same phone written differently, with or without a country code', () => {
    expect(
      findProbableDuplicates({ ...blank, name: 'X', phone: '+1 555 010 2000' }, existing).map((c) => c.id),
    ).toEqual(['C-00001']);
    expect(findProbableDuplicates({ ...blank, name: 'X', phone: '(555) 0102000' }, existing).map((c) => c.id)).toEqual([
      'C-00001',
    ]);
    expect(findProbableDuplicates({ ...blank, name: 'X', phone: '020 7946 0958' }, existing).map((c) => c.id)).toEqual([
      'C-00002',
    ]);
  });

  it('ignores phone numbers with fewer than 6 digits on either side', () => {
    expect(findProbableDuplicates({ ...blank, name: 'X', phone: '12345' }, existing)).toEqual([]);
    expect(findProbableDuplicates({ ...blank, name: 'X', phone: '012345' }, existing)).toEqual([]);
  });

  it('finds the same name and company ignoring case, accents and spacing, each customer once, in sheet order', () => {
    const found = findProbableDuplicates(
      { name: 'ANA  PEREZ', company: 'acme', email: 'ana@acme.example', phone: '555 010 2000' },
      existing,
    );
    expect(found.map((c) => c.id)).toEqual(['C-00001', 'C-00003']);
  });

  it('counts two blank companies as the same company, but not a blank and a filled one', () => {
    expect(findProbableDuplicates({ ...blank, name: 'bob stone' }, existing).map((c) => c.id)).toEqual(['C-00002']);
    expect(findProbableDuplicates({ ...blank, name: 'Cleo' }, existing)).toEqual([]);
  });

  it('never matches on blank e-mail, blank phone or blank name', () => {
    const blanks = [customer('C-00009', { name: '', company: '' })];
    expect(findProbableDuplicates(blank, blanks)).toEqual([]);
  });

  it('skips the customer being edited', () => {
    const found = findProbableDuplicates({ ...blank, name: 'Ana Perez', company: 'Acme' }, existing, 'C-00001');
    expect(found.map((c) => c.id)).toEqual(['C-00003']);
  });

  it('tolerates numbers and blanks in hand-edited rows', () => {
    const odd = [customer('C-00010', { phone: 5550102000 as unknown as string, name: null as unknown as string })];
    expect(findProbableDuplicates({ ...blank, name: 'Z', phone: '555-010-2000' }, odd).map((c) => c.id)).toEqual([
      'C-00010',
    ]);
  });

  it('does not treat formulas or markup specially', () => {
    const rows = [customer('C-00011', { name: '=HYPERLINK("x")', company: '<b>' })];
    expect(findProbableDuplicates({ ...blank, name: '=hyperlink("x")', company: '<B>' }, rows)).toHaveLength(1);
  });
});

describe('probableDuplicateTest (its quick rejections agree with the full comparison)', () => {
  // The reference: the rule written out without the last-character shortcuts.
  const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
  const phoneKey = (v: string): string => {
    const digits = v.replace(/\D+/g, '');
    return digits.length >= 6 ? digits.slice(-10) : '';
  };
  const reference = (fields: typeof blank, other: typeof blank): boolean => {
    const email = text(fields.email).trim().toLowerCase();
    const phone = phoneKey(text(fields.phone));
    if (email !== '' && text(other.email).trim().toLowerCase() === email) return true;
    if (phone !== '' && phoneKey(text(other.phone)) === phone) return true;
    return false;
  };
  const emails = fc.constantFrom(
    'ana@acme.example',
    'a ',
    'a',
    'an',
    'aNa@acme.example',
    'a\u0130a@acme.example',
    'a na@acme.example',
    'ANA@ACME.EXAMPLE ',
    ' ana@acme.examplE',
    'ana@acme.exampl',
    'bna@acme.example',
    '',
    'K@x.k',
    'k@x.k',
    '\u212a@x.k',
    '\u212a@x.\u212a',
    'İ@x.i',
  );
  const phones = fc.constantFrom(
    '555-010-2000',
    '+1 555 010 2000',
    '555 010 2001',
    '12345',
    '',
    'x',
    '(555) 0102000 ext',
    '0',
    '555 010 2010',
    '555 010 20-0 0',
    '1 2',
  );

  it('matches e-mail and phone exactly as the full comparison does', () => {
    fc.assert(
      fc.property(emails, phones, emails, phones, (email, phone, otherEmail, otherPhone) => {
        const fields = { ...blank, email, phone };
        const other = { ...blank, email: otherEmail, phone: otherPhone };
        const test = probableDuplicateTest(fields);
        expect(test('', 'no company', other.email, other.phone)).toBe(reference(fields, other));
      }),
      { numRuns: 500 },
    );
  });

  const names = fc.constantFrom(
    'Zoë Ängström',
    'zoe angstrom',
    ' ZOE  ANGSTROM ',
    'Zoë Ängströ',
    'Zoe Angstrom\u0301',
    'Åsa Berg',
    'asa berg',
    'Asa BerG',
    'İsa',
    'isa',
    'i\u0307sa',
    'Æsa',
    'aesa',
    '',
    'x',
  );

  it('matches names exactly as folding both does (ends ruled out only where folding keeps them)', () => {
    fc.assert(
      fc.property(names, names, (name, otherName) => {
        const test = probableDuplicateTest({ ...blank, name, company: 'Acme' });
        const expected = foldText(name) !== '' && foldText(otherName) === foldText(name);
        expect(test(otherName, 'ACME', '', '')).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('takes raw cell values: a phone typed as a number, a blank', () => {
    const test = probableDuplicateTest({ ...blank, name: 'X', phone: '5550102000' });
    expect(test('', '', '', 5550102000)).toBe(true);
    expect(test('', '', null, undefined)).toBe(false);
  });
});
