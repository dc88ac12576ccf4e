/** Text folding for matching: case, accents, spacing; phone digits; e-mail normal form. */
import fc from 'fast-check';
import { foldText, isAscii, normaliseEmail, phoneDigits, plainFoldedCode } from '../../src/domain/text';

describe('foldText', () => {
  it.each([
    ['Bob Smith', 'bob smith'],
    ['  José   GARCÍA ', 'jose garcia'],
    ['Müller\tGmbH', 'muller gmbh'],
    ['Zoë', 'zoe'],
    ['Søren Łukasz', 'soren lukasz'],
    ['ÉCOLE', 'ecole'],
    ['e\u0301cole', 'ecole'], // already decomposed input folds the same as precomposed
    ['Line\nbreak', 'line break'],
    ['non\u00a0breaking', 'non breaking'],
    ['', ''],
    ['   ', ''],
    ['=SUM(A1)', '=sum(a1)'],
  ])('folds %p to %p', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('keeps scripts without case or accents, emoji and right-to-left text', () => {
    expect(foldText('北京 😀')).toBe('北京 😀');
    expect(foldText('שלום עולם')).toBe('שלום עולם');
    expect(foldText('Москва')).toBe('москва');
  });

  it('removes accents from Cyrillic and Greek letters too (й → и, ά → α)', () => {
    expect(foldText('Йошкар')).toBe('иошкар');
    expect(foldText('Άλφα')).toBe('αλφα');
  });

  it('agrees with a whole-string NFD reference on arbitrary text', () => {
    const stroked: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ŧ: 't' };
    const reference = (s: string): string =>
      [...s.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '')]
        .map((ch) => stroked[ch] ?? ch)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => foldText(s) === reference(s)),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => foldText(s) === reference(s)),
      { numRuns: 3000 },
    );
  });

  it('handles a 50,000-character string', () => {
    const long = 'Ä'.repeat(50_000);
    expect(foldText(long)).toBe('a'.repeat(50_000));
  });
});

describe('phoneDigits', () => {
  it.each([
    ['+1 (555) 010-2000', '15550102000'],
    ['555.010.2000 x12', '555010200012'],
    ['', ''],
    ['no digits', ''],
    ['٣٤٥', ''], // Arabic-Indic digits are not ASCII digits
  ])('%p → %p', (input, expected) => {
    expect(phoneDigits(input)).toBe(expected);
  });
});

describe('normaliseEmail', () => {
  it('trims and lowercases', () => {
    expect(normaliseEmail('  Bob.Smith@Example.COM ')).toBe('bob.smith@example.com');
    expect(normaliseEmail('')).toBe('');
  });
});

describe('isAscii / plainFoldedCode', () => {
  it('tells ASCII from non-ASCII', () => {
    expect(isAscii('Bob +1 @x')).toBe(true);
    expect(isAscii('José')).toBe(false);
    expect(isAscii('')).toBe(true);
  });

  it('knows the folded form only of printable ASCII', () => {
    expect(plainFoldedCode('B'.charCodeAt(0))).toBe('b'.charCodeAt(0));
    expect(plainFoldedCode('b'.charCodeAt(0))).toBe('b'.charCodeAt(0));
    expect(plainFoldedCode('='.charCodeAt(0))).toBe('='.charCodeAt(0));
    expect(plainFoldedCode(' '.charCodeAt(0))).toBe(-1);
    expect(plainFoldedCode('É'.charCodeAt(0))).toBe(-1);
    expect(plainFoldedCode(''.charCodeAt(0))).toBe(-1); // NaN: empty string
  });
});
