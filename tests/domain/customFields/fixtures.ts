/** Settings grids with a custom-field table in I:L, and definitions as the reader returns them. */

import type { CustomFieldDefinition } from '../../../src/domain/customFields';

/** Row 1 of Settings as Set up writes it: the three first tables (A:G), a spacer (H), the custom-field table (I:L). */
export const SETTINGS_HEADER_ROW = [
  'Staff e-mail',
  '',
  'Stage',
  'Win probability',
  '',
  'Setting',
  'Value',
  '',
  'Custom field',
  'Type',
  'Choices',
  'Required',
];

/** A Settings grid whose rows 2.. hold `rows` in I:L (A:H left empty, as they would be below the staff list). */
export function settingsWithFields(rows: unknown[][], header: unknown[] = SETTINGS_HEADER_ROW): unknown[][] {
  return [header, ...rows.map((cells) => ['', '', '', '', '', '', '', '', ...cells])];
}

export const INDUSTRY: CustomFieldDefinition = {
  name: 'Industry',
  type: 'Choice',
  choices: ['Retail', 'Tech', 'Health care'],
  required: false,
};
export const EMPLOYEES: CustomFieldDefinition = { name: 'Employees', type: 'Number', choices: [], required: false };
export const RENEWAL: CustomFieldDefinition = { name: 'Renewal', type: 'Date', choices: [], required: false };
export const REGION: CustomFieldDefinition = { name: 'Region', type: 'Text', choices: [], required: false };

export const FIELDS: readonly CustomFieldDefinition[] = [INDUSTRY, EMPLOYEES, RENEWAL, REGION];

export function required(definition: CustomFieldDefinition): CustomFieldDefinition {
  return { ...definition, required: true };
}
