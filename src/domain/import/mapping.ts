/**
 * Checks the column mapping the sidebar sends back after the admin corrected the proposal. Every problem is
 * reported at once, in one message under the `mapping` key, because the sidebar shows the mapping as one form.
 */

import { columnLetter } from '../columns';
import type { FieldErrors } from '../customer';
import { formatCount, quote, type Validated } from '../validation';
import { emptyMapping } from './headers';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportMapping } from './types';

/** 'column C ("Tel")' or 'column C' when the header cell is blank. */
export function describeColumn(index: number, headers: readonly string[]): string {
  const header = (headers[index] ?? '').trim();
  return header === '' ? `column ${columnLetter(index + 1)}` : `column ${columnLetter(index + 1)} (${quote(header)})`;
}

function isField(key: string): key is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(key);
}

/** A column value as sent: a whole number (or its digits as text, from a <select>), or blank for "not imported". */
function readColumn(raw: unknown): number | null | 'invalid' {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
  let n = Number.NaN;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : 'invalid';
}

/**
 * `raw` (field → 0-based column) checked against the Import tab's `headers` (its width). Fields left out are not
 * imported. Refused: a non-object, unknown field names, columns that are not whole numbers or are beyond the
 * last column, one column mapped to two fields, and no column for the name.
 */
export function validateMapping(raw: unknown, headers: readonly string[]): Validated<ImportMapping> {
  const width = headers.length;
  const fail = (problems: string[]): { ok: false; errors: FieldErrors } => ({
    ok: false,
    errors: { mapping: problems.join(' ') },
  });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(['The column mapping must be an object such as { "name": 0, "email": 2 }.']);
  }

  const problems: string[] = [];
  const mapping = emptyMapping();
  const fieldsByColumn = new Map<number, ImportField[]>();
  const allowed = IMPORT_FIELDS.join(', ');
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!isField(key)) {
      problems.push(`${quote(key)} is not a field the import can fill. Use: ${allowed}.`);
      continue;
    }
    const label = IMPORT_FIELD_LABELS[key];
    const column = readColumn(value);
    if (column === 'invalid') {
      problems.push(`${label}: the column must be a column of the Import tab, or blank for "not imported".`);
      continue;
    }
    if (column !== null && column >= width) {
      const last =
        width === 0 ? 'no columns' : `${formatCount(width)} column${width === 1 ? '' : 's'} (A–${columnLetter(width)})`;
      problems.push(`${label} is mapped to column ${columnLetter(column + 1)}, but the Import tab has ${last}.`);
      continue;
    }
    mapping[key] = column;
    if (column !== null) fieldsByColumn.set(column, [...(fieldsByColumn.get(column) ?? []), key]);
  }

  for (const [column, fields] of fieldsByColumn) {
    if (fields.length < 2) continue;
    const labels = fields.map((f) => IMPORT_FIELD_LABELS[f]);
    problems.push(
      `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''} are ${labels.length === 2 ? 'both' : 'all'} ` +
        `mapped to ${describeColumn(column, headers)}: ` +
        'map each column to one field.',
    );
  }

  if (mapping.name === null && mapping.firstName === null && mapping.lastName === null) {
    problems.push(
      'Choose the column that holds the customer name (or the First name / Last name columns): every customer needs a name.',
    );
  }
  return problems.length > 0 ? fail(problems) : { ok: true, value: mapping };
}
