/**
 * The card's "Archive or merge" section (nothing is ever deleted): archive this customer with an optional reason;
 * merge another customer into this one (its ID → a preview of the merged result with the server's own rule, then
 * Merge); and, for an archived customer, when/by whom/why with a Restore button. Each button is one server call.
 */

import type { MaybeArchivedCustomer } from '../../../../src/domain/archive';
import type { Customer } from '../../../../src/domain/customer';
import { mergedFields } from '../../../../src/domain/mergeFields';
import type { SaveResult } from '../../../../src/domain/results';
import type { Banner } from '../../banner';
import { runBusy } from '../../busy';
import { h, replaceChildren, uniqueId } from '../../dom';
import { formatDateTime, inputText } from '../../format';
import { pageMessages } from '../../results';
import { call } from '../../server';

export interface ArchivePanel {
  readonly element: HTMLElement;
  update(customer: MaybeArchivedCustomer): void;
}

export interface ArchivePanelHooks {
  banner: Banner;
  /** A write's result for the card to apply (new version, conflict, events). */
  saved(result: SaveResult, sent: Customer, success: string): void;
  /** The customer left Customers (archived) or came back (restored): the card shows it anew. */
  moved(customer: MaybeArchivedCustomer): void;
}

function refusal(result: SaveResult): string {
  if (result.ok) return '';
  if ('conflict' in result && result.conflict) {
    return `${result.conflict.id} was changed by someone else meanwhile (now version ${result.conflict.version}): look again, then retry.`;
  }
  return pageMessages(result.errors ?? {}).join(' ') || 'Refused.';
}

export function createArchivePanel(hooks: ArchivePanelHooks): ArchivePanel {
  const { banner } = hooks;
  const element = h('details', { class: 'section archive' }, h('summary', {}, 'Archive or merge'));
  const body = h('div', {});
  element.append(body);
  let current: MaybeArchivedCustomer | null = null;

  function archivedView(customer: MaybeArchivedCustomer): HTMLElement[] {
    const info = customer.archived;
    const restore = h('button', { type: 'button' }, 'Restore');
    restore.addEventListener('click', async () => {
      banner.clear();
      const result = await runBusy(restore, 'Restoring…', banner, 'restore the customer', () =>
        call('restoreCustomer', customer.id),
      );
      if (!result) return;
      if (!result.ok) banner.show('error', refusal(result));
      else {
        banner.show('success', `${customer.id} is back in the Customers tab.`);
        hooks.moved(result.customer);
      }
    });
    return [
      h(
        'p',
        { class: 'archived-note' },
        `Archived ${formatDateTime(info?.at)} by ${info?.by || 'unknown'}${info?.reason ? `: ${info.reason}` : ''}.`,
      ),
      restore,
    ];
  }

  function activeView(customer: Customer): HTMLElement[] {
    const reasonId = uniqueId('archive-reason');
    const reason = h('input', { id: reasonId, type: 'text', maxlength: 500, placeholder: 'Optional' });
    const archive = h('button', { type: 'button', class: 'secondary' }, 'Archive');
    archive.addEventListener('click', async () => {
      banner.clear();
      const sent = customer;
      const result = await runBusy(archive, 'Archiving…', banner, 'archive the customer', () =>
        call('archiveCustomer', sent.id, sent.version, reason.value || undefined),
      );
      if (!result) return;
      if (result.ok) {
        banner.show('success', `${sent.id} archived (restore it from here or from CRM ▸ Check data).`);
        const at = new Date().toISOString();
        hooks.moved({ ...result.customer, archived: { at, by: 'you', reason: reason.value.trim() } });
      } else hooks.saved(result, sent, '');
    });

    const otherId = uniqueId('merge-id');
    const other = h('input', { id: otherId, type: 'text', placeholder: 'C-00042', size: 10 });
    const look = h('button', { type: 'button', class: 'secondary' }, 'Preview merge');
    const preview = h('div', { class: 'merge-preview', 'aria-live': 'polite' });
    look.addEventListener('click', async () => {
      banner.clear();
      const id = other.value.trim();
      const loaded = await runBusy(look, 'Loading…', banner, 'load the other customer', () => call('getCustomer', id));
      if (!loaded) return;
      if (!loaded.ok) {
        replaceChildren(preview, h('p', { class: 'field-error' }, pageMessages(loaded.errors).join(' ')));
        return;
      }
      showPreview(customer, loaded.customer);
    });

    function showPreview(keep: Customer, merged: MaybeArchivedCustomer): void {
      if (merged.archived || merged.id === keep.id) {
        const why = merged.id === keep.id ? 'A customer cannot be merged into itself.' : `${merged.id} is archived.`;
        replaceChildren(preview, h('p', { class: 'field-error' }, why));
        return;
      }
      const filled = mergedFields(keep, merged);
      const keys = Object.keys(filled) as (keyof Customer)[];
      // `custom` holds every field: only those the merge fills are listed, by the field's name.
      const lines = keys.flatMap((key) =>
        key === 'custom'
          ? Object.entries(filled.custom ?? {})
              .filter(([name, value]) => value !== keep.custom[name])
              .map(([name, value]) => `${name}: ${inputText(value)}`)
          : [`${key}: ${inputText(filled[key])}`],
      );
      const confirm = h('button', { type: 'button' }, `Merge ${merged.id} into ${keep.id}`);
      confirm.addEventListener('click', async () => {
        banner.clear();
        const result = await runBusy(confirm, 'Merging…', banner, 'merge the customers', () =>
          call('mergeCustomers', keep.id, merged.id, { [keep.id]: keep.version, [merged.id]: merged.version }),
        );
        if (!result) return;
        if (result.ok) replaceChildren(preview);
        else if ('conflict' in result && result.conflict && result.conflict.id !== keep.id) {
          banner.show('error', refusal(result));
          return;
        }
        hooks.saved(result, keep, `${merged.id} merged into ${keep.id} and archived.`);
      });
      replaceChildren(
        preview,
        h('p', {}, `${merged.id} ${merged.name}${merged.company ? ` (${merged.company})` : ''}:`),
        keys.length === 0
          ? h('p', { class: 'muted' }, 'Nothing to fill in: only its archive is recorded.')
          : h('ul', {}, ...lines.map((line) => h('li', {}, line.slice(0, 200)))),
        confirm,
      );
    }

    return [
      h('label', { for: reasonId }, 'Reason for archiving'),
      reason,
      archive,
      h('hr', {}),
      h('label', { for: otherId }, 'Merge another customer into this one (its ID)'),
      other,
      look,
      preview,
    ];
  }

  return {
    element,
    update(customer) {
      if (
        current &&
        current.id === customer.id &&
        current.version === customer.version &&
        !!current.archived === !!customer.archived
      )
        return;
      current = customer;
      replaceChildren(body, ...(customer.archived ? archivedView(customer) : activeView(customer)));
    },
  };
}
