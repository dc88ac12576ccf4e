/** The "Someone else changed this customer first" notice, listing their current values. */

import type { Customer, EditableKey } from '../../../../src/domain/customer';
import { h } from '../../dom';
import { CUSTOMER_FIELDS } from '../../fields';
import { formatDateTime, formatDay, formatDealValue, inputText } from '../../format';

function shown(customer: Customer, key: EditableKey): string {
  if (key === 'dealValue') return formatDealValue(customer.dealValue);
  if (key === 'nextStepDue') return formatDay(customer.nextStepDue);
  return inputText(customer[key]);
}

/** `mine` is what this card showed when the user acted; `theirs` is the stored customer now. */
export function conflictNotice(mine: Customer, theirs: Customer, onDismiss: () => void): HTMLElement {
  const changed = CUSTOMER_FIELDS.filter((spec) => shown(mine, spec.key) !== shown(theirs, spec.key));
  const listed = changed.length > 0 ? changed : CUSTOMER_FIELDS.filter((spec) => spec.key === 'status');
  const values = h('dl', { class: 'card-fields' });
  for (const spec of listed) {
    const value = shown(theirs, spec.key);
    values.append(h('dt', {}, spec.label), h('dd', {}, value === '' ? '(empty)' : value));
  }
  const who = [theirs.updatedBy ? `by ${theirs.updatedBy}` : '', formatDateTime(theirs.updatedAt)]
    .filter((p) => p !== '')
    .join(', ');
  const dismiss = h('button', { type: 'button', class: 'link' }, 'Dismiss');
  dismiss.addEventListener('click', onDismiss);
  return h(
    'div',
    { class: 'notice notice-warning conflict', role: 'alert', tabindex: -1 },
    h('p', { class: 'notice-title' }, 'Someone else changed this customer first.'),
    h('p', {}, `Nothing of yours was saved. Their current values (version ${theirs.version}${who ? `, ${who}` : ''}):`),
    values,
    h('p', {}, 'The card now shows their version; what you typed is still in the form — check it and apply it again.'),
    dismiss,
  );
}
