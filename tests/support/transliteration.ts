/**
 * A slow, obvious reference for search's transliterations (src/domain/text.ts, TRANSLITERATIONS): a query word
 * matches a field when some spelling of the field contains some spelling of the word, where
 * - each ä ö ü æ ø œ å ß of the field may be read as itself (folded: ä → a, ø → o, æ stays æ) or as "the letter
 *   a two-letter spelling stands for" (a placeholder per spelling: ae, oe, ue, aa, ss);
 * - each two-letter spelling of the word (read left to right: "aae" is "aa" + "e") may be itself or that placeholder.
 * Written from the documented rule, not from the RegExp, so the two can be compared on random text.
 */

import { foldText } from '../../src/domain/text';

const SPELLING_OF: Readonly<Record<string, string>> = {
  ä: 'ae',
  Ä: 'ae',
  æ: 'ae',
  Æ: 'ae',
  ö: 'oe',
  Ö: 'oe',
  ø: 'oe',
  Ø: 'oe',
  œ: 'oe',
  Œ: 'oe',
  ü: 'ue',
  Ü: 'ue',
  å: 'aa',
  Å: 'aa',
  ß: 'ss',
  ẞ: 'ss',
};

/** Private-use characters: foldText keeps them as they are, and no text of the tests holds them. */
const PLACEHOLDER: Readonly<Record<string, string>> = {
  ae: '\ue001',
  oe: '\ue002',
  ue: '\ue003',
  aa: '\ue004',
  ss: '\ue005',
};

function spellings(parts: readonly string[][]): string[] {
  let out = [''];
  for (const choices of parts) out = out.flatMap((head) => choices.map((choice) => head + choice));
  return out;
}

function fieldSpellings(raw: string): string[] {
  const parts = [...raw.normalize('NFC')].map((ch) => {
    const spelling = SPELLING_OF[ch];
    return spelling === undefined ? [ch] : [ch, PLACEHOLDER[spelling] as string];
  });
  return spellings(parts).map(foldText);
}

function wordSpellings(word: string): string[] {
  const parts: string[][] = [];
  for (let i = 0; i < word.length; i++) {
    const pair = word.slice(i, i + 2);
    const placeholder = PLACEHOLDER[pair];
    if (placeholder === undefined) {
      parts.push([word.charAt(i)]);
      continue;
    }
    parts.push([pair, placeholder]);
    i++;
  }
  return spellings(parts);
}

/**
 * True when the folded query `word` is found in the raw field by folding or by a transliteration. Only a word
 * that is ASCII after folding is read with transliterations (any other is matched by folding alone).
 */
export function transliteratedIncludes(raw: string, word: string): boolean {
  if (/[^\x00-\x7f]/.test(word)) return foldText(raw).includes(word);
  const words = wordSpellings(word);
  return fieldSpellings(raw).some((field) => words.some((w) => field.includes(w)));
}
