/**
 * Where custom fields sit in the `Customers` row: after the fixed columns (after `Lost reason`), one per field,
 * header = the field's name, stored by type (Number → number cell, Date → date cell read as 'YYYY-MM-DD',
 * Text/Choice → text). Keys are `custom:<name>`, which no fixed key can equal, so the fixed part never moves.
 */

import { type CellKind, type ColumnMap, customerColumnsWith, type FieldSpec } from '../columns';
import { CUSTOMER_HEADERS, type CustomerKey } from '../customer';
import { foldText } from '../text';
import type { CustomFieldDefinition, CustomFieldType } from './types';

/** A custom field's key in a column map: its name behind a prefix no fixed key has (fixed keys have no colon). */
export type CustomFieldKey = `custom:${string}`;
/** A column the sheet holds after the fixed ones that no definition names any more (kept, never removed). */
export type KeptColumnKey = `kept:${number}`;

export type CustomerColumnKey = CustomerKey | CustomFieldKey;

export function customFieldKey(name: string): CustomFieldKey {
  return `custom:${name}`;
}

/** How each type is stored: the same kinds of cell the fixed fields use (Deal value, Next step due, Notes). */
export const CUSTOM_FIELD_KINDS: Readonly<Record<CustomFieldType, CellKind>> = {
  Text: 'text',
  Choice: 'text',
  Number: 'number',
  Date: 'date',
};

export function customFieldSpec(definition: CustomFieldDefinition): FieldSpec<CustomFieldKey> {
  return { key: customFieldKey(definition.name), header: definition.name, kind: CUSTOM_FIELD_KINDS[definition.type] };
}

/** The row Set up gives a new CRM: the fixed columns, then one per definition in the table's order. */
export function customerColumnsFor(definitions: readonly CustomFieldDefinition[]): ColumnMap<CustomerColumnKey> {
  return customerColumnsWith(definitions.map(customFieldSpec));
}

export interface CustomColumnsLayout {
  /** The row as the tab holds it once `append` is added: fixed, found and kept columns where they are, new last. */
  map: ColumnMap<CustomerColumnKey | KeptColumnKey>;
  /** Columns to add at the right edge, in the table's order (Set up writes their headers, formats, dropdowns). */
  append: FieldSpec<CustomFieldKey>[];
  /** Columns after the fixed ones that no definition names (a field renamed or removed): kept with their data. */
  kept: { header: string; column: number }[];
}

function headerText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * The Customers row of a tab whose header row is `headers` (getValues()[0] up to the last column) for these
 * definitions. The fixed part is CUSTOMER_COLUMNS (header repair has put it in place); after it each header is
 * matched to a definition by name (case- and accent-insensitively, as Settings names are compared), so a column
 * the owner moved is still found; a header no definition names is kept as it is; a definition with no column is
 * appended. Nothing is ever removed or moved, so renaming a field gives a new column and keeps the old one's data.
 */
export function customColumnsLayout(
  headers: readonly unknown[],
  definitions: readonly CustomFieldDefinition[],
): CustomColumnsLayout {
  const byName = new Map(definitions.map((d) => [foldText(d.name), d]));
  const placed = new Set<CustomFieldDefinition>();
  const present: FieldSpec<CustomFieldKey | KeptColumnKey>[] = [];
  const kept: CustomColumnsLayout['kept'] = [];
  let last = headers.length;
  while (last > CUSTOMER_HEADERS.length && headerText(headers[last - 1]) === '') last--; // trailing empty columns
  for (let index = CUSTOMER_HEADERS.length; index < last; index++) {
    const header = headerText(headers[index]);
    const definition = byName.get(foldText(header));
    if (definition !== undefined && !placed.has(definition)) {
      placed.add(definition);
      present.push(customFieldSpec(definition));
    } else {
      // Read as text and never written but blank on a new row: the CRM does not know what it holds.
      present.push({ key: `kept:${index + 1}`, header, kind: 'text' });
      kept.push({ header, column: index + 1 });
    }
  }
  const append = definitions.filter((d) => !placed.has(d)).map(customFieldSpec);
  return { map: customerColumnsWith([...present, ...append]), append, kept };
}

/**
 * The 0-based row indexes search reads besides the fixed fields: the Text and Choice fields' columns (SPEC: search
 * matches them; a Number or a Date is not searched as words), in the table's order. A field without a column in
 * `map` (Set up not run since it was defined) is left out.
 */
export function searchedCustomIndexes(map: ColumnMap<string>, definitions: readonly CustomFieldDefinition[]): number[] {
  const indexes: number[] = [];
  for (const definition of definitions) {
    if (definition.type !== 'Text' && definition.type !== 'Choice') continue;
    const column = map.of[customFieldKey(definition.name)];
    if (column !== undefined) indexes.push(column.index);
  }
  return indexes;
}
