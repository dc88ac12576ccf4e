/**
 * The `Import` tab, where an admin pastes an old spreadsheet: read with one call (formulas come back as
 * their results, which is what the admin sees), and the spreadsheet's own way of showing a date as text.
 */

import type { DateFormatter } from '../domain/import/values';
import { spreadsheetTimeZone } from './cells';
import { readTab, requireSheet } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every cell of the tab, header included, in one call (readTab). A missing tab is a SchemaError (Set up creates it). */
export function readImportGrid(ss: Spreadsheet): unknown[][] {
  return readTab(requireSheet(ss, TAB.import), 'all');
}

/**
 * Dates pasted into text columns (a "Notes" cell holding a date) become the text the admin saw: the calendar
 * day in the spreadsheet's time zone, with the time only when there is one. toISOString would shift a
 * midnight in Paris to the day before. Only cells of mapped columns are ever formatted.
 */
export function spreadsheetDateFormatter(): DateFormatter {
  return (date) => {
    if (Number.isNaN(date.getTime())) return '';
    const timeZone = spreadsheetTimeZone(); // once per call, shared with the date-cell reads
    const time = Utilities.formatDate(date, timeZone, 'HH:mm:ss');
    return Utilities.formatDate(date, timeZone, time === '00:00:00' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm');
  };
}
