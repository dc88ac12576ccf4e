/**
 * One group of probable duplicates as a table: one column per customer (side by side), one row per field, a
 * "Keep" radio above each column, and the merged result the chosen one would become (the server's own rule,
 * mergedFields) in the last column, its filled cells marked.
 */

import type { Customer } from '../../../src/domain/customer';
import { ownCustomValue } from '../../../src/domain/customFields/types';
import { mergedFields } from '../../../src/domain/mergeFields';
import { customText } from '../customFields';
import { h, replaceChildren, uniqueId } from '../dom';
import { formatDay, formatDealValue } from '../format';

/** The rows shown, in the Customers tab's order. */
const SHOWN: ReadonlyArray<readonly [keyof Customer, string]> = [
  ['id', 'ID'],
  ['name', 'Name'],
  ['company', 'Company'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['status', 'Status'],
  ['dealValue', 'Deal value'],
  ['owner', 'Owner'],
  ['source', 'Source'],
  ['notes', 'Notes'],
  ['nextStep', 'Next step'],
  ['nextStepDue', 'Next step due'],
  ['lostReason', 'Lost reason'],
  ['version', 'Version'],
];

function shown(customer: Customer, key: keyof Customer): string {
  if (key === 'dealValue') return formatDealValue(customer.dealValue);
  if (key === 'nextStepDue') return formatDay(customer.nextStepDue);
  const value = customer[key];
  return value === null || value === undefined ? '' : String(value);
}

/** `keep` with every other customer of the group merged into it, in group order (what the merges will give). */
export function previewMerge(keep: Customer, group: readonly Customer[]): { result: Customer; filled: Set<string> } {
  let result = keep;
  const filled = new Set<string>();
  for (const other of group) {
    if (other.id === keep.id) continue;
    const fields = mergedFields(result, other);
    for (const key of Object.keys(fields)) filled.add(key);
    result = { ...result, ...fields };
  }
  return { result, filled };
}

export interface GroupTable {
  readonly element: HTMLElement;
  /** The customer chosen to keep. */
  keep(): Customer;
}

export function groupTable(group: readonly Customer[], index: number): GroupTable {
  let keepId = (group[0] as Customer).id;
  const name = uniqueId('keep');
  const table = h('table', { class: 'duplicates-table', 'aria-label': `Duplicate group ${index + 1}` });

  function render(): void {
    const keep = group.find((c) => c.id === keepId) as Customer;
    const { result, filled } = previewMerge(keep, group);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Field'),
      ...group.map((customer) => {
        const radio = h('input', { type: 'radio', name, value: customer.id, checked: customer.id === keepId });
        radio.addEventListener('change', () => {
          keepId = customer.id;
          render();
        });
        return h('th', { scope: 'col' }, h('label', {}, radio, ` Keep ${customer.id}`));
      }),
      h('th', { scope: 'col', class: 'merged-preview' }, 'Merged result'),
    );
    const rows = SHOWN.map(([key, label]) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, label),
        ...group.map((customer) => h('td', { class: customer.id === keepId ? 'kept' : '' }, shown(customer, key))),
        h(
          'td',
          { class: filled.has(key) ? 'merged-preview filled' : 'merged-preview', 'data-field': key },
          key === 'version' ? `${keep.version + group.length - 1}` : shown(result, key),
        ),
      ),
    );
    // One row per custom field after the fixed ones (the same rule fills them: a value the kept one lacks).
    const customRows = Object.keys(keep.custom ?? {}).map((name) => {
      const value = (customer: Customer): string => customText(ownCustomValue(customer.custom ?? {}, name));
      const taken = value(result) !== value(keep);
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, name),
        ...group.map((customer) => h('td', { class: customer.id === keepId ? 'kept' : '' }, value(customer))),
        h(
          'td',
          { class: taken ? 'merged-preview filled' : 'merged-preview', 'data-field': `custom.${name}` },
          value(result),
        ),
      );
    });
    replaceChildren(table, h('thead', {}, head), h('tbody', {}, ...rows, ...customRows));
  }

  render();
  return { element: table, keep: () => group.find((c) => c.id === keepId) as Customer };
}
