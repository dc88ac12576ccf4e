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

export function readSettings(ss: Spreadsheet): SettingsRead {
  const sheet = ss.getSheetByName(TAB.settings);
  if (!sheet) return { settings: DEFAULT_SETTINGS, problems: [], found: false };
  const { settings, problems } = settingsFromGrid(sheet.getDataRange().getValues());
  return { settings, problems, found: true };
}
