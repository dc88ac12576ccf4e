/** One customer as a compact block (name, status, company, e-mail · phone): search results and duplicates. */

import type { Customer } from '../../src/domain/customer';
import { h, type Child } from './dom';
import { statusPill } from './statusSelect';

export function customerSummary(customer: Customer): HTMLDivElement {
  // A narrow sidebar may wrap a long e-mail address, never a phone number.
  const contact: Child[] = [];
  if (customer.email) contact.push(h('span', {}, customer.email));
  if (customer.phone) contact.push(contact.length > 0 ? ' · ' : null, h('span', { class: 'nowrap' }, customer.phone));
  return h(
    'div',
    { class: 'summary' },
    h(
      'div',
      { class: 'summary-top' },
      h('span', { class: 'summary-name' }, customer.name || '(no name)'),
      statusPill(customer.status),
    ),
    customer.company ? h('div', { class: 'summary-line' }, customer.company) : null,
    contact.length > 0 ? h('div', { class: 'summary-line muted' }, ...contact) : null,
  );
}
