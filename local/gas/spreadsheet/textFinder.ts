/**
 * SpreadsheetApp TextFinder, as Range.createTextFinder(findText) makes it: the options that change what matches
 * (case, entire cell, formula text, diacritics, regular expression) and findAll / findNext. Every public method
 * counts itself ("TextFinder.method"). Google's reference (https://developers.google.com/apps-script/reference/
 * spreadsheet/text-finder), quoted where it decides the behaviour:
 * - findAll(): "Returns all cells matching the search criteria." (Range[]); findNext(): "the next matching cell
 *   or null if there are no previous matches" (null when nothing matches);
 * - matchCase: "If true, configures the search to match the search text's case exactly, otherwise the search
 *   defaults to case-insensitive matching.";
 * - matchEntireCell: "If true, configures the search to match the entire contents of a cell; otherwise, the
 *   search defaults to partial matching.";
 * - matchFormulaText: "If true, configures the search to return matches that appear within formula text;
 *   otherwise cells with formulas are considered based on their displayed value.";
 * - ignoreDiacritics: "If true, configures the search to ignore diacritics while matching; otherwise the search
 *   matches diacritics.";
 * - useRegularExpression: "If true, configures the search to interpret the search string as a regular
 *   expression; otherwise the search interprets the search string as normal text."
 * Where the reference is silent the stricter case is modelled, and said so:
 * - cells without a formula are matched on their displayed value too (what a person sees and Sheets' own Find
 *   searches), so a number matches as it is shown ("1,000.00"), not as stored; an empty cell never matches;
 * - the order of findAll is row by row, left to right (callers that need an order sort the rows themselves);
 * - rows hidden by hand (hideRows) are left out: the reference does not say whether a finder sees them, and a
 *   caller that must see every row (an ID's uniqueness, a rebuild from History) may not rely on it;
 * - an empty findText is refused (wording ours, unverified): a search for nothing has no meaningful matches;
 * - a regular expression is JavaScript's, not RE2's (the same for the plain patterns a script would use); one
 *   that does not compile is refused (wording ours, unverified).
 */
import type { Rect } from './a1';
import { readDisplay } from './cells';
import type { Ctx } from './context';
import { checkArgs, gasError } from './errors';
import type { SheetData } from './model';
import { RangeFake } from './range';
import type { GasSurface } from '../surface';

type TextFinderMethods =
  | 'findAll'
  | 'findNext'
  | 'ignoreDiacritics'
  | 'matchCase'
  | 'matchEntireCell'
  | 'matchFormulaText'
  | 'useRegularExpression';

/** Wording ours (unverified): Google's text for these refusals was not found. */
export const TEXT_FINDER_ERR = {
  emptyFindText: 'Invalid argument: findText must not be empty.',
  badRegularExpression: (pattern: string) => `Invalid argument: "${pattern}" is not a valid regular expression.`,
} as const;

const stripDiacritics = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TextFinderFake implements GasSurface<GoogleAppsScript.Spreadsheet.TextFinder, TextFinderMethods> {
  readonly gasTypeName = 'SpreadsheetApp.TextFinder';
  private caseSensitive = false;
  private entireCell = false;
  private formulaText = false;
  private noDiacritics = false;
  private regularExpression = false;
  /** Index into the matches of the last findNext (-1 before the first). */
  private current = -1;

  constructor(
    private readonly ctx: Ctx,
    private readonly sheetData: SheetData,
    /** The range searched, 1-based. */
    private readonly rect: Rect,
    private readonly findText: string,
  ) {
    if (findText === '') throw gasError(TEXT_FINDER_ERR.emptyFindText);
  }

  toString(): string {
    return 'TextFinder';
  }

  matchCase(matchCase: unknown): TextFinderFake {
    this.ctx.count('TextFinder.matchCase');
    checkArgs(arguments, 'SpreadsheetApp.TextFinder.matchCase', 'b');
    this.caseSensitive = matchCase as boolean;
    return this;
  }

  matchEntireCell(matchEntireCell: unknown): TextFinderFake {
    this.ctx.count('TextFinder.matchEntireCell');
    checkArgs(arguments, 'SpreadsheetApp.TextFinder.matchEntireCell', 'b');
    this.entireCell = matchEntireCell as boolean;
    return this;
  }

  matchFormulaText(matchFormulaText: unknown): TextFinderFake {
    this.ctx.count('TextFinder.matchFormulaText');
    checkArgs(arguments, 'SpreadsheetApp.TextFinder.matchFormulaText', 'b');
    this.formulaText = matchFormulaText as boolean;
    return this;
  }

  ignoreDiacritics(ignoreDiacritics: unknown): TextFinderFake {
    this.ctx.count('TextFinder.ignoreDiacritics');
    checkArgs(arguments, 'SpreadsheetApp.TextFinder.ignoreDiacritics', 'b');
    this.noDiacritics = ignoreDiacritics as boolean;
    return this;
  }

  useRegularExpression(useRegEx: unknown): TextFinderFake {
    this.ctx.count('TextFinder.useRegularExpression');
    checkArgs(arguments, 'SpreadsheetApp.TextFinder.useRegularExpression', 'b');
    this.regularExpression = useRegEx as boolean;
    return this;
  }

  findAll(): RangeFake[] {
    this.ctx.count('TextFinder.findAll');
    checkArgs(arguments, 'SpreadsheetApp.TextFinder.findAll', '');
    return this.matches().map(([r, c]) => this.cellRange(r, c));
  }

  findNext(): RangeFake | null {
    this.ctx.count('TextFinder.findNext');
    checkArgs(arguments, 'SpreadsheetApp.TextFinder.findNext', '');
    const matches = this.matches();
    if (matches.length === 0) return null;
    this.current = (this.current + 1) % matches.length;
    const [r, c] = matches[this.current] as [number, number];
    return this.cellRange(r, c);
  }

  private cellRange(r: number, c: number): RangeFake {
    return new RangeFake(this.ctx, this.sheetData, { row: r + 1, col: c + 1, numRows: 1, numCols: 1 });
  }

  /** The test one cell's text must pass, built from the options as they are now. */
  private matcher(): (text: string) => boolean {
    const prepare = (text: string): string => (this.noDiacritics ? stripDiacritics(text) : text);
    const source = this.regularExpression ? this.findText : escapeRegExp(prepare(this.findText));
    let pattern: RegExp;
    try {
      pattern = new RegExp(this.entireCell ? `^(?:${source})$` : source, this.caseSensitive ? 'u' : 'iu');
    } catch {
      throw gasError(TEXT_FINDER_ERR.badRegularExpression(this.findText));
    }
    return (text) => text !== '' && pattern.test(prepare(text));
  }

  /** 0-based [row, column] of every matching cell of the range, row by row. */
  private matches(): [number, number][] {
    const test = this.matcher();
    const found: [number, number][] = [];
    const { row, col, numRows, numCols } = this.rect;
    const lastRow = Math.min(row + numRows - 1, this.sheetData.values.length);
    for (let r = row - 1; r < lastRow; r++) {
      if (this.sheetData.hiddenRows[r] === true) continue;
      for (let c = col - 1; c < col - 1 + numCols; c++) {
        const formula = this.formulaText ? this.sheetData.formulas.get(r, c) : undefined;
        if (test(formula ?? readDisplay(this.sheetData, r, c))) found.push([r, c]);
      }
    }
    return found;
  }
}
