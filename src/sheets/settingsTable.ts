/** Reads the `Settings` tab (staff list, stage probabilities, stale threshold, lost reasons). */

import { type CrmSettings, DEFAULT_SETTINGS, SETTINGS_WIDTH, settingsFromGrid } from '../domain/settings';
import { readTab } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SettingsRead {
  settings: CrmSettings;
  problems: string[];
  /** False before the first Set up: the defaults apply (owner only). */
  found: boolean;
}

export function readSettings(ss: Spreadsheet): SettingsRead {
  const sheet = ss.getSheetByName(TAB.settings);
  if (!sheet) return { settings: DEFAULT_SETTINGS, problems: [], found: false };
  const { settings, problems } = settingsFromGrid(readTab(sheet, SETTINGS_WIDTH));
  return { settings, problems, found: true };
}
