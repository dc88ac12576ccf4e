/** The card's recent history: History events, newest first, described in one line each. */

import type { HistoryEvent } from '../../../../src/domain/customer';
import { h, replaceChildren } from '../../dom';
import { formatDateTime } from '../../format';

/** At most this many events are listed. */
const RECENT = 20;

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  company: 'Company',
  email: 'E-mail',
  phone: 'Phone',
  status: 'Status',
  dealValue: 'Deal value',
  owner: 'Owner',
  source: 'Source',
  notes: 'Notes',
};

function change(event: HistoryEvent): string {
  const field = FIELD_LABELS[event.field] ?? event.field;
  return `${field}: ${event.from || '(empty)'} → ${event.to || '(empty)'}`;
}

export function describeEvent(event: HistoryEvent): string {
  switch (event.action) {
    case 'create':
      return 'Created';
    case 'import':
      return 'Imported';
    case 'status':
      return `Status: ${event.from || '(none)'} → ${event.to}`;
    case 'note':
      return `Note: ${event.to}`;
    case 'manual edit':
      return `Edited in the sheet — ${change(event)}`;
    case 'archive':
      return event.to ? `Archived: ${event.to}` : 'Archived';
    case 'restore':
      return event.from === 'History'
        ? 'Restored from History (its row had been deleted)'
        : 'Restored from the archive';
    case 'merge':
      return event.field === '' ? `Merged ${event.from} into ${event.to}` : `Merge — ${change(event)}`;
    default:
      return change(event);
  }
}

function time(event: HistoryEvent): number {
  const t = Date.parse(event.at);
  return Number.isNaN(t) ? 0 : t;
}

export interface History {
  readonly element: HTMLElement;
  loading(): void;
  failed(message: string): void;
  update(events: readonly HistoryEvent[]): void;
}

export function createHistory(): History {
  const body = h('div', { class: 'history-body', 'aria-live': 'polite' });
  const element = h(
    'section',
    { class: 'section', 'aria-labelledby': 'history-title' },
    h('h3', { id: 'history-title' }, 'History'),
    body,
  );
  return {
    element,
    loading: () => replaceChildren(body, h('p', { class: 'muted' }, 'Loading history…')),
    failed: (message) => replaceChildren(body, h('p', { class: 'muted' }, message)),
    update(events) {
      if (events.length === 0) {
        replaceChildren(body, h('p', { class: 'muted' }, 'No history yet.'));
        return;
      }
      // Newest first; equal times keep the server's order reversed (it appends).
      const sorted = events
        .map((event, index) => ({ event, index }))
        .sort((a, b) => time(b.event) - time(a.event) || b.index - a.index);
      const list = h('ol', { class: 'history' });
      for (const { event } of sorted.slice(0, RECENT)) {
        const meta = [formatDateTime(event.at), event.by].filter((part) => part !== '').join(' · ');
        list.appendChild(
          h('li', {}, h('div', {}, describeEvent(event)), meta ? h('div', { class: 'muted small' }, meta) : null),
        );
      }
      replaceChildren(
        body,
        list,
        events.length > RECENT
          ? h('p', { class: 'muted small' }, `Showing the latest ${RECENT} of ${events.length}.`)
          : null,
      );
    },
  };
}
