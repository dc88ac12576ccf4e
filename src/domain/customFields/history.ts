/**
 * History events of custom fields, in the shape of src/domain/history.ts's (creationEvents, changeEvents): Field =
 * the field's name (never a fixed header: definitions.ts refuses a clash), From/To = the value as a person reads it.
 * Phase 2 makes changeEvents and creationEvents append these, so every path (save, onEdit, import) logs them.
 */

import type { HistoryEvent } from '../customer';
import { foldText } from '../text';
import { type CustomFieldDefinition, type CustomValue, type CustomValues, ownCustomValue } from './types';
import { type CustomValueCheck, checkCustomType } from './validation';

/** As history.ts's asLogText: '' for "no value", numbers as plain text, a day as 'YYYY-MM-DD'. */
export function customLogText(value: CustomValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * One event per defined field whose logged text differs between `before` and `after`, in the table's order, as
 * changeEvents does for the fixed fields (action 'update', or 'manual edit' when onEdit saw it).
 */
export function customChangeEvents(
  definitions: readonly CustomFieldDefinition[],
  change: { customerId: string; before: Readonly<CustomValues>; after: Readonly<CustomValues> },
  at: string,
  by: string,
  fieldAction: 'update' | 'manual edit' = 'update',
): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (const { name } of definitions) {
    const from = customLogText(ownCustomValue(change.before, name));
    const to = customLogText(ownCustomValue(change.after, name));
    if (from !== to) events.push({ at, customerId: change.customerId, action: fieldAction, field: name, from, to, by });
  }
  return events;
}

/** The 'create' events of a new customer's custom fields that have a value (as creationEvents logs the rest). */
export function customCreationEvents(
  definitions: readonly CustomFieldDefinition[],
  customer: { id: string; createdAt: string; custom: Readonly<CustomValues> },
  by: string,
): HistoryEvent[] {
  return customChangeEvents(
    definitions,
    { customerId: customer.id, before: {}, after: customer.custom },
    customer.createdAt,
    by,
  ).map((event) => ({ ...event, action: 'create' }));
}

/**
 * The definition a History event's Field names, or null: how a customer is rebuilt from History (restore of a
 * hand-deleted row) and how a hand edit's old value is found. Names compare as Settings compares them.
 */
export function customFieldOfLabel(
  definitions: readonly CustomFieldDefinition[],
  field: string,
): CustomFieldDefinition | null {
  const wanted = foldText(field);
  return definitions.find((d) => foldText(d.name) === wanted) ?? null;
}

/**
 * A logged value read back for its field (the inverse of customLogText; how a row deleted by hand is rebuilt). A
 * Number was logged as JavaScript writes it (String(n)), so "1.234" is 1.234 and "1e-7" is 1e-7 here, where the
 * amount parser would refuse them as a person's typing (ambiguous, not an amount); anything else, and every other
 * type, by the field's own check.
 */
export function customValueOfLog(text: string, definition: CustomFieldDefinition): CustomValueCheck {
  if (definition.type === 'Number') {
    const trimmed = text.trim();
    const n = Number(trimmed);
    if (trimmed !== '' && Number.isFinite(n) && String(n) === trimmed) return checkCustomType(n, definition);
  }
  return checkCustomType(text, definition);
}
