/**
 * History events for the append-only `History` tab (create, status change, field edits, notes) and the
 * dated note lines appended to a customer's Notes. Values are logged as the text a person would read.
 */

import { customChangeEvents, customCreationEvents } from './customFields/history';
import type { CustomFieldDefinition } from './customFields/types';
import { EDITABLE_KEYS, type Customer, type FieldErrors, type HistoryEvent } from './customer';
import { fieldLabel, formatCount, NOTES_MAX } from './validation';

/** How a field value is written in History: '' for "no value", numbers as plain text. */
function asLogText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * The events logged when a customer is created: its starting status first (the row the Pipeline reads), then one
 * per other field that has a value, so History holds every initial value (what onEdit compares a paste with, and
 * what rebuilds a customer). A field with no creation event was empty.
 */
export function creationEvents(
  customer: Customer,
  by: string,
  definitions: readonly CustomFieldDefinition[] = [],
): HistoryEvent[] {
  const event = (key: (typeof EDITABLE_KEYS)[number]): HistoryEvent => ({
    at: customer.createdAt,
    customerId: customer.id,
    action: 'create',
    field: fieldLabel(key),
    from: '',
    to: asLogText(customer[key]),
    by,
  });
  const rest = EDITABLE_KEYS.filter((key) => key !== 'status' && asLogText(customer[key]) !== '');
  return [event('status'), ...rest.map(event), ...customCreationEvents(definitions, customer, by)];
}

/**
 * One event per editable field whose value differs between `before` and `after`, in column order.
 * A status change is action 'status'; any other field is 'update' with its column header as `field`.
 */
export function changeEvents(
  before: Customer,
  after: Customer,
  at: string,
  by: string,
  fieldAction: 'update' | 'manual edit' = 'update',
  definitions: readonly CustomFieldDefinition[] = [],
): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (const key of EDITABLE_KEYS) {
    const from = asLogText(before[key]);
    const to = asLogText(after[key]);
    if (from === to) continue;
    events.push({
      at,
      customerId: after.id,
      action: key === 'status' ? 'status' : fieldAction,
      field: fieldLabel(key),
      from,
      to,
      by,
    });
  }
  // Custom fields after the fixed ones, in the Settings table's order (as their columns are).
  const custom = { customerId: after.id, before: before.custom, after: after.custom };
  events.push(...customChangeEvents(definitions, custom, at, by, fieldAction));
  return events;
}

export function noteEvent(customerId: string, note: string, at: string, by: string): HistoryEvent {
  return { at, customerId, action: 'note', field: fieldLabel('notes'), from: '', to: note, by };
}

/**
 * Thrown by appendNote when the dated note would push Notes over its limit. Nothing is cut: the caller turns
 * `errors` into the API's `{ ok: false, errors }` and writes nothing.
 */
export class NotesTooLongError extends Error {
  readonly errors: FieldErrors;

  constructor(
    readonly length: number,
    readonly limit: number,
  ) {
    const message =
      `Note does not fit: with it the customer's Notes would be ${formatCount(length)} characters, ` +
      `the limit is ${formatCount(limit)}. Shorten the note or tidy the existing Notes first.`;
    super(message);
    this.name = 'NotesTooLongError';
    this.errors = { note: message };
    // Keeps `instanceof` reliable even if this is ever compiled to ES5 (Error subclassing quirk).
    Object.setPrototypeOf(this, NotesTooLongError.prototype);
  }
}

/**
 * `existingNotes` with the line "YYYY-MM-DD by: note" added at the end (newest last). The date is the first
 * 10 characters of the ISO timestamp `at`. A blank note leaves the notes unchanged.
 * Throws NotesTooLongError if the result would exceed NOTES_MAX (10,000) characters.
 */
export function appendNote(existingNotes: string, note: string, at: string, by: string): string {
  const text = note.replace(/\r\n?/g, '\n').trim();
  const existing = existingNotes.replace(/\s+$/, '');
  if (text === '') return existingNotes;
  const line = `${at.slice(0, 10)} ${by.trim() || 'unknown'}: ${text}`;
  const notes = existing === '' ? line : `${existing}\n${line}`;
  if (notes.length > NOTES_MAX) throw new NotesTooLongError(notes.length, NOTES_MAX);
  return notes;
}

/** The start of a line appendNote wrote: "2026-03-02 rep@example.com: ". */
const NOTE_LINE_START = /^\d{4}-\d{2}-\d{2} [^\s:][^:\n]*: /;

/**
 * The newest note of a Notes text (from the last line appendNote wrote, to the end), and whether older text
 * comes before it. Notes typed without a dated line are one note. For the card, which shows the latest note
 * and leaves the rest to History (every note is a 'note' event there, and the first Notes a 'create' event).
 */
export function latestNote(notes: string): { latest: string; earlier: boolean } {
  const lines = notes.replace(/\s+$/, '').split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!NOTE_LINE_START.test(lines[i] as string)) continue;
    const earlier = lines.slice(0, i).some((line) => line.trim() !== '');
    return { latest: lines.slice(i).join('\n'), earlier };
  }
  return { latest: notes.replace(/\s+$/, ''), earlier: false };
}
