/**
 * Set up / repair of the custom fields (SPEC "Version 2", Custom fields): the Settings table's header row
 * `Custom field | Type | Choices | Required` (I1:L1, added in place to a CRM set up before it existed), and one
 * column per field after the fixed ones on Customers and Archive, with its format and, for a Choice, its dropdown.
 * A column is found by its header wherever it is; nothing is ever removed, moved or emptied.
 */

import { ARCHIVE_COLUMNS } from '../domain/archive';
import { columnLetter, CUSTOMER_COLUMNS } from '../domain/columns';
import {
  CUSTOM_FIELD_COLUMNS,
  CUSTOM_FIELD_HEADERS,
  type CustomFieldDefinition,
  customColumnsLayout,
  customFieldKey,
} from '../domain/customFields';
import { readText } from './cells';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Outcome {
  repaired: string[];
  messages: string[];
}

/** The header row up to its last column with content (one read). */
function headerRow(sheet: Sheet): unknown[] {
  return sheet.getSheetValues(1, 1, 1, -1)[0] ?? []; // called after the fixed header is in place: never empty
}

/** Writes the table's headers into an empty I1:L1; headers already there are left as they are. */
export function ensureCustomFieldTable(settings: Sheet, outcome: Outcome): void {
  const first = CUSTOM_FIELD_COLUMNS.name + 1;
  const width = CUSTOM_FIELD_HEADERS.length;
  const maxColumns = settings.getMaxColumns();
  if (maxColumns < first + width - 1) settings.insertColumnsAfter(maxColumns, first + width - 1 - maxColumns);
  const range = settings.getRange(1, first, 1, width);
  const cells = (range.getValues()[0] ?? []).map((cell) => readText(cell).trim());
  if (cells.every((cell, i) => cell.toLowerCase() === (CUSTOM_FIELD_HEADERS[i] as string).toLowerCase())) return;
  if (cells.some((cell) => cell !== '')) {
    outcome.messages.push(
      `${TAB.settings}: ${columnLetter(first)}1:${columnLetter(first + width - 1)}1 are not empty, so the custom-field table (${CUSTOM_FIELD_HEADERS.join(', ')}) was not added there.`,
    );
    return;
  }
  range.setValues([[...CUSTOM_FIELD_HEADERS]]).setFontWeight('bold');
  outcome.repaired.push(`${TAB.settings}: custom-field table (${CUSTOM_FIELD_HEADERS.join(', ')}) added in I1:L1`);
}

/** Dropdown of a Choice field's column: only its choices (a hand edit of anything else is rejected). */
function choiceRule(definition: CustomFieldDefinition): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList(definition.choices, true)
    .setAllowInvalid(false)
    .setHelpText(`Choose one of: ${definition.choices.join(', ')}.`)
    .build();
}

/**
 * Adds the columns of the fields that have none at the tab's right edge (one setValues of their headers, columns
 * inserted first when the grid is too narrow), then gives every field's column its format or dropdown again (a
 * Choice's list may have changed). Columns of renamed or removed fields are kept with their data and reported.
 */
export function ensureCustomColumns(
  sheet: Sheet,
  tab: string,
  definitions: readonly CustomFieldDefinition[],
  outcome: Outcome,
): void {
  const layout = customColumnsLayout(headerRow(sheet), definitions);
  if (layout.append.length > 0) {
    const first = (layout.map.of[layout.append[0]?.key as `custom:${string}`]?.column ?? 1) as number;
    const last = first + layout.append.length - 1;
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < last) sheet.insertColumnsAfter(maxColumns, last - maxColumns);
    sheet
      .getRange(1, first, 1, layout.append.length)
      .setValues([layout.append.map((spec) => spec.header)])
      .setFontWeight('bold');
    outcome.repaired.push(
      `${tab}: column${layout.append.length === 1 ? '' : 's'} ${layout.append.map((s) => `"${s.header}"`).join(', ')} added`,
    );
  }
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  for (const definition of definitions) {
    const column = layout.map.of[customFieldKey(definition.name)];
    if (column === undefined) continue;
    const cells = sheet.getRange(2, column.column, rows, 1);
    if (definition.type === 'Date') cells.setNumberFormat('yyyy-mm-dd');
    if (definition.type === 'Choice') cells.setDataValidation(choiceRule(definition));
  }
  // Only the columns right of the fixed ones count: on Archive its own three columns are expected there.
  const unnamed = layout.kept.filter((k) => k.header !== '' && !ARCHIVE_OWN.includes(k.header));
  if (unnamed.length > 0) {
    outcome.messages.push(
      `${tab}: column${unnamed.length === 1 ? '' : 's'} ${unnamed.map((k) => `${columnLetter(k.column)} "${k.header}"`).join(', ')} ${unnamed.length === 1 ? 'is' : 'are'} not a custom field in Settings; kept with ${unnamed.length === 1 ? 'its' : 'their'} data.`,
    );
  }
}

const ARCHIVE_OWN: readonly string[] = ARCHIVE_COLUMNS.headers.slice(CUSTOMER_COLUMNS.width);
