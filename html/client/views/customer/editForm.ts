/** The card's "Edit details" form: the customer's fields; saving sends only the fields the user changed. */

import type { Customer, EditableKey, FieldErrors } from '../../../../src/domain/customer';
import type { CustomerInput } from '../../../../src/domain/results';
import { h } from '../../dom';
import { createCustomFieldSet, customText, withoutCustomErrors } from '../../customFields';
import { CUSTOMER_FIELDS, createFieldSet } from '../../fields';
import { inputText } from '../../format';

/** Status has its own form on the card. */
const EDIT_FIELDS = CUSTOMER_FIELDS.filter((spec) => spec.key !== 'status');

export interface EditForm {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  /** The fields whose text differs from `current`, as typed. */
  patch(current: Customer): CustomerInput;
  /** Shows `current`; with keepTyped, fields the user changed (compared with `previous`) keep their text. */
  refresh(current: Customer, previous: Customer | null, keepTyped: boolean): void;
  showErrors(errors: FieldErrors): string[];
  focusFirstInvalid(): boolean;
  clearErrors(): void;
  open(): void;
}

export function createEditForm(onSubmit: () => void): EditForm {
  const fields = createFieldSet('edit', EDIT_FIELDS, false);
  const button = h('button', { type: 'submit', class: 'primary' }, 'Save changes');
  const custom = createCustomFieldSet('edit', false);
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    fields.element,
    custom.element,
    h('div', { class: 'actions' }, button),
  );
  const element = h('details', { class: 'section edit' }, h('summary', {}, 'Edit details'), form);

  // The staff list is asked for when the form is first opened, not with every card.
  element.addEventListener('toggle', () => {
    if (!element.open) return;
    fields.loadStaff();
    void custom.load();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });

  const shown = (customer: Customer, key: EditableKey): string => inputText(customer[key]);
  const shownCustom = (customer: Customer, name: string): string =>
    customText(Object.getOwnPropertyDescriptor(customer.custom ?? {}, name)?.value);

  return {
    element,
    button,
    patch(current) {
      const patch: Record<string, unknown> = {};
      for (const spec of EDIT_FIELDS) {
        const text = fields.value(spec.key);
        if (text !== shown(current, spec.key)) patch[spec.key] = text;
      }
      const changed = Object.entries(custom.values()).filter(([name, text]) => text !== shownCustom(current, name));
      if (changed.length > 0) patch.custom = Object.fromEntries(changed);
      return patch;
    },
    refresh(current, previous, keepTyped) {
      for (const spec of EDIT_FIELDS) {
        const typed = previous !== null && fields.value(spec.key) !== shown(previous, spec.key);
        if (!keepTyped || !typed) fields.setValue(spec.key, shown(current, spec.key));
      }
      const typedCustom = (name: string): boolean =>
        keepTyped && previous !== null && custom.values()[name] !== shownCustom(previous, name);
      custom.setValues(current.custom ?? {}, typedCustom);
      if (!keepTyped) {
        fields.clearErrors();
        custom.clearErrors();
      }
    },
    showErrors: (errors) => [...fields.showErrors(withoutCustomErrors(errors)), ...custom.showErrors(errors)],
    focusFirstInvalid: () => fields.focusFirstInvalid() || custom.focusFirstInvalid(),
    clearErrors: () => {
      fields.clearErrors();
      custom.clearErrors();
    },
    open() {
      element.open = true;
    },
  };
}
