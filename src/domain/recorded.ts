/**
 * What the CRM last recorded for each column of a customer, replayed from its History events. A paste, fill or
 * drag over several cells tells onEdit neither the old nor the new values, so this is what the cells are compared
 * with: only a cell that differs from it was changed. A column with no event was empty when the customer was
 * created (creation logs every initial value); for customers created before that was logged, it reads as empty.
 */

import { CUSTOMER_COLUMNS } from './columns';
import type { HistoryEvent } from './customer';
import { appendNote, NotesTooLongError } from './history';

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
export function lastRecordedFields(events: readonly HistoryEvent[], ids: ReadonlySet<string>): RecordedFields {
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
    if (CUSTOMER_COLUMNS.headers.includes(event.field)) fields.set(event.field, event.to);
  }
  return recorded;
}
