/** Customer IDs: format, parse, and never reusing a number. */
import { compareCustomerIds, customerIdNumber, formatCustomerId, nextCustomerNumber } from '../../src/domain/ids';

describe('formatCustomerId', () => {
  it.each([
    [1, 'C-00001'],
    [42, 'C-00042'],
    [99_999, 'C-99999'],
    [100_000, 'C-100000'],
    [1_234_567, 'C-1234567'],
  ])('%p → %p', (n, id) => {
    expect(formatCustomerId(n)).toBe(id);
  });

  it.each([[0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 60]])('refuses %p', (n) => {
    expect(() => formatCustomerId(n)).toThrow(RangeError);
  });
});

describe('customerIdNumber', () => {
  it.each([
    ['C-00001', 1],
    ['C-100000', 100_000],
    [' c-00042 ', 42], // typed by hand
    ['C-7', 7],
  ])('%p → %p', (id, n) => {
    expect(customerIdNumber(id)).toBe(n);
  });

  it.each([['C-00000'], ['C-'], ['00001'], ['X-00001'], ['C-0001a'], [''], ['C-99999999999999999999'], ['=C-00001']])(
    'is null for %p',
    (id) => {
      expect(customerIdNumber(id)).toBeNull();
    },
  );

  it('is null for non-strings from a hand-edited sheet', () => {
    expect(customerIdNumber(17 as unknown as string)).toBeNull();
    expect(customerIdNumber(null as unknown as string)).toBeNull();
  });
});

describe('nextCustomerNumber', () => {
  it('starts at 1 on an empty sheet with no counter', () => {
    expect(nextCustomerNumber(null, [])).toBe(1);
  });

  it('follows the counter when it is ahead (deleted customers keep their numbers)', () => {
    expect(nextCustomerNumber(10, ['C-00001', 'C-00002'])).toBe(11);
  });

  it('follows the highest ID when the counter was lost or is stale', () => {
    expect(nextCustomerNumber(null, ['C-00003', 'C-00120', 'C-00007'])).toBe(121);
    expect(nextCustomerNumber(5, ['C-00003', 'C-00120'])).toBe(121);
  });

  it('ignores junk IDs and a junk counter', () => {
    expect(nextCustomerNumber(Number.NaN, ['', 'hello', 'C-00009'])).toBe(10);
    expect(nextCustomerNumber(-4, [])).toBe(1);
  });

  it('counts past 99999', () => {
    expect(nextCustomerNumber(99_999, [])).toBe(100_000);
    expect(formatCustomerId(nextCustomerNumber(99_999, []))).toBe('C-100000');
  });
});

describe('compareCustomerIds', () => {
  it('orders by number, then odd IDs after as text', () => {
    const ids = ['C-100000', 'zzz', 'C-99999', 'C-00002', 'abc'];
    expect([...ids].sort(compareCustomerIds)).toEqual(['C-00002', 'C-99999', 'C-100000', 'abc', 'zzz']);
  });
});
