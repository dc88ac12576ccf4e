/** Reading cells of an old sheet: text of numbers/dates/booleans, e-mail tidying, and deal values in many notations. */

import { parseAmount } from '../../../src/domain/amount';
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
  it("is the CRM's one amount parser, the one registerCustomer and the sidebar use (tests/domain/amount.test.ts)", () => {
    expect(readAmount).toBe(parseAmount);
  });
});
