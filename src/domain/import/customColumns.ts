/**
 * Custom fields in the import (SPEC "Version 2", Custom fields: "import maps columns to them by header"): a column
 * of the Import tab whose header names a custom field (case- and accent-insensitively, customFieldOfLabel) feeds it,
 * unless the column is mapped to a fixed field. Each cell is checked by the API's own rule (checkCustomType); a bad
 * cell or a required field left empty does not stop the row: the value is left empty and the row reported in
 * `warnings`, as for the other optional cells (SPEC importCustomers).
 */

import { columnLetter } from '../columns';
import {
  type CustomFieldDefinition,
  type CustomValues,
  checkCustomType,
  customFieldOfLabel,
  emptyCustomValue,
} from '../customFields';
import { IMPORT_FIELDS, type ImportMapping } from './types';
import { cellText, type DateFormatter, isoDateText, oneLine, spreadsheetError } from './values';

/** A custom field and the 0-based Import column that feeds it. */
export interface CustomColumn {
  definition: CustomFieldDefinition;
  column: number;
}

/**
 * The columns feeding custom fields: for each header naming a field, leftmost column first (each field fed once),
 * columns the fixed mapping uses left out.
 */
export function customImportColumns(
  headers: readonly string[],
  mapping: ImportMapping,
  definitions: readonly CustomFieldDefinition[],
): CustomColumn[] {
  if (definitions.length === 0) return [];
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== null) used.add(column);
  }
  const fed = new Set<CustomFieldDefinition>();
  const found: CustomColumn[] = [];
  headers.forEach((header, column) => {
    if (used.has(column) || header.trim() === '') return;
    const definition = customFieldOfLabel(definitions, header.trim());
    if (definition === null || fed.has(definition)) return;
    fed.add(definition);
    found.push({ definition, column });
  });
  return found;
}

/** What a cell is handed to the type check as: a Number keeps a number cell; the rest are one line of text. */
function cellFor(raw: unknown, definition: CustomFieldDefinition, formatDate: DateFormatter): unknown {
  if (definition.type === 'Number' && typeof raw === 'number') return raw;
  return oneLine(cellText(raw, formatDate));
}

/**
 * `custom` of an imported row: every field of `definitions` (absent or unreadable ones at their empty value), and a
 * warning per value that could not be taken or required field left empty.
 */
export function readCustomCells(
  row: readonly unknown[],
  columns: readonly CustomColumn[],
  definitions: readonly CustomFieldDefinition[],
  formatDate: DateFormatter = isoDateText,
): { custom: CustomValues; given: Set<string>; warnings: string[] } {
  const custom: CustomValues = {};
  const given = new Set<string>();
  const warnings: string[] = [];
  for (const d of definitions) custom[d.name] = emptyCustomValue(d);
  const fedBy = new Map(columns.map((c) => [c.definition, c.column]));
  for (const definition of definitions) {
    const column = fedBy.get(definition);
    const left = `Imported with ${definition.name} left empty.`;
    if (column !== undefined) {
      const raw = row[column];
      const where = `column ${columnLetter(column + 1)}`;
      const error = spreadsheetError(raw);
      if (error !== null) {
        warnings.push(`${definition.name} (${where}) shows the spreadsheet error ${error}, not a value. ${left}`);
        continue;
      }
      const checked = checkCustomType(cellFor(raw, definition, formatDate), definition);
      if (!checked.ok) {
        warnings.push(`${checked.message} ${left}`);
        continue;
      }
      custom[definition.name] = checked.value;
      if (checked.value !== null && checked.value !== '') {
        given.add(definition.name);
        continue;
      }
    }
    // A required field is required of the API's callers; an old sheet without it is still imported (said here).
    if (definition.required) warnings.push(`${definition.name} is required but has no value. ${left}`);
  }
  return { custom, given, warnings };
}
