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
import { quote, type Validated } from '../validation';
import { describeColumn } from './mapping';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportMapping } from './types';
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

/** The warning of a new row that leaves required field `name` empty (a later duplicate row may fill it). */
export function requiredMissingWarning(name: string): string {
  return `${name} is required but has no value. Imported with ${name} left empty.`;
}

/**
 * `custom` of an imported row: every field of `definitions` (absent or unreadable ones at their empty value), the
 * names of the fields the row gives a value, and a warning per value that could not be taken or (unless
 * `requiredApplies` is false: a row merged into a customer that exists creates nothing) required field left empty.
 */
export function readCustomCells(
  row: readonly unknown[],
  columns: readonly CustomColumn[],
  definitions: readonly CustomFieldDefinition[],
  formatDate: DateFormatter = isoDateText,
  requiredApplies = true,
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
    if (definition.required && requiredApplies) warnings.push(requiredMissingWarning(definition.name));
  }
  return { custom, given, warnings };
}

/**
 * The custom part of the mapping the sidebar sends back (field name → 0-based column, null or '' = not imported),
 * checked against the Import tab's `headers`, the fixed `mapping` and the defined fields; absent → by header.
 * Every problem in one message under `mapping`, as validateMapping reports the fixed part.
 */
export function validateCustomMapping(
  raw: unknown,
  headers: readonly string[],
  mapping: ImportMapping,
  definitions: readonly CustomFieldDefinition[],
): Validated<CustomColumn[]> {
  if (raw === undefined || raw === null) return { ok: true, value: customImportColumns(headers, mapping, definitions) };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: { mapping: 'The custom field mapping must be an object such as { "Industry": 3 }.' } };
  }
  const problems: string[] = [];
  const taken = new Map<number, string>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== null) taken.set(column, IMPORT_FIELD_LABELS[field]);
  }
  const found: CustomColumn[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const definition = definitions.find((d) => d.name === name);
    if (definition === undefined) {
      const known =
        definitions.length === 0 ? 'none is defined' : `they are ${definitions.map((d) => d.name).join(', ')}`;
      problems.push(`${quote(name.slice(0, 60))} is not a custom field (${known}).`);
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const column = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof column !== 'number' || !Number.isSafeInteger(column) || column < 0 || column >= headers.length) {
      problems.push(`${definition.name}: the column must be a column of the Import tab, or blank for "not imported".`);
      continue;
    }
    const other = taken.get(column);
    if (other !== undefined) {
      problems.push(
        `${definition.name} and ${other} are both mapped to ${describeColumn(column, headers)}: map each column to one field.`,
      );
      continue;
    }
    taken.set(column, definition.name);
    found.push({ definition, column });
  }
  return problems.length > 0 ? { ok: false, errors: { mapping: problems.join(' ') } } : { ok: true, value: found };
}
