/** The read-only part of the customer card: name, company, status, version and the other fields. */

import type { Customer } from '../../../../src/domain/customer';
import { latestNote } from '../../../../src/domain/history';
import { h, replaceChildren } from '../../dom';
import { customText } from '../../customFields';
import { formatDateTime, formatDay, formatDealValue } from '../../format';
import { statusPill } from '../../statusSelect';

export interface Details {
  readonly element: HTMLElement;
  update(customer: Customer): void;
}

function row(label: string, value: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', { class: value === '' ? 'muted' : null }, value === '' ? '—' : value)];
}

/**
 * Notes: only the latest (a note is appended on every status change, and the whole pile pushed the form and its
 * confirmation off screen); the earlier ones are in the History list below, each a 'note' event.
 */
function notesRow(notes: string): HTMLElement[] {
  const { latest, earlier } = latestNote(notes);
  if (!earlier) return row('Latest note', latest);
  return [
    h('dt', {}, 'Latest note'),
    h(
      'dd',
      { class: 'latest-note' },
      latest,
      h('span', { class: 'muted note-earlier' }, 'Earlier notes are in History.'),
    ),
  ];
}

function byLine(at: string, who: string): string {
  return [formatDateTime(at), who ? `by ${who}` : ''].filter((part) => part !== '').join(' ');
}

export function createDetails(): Details {
  const element = h('section', { class: 'card-details', 'aria-label': 'Customer details' });
  return {
    element,
    update(customer) {
      replaceChildren(
        element,
        h(
          'div',
          { class: 'card-head' },
          h('h2', { class: 'card-name' }, customer.name || '(no name)'),
          customer.company ? h('p', { class: 'card-company' }, customer.company) : null,
          h(
            'p',
            { class: 'card-meta' },
            statusPill(customer.status),
            h('span', { class: 'version', title: 'Version' }, `Version ${customer.version}`),
          ),
        ),
        h(
          'dl',
          { class: 'card-fields' },
          // Why a lost deal was lost: only for Closed-lost (the rule clears it elsewhere).
          ...(customer.status === 'Closed-lost' ? row('Lost reason', customer.lostReason) : []),
          ...row('Next step', customer.nextStep),
          ...row('Next step due', formatDay(customer.nextStepDue)),
          ...row('E-mail', customer.email),
          ...row('Phone', customer.phone),
          ...row('Deal value', formatDealValue(customer.dealValue)),
          ...row('Owner', customer.owner),
          ...row('Source', customer.source),
          ...notesRow(customer.notes),
          // Custom fields, in the Settings table's order (the order `custom` holds them in).
          ...Object.entries(customer.custom ?? {}).flatMap(([name, value]) => row(name, customText(value))),
          ...row('Status since', formatDateTime(customer.statusChangedAt)),
          ...row('Created', byLine(customer.createdAt, customer.createdBy)),
          ...row('Updated', byLine(customer.updatedAt, customer.updatedBy)),
          ...row('ID', customer.id),
        ),
      );
    },
  };
}
