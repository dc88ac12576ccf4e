/** Wrong JavaScript types for every field of register, update and status-change input: refused, field named. */
import { EDITABLE_KEYS, type EditableKey } from '../../src/domain/customer';
import { fieldLabel, validateNewCustomer, validatePatch, validateStatusChange } from '../../src/domain/validation';

/** Values of the wrong type, with how a message names their kind. */
const WRONG: ReadonlyArray<[string, unknown]> = [
  ['a number', 42],
  ['a yes/no value', true],
  ['an object', {}],
  ['a list', []],
  ['a list', ['x']],
];

/** What a valid register input needs besides the field under test. */
function withName(key: EditableKey, value: unknown): Record<string, unknown> {
  return key === 'name' ? { name: value } : { name: 'Ana', [key]: value };
}

function errorsOf(result: { ok: boolean; errors?: Record<string, string> }): Record<string, string> {
  if (result.ok) throw new Error('expected the validation to fail');
  return result.errors ?? {};
}

describe('a wrong type for a customer field is refused with a message naming the field', () => {
  const cases = EDITABLE_KEYS.flatMap((key) =>
    WRONG.filter(([, value]) => !(key === 'dealValue' && typeof value === 'number')).map(
      ([kind, value]) => [key, kind, value] as [EditableKey, string, unknown],
    ),
  );

  it.each(cases)('register: %s given %s', (key, _kind, value) => {
    const errors = errorsOf(validateNewCustomer(withName(key, value)));
    expect(Object.keys(errors)).toEqual([key]);
    expect(errors[key]).toContain(fieldLabel(key));
  });

  it.each(cases)('update: %s given %s', (key, _kind, value) => {
    const errors = errorsOf(validatePatch({ [key]: value }));
    expect(Object.keys(errors)).toEqual([key]);
    expect(errors[key]).toContain(fieldLabel(key));
  });

  it.each(EDITABLE_KEYS.filter((key) => key !== 'status' && key !== 'dealValue'))(
    'text field %s: the message says it must be text and what it got',
    (key) => {
      expect(errorsOf(validateNewCustomer(withName(key, 5)))[key]).toBe(
        `${fieldLabel(key)} must be text, not a number.`,
      );
      expect(errorsOf(validatePatch({ [key]: {} }))[key]).toBe(`${fieldLabel(key)} must be text, not an object.`);
      expect(errorsOf(validatePatch({ [key]: [] }))[key]).toBe(`${fieldLabel(key)} must be text, not a list.`);
    },
  );

  it('the examples of the bug report', () => {
    expect(errorsOf(validateNewCustomer({ name: 42 }))).toEqual({ name: 'Name must be text, not a number.' });
    expect(errorsOf(validateNewCustomer({ name: 'A', email: 5 }))).toEqual({
      email: 'Email must be text, not a number.',
    });
    expect(errorsOf(validateNewCustomer({ name: 'A', notes: {} }))).toEqual({
      notes: 'Notes must be text, not an object.',
    });
    expect(errorsOf(validateNewCustomer({ name: 'A', phone: [] }))).toEqual({
      phone: 'Phone must be text, not a list.',
    });
    expect(errorsOf(validateNewCustomer({ name: 'A', status: 1 })).status).toMatch(/^Status must be one of: Lead, /);
    expect(errorsOf(validateNewCustomer({ name: 'A', dealValue: true }))).toEqual({
      dealValue: 'Deal value must be an amount (write it like 1200, $1,200.50 or 1.200,50 €), not a yes/no value.',
    });
  });

  it('a bigint is a number, not text', () => {
    expect(errorsOf(validateNewCustomer({ name: BigInt(7) }))).toEqual({ name: 'Name must be text, not a number.' });
  });

  it('every wrong field of one input is reported at once', () => {
    expect(
      Object.keys(
        errorsOf(validatePatch({ name: 1, email: 2, notes: {}, status: 3, dealValue: true, phone: [] })),
      ).sort(),
    ).toEqual(['dealValue', 'email', 'name', 'notes', 'phone', 'status']);
  });

  it('a note with a status change must be text too', () => {
    expect(errorsOf(validateStatusChange('Lead', 12))).toEqual({ note: 'Note must be text, not a number.' });
    expect(errorsOf(validateStatusChange(3, undefined)).status).toMatch(/^Status must be one of/);
  });
});

describe('what stays allowed', () => {
  it('dealValue as a JS number, and as text parsed as before', () => {
    expect(validateNewCustomer({ name: 'A', dealValue: 1200.5 })).toMatchObject({
      ok: true,
      value: { dealValue: 1200.5 },
    });
    expect(validateNewCustomer({ name: 'A', dealValue: '1,200.50' })).toMatchObject({
      ok: true,
      value: { dealValue: 1200.5 },
    });
    expect(validatePatch({ dealValue: 0 })).toEqual({ ok: true, value: { dealValue: 0 } });
  });

  it('null and undefined still mean "not given" for optional fields (a cleared form field)', () => {
    expect(validatePatch({ email: null })).toEqual({ ok: true, value: { email: '' } });
    expect(validateNewCustomer({ name: 'A', phone: undefined, notes: null })).toMatchObject({
      ok: true,
      value: { phone: '', notes: '' },
    });
  });

  it('numeric text stays text', () => {
    expect(validateNewCustomer({ name: '42', phone: '5550102000' })).toMatchObject({
      ok: true,
      value: { name: '42', phone: '5550102000' },
    });
  });
});
