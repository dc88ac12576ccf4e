/** The card's "move to stage" form: status dropdown, optional note, "Update status" button. */

import type { Customer, FieldErrors } from '../../../../src/domain/customer';
import { h } from '../../dom';
import { pageMessages } from '../../results';
import { statusSelect } from '../../statusSelect';
import { lostReasonField } from './lostReasonField';

export interface StatusForm {
  readonly element: HTMLFormElement;
  readonly button: HTMLButtonElement;
  status(): string;
  note(): string;
  /** The Lost reason picked when the status is Closed-lost; undefined otherwise. */
  lostReason(): string | undefined;
  /**
   * Shows `current`. With keepTyped, a status the user picked and the note they wrote stay
   * (so they can re-apply them after a conflict); otherwise the form is reset.
   */
  refresh(current: Customer, previous: Customer | null, keepTyped: boolean): void;
  /** Shows status/note messages inline; returns the others (for the banner). */
  showErrors(errors: FieldErrors): string[];
}

export function createStatusForm(onSubmit: () => void): StatusForm {
  const select = statusSelect('card-status', '');
  const note = h('textarea', { id: 'card-note', name: 'note', rows: 2, 'aria-describedby': 'card-status-error' });
  const error = h('p', { class: 'field-error', id: 'card-status-error', hidden: true });
  select.setAttribute('aria-describedby', 'card-status-error');
  const lostReason = lostReasonField('card-lost-reason', 'card-status-error');
  let stored = '';
  select.addEventListener('change', () => lostReason.follow(select.value, stored));
  const button = h('button', { type: 'submit', class: 'primary' }, 'Update status');
  const element = h(
    'form',
    { class: 'section form', novalidate: true, 'aria-labelledby': 'card-status-title' },
    h('h3', { id: 'card-status-title' }, 'Pipeline stage'),
    h('div', { class: 'field' }, h('label', { for: 'card-status' }, 'Status'), select),
    lostReason.element,
    h('div', { class: 'field' }, h('label', { for: 'card-note' }, 'Note (optional)'), note),
    error,
    h('div', { class: 'actions' }, button),
  );

  function setError(message: string): void {
    error.textContent = message;
    error.hidden = message === '';
  }

  element.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  // Enter on the dropdown, or Ctrl/Cmd+Enter in the note, submits.
  select.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      element.requestSubmit();
    }
  });
  note.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      element.requestSubmit();
    }
  });
  element.addEventListener('input', () => setError(''));

  return {
    element,
    button,
    status: () => select.value,
    note: () => note.value.trim(),
    lostReason: () => lostReason.value(),
    refresh(current, previous, keepTyped) {
      const picked = previous !== null && select.value !== previous.status;
      if (!keepTyped || !picked) select.value = current.status;
      if (!keepTyped) note.value = '';
      stored = current.lostReason;
      lostReason.follow(select.value, stored);
      setError('');
    },
    showErrors(errors) {
      setError([errors.status, errors.lostReason, errors.note].filter((m): m is string => !!m).join(' '));
      if (errors.lostReason) lostReason.select.focus();
      return pageMessages(errors, ['status', 'lostReason', 'note']);
    },
  };
}
