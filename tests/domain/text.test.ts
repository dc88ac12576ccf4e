/** Text folding for matching: case, accents, spacing; phone digits; e-mail normal form. */
import fc from 'fast-check';
import { foldText, foldedWordSource, normaliseEmail, phoneDigits, plainFoldedCode } from '../../src/domain/text';
import { transliteratedIncludes } from '../support/transliteration';

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
      [
        ...s
          .toLowerCase()
          .normalize('NFD')
          .replace(/\p{Mn}/gu, ''),
      ]
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

describe('plainFoldedCode', () => {
  it('knows the folded form only of printable ASCII', () => {
    expect(plainFoldedCode('B'.charCodeAt(0))).toBe('b'.charCodeAt(0));
    expect(plainFoldedCode('b'.charCodeAt(0))).toBe('b'.charCodeAt(0));
    expect(plainFoldedCode('='.charCodeAt(0))).toBe('='.charCodeAt(0));
    expect(plainFoldedCode(' '.charCodeAt(0))).toBe(-1);
    expect(plainFoldedCode('É'.charCodeAt(0))).toBe(-1);
    expect(plainFoldedCode(''.charCodeAt(0))).toBe(-1); // NaN: empty string
  });
});

describe('foldedWordSource', () => {
  const find = (word: string, text: string): boolean => new RegExp(foldedWordSource(word).source, 'u').test(text);

  it('covers every character that folds into printable ASCII or into nothing (checked over all of Unicode)', () => {
    // foldedWordSource relies on: outside its ranges, a character folds to text without ASCII, to nothing only
    // when it is a combining mark (\p{Mn}), and to a space only when it is whitespace.
    const RANGES = [
      [0x41, 0x5a],
      [0xc0, 0x24f],
      [0x37e, 0x37e],
      [0x1e00, 0x1eff],
      [0x1fef, 0x1fef],
      [0x212a, 0x212b],
      [0x2260, 0x2260],
      [0x226e, 0x226f],
    ];
    const inRanges = (code: number): boolean =>
      RANGES.some(([from, to]) => code >= (from as number) && code <= (to as number));
    const wrong: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (inRanges(code)) continue;
      const ch = String.fromCodePoint(code);
      const folded = foldText(`x${ch}x`).slice(1, -1);
      if (/\s/.test(ch)) {
        if (folded !== ' ') wrong.push(`${code.toString(16)} (space)`);
      } else if (/\p{Mn}/u.test(ch)) {
        if (folded !== '') wrong.push(`${code.toString(16)} (mark)`);
      } else if (folded === '' || /[\x00-\x7f]/.test(folded)) {
        wrong.push(code.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('derives its classes from foldText: every character of the ranges that folds into a letter is in its class', () => {
    for (const code of [0xc0, 0xe9, 0x118, 0x142, 0xf8, 0x130, 0x131, 0x1ec7, 0x212a, 0x212b, 0x37e, 0x2260]) {
      const ch = String.fromCharCode(code);
      const folded = foldText(ch);
      expect(find(folded, `<${ch}>`)).toBe(true);
    }
  });

  it.each([
    ['jose', 'José', true],
    ['jose', 'JOSÉ', true],
    ['jose', 'Jose\u0301', true], // decomposed accent
    ['jose', 'Jo\u0301se\u0301', true], // marks between letters
    ['soren', 'Søren', true],
    ['lukasz', 'ŁUKASZ', true],
    ['nguyen', 'Nguyễn', true], // Latin Extended Additional
    ['istanbul', 'İstanbul', true], // İ lowercases to i + combining dot
    ['k', '\u212a', true], // Kelvin sign
    ['ab', 'a b', false], // whitespace never inside a word
    ['ab', 'a\u00a0b', false],
    ['ab', 'a\nb', false],
    ['a.b', 'A.B (Holdings)', true],
    ['a.b', 'axb', false], // "." is literal
    ['(', 'Smith (UK)', true],
    ['+1', '+1 (555)', true],
    ['(555)', '+1 (555) 010', true],
    ['[x]', '[X]', true],
    ['\\back', '\\Back', true],
    ['^j', 'Jose', false],
    ['b|z', 'Bob', false],
    ['.*', 'anything', false],
  ])('finds %p in %p: %p, as folding does', (word, text, expected) => {
    expect(foldedWordSource(word).exact).toBe(true);
    expect(find(word, text)).toBe(expected);
    expect(foldText(text).includes(word)).toBe(expected);
  });

  it.each([
    ['mueller', 'Müller'],
    ['mueller', 'MÜLLER'],
    ['mueller', 'Mu\u0308ller'], // decomposed diaeresis
    ['strasse', 'Straße'],
    ['strasse', 'STRAẞE'],
    ['oe', 'œ'],
    ['soeren', 'Søren'],
    ['ae', 'Æsir'],
    ['aeroe', 'Ærø'],
    ['aarhus', 'Århus'],
    ['goethe', 'Göthe'],
    ['baer', 'Bär'],
  ])('finds %p in %p by a common transliteration (folding alone does not)', (word, text) => {
    expect(foldedWordSource(word).exact).toBe(true);
    expect(foldText(text).includes(word)).toBe(false);
    expect(find(word, text)).toBe(true);
    expect(transliteratedIncludes(text, word)).toBe(true);
  });

  it.each([
    ['mueller', 'Muller'], // the two-letter spelling stands for ü, not for a plain u
    ['mueller', 'Mueler'],
    ['ss', 'Straße'.replace('ß', 's')],
    ['aa', 'Ana'],
    ['ue', 'ü'.normalize('NFD').replace('\u0308', '\u0301')], // another accent is not a diaeresis
  ])('does not find %p in %p', (word, text) => {
    expect(find(word, text)).toBe(false);
    expect(transliteratedIncludes(text, word)).toBe(false);
  });

  it('filters (never misses) for words that are not ASCII after folding', () => {
    const cases: Array<[string, string, boolean]> = [
      ['straße', 'STRASSE', false],
      ['straße', 'Straße', true],
      ['straße', 'STRAẞE', true],
      ['ωmega', 'Ωmega Ltd', true],
      ['ωmega', 'omega', false],
      ['שלום', 'שָׁלוֹם עולם', true], // Hebrew points are combining marks
      ['שלום', 'שלום עולם', true],
      ['😀', 'Party 😀 Co', true],
      ['北京', 'Café 北京', true],
      ['þorður', 'Þórður Ævarsson', true],
      ['œuvre', 'Œuvre', true],
    ];
    for (const [word, text, inFolded] of cases) {
      expect(foldedWordSource(word).exact).toBe(false);
      expect(foldText(text).includes(word)).toBe(inFolded);
      if (inFolded) expect(find(word, text)).toBe(true);
    }
    expect(find('ωmega', 'omega')).toBe(false); // an accented Latin letter cannot fold into ω
  });

  it('agrees with folding and transliterations on random text and words (exact for ASCII words, never missed otherwise)', () => {
    const piece = fc.constantFrom(
      'a',
      'ü',
      'Ä',
      'o\u0308',
      'å',
      'u',
      's',
      'S',
      'A',
      'á',
      'Á',
      'a\u0301',
      'e',
      'É',
      'ß',
      'ø',
      'Ø',
      'ł',
      'œ',
      'æ',
      'İ',
      'ı',
      ' ',
      '\u00a0',
      '.',
      '(',
      '+',
      '1',
      'ש',
      '😀',
      '\u212a',
      'k',
    );
    const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (haystack, query) => {
        for (const word of foldText(query)
          .split(' ')
          .filter((w) => w !== '')) {
          const { exact } = foldedWordSource(word);
          const folded = foldText(haystack).includes(word);
          const found = find(word, haystack);
          if (exact) expect(found).toBe(transliteratedIncludes(haystack, word));
          else if (folded) expect(found).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
