/**
 * `custom: { … }` against the definitions: each type's good and bad values, required, unknown fields, formulas,
 * huge strings, wrong types, hostile keys; register (every field) and patch (only the keys present).
 */

import {
  blankCustomValues,
  CUSTOM_NUMBER_MAX,
  CUSTOM_TEXT_MAX,
  checkCustomType,
  validateCustomPatch,
  validateNewCustomValues,
} from '../../../src/domain/customFields';
import { EMPLOYEES, FIELDS, INDUSTRY, REGION, RENEWAL, required } from './fixtures';

/** The one value `raw` gives a field on registering, or its error message. */
function registerOne(definition: typeof REGION, raw: unknown): unknown {
  const result = validateNewCustomValues({ [definition.name]: raw }, [definition]);
  return result.ok ? result.value[definition.name] : result.errors[`custom.${definition.name}`];
}

describe('Number (the one amount parser, src/domain/amount.ts, with negatives)', () => {
  const HINT = 'write it like 1200, -3.5, 1,200.50 or 1.200,50';
  it.each([
    [1200, 1200],
    [-3.5, -3.5],
    [0, 0],
    [-0, 0],
    ['1200', 1200],
    [' 1,200.50 ', 1200.5],
    ['-42', -42],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['-0', 0],
    // What the amount parser reads for a deal value, read the same here (one grammar for every number typed).
    ['$1,200', 1200],
    ['12,00', 12],
    ['1.200,50', 1200.5],
    ['-1.200.000', -1200000],
    ['(300)', -300],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [CUSTOM_NUMBER_MAX, CUSTOM_NUMBER_MAX],
  ])('%j → %j', (raw, expected) => {
    expect(registerOne(EMPLOYEES, raw)).toBe(expected);
  });

  it.each([
    ['abc', `Employees "abc" is not a number: ${HINT}.`],
    ['1e6', `Employees "1e6" is not a number: ${HINT}.`],
    ['12k', `Employees "12k" is not a number: ${HINT}.`],
    ['=1+1', `Employees "=1+1" is not a number: ${HINT}.`],
    ['--5', `Employees "--5" is not a number: ${HINT}.`],
    ['<b>5</b>', `Employees "<b>5</b>" is not a number: ${HINT}.`],
    ['５', `Employees "５" is not a number: ${HINT}.`],
    // Was read as 1.2 before the one parser: the same ambiguity a deal value refuses (1.2 or 1200?).
    ['1.200', 'Employees "1.200" is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.'],
    ['-1.200', 'Employees "-1.200" is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.'],
    [Number.NaN, `Employees must be a finite number: ${HINT}.`],
    [Number.POSITIVE_INFINITY, `Employees must be a finite number: ${HINT}.`],
    [true, `Employees must be a number (${HINT}), not a yes/no value.`],
    [[1], `Employees must be a number (${HINT}), not a list.`],
    [{ n: 1 }, `Employees must be a number (${HINT}), not an object.`],
    [1e16, 'Employees 10000000000000000 is too large: the limit is 999,999,999,999,999 either side of 0.'],
    [
      '-1000000000000000',
      'Employees -1000000000000000 is too large: the limit is 999,999,999,999,999 either side of 0.',
    ],
  ])('%j is refused', (raw, message) => {
    expect(registerOne(EMPLOYEES, raw)).toBe(message);
  });

  it('echoes at most ~40 characters of a huge string', () => {
    const message = registerOne(EMPLOYEES, '9x'.repeat(50_000)) as string;
    expect(message.length).toBeLessThan(160);
    expect(message).toContain('…" is not a number');
  });
});

describe('Date', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    [' 2024-02-29 ', '2024-02-29'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (raw, expected) => {
    expect(registerOne(RENEWAL, raw)).toBe(expected);
  });

  it.each([
    ['2026-02-30', 'Renewal "2026-02-30" is not a date: use YYYY-MM-DD, such as 2026-03-31, or leave it empty.'],
    ['31/03/2026', 'Renewal "31/03/2026" is not a date: use YYYY-MM-DD, such as 2026-03-31, or leave it empty.'],
    ['=TODAY()', 'Renewal "=TODAY()" is not a date: use YYYY-MM-DD, such as 2026-03-31, or leave it empty.'],
    ['2026-03-31T00:00:00Z', 'Renewal is too long: 20 characters, the limit is 10.'],
    [20260331, 'Renewal must be text, not a number.'],
    [new Date(Date.UTC(2026, 2, 31)), 'Renewal must be text, not an object.'],
  ])('%j is refused', (raw, message) => {
    expect(registerOne(RENEWAL, raw)).toBe(message);
  });
});

describe('Text', () => {
  it.each([
    ['  North  ', 'North'],
    ['=HYPERLINK("http://evil.example")', '=HYPERLINK("http://evil.example")'],
    ['+1 555', '+1 555'],
    ['@home', '@home'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['Zürich 北京 🚀 עברית', 'Zürich 北京 🚀 עברית'],
    ['x'.repeat(CUSTOM_TEXT_MAX), 'x'.repeat(CUSTOM_TEXT_MAX)],
    [null, ''],
  ])('%j is kept as text: %j', (raw, expected) => {
    expect(registerOne(REGION, raw)).toBe(expected);
  });

  it.each([
    ['x'.repeat(CUSTOM_TEXT_MAX + 1), 'Region is too long: 1,001 characters, the limit is 1,000.'],
    ['x'.repeat(100_000), 'Region is too long: 100,000 characters, the limit is 1,000.'],
    ['two\nlines', 'Region must fit on one line: remove the line breaks and tabs.'],
    ['bell\u0007', 'Region contains an invisible control character (U+0007) that cannot be stored: remove it.'],
    [42, 'Region must be text, not a number.'],
    [false, 'Region must be text, not a yes/no value.'],
    [['North'], 'Region must be text, not a list.'],
  ])('%j is refused', (raw, message) => {
    expect(registerOne(REGION, raw)).toBe(message);
  });
});

describe('Choice', () => {
  it.each([
    ['Tech', 'Tech'],
    ['  tech ', 'Tech'],
    ['HEALTH CARE', 'Health care'],
    ['', ''],
    [null, ''],
  ])('%j → %j (stored as the definition spells it)', (raw, expected) => {
    expect(registerOne(INDUSTRY, raw)).toBe(expected);
  });

  it.each([
    ['Mining', 'Industry "Mining" is not one of the choices: Retail, Tech, Health care.'],
    ['=Tech', 'Industry "=Tech" is not one of the choices: Retail, Tech, Health care.'],
    ['Retail, Tech', 'Industry "Retail, Tech" is not one of the choices: Retail, Tech, Health care.'],
    [1, 'Industry must be text, not a number.'],
    ['r'.repeat(101), 'Industry is too long: 101 characters, the limit is 100.'],
  ])('%j is refused', (raw, message) => {
    expect(registerOne(INDUSTRY, raw)).toBe(message);
  });
});

describe('validateNewCustomValues (registerCustomer)', () => {
  it('gives every defined field, absent ones at their empty value', () => {
    expect(validateNewCustomValues({ Industry: 'retail', Employees: '12' }, FIELDS)).toEqual({
      ok: true,
      value: { Industry: 'Retail', Employees: 12, Renewal: '', Region: '' },
    });
    expect(validateNewCustomValues(undefined, FIELDS)).toEqual({ ok: true, value: blankCustomValues(FIELDS) });
    expect(blankCustomValues(FIELDS)).toEqual({ Industry: '', Employees: null, Renewal: '', Region: '' });
  });

  it('refuses each required field that is missing or blank, keyed custom.<name>', () => {
    const fields = FIELDS.map(required);
    const result = validateNewCustomValues({ Industry: '  ', Employees: null, Renewal: '' }, fields);
    expect(result).toEqual({
      ok: false,
      errors: {
        'custom.Industry': 'Industry is required.',
        'custom.Employees': 'Employees is required.',
        'custom.Renewal': 'Renewal is required.',
        'custom.Region': 'Region is required.',
      },
    });
  });

  it('reports every bad field at once, and an unknown field by its name', () => {
    const result = validateNewCustomValues(
      { Industry: 'Mining', Employees: 'lots', Colour: 'red', region: 'North' },
      FIELDS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      'custom.Industry': 'Industry "Mining" is not one of the choices: Retail, Tech, Health care.',
      'custom.Employees': expect.stringContaining('Employees "lots" is not a number'),
      'custom.Colour': '"Colour" is not a custom field: the custom fields are Industry, Employees, Renewal, Region.',
      'custom.region': '"region" is not a custom field: the custom fields are Industry, Employees, Renewal, Region.',
    });
  });

  it('says when no custom field is defined', () => {
    expect(validateNewCustomValues({ Region: 'North' }, [])).toEqual({
      ok: false,
      errors: { 'custom.Region': '"Region" is not a custom field: no custom fields are defined in Settings.' },
    });
    expect(validateNewCustomValues({}, [])).toEqual({ ok: true, value: {} });
  });

  it.each([['Retail'], [42], [true], [['Industry', 'Retail']]])('refuses custom = %j as a whole', (raw) => {
    expect(validateNewCustomValues(raw, FIELDS)).toEqual({
      ok: false,
      errors: { custom: 'Custom fields must be an object of field name and value, such as { "Industry": "Retail" }.' },
    });
  });

  it('treats hostile keys as unknown fields, never as the prototype', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "x", "Region": "North"}') as unknown;
    const result = validateNewCustomValues(raw, FIELDS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['custom.__proto__', 'custom.constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never reads a value off the prototype for a field named like an Object method', () => {
    const odd = [
      { ...EMPLOYEES, name: 'constructor' },
      { ...REGION, name: 'toString', required: true },
    ];
    expect(validateNewCustomValues({}, odd)).toEqual({
      ok: false,
      errors: { 'custom.toString': 'toString is required.' },
    });
    expect(validateNewCustomValues({ toString: 'x' }, odd)).toEqual({
      ok: true,
      value: { constructor: null, toString: 'x' },
    });
  });
});

describe('validateCustomPatch (updateCustomer)', () => {
  it('checks only the fields present', () => {
    expect(validateCustomPatch({ Renewal: '2026-04-01' }, FIELDS.map(required))).toEqual({
      ok: true,
      value: { Renewal: '2026-04-01' },
    });
    expect(validateCustomPatch(undefined, FIELDS)).toEqual({ ok: true, value: {} });
  });

  it('clears an optional field with null or blank; refuses clearing a required one', () => {
    expect(validateCustomPatch({ Employees: null, Region: '' }, FIELDS)).toEqual({
      ok: true,
      value: { Employees: null, Region: '' },
    });
    expect(validateCustomPatch({ Employees: '' }, [required(EMPLOYEES)])).toEqual({
      ok: false,
      errors: { 'custom.Employees': 'Employees is required.' },
    });
  });

  it('refuses bad values and unknown fields as register does', () => {
    expect(validateCustomPatch({ Industry: 7, Size: 'L' }, FIELDS)).toEqual({
      ok: false,
      errors: {
        'custom.Industry': 'Industry must be text, not a number.',
        'custom.Size': '"Size" is not a custom field: the custom fields are Industry, Employees, Renewal, Region.',
      },
    });
  });
});

describe('schemas built once per definitions array', () => {
  it('keeps register and patch apart, and each definitions array its own rules', () => {
    const optional = [REGION];
    const mandatory = [required(REGION)];
    expect(validateNewCustomValues({}, optional)).toEqual({ ok: true, value: { Region: '' } });
    expect(validateCustomPatch({}, optional)).toEqual({ ok: true, value: {} });
    expect(validateNewCustomValues({}, mandatory)).toEqual({
      ok: false,
      errors: { 'custom.Region': 'Region is required.' },
    });
    expect(validateNewCustomValues({}, optional)).toEqual({ ok: true, value: { Region: '' } });
  });
});

describe('checkCustomType (reading back a logged or hand-typed value)', () => {
  it('reads by type without the Required rule', () => {
    expect(checkCustomType('', required(EMPLOYEES))).toEqual({ ok: true, value: null });
    expect(checkCustomType('1200.5', EMPLOYEES)).toEqual({ ok: true, value: 1200.5 });
    expect(checkCustomType('retail', INDUSTRY)).toEqual({ ok: true, value: 'Retail' });
  });
});
