/** Reads the `Settings` tab (staff list, stage probabilities, stale threshold). */

import { type CrmSettings, DEFAULT_SETTINGS, settingsFromGrid } from '../domain/settings';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SettingsRead {
  settings: CrmSettings;
  problems: string[];
  /** False before the first Set up: the defaults apply (owner only). */
  found: boolean;
}

/** The Settings tables live in columns A:G (see domain/settings.ts). */
const SETTINGS_COLUMNS_A1 = 'A:G';

/**
 * Columns A:G whole, with one getValues (getDataRange would cost a second request to find the data's extent;
 * every write reads Settings for its access check). Blank rows below the tables are ignored by settingsFromGrid.
 * A tab cut narrower than G by hand has no A:G range: then the data range is read, as before.
 */
function settingsValues(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(SETTINGS_COLUMNS_A1);
  } catch {
    range = sheet.getDataRange();
  }
  return range.getValues();
}

export function readSettings(ss: Spreadsheet): SettingsRead {
  const sheet = ss.getSheetByName(TAB.settings);
  if (!sheet) return { settings: DEFAULT_SETTINGS, problems: [], found: false };
  const { settings, problems } = settingsFromGrid(settingsValues(sheet));
  return { settings, problems, found: true };
}
