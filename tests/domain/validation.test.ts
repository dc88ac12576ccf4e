/** Validation of register input, patches, status changes, IDs and versions: hostile input, exact messages. */
import {
  validateExpectedVersion,
  validateId,
  validateNewCustomer,
  validatePatch,
  validateStatusChange,
} from '../../src/domain/validation';

const STAGES = 'Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant';

/** The errors of a validation that must fail (fails the test if it passed). */
function errorsOf(result: { ok: true } | { ok: false; errors: Record<string, string> }): Record<string, string> {
  if (result.ok) throw new Error('expected the validation to fail');
  return result.errors;
}

function validValue<T>(result: { ok: true; value: T } | { ok: false; errors: Record<string, string> }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('validateNewCustomer', () => {
  it('fills defaults for a name-only customer', () => {
    expect(validateNewCustomer({ name: 'Ana' })).toEqual({
      ok: true,
      allowDuplicate: false,
      value: {
        name: 'Ana',
        company: '',
        email: '',
        phone: '',
        status: 'Lead',
        dealValue: null,
        owner: '',
        source: '',
        notes: '',
        nextStep: '',
        nextStepDue: '',
        lostReason: '',
      },
    });
  });

  it('trims, lowercases the e-mail, maps the status and converts the deal value', () => {
    const result = validateNewCustomer({
      name: '  Ana Pérez ',
      company: ' Acme ',
      email: ' Ana.Perez@Acme.Example ',
      phone: '+1 (555) 010-2000',
      status: 'closed won',
      dealValue: ' 1,200.50 ',
      owner: 'rep@shop.example',
      source: 'Trade fair',
      notes: 'Line one\r\nLine\ttwo',
      allowDuplicate: true,
    });
    expect(result).toEqual({
      ok: true,
      allowDuplicate: true,
      value: {
        name: 'Ana Pérez',
        company: 'Acme',
        email: 'ana.perez@acme.example',
        phone: '+1 (555) 010-2000',
        status: 'Closed-won',
        dealValue: 1200.5,
        owner: 'rep@shop.example',
        source: 'Trade fair',
        notes: 'Line one\nLine\ttwo',
        nextStep: '',
        nextStepDue: '',
        lostReason: '',
      },
    });
  });

  describe('name', () => {
    it.each([[undefined], [null], [''], ['   ']])('is required (%p)', (name) => {
      expect(errorsOf(validateNewCustomer({ name }))).toEqual({ name: 'Name is required.' });
    });

    it('accepts exactly 200 characters and refuses 201 with the limit', () => {
      expect(validValue(validateNewCustomer({ name: 'n'.repeat(200) })).name).toHaveLength(200);
      expect(errorsOf(validateNewCustomer({ name: 'n'.repeat(201) }))).toEqual({
        name: 'Name is too long: 201 characters, the limit is 200.',
      });
    });

    it('refuses a 50,000-character paste rather than cutting it', () => {
      expect(errorsOf(validateNewCustomer({ name: 'x'.repeat(50_000) }))).toEqual({
        name: 'Name is too long: 50,000 characters, the limit is 200.',
      });
    });

    it.each([
      ['=HYPERLINK("http://evil","click")'],
      ['+44 20 7946 0958'],
      ['-5'],
      ['@mention'],
      ['<script>alert(1)</script>'],
      ['😀 Émilie Dupré'],
      ['مرحبا بالعالم'],
      ['שלום\u202Eabc'], // right-to-left override is text, not a control character
    ])('stores %p exactly (the sheet and HTML layers make it safe)', (name) => {
      expect(validValue(validateNewCustomer({ name })).name).toBe(name);
    });

    it.each([
      ['Ana\u0000', 'U+0000'],
      ['Ana\u0007Bell', 'U+0007'],
      ['Ana\u007f', 'U+007F'],
      ['Ana\u001bEsc', 'U+001B'],
    ])('refuses the control character in %p', (name, code) => {
      expect(errorsOf(validateNewCustomer({ name }))).toEqual({
        name: `Name contains an invisible control character (${code}) that cannot be stored: remove it.`,
      });
    });

    it('refuses line breaks and tabs inside a one-line field', () => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana\nSmith' }))).toEqual({
        name: 'Name must fit on one line: remove the line breaks and tabs.',
      });
      expect(errorsOf(validateNewCustomer({ company: 'A\tB', name: 'x' }))).toEqual({
        company: 'Company must fit on one line: remove the line breaks and tabs.',
      });
    });

    it('trims surrounding line breaks instead of refusing them', () => {
      expect(validValue(validateNewCustomer({ name: '\n Ana \t' })).name).toBe('Ana');
    });
  });

  describe('text fields given other types', () => {
    it('refuses a number: only dealValue takes one (a phone sent as 5550102000 is a client bug, not text)', () => {
      expect(errorsOf(validateNewCustomer({ name: 12345, phone: 5550102000 }))).toEqual({
        name: 'Name must be text, not a number.',
        phone: 'Phone must be text, not a number.',
      });
    });

    it.each([
      [true, 'Company must be text, not a yes/no value.'],
      [['Acme'], 'Company must be text, not a list.'],
      [{ toString: () => 'Acme' }, 'Company must be text, not an object.'],
      [Number.NaN, 'Company must be text, not a number that is not finite.'],
      [Number.POSITIVE_INFINITY, 'Company must be text, not a number that is not finite.'],
    ])('refuses %p', (company, message) => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', company }))).toEqual({ company: message });
    });
  });

  describe('email', () => {
    it.each([
      ['bob@', 'Email "bob@" is not a valid e-mail address.'],
      ['bob', 'Email "bob" is not a valid e-mail address.'],
      ['bob@example', 'Email "bob@example" is not a valid e-mail address.'],
      ['bob smith@example.com', 'Email "bob smith@example.com" is not a valid e-mail address.'],
      ['bob..x@example.com', 'Email "bob..x@example.com" is not a valid e-mail address.'],
      ['.bob@example.com', 'Email ".bob@example.com" is not a valid e-mail address.'],
      ['<b>@example.com', 'Email "<b>@example.com" is not a valid e-mail address.'],
      ['a@b@example.com', 'Email "a@b@example.com" is not a valid e-mail address.'],
    ])('refuses %p', (email, message) => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', email }))).toEqual({ email: message });
    });

    it.each([
      ["o'brien@example.ie", "o'brien@example.ie"],
      ['Bob+CRM@Mail.Example.co.uk', 'bob+crm@mail.example.co.uk'],
      ['josé@exämple.de', 'josé@exämple.de'],
      ['x@xn--bcher-kva.example', 'x@xn--bcher-kva.example'],
    ])('accepts %p as %p', (email, stored) => {
      expect(validValue(validateNewCustomer({ name: 'Ana', email })).email).toBe(stored);
    });

    it('truncates a long echoed address in the message to about 40 characters', () => {
      const email = `${'a'.repeat(100)}@`;
      expect(errorsOf(validateNewCustomer({ name: 'Ana', email }))).toEqual({
        email: `Email "${'a'.repeat(40)}…" is not a valid e-mail address.`,
      });
    });

    it('refuses an address over 254 characters with the limit', () => {
      const email = `${'a'.repeat(250)}@example.com`;
      expect(errorsOf(validateNewCustomer({ name: 'Ana', email }))).toEqual({
        email: 'Email is too long: 262 characters, the limit is 254.',
      });
    });
  });

  describe('phone', () => {
    it.each([['555-010-2000'], ['+44 (0)20 7946 0958'], ['555.010.2000 x12'], ['555 0102 ext. 7'], ['030/1234567']])(
      'accepts %p as typed',
      (phone) => {
        expect(validValue(validateNewCustomer({ name: 'Ana', phone })).phone).toBe(phone);
      },
    );

    it('refuses letters and formulas', () => {
      const message = (shown: string): string =>
        `Phone "${shown}" can only contain digits, spaces and + ( ) - . / (and an extension such as "x12").`;
      expect(errorsOf(validateNewCustomer({ name: 'Ana', phone: 'call me' }))).toEqual({ phone: message('call me') });
      expect(errorsOf(validateNewCustomer({ name: 'Ana', phone: '=1+1' }))).toEqual({ phone: message('=1+1') });
    });

    it('needs at least 6 digits', () => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', phone: '12-34' }))).toEqual({
        phone: 'Phone "12-34" is too short: a phone number needs at least 6 digits.',
      });
      expect(validValue(validateNewCustomer({ name: 'Ana', phone: '123 456' })).phone).toBe('123 456');
    });

    it('refuses more than 40 characters', () => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', phone: '1'.repeat(41) }))).toEqual({
        phone: 'Phone is too long: 41 characters, the limit is 40.',
      });
    });
  });

  describe('status', () => {
    it.each([
      ['in negotiation', 'In negotiation'],
      ['CLOSED_LOST', 'Closed-lost'],
      ['', 'Lead'],
      [null, 'Lead'],
    ])('maps %p to %p', (status, expected) => {
      expect(validValue(validateNewCustomer({ name: 'Ana', status })).status).toBe(expected);
    });

    it('lists the valid stages for an unknown one', () => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', status: 'won' }))).toEqual({
        status: `Status "won" is not a pipeline stage. Use one of: ${STAGES}.`,
      });
    });

    it.each([[3], [true], [{}], [['Lead']]])('refuses the non-text status %p', (status) => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', status }))).toEqual({
        status: `Status must be one of: ${STAGES}.`,
      });
    });
  });

  describe('dealValue', () => {
    it.each([
      [1200, 1200],
      [0, 0],
      [-0, 0],
      [12.5, 12.5],
      ['1200', 1200],
      ['1,200.50', 1200.5],
      [' 300 ', 300],
      ['.5', 0.5],
      ['1,234,567', 1_234_567],
      // The CRM's one amount parser (src/domain/amount.ts), the same as the import's: currency signs and codes are
      // dropped, European forms read where they cannot mean anything else.
      ['$15,000', 15_000],
      ['$4,500', 4500],
      ['15.000,50 €', 15_000.5],
      ['USD 1,200', 1200],
      ['1 200', 1200],
      ['1,20', 1.2],
      ['(0)', 0],
      ['', null],
      ['   ', null],
      [null, null],
      [undefined, null],
    ])('turns %p into %p', (dealValue, expected) => {
      expect(validValue(validateNewCustomer({ name: 'Ana', dealValue })).dealValue).toBe(expected);
    });

    it.each([
      ['abc', 'Deal value "abc" is not an amount: write it like 1200, $1,200.50 or 1.200,50 €.'],
      ['1.200', 'Deal value "1.200" is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.'],
      ['12k', 'Deal value "12k" is not an amount: write it like 1200, $1,200.50 or 1.200,50 €.'],
      ['1e3', 'Deal value "1e3" is not an amount: write it like 1200, $1,200.50 or 1.200,50 €.'],
      ['=1000*2', 'Deal value "=1000*2" is not an amount: write it like 1200, $1,200.50 or 1.200,50 €.'],
      [
        '9'.repeat(61),
        `Deal value "${'9'.repeat(40)}…" is not an amount: write it like 1200, $1,200.50 or 1.200,50 €.`,
      ],
      [-5, 'Deal value cannot be negative (-5).'],
      ['-5', 'Deal value cannot be negative ("-5").'],
      ['($300)', 'Deal value cannot be negative ("($300)").'],
      [Number.NaN, 'Deal value must be a finite amount: write it like 1200, $1,200.50 or 1.200,50 €.'],
      [Number.POSITIVE_INFINITY, 'Deal value must be a finite amount: write it like 1200, $1,200.50 or 1.200,50 €.'],
      [1e21, 'Deal value 1e+21 is too large: the maximum is 999,999,999,999,999.'],
      [
        '$9,999,999,999,999,999',
        'Deal value "$9,999,999,999,999,999" is too large: the maximum is 999,999,999,999,999.',
      ],
      [{}, 'Deal value must be an amount (write it like 1200, $1,200.50 or 1.200,50 €), not an object.'],
      [true, 'Deal value must be an amount (write it like 1200, $1,200.50 or 1.200,50 €), not a yes/no value.'],
      [[5], 'Deal value must be an amount (write it like 1200, $1,200.50 or 1.200,50 €), not a list.'],
    ])('refuses %p', (dealValue, message) => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', dealValue }))).toEqual({ dealValue: message });
    });
  });

  describe('limits of the other fields', () => {
    it.each([
      ['company', 200, 'Company is too long: 201 characters, the limit is 200.'],
      ['owner', 254, 'Owner is too long: 255 characters, the limit is 254.'],
      ['source', 100, 'Source is too long: 101 characters, the limit is 100.'],
      ['notes', 10_000, 'Notes is too long: 10,001 characters, the limit is 10,000.'],
    ])('%s: accepts %p characters, refuses one more', (key, max, message) => {
      expect(validateNewCustomer({ name: 'Ana', [key]: 'z'.repeat(max) }).ok).toBe(true);
      expect(errorsOf(validateNewCustomer({ name: 'Ana', [key]: 'z'.repeat(max + 1) }))).toEqual({ [key]: message });
    });

    it('refuses other control characters in notes', () => {
      expect(errorsOf(validateNewCustomer({ name: 'Ana', notes: 'ok\u0000' }))).toEqual({
        notes: 'Notes contains an invisible control character (U+0000) that cannot be stored: remove it.',
      });
    });
  });

  it('reports every bad field at once', () => {
    expect(
      Object.keys(errorsOf(validateNewCustomer({ name: '', email: 'x', dealValue: 'y', status: 'z' }))).sort(),
    ).toEqual(['dealValue', 'email', 'name', 'status']);
  });

  it('refuses fields that are not customer fields, naming them', () => {
    expect(errorsOf(validateNewCustomer({ name: 'Ana', id: 'C-00001', colour: 'red' }))).toEqual({
      id: 'ID cannot be changed: the CRM sets it.',
      colour:
        '"colour" is not a customer field. Use: name, company, email, phone, status, dealValue, owner, source, notes, nextStep, nextStepDue, lostReason.',
    });
  });

  it('keeps a hostile "__proto__" key as an ordinary error, not a prototype change', () => {
    const errors = errorsOf(validateNewCustomer(JSON.parse('{"name":"Ana","__proto__":{"polluted":true}}')));
    expect(Object.keys(errors)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([[null], [undefined], ['Ana'], [42], [['Ana']]])('refuses a whole input of %p', (input) => {
    expect(errorsOf(validateNewCustomer(input))).toEqual({
      input: 'The customer details are missing or not in the expected form.',
    });
  });

  it.each([['yes'], [1], [{}]])('refuses allowDuplicate %p', (allowDuplicate) => {
    expect(errorsOf(validateNewCustomer({ name: 'Ana', allowDuplicate }))).toEqual({
      allowDuplicate: 'Allow duplicate must be true or false.',
    });
  });

  it('treats allowDuplicate null as not given', () => {
    const result = validateNewCustomer({ name: 'Ana', allowDuplicate: null });
    expect(result.ok && result.allowDuplicate).toBe(false);
  });
});

describe('validatePatch', () => {
  it('returns only the keys given, normalised', () => {
    expect(validatePatch({ email: ' NEW@Example.com ', dealValue: '2,000' })).toEqual({
      ok: true,
      value: { email: 'new@example.com', dealValue: 2000 },
    });
  });

  it('lets a field be cleared, but not the name', () => {
    expect(validatePatch({ phone: '', dealValue: null })).toEqual({ ok: true, value: { phone: '', dealValue: null } });
    expect(errorsOf(validatePatch({ name: '  ' }))).toEqual({ name: 'Name is required.' });
  });

  it('needs a real status when status is given (blank is not "back to Lead")', () => {
    expect(validatePatch({ status: 'qualified' })).toEqual({ ok: true, value: { status: 'Qualified' } });
    expect(errorsOf(validatePatch({ status: '' }))).toEqual({
      status: `Status cannot be blank. Use one of: ${STAGES}.`,
    });
  });

  it('names each key that cannot be patched', () => {
    expect(errorsOf(validatePatch({ name: 'Ana', id: 'C-9', version: 3, createdAt: 'x', hack: 1 }))).toEqual({
      id: 'ID cannot be changed: the CRM sets it.',
      version: 'Version cannot be changed: the CRM sets it.',
      createdAt: 'Created at cannot be changed: the CRM sets it.',
      hack: '"hack" is not a customer field. Use: name, company, email, phone, status, dealValue, owner, source, notes, nextStep, nextStepDue, lostReason.',
    });
  });

  it('refuses an empty patch', () => {
    const nothing =
      'Nothing to change: give at least one of name, company, email, phone, status, dealValue, owner, source, notes, nextStep, nextStepDue, lostReason.';
    expect(errorsOf(validatePatch({}))).toEqual({ patch: nothing });
    expect(errorsOf(validatePatch({ name: undefined }))).toEqual({ patch: nothing });
    expect(errorsOf(validatePatch({ allowDuplicate: true }))).toEqual({ patch: nothing });
    expect(errorsOf(validatePatch({ version: 2 }))).toEqual({
      version: 'Version cannot be changed: the CRM sets it.',
      patch: nothing,
    });
  });

  it.each([[null], ['name=Ana'], [[{ name: 'Ana' }]], [7]])('refuses a patch of %p', (patch) => {
    expect(errorsOf(validatePatch(patch))).toEqual({ patch: 'The changes are missing or not in the expected form.' });
  });

  it('accepts allowDuplicate (same input shape as register) without passing it on', () => {
    expect(validatePatch({ company: 'Acme', allowDuplicate: false })).toEqual({ ok: true, value: { company: 'Acme' } });
  });
});

describe('validateStatusChange', () => {
  it('maps the status and trims the note', () => {
    expect(validateStatusChange('in-negotiation', '  Sent the offer ')).toEqual({
      ok: true,
      status: 'In negotiation',
      note: 'Sent the offer',
    });
    expect(validateStatusChange('Active', undefined)).toEqual({ ok: true, status: 'Active', note: '' });
  });

  it('keeps line breaks in the note', () => {
    expect(validateStatusChange('Lead', 'a\r\nb')).toEqual({ ok: true, status: 'Lead', note: 'a\nb' });
  });

  it('refuses a missing or unknown status and a bad note, keyed by field', () => {
    expect(errorsOf(validateStatusChange(undefined, 'x'))).toEqual({
      status: `Status cannot be blank. Use one of: ${STAGES}.`,
    });
    expect(errorsOf(validateStatusChange('Won!', { text: 'x' }))).toEqual({
      status: `Status "Won!" is not a pipeline stage. Use one of: ${STAGES}.`,
      note: 'Note must be text, not an object.',
    });
    expect(errorsOf(validateStatusChange('Lead', 'n'.repeat(10_001)))).toEqual({
      note: 'Note is too long: 10,001 characters, the limit is 10,000.',
    });
  });
});

describe('validateId', () => {
  it.each([
    ['C-00042', 'C-00042'],
    [' c-00042 ', 'C-00042'],
    ['C-100000', 'C-100000'],
  ])('accepts %p as %p', (id, expected) => {
    expect(validateId(id)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [undefined, 'Customer ID is missing: open the customer again from the search.'],
    ['', 'Customer ID is missing: open the customer again from the search.'],
    ['42', 'Customer ID "42" is not valid: IDs look like C-00042.'],
    ['=C-00001', 'Customer ID "=C-00001" is not valid: IDs look like C-00042.'],
    [42, 'Customer ID is not valid: IDs look like C-00042.'],
    [{}, 'Customer ID is not valid: IDs look like C-00042.'],
  ])('refuses %p', (id, message) => {
    expect(validateId(id)).toEqual({ ok: false, errors: { id: message } });
  });
});

describe('validateExpectedVersion', () => {
  it.each([
    [3, 3],
    ['3', 3],
    [0, 0],
  ])('accepts %p', (v, expected) => {
    expect(validateExpectedVersion(v)).toEqual({ ok: true, value: expected });
  });

  it.each([[1.5], [-1], ['3a'], [Number.NaN], [true], [{}]])('refuses %p', (v) => {
    expect(validateExpectedVersion(v)).toEqual({
      ok: false,
      errors: {
        expectedVersion: 'Expected version must be a whole number such as 3: reload the customer and try again.',
      },
    });
  });

  it('says when it is missing', () => {
    expect(validateExpectedVersion(undefined)).toEqual({
      ok: false,
      errors: { expectedVersion: 'Expected version is missing: reload the customer and try again.' },
    });
  });
});
