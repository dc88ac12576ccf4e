/**
 * Text normalisation used for matching (search, duplicates, sorting): folding case, accents and spacing,
 * phone digits and e-mail canonical form. Pure functions, no Apps Script or Node APIs.
 */

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUNS = /[^\x00-\x7f]+/g;
/** Whitespace that is not already a single inner space: doubled, non-space (tab, NBSP...), leading or trailing. */
const UNTIDY_SPACE = /\s\s|[^\S ]|^\s|\s$/;
const SPACE_RUNS = /\s+/g;
/** Non-spacing marks (accents, diacritics) as left by NFD decomposition. */
const COMBINING_MARKS = /\p{Mn}/gu;

/**
 * Letters that carry a "built-in" accent and therefore do not decompose under NFD, but that a rep
 * typing on an English keyboard would still spell with the plain letter ("Søren" → "soren").
 * Only single-letter replacements, so folded text keeps one output letter per input letter.
 */
const STROKED_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
};

/**
 * Folded form of single characters, filled on first use. NFD (ICU) is slow when called per string, and
 * a search folds tens of thousands of names per call, so each distinct character is decomposed once.
 */
const charFolds = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = charFolds.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFD').replace(COMBINING_MARKS, '');
    folded = STROKED_LETTERS[folded] ?? folded;
    charFolds.set(ch, folded);
  }
  return folded;
}

/**
 * Fills the cache of foldChar for every non-ASCII character of `lowercased` with one NFD call for all of them
 * (NFD decomposes each character on its own; the \u0001 between them is a starter, so nothing moves across
 * it), then the same steps as foldChar. For callers about to fold hundreds of distinct characters.
 */
function prefillCharFolds(lowercased: string): void {
  const pending: string[] = [];
  for (const ch of lowercased) if (ch.charCodeAt(0) >= 0x80 && !charFolds.has(ch)) pending.push(ch);
  if (pending.length === 0) return;
  const decomposed = pending.join('\u0001').normalize('NFD').split('\u0001');
  if (decomposed.length !== pending.length) return; // cannot happen; foldChar then does them one by one
  for (let i = 0; i < pending.length; i++) {
    let folded = (decomposed[i] as string).replace(COMBINING_MARKS, '');
    folded = STROKED_LETTERS[folded] ?? folded;
    charFolds.set(pending[i] as string, folded);
  }
}

function foldRun(run: string): string {
  if (run.length === 1) return foldChar(run); // the usual case: one accented letter
  let out = '';
  // for..of walks code points, so astral characters (emoji) are looked up whole.
  for (const ch of run) out += foldChar(ch);
  return out;
}

/**
 * Matching form of `s`: lowercase, accents removed, whitespace collapsed to single spaces, trimmed.
 * "  José   GARCÍA " → "jose garcia". Pure ASCII takes a fast path (lowercase only, plus spacing if untidy).
 */
export function foldText(s: string): string {
  let t = s.toLowerCase();
  if (isTidyAscii(t)) return t;
  if (NON_ASCII.test(t)) t = t.replace(NON_ASCII_RUNS, foldRun);
  if (UNTIDY_SPACE.test(t)) t = t.replace(SPACE_RUNS, ' ').trim();
  return t;
}

/**
 * Printable ASCII with single inner spaces only: folding it is just lowercasing. A plain loop, because this
 * runs for every field of every customer in a search and was measurably cheaper than the RegExp tests.
 */
function isTidyAscii(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    // Above '~' (DEL, non-ASCII) or at/below space (control, tab, doubled space): let the full path decide.
    if (code > 126 || (code <= 32 && (code !== 32 || previous === 32))) return false;
    previous = code;
  }
  return true;
}

/**
 * The folded form of one raw character when it is known without folding: printable ASCII, lowercased.
 * -1 for anything else (space, control, non-ASCII, past the end), meaning "could fold to anything".
 * Folding keeps such a character in place at either end of a string, which lets search and listing rule
 * rows out from their first character without folding them.
 */
export function plainFoldedCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code > 32 && code < 127 ? code : -1;
}

/**
 * Every character other than printable ASCII that folds (foldText) into a single printable ASCII character:
 * Latin-1 letters, Latin Extended-A and -B, Latin Extended Additional (Vietnamese), and a few singletons
 * (Greek question mark → ";", varia → "`", Kelvin and Ångström signs, ≠ ≮ ≯). Every other character folds to
 * text without ASCII, to nothing (\p{Mn}: combining marks), or to a space (whitespace);
 * tests/domain/text.test.ts checks that over all of Unicode, so this list cannot silently drift from foldText.
 */
const ASCII_FOLDING_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x37e, 0x37e],
  [0x1e00, 0x1eff],
  [0x1fef, 0x1fef],
  [0x212a, 0x212b],
  [0x2260, 0x2260],
  [0x226e, 0x226f],
];

interface FoldTables {
  /** For each printable ASCII character, the characters foldText turns into it (itself first), as \uXXXX escapes. */
  classes: Map<string, string>;
  /** The characters that are not printable ASCII but fold into it, as class ranges (é, K, ≠ …). */
  foldingToAscii: string;
}

let foldTables: FoldTables | undefined;

function hex4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Built once per execution, on the first search that needs it: the ~800 characters of ASCII_FOLDING_RANGES are
 * folded by one foldText call (separated by \u0001, which folding keeps in place and which splits them again).
 */
function foldTablesOf(): FoldTables {
  if (foldTables !== undefined) return foldTables;
  const codes: number[] = [];
  for (const [from, to] of ASCII_FOLDING_RANGES) for (let code = from; code <= to; code++) codes.push(code);
  const chars = String.fromCharCode(...codes);
  prefillCharFolds(chars.toLowerCase());
  const folds = foldText(chars.split('').join('\u0001')).split('\u0001');
  const classes = new Map<string, string>();
  for (let code = 0x21; code < 0x7f; code++) classes.set(String.fromCharCode(code), hex4(code));
  let foldingToAscii = '';
  let runStart = -1;
  let runEnd = -2;
  const flush = (): void => {
    if (runStart >= 0) foldingToAscii += runStart === runEnd ? hex4(runStart) : `${hex4(runStart)}-${hex4(runEnd)}`;
  };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    const folded = folds.length === codes.length ? (folds[i] as string) : foldText(String.fromCharCode(code));
    const known = folded.length === 1 ? classes.get(folded) : undefined;
    if (known === undefined) continue;
    // Non-ASCII members as themselves: inside a class only ASCII characters can be special.
    classes.set(folded, code < 0x80 ? known + hex4(code) : known + String.fromCharCode(code));
    if (code < 0x80) continue;
    if (code !== runEnd + 1) {
      flush();
      runStart = code;
    }
    runEnd = code;
  }
  flush();
  foldTables = { classes, foldingToAscii };
  return foldTables;
}

/**
 * Common transliterations, as people type names on an English keyboard: "mueller" for Müller, "strasse" for
 * Straße, "aeroe" for Ærø, "aarhus" for Århus. Each two-letter spelling (of a folded query word) also matches the
 * letters it stands for, upper or lower case; ü, ä, ö written with a combining diaeresis (U+0308) count too.
 * The plain letter already matches by folding ("muller" finds Müller, "soren" finds Søren), so together:
 * Müller ~ mueller ~ muller, ß ~ ss, æ ~ ae, ø ~ oe ~ o, œ ~ oe, å ~ aa ~ a. Only the query is read this way
 * (the stored text is never rewritten, so duplicates and sorting are unchanged); "müller" finds Müller and
 * Muller, not Mueller.
 */
const TRANSLITERATIONS: Readonly<Record<string, { letters: string; decomposed?: string }>> = {
  ae: { letters: 'äÄæÆ', decomposed: 'aA' },
  oe: { letters: 'öÖøØœŒ', decomposed: 'oO' },
  ue: { letters: 'üÜ', decomposed: 'uU' },
  aa: { letters: 'åÅ' },
  ss: { letters: 'ßẞ' },
};

/** The alternatives a two-letter spelling of the word also matches, or null when `pair` is none of them. */
function transliterationSource(pair: string): string | null {
  const known = TRANSLITERATIONS[pair];
  if (known === undefined) return null;
  return known.decomposed === undefined ? `[${known.letters}]` : `[${known.letters}]|[${known.decomposed}]\u0308`;
}

/**
 * A RegExp source that finds a folded `word` (no spaces) in raw text, without folding the text.
 *
 * Each printable ASCII character of the word becomes the class of the characters that fold to it
 * ("e" → [eEèéêëēĕėęěẹẻẽếềểễệ…]), and combining marks (which fold to nothing) may come between them
 * ("e\u0301" is "é"). Whitespace folds to a space and is in no class, just as a word holds no space. For a word
 * that is ASCII this is `exact`: the pattern matches the raw text exactly when foldText(text) contains the word,
 * or a spelling of it with TRANSLITERATIONS (the word's two-letter spellings read left to right: "aae" is
 * "aa" + "e"), which search ranks after every plain match.
 *
 * A run of other characters (ß, 北京, Ω, emoji) becomes "one or more characters that are neither ASCII,
 * whitespace, nor folding into ASCII": what such characters can only come from (a Hangul syllable or an emoji
 * folds into several). That pattern is a filter, not `exact`: it matches whenever the folded text contains the
 * word (and sometimes when it does not), so a text it matches must still be folded and compared.
 *
 * `minLength`: a raw text shorter than this cannot match (search skips such fields without testing them).
 *
 * Metacharacters are safe: every ASCII character is written as a \uXXXX escape. The pattern never matches a
 * line break, which lets search scan many fields joined by "\n" at once. Use with the u flag.
 */
export function foldedWordSource(word: string): { source: string; exact: boolean; minLength: number } {
  const { classes, foldingToAscii } = foldTablesOf();
  let source = '';
  let exact = true;
  // Fewest UTF-16 units of raw text the pattern can match: one per ASCII character, one per transliteration (ß).
  let minLength = 0;
  let inRun = false;
  const classOf = (i: number): string => `[${classes.get(word.charAt(i)) ?? hex4(word.charCodeAt(i))}]`;
  // Combining marks fold to nothing, so they may come before any letter but the first.
  const marks = (i: number): string => (i === 0 ? '' : '\\p{Mn}*');
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) {
      if (!inRun) source += `[^\\u0000-\\u007f\\s${foldingToAscii}]+`;
      inRun = true;
      exact = false;
      continue;
    }
    inRun = false;
    const alternatives = transliterationSource(word.slice(i, i + 2));
    if (alternatives !== null) {
      source += `${marks(i)}(?:${classOf(i)}${marks(i + 1)}${classOf(i + 1)}|${alternatives})`;
      minLength++;
      i++;
      continue;
    }
    source += marks(i) + classOf(i);
    minLength++;
  }
  return { source, exact, minLength };
}

/** The ASCII digits of `s`: "+1 (555) 010-2000" → "15550102000". */
export function phoneDigits(s: string): string {
  return s.replace(/\D+/g, '');
}

/** Canonical e-mail for storage and comparison: trimmed, lowercase. */
export function normaliseEmail(s: string): string {
  return s.trim().toLowerCase();
}
