/** Reading cells of an old sheet: text of numbers/dates/booleans, e-mail tidying, and deal values in many notations. */

import { cellText, oneLine, readAmount, tidyEmail } from '../../../src/domain/import';

describe('cellText', () => {
  it('keeps strings (formula-looking text included) and writes numbers as digits', () => {
    expect(cellText('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(cellText(447700900123)).toBe('447700900123');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
    expect(cellText(Number.NaN)).toBe('');
  });

  it('shows a date as its day when it has no time, and uses the formatter it is given', () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
    expect(cellText(new Date(Date.UTC(2024, 2, 1, 10, 30)))).toBe('2024-03-01T10:30:00.000Z');
    expect(cellText(new Date(0), () => 'shown')).toBe('shown');
  });
});

describe('tidyEmail and oneLine', () => {
  it.each([
    ['mailto:bob@x.example', 'bob@x.example'],
    ['Bob Baker <bob@x.example>', 'bob@x.example'],
    ['  bob@x.example ', 'bob@x.example'],
    ['bob@', 'bob@'],
    ['a@x.example; b@y.example', 'a@x.example; b@y.example'],
  ])('%p → %p', (raw, tidy) => expect(tidyEmail(raw)).toBe(tidy));

  it('joins wrapped lines and tabs into single spaces', () => {
    expect(oneLine(' Ives\nGroup\t Ltd ')).toBe('Ives Group Ltd');
  });
});

describe('readAmount', () => {
  it.each<[unknown, number | null]>([
    [1200, 1200],
    ['', null],
    [null, null],
    ['1200', 1200],
    ['$1,200', 1200],
    ['1,200.50', 1200.5],
    ['USD 1,200', 1200],
    ['US$ 99.90', 99.9],
    ['1.200,50 €', 1200.5],
    ['€1.200.000', 1200000],
    ['1 200,5', 1200.5],
    ["1'200", 1200],
    ['1200,50', 1200.5],
    ['0.125', 0.125],
    ['.5', 0.5],
    ['£ 300 GBP', 300],
    ['-0', 0],
  ])('%p → %p', (raw, value) => {
    expect(readAmount(raw)).toEqual({ ok: true, value });
  });

  it('refuses to guess "1.200" (1.2 or 1200?)', () => {
    expect(readAmount('1.200')).toEqual({
      ok: false,
      message: 'Deal value "1.200" is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.',
    });
  });

  it.each([['lots'], ['12k'], ['100-200'], ['1,2,3'], ['EURO 5']])('reports %p as not an amount', (raw) => {
    const read = readAmount(raw);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.message).toBe(`Deal value "${raw}" is not an amount: write it like 1200, 1,200.50 or 1.200,50.`);
  });

  it.each([['-50'], ['(300)'], ['-$1,200']])('refuses the negative amount %p with the text as written', (raw) => {
    expect(readAmount(raw)).toEqual({ ok: false, message: `Deal value cannot be negative ("${raw}").` });
  });

  it('reports dates and yes/no values', () => {
    expect(readAmount(true)).toEqual({ ok: false, message: 'Deal value must be an amount, not a yes/no value.' });
    expect(readAmount(new Date(0)).ok).toBe(false);
  });
});
