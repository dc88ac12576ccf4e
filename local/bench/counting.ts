/**
 * What the benchmark counts. The stand-in counts every call of every Apps Script method ("Class.method"); the
 * benchmark sorts them into three kinds:
 *   sheet I/O   — calls that read or write the spreadsheet's cells or its shape: getValue(s), setValue(s),
 *                 appendRow, getDataRange, getLastRow, getMaxRows/Columns, insertRows, clear, number formats,
 *                 font weights, charts read or written, protections, SpreadsheetApp.flush. On Apps Script each is
 *                 a request to the Sheets back end (tens to hundreds of ms).
 *   other       — calls to the other services that leave the script: LockService tryLock/releaseLock,
 *                 document Properties get/set, CacheService, the user's and the owner's e-mail.
 *   builders    — calls that only make or configure an object in the script (getActiveSpreadsheet,
 *                 getSheetByName, getRange, chart and validation builders, a Range's own geometry, Utilities).
 * "calls" is the sum of all three.
 */

export type CallKind = 'sheet' | 'other' | 'builder';

const BUILDERS = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getUi',
  'SpreadsheetApp.newDataValidation',
  'Spreadsheet.getSheetByName',
  'Spreadsheet.getSheets',
  'Spreadsheet.getId',
  'Spreadsheet.getName',
  'Sheet.getRange',
  'Sheet.getName',
  'Sheet.getSheetName',
  'Sheet.getParent',
  'Sheet.getSheetId',
  'Sheet.newChart',
  'Range.getRow',
  'Range.getRowIndex',
  'Range.getColumn',
  'Range.getColumnIndex',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getHeight',
  'Range.getWidth',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getA1Notation',
  'Range.getSheet',
  'Range.getGridId',
  // A TextFinder is configured in the script; only findAll / findNext / replace… go to the back end.
  'Range.createTextFinder',
  'Sheet.createTextFinder',
  'TextFinder.matchCase',
  'TextFinder.matchEntireCell',
  'TextFinder.matchFormulaText',
  'TextFinder.ignoreDiacritics',
  'TextFinder.useRegularExpression',
  'TextFinder.startFrom',
  'EmbeddedChart.modify',
  'LockService.getDocumentLock',
  'LockService.getScriptLock',
  'LockService.getUserLock',
  'PropertiesService.getDocumentProperties',
  'PropertiesService.getScriptProperties',
  'PropertiesService.getUserProperties',
  'CacheService.getDocumentCache',
  'CacheService.getScriptCache',
  'CacheService.getUserCache',
  'Session.getActiveUser',
  'Session.getEffectiveUser',
]);

const BUILDER_PREFIXES = [
  'EmbeddedChartBuilder.',
  'DataValidationBuilder.',
  'Charts.',
  'Utilities.',
  'HtmlService.',
  'HtmlTemplate.',
  'Logger.',
  'console.',
];
const OTHER_PREFIXES = ['Lock.', 'Properties.', 'Cache.', 'User.', 'ScriptApp.'];
const OTHER = new Set([
  'Spreadsheet.getOwner',
  'Session.getActiveUserLocale',
  'Session.getScriptTimeZone',
  'Session.getTemporaryActiveUserKey',
]);

export function kindOf(method: string): CallKind {
  if (BUILDERS.has(method) || BUILDER_PREFIXES.some((p) => method.startsWith(p))) return 'builder';
  if (OTHER.has(method) || OTHER_PREFIXES.some((p) => method.startsWith(p))) return 'other';
  return 'sheet';
}

/** Sheet calls that change the spreadsheet (everything else of kind 'sheet' reads it). */
const WRITE =
  /^(Range\.(set|clear|insert|delete|sort|merge|protect|remove|trim|check|uncheck|breakApart|copy|move|activate|create)|Sheet\.(appendRow|insert|delete|clear|sort|updateChart|removeChart|set|protect|hide|show|activate|autoResize)|Spreadsheet\.(insertSheet|deleteSheet|set|toast|rename)|SpreadsheetApp\.flush|Protection\.(set|add|remove))/;

/**
 * Requests to the Sheets back end if Apps Script batches writes as the SPEC says ("read with one getValues …,
 * write with one setValues; alternating reads and writes defeats Google's batching"): every read is one request;
 * consecutive writes with no read between them go as one request, sent at the next read, at flush() or at the end.
 */
export function roundTrips(sequence: readonly string[]): number {
  let trips = 0;
  let pending = false;
  for (const method of sequence) {
    if (kindOf(method) !== 'sheet') continue;
    if (method === 'SpreadsheetApp.flush') {
      if (pending) trips++;
      pending = false;
    } else if (WRITE.test(method)) {
      pending = true;
    } else {
      if (pending) trips++;
      pending = false;
      trips++;
    }
  }
  return pending ? trips + 1 : trips;
}

export interface CallCounts {
  calls: number;
  /** Requests to the Sheets back end with write batching (see roundTrips). */
  trips: number;
  sheet: number;
  other: number;
  builders: number;
  byMethod: Record<string, number>;
}

export function countCalls(snapshot: Record<string, number>, sequence: readonly string[]): CallCounts {
  const out: CallCounts = {
    calls: 0,
    trips: roundTrips(sequence),
    sheet: 0,
    other: 0,
    builders: 0,
    byMethod: snapshot,
  };
  for (const [method, n] of Object.entries(snapshot)) {
    out.calls += n;
    const kind = kindOf(method);
    if (kind === 'sheet') out.sheet += n;
    else if (kind === 'other') out.other += n;
    else out.builders += n;
  }
  return out;
}

export const LEGEND = [
  'calls      every Apps Script method call the action made (stand-in counter, Runtime.calls), = I/O + other + builders',
  'sheet I/O  calls that read or write the spreadsheet: get/setValue(s), appendRow, getDataRange, getLastRow, getMaxRows,',
  '           insertRows, clear, setNumberFormats, setFontWeights, charts read/updated, SpreadsheetApp.flush …',
  '           (each one a request to the Sheets back end on Apps Script)',
  'requests   the sheet I/O calls as requests if Apps Script batches writes (SPEC: "alternating reads and writes',
  '           defeats Google\'s batching"): each read is one request; consecutive writes with no read between them are',
  '           one request, sent at the next read, at flush() or at the end of the call',
  'other      other services that leave the script: Lock tryLock/releaseLock, Properties get/set, user/owner e-mail',
  'builders   (not shown) getActiveSpreadsheet, getSheetByName, getRange, chart builders: objects made in the script',
  'wall ms    Node wall time of harness.call: argument/result crossing as google.script.run, a FRESH load of dist/Code.js',
  '           into a new node:vm context (as every Apps Script call does; its median is given as "bundle load"), the',
  "           add-on's own JavaScript, and the stand-in's work inside every service call; nothing subtracted.",
  '           A full GC runs before each measured call (each Apps Script execution starts with a fresh heap).',
  'stand-in   the part of wall spent inside stand-in service methods (mostly getValues building the rows and Dates);',
  "           median. It is the emulation of Google's side of the service calls: on Apps Script that time is Google's,",
  '           spent once per call, which is why calls are counted (and kept constant) rather than timed here.',
  "compute    wall minus stand-in, per run (median, p95): the add-on's own work in Node (bundle load, its",
  '           JavaScript, GC, the google.script.run crossing). The search target is judged on compute p95; wall is shown.',
  'cells      cells read (getValues, getSheetValues …) and written (setValues, appendRow …) by the run that moved the most',
  'estimate   seconds a user would wait on real Google (costModel.ts): requests × 160 ms + cells × 0.0145 ms + other',
  '           services (Properties, Lock, Cache, e-mail) + compute + bundle load + the google.script.run round trip',
  'naive      the same action written as sheet templates do (local/bench/naive.ts): getValue per cell in loops,',
  '           appendRow per row, setValue per cell; ratio = naive sheet I/O ÷ sheet I/O.',
];
