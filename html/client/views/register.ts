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

export interface RegisterView {
  readonly element: HTMLElement;
  focus(): void;
}

export function registerView(ctx: ViewContext): RegisterView {
  const fields = createFieldSet('reg', CUSTOMER_FIELDS);
  const custom = createCustomFieldSet('reg');
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
    const result = await runBusy(button, 'Saving…', ctx.banner, 'save the customer', () =>
      call('registerCustomer', data),
    );
    if (!result) return;
    if (result.ok) {
      ctx.openCustomer(result.customer.id, result.customer, result.events);
      return;
    }
    hideDuplicates();
    const errors = result.errors ?? {};
    const messages = [...fields.showErrors(withoutCustomErrors(errors)), ...custom.showErrors(errors)];
    const duplicates = 'duplicates' in result && result.duplicates ? result.duplicates : [];
    if (duplicates.length > 0) showDuplicates(duplicates, messages);
    else if (messages.length > 0) ctx.banner.show('error', messages);
    if (
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
