/**
 * Error texts of the SpreadsheetApp stand-in, in one place, each with where it comes from.
 * Apps Script throws them as plain exceptions whose message is the text; its log shows
 * "Exception: <text>", which we reproduce by naming the error "Exception".
 *
 * "verified" = quoted verbatim in public reports of real runs (StackOverflow / GitHub code and
 * issues found with the search tools); "unverified" = our best wording, flagged so that nobody
 * builds on it as if it were Google's.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

export const ERR = {
  // verified: widely quoted setValues size errors (real runs, many StackOverflow questions).
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  // verified: getRange past getMaxRows()/getMaxColumns() (quoted in many scripts catching it).
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  // verified: getRange(0, 1) / getRange(1, 0).
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  // verified: getRange(r, c, 0) / getRange(r, c, 1, 0).
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  // verified: getRange('not a range').
  rangeNotFound: 'Range not found',
  // verified: insertSheet / setName with a name already used.
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  // verified: deleteSheet on the last sheet ("Avoid Exception: You can't remove all the sheets in a document").
  lastSheet: "You can't remove all the sheets in a document.",
  // verified: writing to a cell protected against the user.
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  // Script write refused by a reject-input data validation rule (rules.ts). Wording as the product SPEC and a
  // public real-run report quote it ("... set on this sheet."); other public reports quote "... set on this
  // cell." (also Sheets' default text for a rejected manual entry). Google's reference documents neither.
  validationRejected: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this sheet.`,
  // verified: deleteRows past the end (quoted by several scripts) and deleting every row under the frozen ones.
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  allNonFrozenRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  // unverified: by analogy with the row message above.
  allNonFrozenColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  // verified (quoted by scripts hitting the 10M cell limit of a workbook).
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  // verified: real log lines of an add-on calling it without authorisation (AuthMode.NONE has none).
  noPermission: (method: string) =>
    `You do not have permission to call ${method}. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets). For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is`,
  // verified: 50,000 characters per cell limit of Sheets.
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  // unverified wording: Sheets refuses list rules over 500 items (its UI says so); the text is ours.
  listTooLong: 'The data validation rule has more than 500 items. Use a range instead.',
  // unverified wording: chart calls with a chart that is not on this sheet.
  chartNotFound: 'The chart does not exist on this sheet.',
  // unverified wording: setSpreadsheetTimeZone with an id that is no time zone (the reference is silent; Apps
  // Script's usual "Invalid argument: <parameter>" form, and the zone left as it was: the stricter case).
  badTimeZone: 'Invalid argument: timezone',
} as const;

/**
 * Type label of one argument as Apps Script prints it in signature errors. Verified samples:
 * "(String)", "(number[])", "(null)" (for undefined/null), "(SpreadsheetApp.Range)", "(String,number)".
 * Booleans print as "Boolean" (unverified but consistent with String).
 */
export function typeLabel(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'function') return 'Function';
  if (Array.isArray(value)) {
    const inner = new Set(value.map((v) => typeLabel(v)));
    const only = inner.size === 1 ? [...inner][0] : undefined;
    return `${only && only !== 'null' ? only : 'Object'}[]`;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  const gasType = (value as { gasTypeName?: unknown }).gasTypeName;
  if (typeof gasType === 'string') return gasType;
  return 'Object';
}

/** "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues." (verified shape). */
export function signatureError(args: ArrayLike<unknown>, qualifiedMethod: string): Error {
  const labels = Array.from(args, (a) => typeLabel(a)).join(',');
  return gasError(`The parameters (${labels}) don't match the method signature for ${qualifiedMethod}.`);
}

/**
 * Overload check. Each overload is a string of one letter per argument:
 * n number, s string (numbers/booleans accepted and converted, as the Apps Script bridge does for
 * String parameters; unverified), b boolean, a array, o any object, x anything but undefined,
 * z string or null, N number or null, r Range, S Sheet, c EmbeddedChart, v DataValidation or null.
 */
export function checkArgs(args: ArrayLike<unknown>, qualifiedMethod: string, ...overloads: string[]): void {
  const n = args.length;
  for (const overload of overloads) {
    if (overload.length !== n) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = argMatches(args[i], overload.charAt(i));
    if (ok) return;
  }
  throw signatureError(args, qualifiedMethod);
}

function argMatches(value: unknown, letter: string): boolean {
  switch (letter) {
    case 'n':
      return typeof value === 'number';
    case 'N':
      return value === null || typeof value === 'number';
    case 's':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'z':
      return value === null || typeof value === 'string' || typeof value === 'number';
    case 'b':
      return typeof value === 'boolean';
    case 'a':
      return Array.isArray(value);
    case 'o':
      return typeof value === 'object' && value !== null;
    case 'x':
      return value !== undefined;
    case 'r':
      return gasTypeOf(value) === 'SpreadsheetApp.Range';
    case 'S':
      return gasTypeOf(value) === 'SpreadsheetApp.Sheet';
    case 'c':
      return gasTypeOf(value) === 'SpreadsheetApp.EmbeddedChart';
    case 'v':
      return value === null || gasTypeOf(value) === 'SpreadsheetApp.DataValidation';
    default:
      throw new Error(`stand-in bug: unknown argument letter ${letter}`);
  }
}

export function gasTypeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const t = (value as { gasTypeName?: unknown }).gasTypeName;
  return typeof t === 'string' ? t : undefined;
}

/** Apps Script passes Integer parameters through as integers; fractional numbers are truncated. */
export function toInt(value: unknown): number {
  return Math.trunc(value as number);
}
