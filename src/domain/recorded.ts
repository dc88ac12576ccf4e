/**
 * What the CRM last recorded for each column of a customer, replayed from its History events. A paste, fill or
 * drag over several cells tells onEdit neither the old nor the new values, so this is what the cells are compared
 * with: only a cell that differs from it was changed. A column with no event was empty when the customer was
 * created (creation logs every initial value); for customers created before that was logged, it reads as empty.
 */

import { CUSTOMER_COLUMNS } from './columns';
import type { CustomFieldDefinition } from './customFields/types';
import { customValueOfLog } from './customFields/history';
import { blankCustomValues } from './customFields/validation';
import { blankCustomer, type Customer, type CustomerKey, type HistoryAction, type HistoryEvent } from './customer';
import { appendNote, NotesTooLongError } from './history';
import { parseStatus } from './statuses';

/** Column header → last recorded text, per customer ID. */
export type RecordedFields = Map<string, Map<string, string>>;

const C = CUSTOMER_COLUMNS.of;
const ID = C.id.header;
const NOTES = C.notes.header;
const CREATED_AT = C.createdAt.header;
const CREATED_BY = C.createdBy.header;

function isOpening(event: HistoryEvent): boolean {
  return event.action === 'create' || event.action === 'import';
}

/**
 * Replays `events` (any order: sorted by time, ties in the order given, as History is appended) for the customers
 * in `ids`. A 'note' event appends its dated line to Notes, as the save that logged it did.
 */
export function lastRecordedFields(
  events: readonly HistoryEvent[],
  ids: ReadonlySet<string>,
  /** Headers logged besides the fixed ones (the custom fields' names). */
  extraHeaders: readonly string[] = [],
): RecordedFields {
  const relevant = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => ids.has(event.customerId))
    .sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.index - b.index));
  const recorded: RecordedFields = new Map();
  for (const { event } of relevant) {
    let fields = recorded.get(event.customerId);
    if (!fields) {
      fields = new Map([[ID, event.customerId]]);
      recorded.set(event.customerId, fields);
    }
    if (isOpening(event) && !fields.has(CREATED_AT)) {
      fields.set(CREATED_AT, event.at);
      fields.set(CREATED_BY, event.by);
    }
    if (event.action === 'note' && event.field === NOTES) {
      // A status change's note (logged under Notes); an activity of type 'note' has no Field and changes no cell.
      try {
        fields.set(NOTES, appendNote(fields.get(NOTES) ?? '', event.to, event.at, event.by));
      } catch (error) {
        if (!(error instanceof NotesTooLongError)) throw error; // a note the save itself refused was never stored
      }
      continue;
    }
    if (CUSTOMER_COLUMNS.headers.includes(event.field) || extraHeaders.includes(event.field)) {
      fields.set(event.field, event.to);
    }
  }
  return recorded;
}

/** Actions that change a customer's cells after its creation: each save of them is one more Version. */
const CHANGE_ACTIONS: ReadonlySet<HistoryAction> = new Set(['update', 'status', 'manual edit', 'import']);

/**
 * True when `event` is one save's change of the customer (so it counts towards the Version and the Updated stamp):
 * field changes, a status note, a merge into this customer, and a restore from the Archive tab. Activities, an
 * archive (the row moves as it is) and the rebuild of a row deleted by hand (every cell as it was) are not.
 */
function isChange(event: HistoryEvent): boolean {
  if (CHANGE_ACTIONS.has(event.action)) return true;
  if (event.action === 'note') return event.field === NOTES;
  if (event.action === 'merge') return event.to === event.customerId; // the kept customer; the other is archived
  if (event.action === 'restore') return event.from === 'Archive';
  return false;
}

/** A recorded text as the typed value of its field (the inverse of how History logs it). */
function typedValue(key: CustomerKey, text: string): unknown {
  switch (CUSTOMER_COLUMNS.of[key].kind) {
    case 'status':
      return parseStatus(text) ?? text;
    case 'number': {
      if (text.trim() === '') return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
    case 'integer':
      return Number(text) || 0;
    default:
      return text;
  }
}

/**
 * The customer `id` rebuilt from its History events exactly as its row last stood (restoreCustomer of a row deleted
 * by hand): every field as last recorded (lastRecordedFields), Version = 1 + the saves that changed it, Updated
 * at/by = the last of them (else the creation), Status changed at = the last status event. One save logs all its
 * events with one time and author; two saves by the same person in the same millisecond are told apart when they
 * touch the same field (never the case on Google, where each save is a separate execution of many milliseconds).
 * Null when History has no creation (or import) of `id`.
 */
export function rebuildCustomer(
  events: readonly HistoryEvent[],
  id: string,
  definitions: readonly CustomFieldDefinition[] = [],
): Customer | null {
  const names = definitions.map((d) => d.name);
  const fields = lastRecordedFields(events, new Set([id]), names).get(id);
  if (fields === undefined || !fields.has(CREATED_AT)) return null;
  const customer = blankCustomer(id) as unknown as Record<CustomerKey, unknown>;
  for (const column of CUSTOMER_COLUMNS.list) {
    const text = fields.get(column.header);
    if (text !== undefined) customer[column.key] = typedValue(column.key, text);
  }
  // Custom fields as logged (the same text their checks read): a value no longer valid for its type stays empty.
  const custom = blankCustomValues(definitions);
  for (const definition of definitions) {
    const text = fields.get(definition.name);
    const checked = text === undefined ? null : customValueOfLog(text, definition);
    if (checked?.ok) custom[definition.name] = checked.value;
  }
  (customer as unknown as Customer).custom = custom;
  const ordered = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.customerId === id)
    .sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.index - b.index))
    .map(({ event }) => event);
  const createdAt = fields.get(CREATED_AT) as string;
  let version = 1;
  let updatedAt = createdAt;
  let updatedBy = fields.get(CREATED_BY) ?? '';
  let statusChangedAt = createdAt;
  /** The fields of the save being counted, per time and author: a field seen again starts another save. */
  const saves = new Map<string, Set<string>>();
  const createdBy = updatedBy;
  for (const event of ordered) {
    const creation = isOpening(event) && event.at === createdAt && event.by === createdBy;
    if (event.field === C.status.header && (creation || event.action === 'status')) statusChangedAt = event.at;
    if (creation || !isChange(event)) continue;
    const key = `${event.at}\u0000${event.by}`;
    const seen = saves.get(key);
    const field = `${event.action === 'note' ? 'note' : ''}${event.field}`;
    if (seen === undefined || seen.has(field)) {
      version += 1;
      saves.set(key, new Set([field]));
    } else {
      seen.add(field);
    }
    updatedAt = event.at;
    updatedBy = event.by;
  }
  customer.version = version;
  customer.updatedAt = updatedAt;
  customer.updatedBy = updatedBy;
  customer.statusChangedAt = statusChangedAt;
  return customer as unknown as Customer;
}
