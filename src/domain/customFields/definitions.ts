/**
 * The custom-field table of `Settings` (columns I:L, row 1 headers `Custom field | Type | Choices | Required`) read
 * into definitions. Like the rest of Settings it is edited by hand, so reading is tolerant: a bad row is left out
 * (or a bad cell falls back) and a problem line names the cell, instead of breaking every CRM call.
 */

import { cellName } from '../columns';
import { CUSTOMER_HEADERS } from '../customer';
import { isDate } from '../dates';
import { foldText } from '../text';
import { quote } from '../validation';
import { CUSTOM_FIELD_TYPES, type CustomFieldDefinition, type CustomFieldType } from './types';

export const CUSTOM_FIELD_HEADERS = ['Custom field', 'Type', 'Choices', 'Required'] as const;
/** Zero-based column of each cell of the table in the Settings grid (I, J, K, L). */
export const CUSTOM_FIELD_COLUMNS = { name: 8, type: 9, choices: 10, required: 11 } as const;
/** A header longer than this is a paste gone wrong, not a field name (the sidebar shows it as a label). */
export const CUSTOM_FIELD_NAME_MAX = 60;
/** A dropdown choice is a short label, as a Lost reason is. */
export const CUSTOM_CHOICE_MAX = 100;
/** Each field is a column of a 50,000-row tab and a control on the form: beyond this the CRM stops adding them. */
export const CUSTOM_FIELDS_MAX = 30;

const TYPE_LIST_TEXT = CUSTOM_FIELD_TYPES.join(', ');
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/** What a spreadsheet would run as a formula if it led a header (SPEC: such text is never executed). */
const FORMULA_START = /^[=+\-@]/;

export interface CustomFieldsRead {
  /** The valid fields, in the table's order (the order of their Customers columns). */
  definitions: CustomFieldDefinition[];
  /** One readable line per bad definition or cell, naming it ("Settings J4: ..."). */
  problems: string[];
}

export interface CustomFieldsOptions {
  /**
   * Headers a field may not take besides the fixed Customers ones (compared case- and accent-insensitively), e.g.
   * the Archive tab's own columns, which follow the Customers columns there.
   */
  reservedHeaders?: readonly string[];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The Type cell, matched case-insensitively ("number" is Number); null when it is not one of the four. */
export function parseCustomFieldType(text: string): CustomFieldType | null {
  const folded = foldText(text);
  return CUSTOM_FIELD_TYPES.find((type) => type.toLowerCase() === folded) ?? null;
}

/** Required: `yes` (or a ticked checkbox) is required; empty, `no` or an unticked checkbox is not; null otherwise. */
function parseRequired(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const folded = foldText(cellText(value));
  if (folded === 'yes') return true;
  if (folded === '' || folded === 'no') return false;
  return null;
}

/** Why a name cannot be a field's name (it becomes a header, a History label and an API key), or null. */
function badName(name: string): string | null {
  if (name.length > CUSTOM_FIELD_NAME_MAX) {
    return `is too long for a field name (${name.length} characters, the limit is ${CUSTOM_FIELD_NAME_MAX})`;
  }
  if (CONTROL_CHARS.test(name)) return 'must fit on one line, without line breaks, tabs or control characters';
  if (FORMULA_START.test(name)) return 'cannot start with = + - or @ (a header the sheet would run as a formula)';
  if (name === '__proto__') return 'is a name the CRM cannot use';
  return null;
}

/** The choices of a Choice field: comma-separated, trimmed, blanks dropped, a repeat (case-insensitive) dropped. */
function parseChoices(text: string, where: string, field: string, problems: string[]): string[] {
  const choices: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const choice = part.trim();
    if (choice === '') continue;
    if (choice.length > CUSTOM_CHOICE_MAX || CONTROL_CHARS.test(choice)) {
      problems.push(
        `Settings ${where}: the choice ${quote(choice)} of "${field}" is left out: a choice is one line of at most ${CUSTOM_CHOICE_MAX} characters.`,
      );
      continue;
    }
    const key = foldText(choice);
    if (seen.has(key)) {
      problems.push(`Settings ${where}: "${field}" lists ${quote(choice)} twice; the first spelling is used.`);
      continue;
    }
    seen.add(key);
    choices.push(choice);
  }
  return choices;
}

/**
 * The custom fields defined in the Settings grid (getValues() of the whole tab, the same grid settingsFromGrid
 * reads). A row with every cell empty is skipped; a row that cannot define a field (no name, a bad name, a name
 * taken by a fixed column or an earlier row, no or an unknown type, a Choice without choices) is left out with a
 * problem line; a bad Required falls back to "not required", stray choices on another type are ignored.
 */
export function customFieldsFromGrid(values: unknown[][], options: CustomFieldsOptions = {}): CustomFieldsRead {
  const grid: unknown[][] = Array.isArray(values) ? values.map((row) => (Array.isArray(row) ? row : [])) : [];
  const cell = (row: number, column: number): unknown => grid[row]?.[column];
  const definitions: CustomFieldDefinition[] = [];
  const problems: string[] = [];
  const { name: N, type: T, choices: C, required: R } = CUSTOM_FIELD_COLUMNS;

  const tableUsed = grid.some((row) => [N, T, C, R].some((column) => cellText(row[column]) !== ''));
  if (!tableUsed) return { definitions, problems };
  const wrongHeaders = CUSTOM_FIELD_HEADERS.flatMap((header, i) =>
    foldText(cellText(cell(0, N + i))) !== foldText(header) ? [`${cellName(0, N + i)} "${header}"`] : [],
  );
  if (wrongHeaders.length > 0) {
    problems.push(
      `Settings: the custom-field headers have changed (expected ${wrongHeaders.join(', ')}). The table is still read by column.`,
    );
  }

  const fixed = new Map<string, string>();
  for (const header of [...CUSTOMER_HEADERS, ...(options.reservedHeaders ?? [])]) fixed.set(foldText(header), header);
  /** Folded name → the cell that defined it first. */
  const taken = new Map<string, string>();

  for (let row = 1; row < grid.length; row++) {
    const name = cellText(cell(row, N));
    const typeText = cellText(cell(row, T));
    const choicesText = cellText(cell(row, C));
    const requiredValue = cell(row, R);
    if (name === '' && typeText === '' && choicesText === '' && cellText(requiredValue) === '') continue;
    const at = cellName(row, N);
    if (name === '') {
      problems.push(
        `Settings ${at} is empty but ${cellName(row, T)}:${cellName(row, R)} are filled: name the field or clear the row.`,
      );
      continue;
    }
    const nameProblem = badName(name);
    if (nameProblem !== null) {
      problems.push(`Settings ${at}: ${quote(name)} ${nameProblem}; the field is not added.`);
      continue;
    }
    const key = foldText(name);
    const clash = fixed.get(key);
    if (clash !== undefined) {
      problems.push(
        `Settings ${at}: "${name}" is the name of the fixed column "${clash}"; rename the custom field (it is not added).`,
      );
      continue;
    }
    const earlier = taken.get(key);
    if (earlier !== undefined) {
      problems.push(`Settings ${at}: "${name}" is already defined in ${earlier}; this row is ignored.`);
      continue;
    }
    const type = parseCustomFieldType(typeText);
    if (type === null) {
      const found = typeText === '' ? 'has no type' : `has the type ${quote(typeText)}, which is not one`;
      problems.push(`Settings ${cellName(row, T)}: "${name}" ${found}: use ${TYPE_LIST_TEXT}. The field is not added.`);
      continue;
    }
    let choices: string[] = [];
    if (type === 'Choice') {
      choices = parseChoices(choicesText, cellName(row, C), name, problems);
      if (choices.length === 0) {
        problems.push(
          `Settings ${cellName(row, C)}: the Choice field "${name}" has no choices: list them separated by commas. The field is not added.`,
        );
        continue;
      }
    } else if (choicesText !== '') {
      problems.push(`Settings ${cellName(row, C)}: "${name}" is a ${type} field, so its choices are ignored.`);
    }
    let required = parseRequired(requiredValue);
    if (required === null) {
      problems.push(
        `Settings ${cellName(row, R)}: Required of "${name}" is ${quote(cellText(requiredValue))}: write yes or leave it empty. It is not required for now.`,
      );
      required = false;
    }
    if (definitions.length >= CUSTOM_FIELDS_MAX) {
      problems.push(
        `Settings ${at}: "${name}" is not added: the CRM takes at most ${CUSTOM_FIELDS_MAX} custom fields.`,
      );
      continue;
    }
    taken.set(key, at);
    definitions.push({ name, type, choices, required });
  }
  return { definitions, problems };
}
