/** Reads the `Settings` tab (staff list, stage probabilities, stale threshold, lost reasons). */

import { ARCHIVE_COLUMNS } from '../domain/archive';
import { CUSTOMER_COLUMNS } from '../domain/columns';
import {
  type CustomFieldDefinition,
  customFieldsFromGrid,
  GROUP_BY_SETTING_LABEL,
  groupFieldFromSetting,
} from '../domain/customFields';
import {
  type CrmSettings,
  DEFAULT_SETTINGS,
  SETTINGS_COLUMNS,
  SETTINGS_WIDTH,
  settingsFromGrid,
} from '../domain/settings';
import { foldText } from '../domain/text';
import { readText } from './cells';
import { readTab } from './table';
import { TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SettingsRead {
  settings: CrmSettings;
  /** The custom fields of the `Custom field | Type | Choices | Required` table (I:L), valid ones only. */
  customFields: CustomFieldDefinition[];
  /** The value of the "Group Pipeline by" row of the Setting/Value table ('' when there is none). */
  groupPipelineBy: string;
  /** Bad cells of every table, custom-field definitions included (Set up reports them). */
  problems: string[];
  /** False before the first Set up: the defaults apply (owner only). */
  found: boolean;
}

const ARCHIVE_ONLY_HEADERS = ARCHIVE_COLUMNS.headers.slice(CUSTOMER_COLUMNS.width);

export function readSettings(ss: Spreadsheet): SettingsRead {
  const sheet = ss.getSheetByName(TAB.settings);
  if (!sheet) return { settings: DEFAULT_SETTINGS, customFields: [], groupPipelineBy: '', problems: [], found: false };
  const grid = readTab(sheet, SETTINGS_WIDTH);
  const { settings, problems } = settingsFromGrid(grid);
  // The Archive tab's own columns follow the Customers row there: a field may not take one of their names either.
  const custom = customFieldsFromGrid(grid, { reservedHeaders: ARCHIVE_ONLY_HEADERS });
  const groupRow = grid.find(
    (row) => foldText(readText(row[SETTINGS_COLUMNS.setting])) === foldText(GROUP_BY_SETTING_LABEL),
  );
  const groupPipelineBy = readText(groupRow?.[SETTINGS_COLUMNS.value]).trim();
  const group = groupFieldFromSetting(groupPipelineBy, custom.definitions);
  return {
    settings,
    customFields: custom.definitions,
    groupPipelineBy,
    problems: [...problems, ...custom.problems, ...(group.problem === null ? [] : [group.problem])],
    found: true,
  };
}
