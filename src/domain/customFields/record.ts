/**
 * A customer's custom values ⇄ the `custom:<name>` entries of a row record (what the sheets layer reads and writes
 * through a column map from columns.ts, each cell by its kind). Phase 2's rowToCustomer/customerToRow use these, so
 * the row codecs stay generic and `customer.custom` holds exactly the defined fields.
 */

import { type CustomFieldKey, customFieldKey } from './columns';
import { emptyCustomValue } from './validation';
import type { CustomFieldDefinition, CustomValue, CustomValues } from './types';

/**
 * `customer.custom` from a record read through a custom-field map: each defined field's cell as read for its kind
 * (number or null, 'YYYY-MM-DD' or '', text); a field without a column yet (Set up not run since it was defined)
 * is empty. A value of an unexpected shape (a number typed by hand into a Text column is read as text by the text
 * codec, so this is only a safeguard) falls back to the type's empty value rather than crossing the API wrongly.
 */
export function customValuesOf(
  record: Readonly<Record<string, unknown>>,
  definitions: readonly CustomFieldDefinition[],
): CustomValues {
  const custom: CustomValues = {};
  for (const definition of definitions) {
    const own = Object.getOwnPropertyDescriptor(record, customFieldKey(definition.name));
    const value: unknown = own?.value;
    const fits = definition.type === 'Number' ? typeof value === 'number' || value === null : typeof value === 'string';
    custom[definition.name] = fits ? (value as CustomValue) : emptyCustomValue(definition);
  }
  return custom;
}

/** The `custom:<name>` entries a row record needs for `custom` (absent fields at their empty value). */
export function customColumnsOf(
  custom: Readonly<CustomValues>,
  definitions: readonly CustomFieldDefinition[],
): Record<CustomFieldKey, CustomValue> {
  const entries: Record<CustomFieldKey, CustomValue> = {};
  for (const definition of definitions) {
    const own = Object.getOwnPropertyDescriptor(custom, definition.name);
    entries[customFieldKey(definition.name)] = own === undefined ? emptyCustomValue(definition) : own.value;
  }
  return entries;
}
