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

/** True when `s` is pure ASCII (folding it is just lowercasing and spacing). */
export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

/** The ASCII digits of `s`: "+1 (555) 010-2000" → "15550102000". */
export function phoneDigits(s: string): string {
  return s.replace(/\D+/g, '');
}

/** Canonical e-mail for storage and comparison: trimmed, lowercase. */
export function normaliseEmail(s: string): string {
  return s.trim().toLowerCase();
}
