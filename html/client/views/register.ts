/**
 * Register view: the new-customer form. Field errors show inline (first invalid field focused), page-level
 * errors in the banner, probable duplicates in a warning with "Open" per duplicate and "Save anyway".
 */

import type { Customer } from '../../../src/domain/customer';
import type { CustomerInput } from '../../../src/domain/results';
import { runBusy } from '../busy';
import { h, replaceChildren } from '../dom';
import { createCustomFieldSet, withoutCustomErrors } from '../customFields';
import { CUSTOMER_FIELDS, createFieldSet } from '../fields';
import { call } from '../server';
import { customerSummary } from '../summary';
import type { ViewContext } from './context';
import { lostReasonField } from './customer/lostReasonField';
import { showFieldError } from '../fieldError';

export interface RegisterView {
  readonly element: HTMLElement;
  focus(): void;
}

export function registerView(ctx: ViewContext): RegisterView {
  const fields = createFieldSet('reg', CUSTOMER_FIELDS);
  const custom = createCustomFieldSet('reg');
  // Registering straight into Closed-lost needs a reason from Settings (SPEC "Lost reasons"): the dropdown follows
  // the Status field, right below it, and the server's errors.lostReason shows there instead of in the banner.
  const lost = lostReasonField('reg-lost-reason', 'reg-lost-reason-error');
  const lostError = h('p', { class: 'field-error', id: 'reg-lost-reason-error', hidden: true });
  lost.element.appendChild(lostError);
  const status = fields.control('status');
  status.closest('.field')?.after(lost.element);
  const setLostError = (message: string): void => showFieldError(lostError, lost.select, message);
  status.addEventListener('change', () => {
    lost.follow(status.value, '');
    setLostError('');
  });
  lost.select.addEventListener('change', () => setLostError(''));
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save customer');
  const duplicatesBox = h('div', { class: 'notice notice-warning', hidden: true, tabindex: -1, role: 'alert' });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'reg-title' },
    h('h2', { id: 'reg-title' }, 'Register customer'),
    fields.element,
    custom.element,
    duplicatesBox,
    h('div', { class: 'actions' }, submit, h('span', { class: 'hint' }, '* required')),
  );

  /** The form as CustomerInput: name and status always, other fields only when filled in. */
  function input(): CustomerInput {
    const result: Record<string, unknown> = {};
    for (const spec of CUSTOMER_FIELDS) {
      const text = fields.value(spec.key);
      if (spec.key === 'name' || spec.key === 'status' || text.trim() !== '') result[spec.key] = text;
    }
    // Custom fields only when filled in (an absent one is empty; a required one the server reports by name).
    const reason = lost.value();
    if (reason !== undefined) result.lostReason = reason;
    const filled = Object.entries(custom.values()).filter(([, text]) => text.trim() !== '');
    return filled.length === 0 ? result : { ...result, custom: Object.fromEntries(filled) };
  }

  function hideDuplicates(): void {
    duplicatesBox.hidden = true;
    replaceChildren(duplicatesBox);
  }

  function showDuplicates(duplicates: Customer[], messages: string[]): void {
    const saveAnyway = h('button', { type: 'button', class: 'secondary' }, 'Save anyway');
    saveAnyway.addEventListener('click', () => void save(saveAnyway, true));
    const list = h('ul', { class: 'duplicates' });
    for (const duplicate of duplicates) {
      const open = h('button', { type: 'button', class: 'link', 'aria-label': `Open ${duplicate.name}` }, 'Open');
      open.addEventListener('click', () => ctx.openCustomer(duplicate.id, duplicate));
      list.appendChild(h('li', {}, customerSummary(duplicate), open));
    }
    // The server's own message (errors.form) makes the title when it sent one.
    const [
      title = duplicates.length === 1
        ? 'This looks like a customer you already have:'
        : 'These look like customers you already have:',
      ...rest
    ] = messages;
    replaceChildren(
      duplicatesBox,
      h('p', { class: 'notice-title' }, title),
      ...rest.map((message) => h('p', {}, message)),
      list,
      h('div', { class: 'actions' }, saveAnyway),
    );
    duplicatesBox.hidden = false;
    duplicatesBox.focus();
  }

  async function save(button: HTMLButtonElement, allowDuplicate: boolean): Promise<void> {
    const data = input();
    if (allowDuplicate) data.allowDuplicate = true;
    ctx.banner.clear();
    fields.clearErrors();
    custom.clearErrors();
    setLostError('');
    const result = await runBusy(button, 'Saving…', ctx.banner, 'save the customer', () =>
      call('registerCustomer', data),
    );
    if (!result) return;
    if (result.ok) {
      ctx.openCustomer(result.customer.id, result.customer, result.events);
      return;
    }
    hideDuplicates();
    const { lostReason: lostMessage, ...errors } = result.errors ?? {};
    const lostShown = !lost.element.hidden;
    setLostError(lostShown ? (lostMessage ?? '') : '');
    const messages = [
      ...(lostMessage !== undefined && !lostShown ? [lostMessage] : []),
      ...fields.showErrors(withoutCustomErrors(errors)),
      ...custom.showErrors(errors),
    ];
    const duplicates = 'duplicates' in result && result.duplicates ? result.duplicates : [];
    if (duplicates.length > 0) showDuplicates(duplicates, messages);
    else if (messages.length > 0) ctx.banner.show('error', messages);
    const lostInvalid = lostMessage !== undefined && lostShown;
    if (lostInvalid && !fields.focusFirstInvalid()) lost.select.focus();
    if (
      !lostInvalid &&
      !fields.focusFirstInvalid() &&
      !custom.focusFirstInvalid() &&
      duplicates.length === 0 &&
      messages.length === 0
    ) {
      ctx.banner.show('error', 'The customer was not saved. Please check the form and try again.');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(submit, false);
  });
  // A changed form is a new question: the duplicate warning answered the previous one.
  form.addEventListener('input', hideDuplicates);

  return { element: form, focus: () => fields.control('name').focus() };
}
