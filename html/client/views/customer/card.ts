/**
 * Customer card view: loads getCustomer(id), shows the details, the status form, "Edit details" and the
 * recent history. Writes send the version the user saw; a conflict shows the other person's values, reloads
 * the card with their version and keeps what the user typed so they can apply it again.
 */

import type { Customer, FieldErrors, HistoryEvent } from '../../../../src/domain/customer';
import type { SaveResult } from '../../../../src/domain/results';
import { runBusy } from '../../busy';
import { h, replaceChildren } from '../../dom';
import { failureMessage } from '../../failure';
import { pageMessages } from '../../results';
import { call } from '../../server';
import type { ViewContext } from '../context';
import { conflictNotice } from './conflict';
import { createDetails } from './details';
import { createEditForm } from './editForm';
import { createHistory } from './history';
import { createStatusForm } from './statusForm';

export interface CustomerView {
  readonly element: HTMLElement;
  focus(): void;
}

export function customerView(
  ctx: ViewContext,
  id: string,
  known?: Customer,
  knownHistory?: HistoryEvent[],
): CustomerView {
  const { banner } = ctx;
  const element = h('div', { class: 'card', tabindex: -1, 'aria-label': 'Customer card' });
  const details = createDetails();
  const conflictBox = h('div', { class: 'conflict-box' });
  const statusForm = createStatusForm(() => void updateStatus());
  const editForm = createEditForm(() => void saveEdits());
  const history = createHistory();
  let current: Customer | null = null;
  /** Only the newest history request may update the list. */
  let historyRequest = 0;
  /** The history shown, oldest first; a save appends the events it logged instead of reloading it. */
  let shownHistory: HistoryEvent[] = [];

  function showHistory(events: readonly HistoryEvent[]): void {
    shownHistory = [...events];
    history.update(shownHistory);
  }

  function setCustomer(next: Customer, keepTyped: boolean): void {
    const previous = current;
    current = next;
    details.update(next);
    statusForm.refresh(next, previous, keepTyped);
    editForm.refresh(next, previous, keepTyped);
  }

  function build(customer: Customer): void {
    replaceChildren(element, conflictBox, details.element, statusForm.element, editForm.element, history.element);
    setCustomer(customer, false);
  }

  /** Reloads history (and the customer, if someone saved a newer version) without disturbing the forms. */
  function refresh(): void {
    const request = ++historyRequest;
    history.loading();
    call('getCustomer', id).then(
      (result) => {
        if (request !== historyRequest) return;
        if (!result.ok) {
          history.failed(pageMessages(result.errors).join(' ') || 'History is not available.');
          return;
        }
        if (current && result.customer.version > current.version) setCustomer(result.customer, true);
        showHistory(result.history);
      },
      (error: unknown) => {
        if (request === historyRequest) history.failed(failureMessage('load the history', error));
      },
    );
  }

  async function firstLoad(retry?: HTMLButtonElement): Promise<void> {
    const load = () => call('getCustomer', id);
    const result = retry
      ? await runBusy(retry, 'Loading…', banner, 'load the customer', load)
      : await load().catch((error: unknown) => {
          banner.show('error', failureMessage('load the customer', error));
          return undefined;
        });
    if (!result) {
      const again = h('button', { type: 'button', class: 'secondary' }, 'Retry');
      again.addEventListener('click', () => void firstLoad(again));
      replaceChildren(element, h('p', { class: 'muted' }, 'The customer could not be loaded.'), again);
      return;
    }
    if (!result.ok) {
      const messages = pageMessages(result.errors);
      banner.show('error', messages.length > 0 ? messages : 'This customer could not be opened.');
      replaceChildren(element, h('p', { class: 'muted' }, 'This customer could not be opened.'));
      return;
    }
    build(result.customer);
    showHistory(result.history);
  }

  function showConflict(mine: Customer, theirs: Customer): void {
    const notice = conflictNotice(mine, theirs, () => replaceChildren(conflictBox));
    replaceChildren(conflictBox, notice);
    notice.focus();
  }

  /** Applies a write's result; `sent` is the customer as the user saw it when acting. */
  function afterSave(
    result: SaveResult | undefined,
    sent: Customer,
    showErrors: (errors: FieldErrors) => string[],
    success: (customer: Customer) => string,
  ): void {
    if (!result) return;
    if (result.ok) {
      replaceChildren(conflictBox);
      setCustomer(result.customer, false);
      banner.show('success', success(result.customer));
      // One call per user action: the save returned the History rows it wrote.
      if (result.events) {
        historyRequest++;
        showHistory([...shownHistory, ...result.events]);
      } else {
        refresh();
      }
    } else if ('conflict' in result && result.conflict) {
      setCustomer(result.conflict, true);
      showConflict(sent, result.conflict);
      refresh();
    } else {
      const messages = showErrors(result.errors ?? {});
      if (messages.length > 0) banner.show('error', messages);
    }
  }

  async function updateStatus(): Promise<void> {
    const sent = current;
    if (!sent) return;
    const status = statusForm.status();
    const note = statusForm.note();
    const lostReason = statusForm.lostReason();
    const reasonChanged = lostReason !== undefined && lostReason !== sent.lostReason;
    if (status === sent.status && note === '' && !reasonChanged) {
      statusForm.showErrors({ status: `It is already ${status}: choose another stage or add a note.` });
      return;
    }
    banner.clear();
    const result = await runBusy(statusForm.button, 'Updating…', banner, 'update the status', () =>
      // Apps Script cannot pass undefined in the middle: a note-less lost reason sends '' as the note.
      lostReason === undefined
        ? call('updateCustomerStatus', sent.id, status, sent.version, note || undefined)
        : call('updateCustomerStatus', sent.id, status, sent.version, note, lostReason),
    );
    afterSave(
      result,
      sent,
      (errors) => statusForm.showErrors(errors),
      (c) => (c.status === sent.status ? 'Note added.' : `Status updated to ${c.status}.`),
    );
  }

  async function saveEdits(): Promise<void> {
    const sent = current;
    if (!sent) return;
    const patch = editForm.patch(sent);
    if (Object.keys(patch).length === 0) {
      banner.show('info', 'Nothing to save: no field was changed.');
      return;
    }
    banner.clear();
    editForm.clearErrors();
    const result = await runBusy(editForm.button, 'Saving…', banner, 'save the changes', () =>
      call('updateCustomer', sent.id, patch, sent.version),
    );
    afterSave(
      result,
      sent,
      (errors) => {
        const messages = editForm.showErrors(errors);
        editForm.open();
        editForm.focusFirstInvalid();
        return messages;
      },
      () => 'Changes saved.',
    );
  }

  if (known && known.id === id) {
    build(known);
    if (knownHistory) showHistory(knownHistory);
    else refresh();
  } else {
    replaceChildren(element, h('p', { class: 'muted' }, 'Loading customer…'));
    void firstLoad();
  }

  return { element, focus: () => element.focus() };
}
