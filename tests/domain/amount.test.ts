/** The one amount parser (src/domain/amount.ts): what it reads, what it refuses and how it says so. */
import fc from 'fast-check';
import { parseAmount } from '../../src/domain/amount';

describe('parseAmount', () => {
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
    ['$15,000', 15000],
    ['15.000,50 €', 15000.5],
  ])('%p → %p', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });

  it('refuses to guess "1.200" (1.2 or 1200?)', () => {
    expect(parseAmount('1.200')).toEqual({
      ok: false,
      message: 'Deal value "1.200" is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.',
    });
  });

  it.each([['lots'], ['12k'], ['100-200'], ['1,2,3'], ['EURO 5']])('reports %p as not an amount', (raw) => {
    const read = parseAmount(raw);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.message).toBe(`Deal value "${raw}" is not an amount: write it like 1200, $1,200.50 or 1.200,50 €.`);
  });

  it.each([['-50'], ['(300)'], ['-$1,200']])('refuses the negative amount %p with the text as written', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, message: `Deal value cannot be negative ("${raw}").` });
  });

  it('reports dates and yes/no values', () => {
    expect(parseAmount(true)).toEqual({ ok: false, message: 'Deal value must be an amount, not a yes/no value.' });
    expect(parseAmount(new Date(0)).ok).toBe(false);
  });
});

describe('parseAmount with negatives (a custom Number field)', () => {
  const asNumber = { label: 'Margin', negatives: true } as const;

  it.each<[string, number]>([
    ['-50', -50],
    ['(300)', -300],
    ['-$1,200', -1200],
    ['-1.200,50 €', -1200.5],
    ['-.5', -0.5],
    ['-0', 0],
    ['1,200.50', 1200.5],
  ])('%p → %p', (raw, value) => {
    expect(parseAmount(raw, asNumber)).toEqual({ ok: true, value });
  });

  it('names the field and asks for a number; the ambiguity rule is the same', () => {
    expect(parseAmount('lots', asNumber)).toEqual({
      ok: false,
      message: 'Margin "lots" is not a number: write it like 1200, -3.5, 1,200.50 or 1.200,50.',
    });
    expect(parseAmount('-1.200', asNumber)).toEqual({
      ok: false,
      message: 'Margin "-1.200" is ambiguous (a decimal point or a thousands separator?): write 1200 or 1.20.',
    });
    expect(parseAmount(true, asNumber)).toEqual({ ok: false, message: 'Margin must be a number, not a yes/no value.' });
  });

  it('reads every text exactly as a deal value is read, but for the sign', () => {
    const samples = ['1200', '$1,200', '1.200', '1.200,50 €', '12k', '(300)', '-50', '-', '()', ' ', 'USD -5', '1,2,3'];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...samples), fc.string({ maxLength: 12 })), (raw) => {
        const deal = parseAmount(raw);
        const signed = parseAmount(raw, asNumber);
        if (deal.ok) expect(signed).toEqual(deal);
        if (signed.ok && signed.value !== null && signed.value > 0) expect(deal).toEqual(signed);
        if (signed.ok && signed.value !== null && signed.value < 0) expect(deal.ok).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
