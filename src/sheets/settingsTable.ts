/** Reads the `Settings` tab (staff list, stage probabilities, stale threshold, lost reasons). */

import { ARCHIVE_COLUMNS } from '../domain/archive';
import { CUSTOMER_COLUMNS } from '../domain/columns';
import { type CustomFieldDefinition, customFieldsFromGrid } from '../domain/customFields';
import { type CrmSettings, DEFAULT_SETTINGS, SETTINGS_WIDTH, settingsFromGrid } from '../domain/settings';
import { readTab } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SettingsRead {
  settings: CrmSettings;
  /** The custom fields of the `Custom field | Type | Choices | Required` table (I:L), valid ones only. */
  customFields: CustomFieldDefinition[];
  /** Bad cells of every table, custom-field definitions included (Set up reports them). */
  problems: string[];
  /** False before the first Set up: the defaults apply (owner only). */
  found: boolean;
}

const ARCHIVE_ONLY_HEADERS = ARCHIVE_COLUMNS.headers.slice(CUSTOMER_COLUMNS.width);

export function readSettings(ss: Spreadsheet): SettingsRead {
  const sheet = ss.getSheetByName(TAB.settings);
  if (!sheet) return { settings: DEFAULT_SETTINGS, customFields: [], problems: [], found: false };
  const grid = readTab(sheet, SETTINGS_WIDTH);
  const { settings, problems } = settingsFromGrid(grid);
  // The Archive tab's own columns follow the Customers row there: a field may not take one of their names either.
  const custom = customFieldsFromGrid(grid, { reservedHeaders: ARCHIVE_ONLY_HEADERS });
  return { settings, customFields: custom.definitions, problems: [...problems, ...custom.problems], found: true };
}
