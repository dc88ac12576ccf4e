/**
 * Find duplicates dialog entry point: loads findDuplicateGroups(), shows each group side by side (compare.ts), and
 * merges the group into the chosen customer, one mergeCustomers call per other customer with the versions shown
 * (a conflict stops and says to reload). Each merged customer can be restored (restoreCustomer) from here.
 */

import type { Customer } from '../../../src/domain/customer';
import type { SaveResult } from '../../../src/domain/results';
import { type Banner, createBanner } from '../banner';
import { runBusy } from '../busy';
import { h, replaceChildren } from '../dom';
import { failureMessage } from '../failure';
import { pageMessages } from '../results';
import { call } from '../server';
import { groupTable } from './compare';

function errorText(result: SaveResult): string {
  if (result.ok) return '';
  if ('conflict' in result && result.conflict) {
    return `${result.conflict.id} was changed by someone else meanwhile: reload to see the current values.`;
  }
  return pageMessages(result.errors ?? {}).join(' ') || 'The merge was refused.';
}

/** A "Restore C-…" button for a customer a merge archived. */
function restoreButton(banner: Banner, id: string): HTMLElement {
  const button = h('button', { type: 'button', class: 'secondary' }, `Restore ${id}`);
  button.addEventListener('click', async () => {
    banner.clear();
    const result = await runBusy(button, 'Restoring…', banner, `restore ${id}`, () => call('restoreCustomer', id));
    if (!result) return;
    if (result.ok) {
      banner.show('success', `${id} is back in the Customers tab.`);
      button.replaceWith(h('span', { class: 'muted' }, `${id} restored.`));
    } else banner.show('error', errorText(result));
  });
  return button;
}

function groupSection(banner: Banner, group: readonly Customer[], index: number): HTMLElement {
  const table = groupTable(group, index);
  const outcome = h('div', { class: 'merge-outcome', 'aria-live': 'polite' });
  const button = h('button', { type: 'button' }, 'Merge into the kept customer');
  button.addEventListener('click', async () => {
    banner.clear();
    const keep = table.keep();
    const others = group.filter((c) => c.id !== keep.id);
    let version = keep.version;
    const merged: string[] = [];
    for (const other of others) {
      const result = await runBusy(button, 'Merging…', banner, 'merge the customers', () =>
        call('mergeCustomers', keep.id, other.id, { [keep.id]: version, [other.id]: other.version }),
      );
      if (!result) break;
      if (!result.ok) {
        banner.show('error', errorText(result));
        break;
      }
      version = result.customer.version;
      merged.push(other.id);
    }
    if (merged.length === 0) return;
    banner.show('success', `Merged ${merged.join(', ')} into ${keep.id}.`);
    button.remove();
    replaceChildren(
      outcome,
      h('p', {}, `Merged into ${keep.id}; archived: ${merged.join(', ')}.`),
      ...merged.map((id) => restoreButton(banner, id)),
    );
  });
  return h(
    'section',
    { class: 'duplicate-group' },
    h('h2', {}, `Group ${index + 1}: ${group.length} customers`),
    h('div', { class: 'table-scroll' }, table.element),
    button,
    outcome,
  );
}

async function main(): Promise<void> {
  const banner = createBanner();
  const content = h('div', {}, h('p', { class: 'muted' }, 'Looking for duplicates…'));
  document.body.append(banner.element, h('main', { class: 'view dialog duplicates' }, content));
  try {
    const result = await call('findDuplicateGroups');
    if (!result.ok) {
      banner.show('error', pageMessages(result.errors));
      replaceChildren(content);
      return;
    }
    if (result.groups.length === 0) {
      replaceChildren(
        content,
        h('p', {}, 'No probable duplicates: no two customers share an e-mail, a phone, or a name and company.'),
      );
      return;
    }
    replaceChildren(
      content,
      h(
        'p',
        {},
        'Choose the customer to keep in each group: its empty fields are filled from the others, Notes joined, and the others archived (nothing is deleted).',
      ),
      ...result.groups.map((group, i) => groupSection(banner, group, i)),
    );
  } catch (error) {
    banner.show('error', failureMessage('look for duplicates', error));
    replaceChildren(content);
  }
}

void main();
