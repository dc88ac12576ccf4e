/** A <select> of the pipeline statuses (spec order), optionally with an "All statuses" choice first. */

import { STATUSES } from '../../src/domain/statuses';
import { h } from './dom';

export function statusSelect(id: string, selected: string, allLabel?: string): HTMLSelectElement {
  const select = h('select', { id });
  if (allLabel !== undefined) select.appendChild(h('option', { value: '' }, allLabel));
  for (const status of STATUSES) select.appendChild(h('option', { value: status }, status));
  select.value = selected;
  return select;
}

/** A small coloured label of a status. */
export function statusPill(status: string): HTMLSpanElement {
  return h('span', { class: 'pill', 'data-status': status }, status);
}
