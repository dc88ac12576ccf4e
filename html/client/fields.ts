/**
 * Labelled customer form fields with inline, field-level error messages (aria-invalid + aria-describedby).
 * Used by the register form and the card's "Edit details" form; field keys are the CustomerInput keys.
 */

import type { EditableKey, FieldErrors } from '../../src/domain/customer';
import { DEFAULT_STATUS } from '../../src/domain/statuses';
import { h } from './dom';
import { pageMessages } from './results';
import { ownerSelect, type OwnerSelect } from './staff';
import { statusSelect } from './statusSelect';
import { showFieldError } from './fieldError';

export interface FieldSpec {
  key: EditableKey;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'decimal' | 'status' | 'textarea' | 'owner' | 'date';
  required?: boolean;
  autocomplete?: string;
}

/** Every editable customer field, in form order. */
export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true, autocomplete: 'name' },
  { key: 'company', label: 'Company', kind: 'text', autocomplete: 'organization' },
  { key: 'email', label: 'E-mail', kind: 'email', autocomplete: 'email' },
  { key: 'phone', label: 'Phone', kind: 'tel', autocomplete: 'tel' },
  { key: 'status', label: 'Status', kind: 'status' },
  { key: 'dealValue', label: 'Deal value', kind: 'decimal' },
  { key: 'owner', label: 'Owner', kind: 'owner' },
  { key: 'nextStep', label: 'Next step', kind: 'text' },
  { key: 'nextStepDue', label: 'Next step due', kind: 'date' },
  { key: 'source', label: 'Source', kind: 'text' },
  { key: 'notes', label: 'Notes', kind: 'textarea' },
];

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldSet {
  /** The fields, to put inside a <form novalidate>. */
  readonly element: HTMLElement;
  readonly specs: readonly FieldSpec[];
  control(key: EditableKey): Control;
  value(key: EditableKey): string;
  setValue(key: EditableKey, text: string): void;
  /** Shows field messages inline; returns the messages that belong to no field (for the banner). */
  showErrors(errors: FieldErrors): string[];
  clearErrors(): void;
  /** Focuses the first field (in form order) showing an error; false when none does. */
  focusFirstInvalid(): boolean;
  /** Fills the Owner dropdown from the staff list (once; a no-op when it already asked). */
  loadStaff(): void;
}

function makeControl(
  spec: FieldSpec,
  id: string,
  errorId: string,
  owners: Map<EditableKey, OwnerSelect>,
  staffNow: boolean,
): Control {
  const common = { id, name: spec.key, 'aria-describedby': errorId, 'aria-required': spec.required ? 'true' : null };
  switch (spec.kind) {
    case 'owner': {
      const owner = ownerSelect(common, staffNow);
      owners.set(spec.key, owner);
      return owner.element;
    }
    case 'date':
      // A date input's value is 'YYYY-MM-DD' or '' (the API's nextStepDue format); the browser shows it localised.
      return h('input', { ...common, type: 'date', autocomplete: 'off' });
    case 'status': {
      const select = statusSelect(id, DEFAULT_STATUS);
      select.name = spec.key;
      select.setAttribute('aria-describedby', errorId);
      return select;
    }
    case 'textarea':
      return h('textarea', { ...common, rows: 3 });
    case 'decimal':
      return h('input', { ...common, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    default:
      return h('input', {
        ...common,
        type: spec.kind,
        autocomplete: spec.autocomplete ?? 'off',
        spellcheck: spec.kind === 'text' ? null : 'false',
      });
  }
}

/** `staffNow`: the Owner dropdown asks for the staff list at once (else on `loadStaff()`). */
export function createFieldSet(idPrefix: string, specs: readonly FieldSpec[], staffNow = true): FieldSet {
  const controls = new Map<EditableKey, Control>();
  const errorSlots = new Map<EditableKey, HTMLElement>();
  const owners = new Map<EditableKey, OwnerSelect>();
  const element = h('div', { class: 'fields' });

  for (const spec of specs) {
    const id = `${idPrefix}-${spec.key}`;
    const errorId = `${id}-error`;
    const control = makeControl(spec, id, errorId, owners, staffNow);
    const error = h('p', { class: 'field-error', id: errorId, hidden: true });
    const label = h(
      'label',
      { for: id },
      spec.label,
      spec.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
    );
    element.appendChild(h('div', { class: 'field' }, label, control, error));
    controls.set(spec.key, control);
    errorSlots.set(spec.key, error);
    // Editing a field takes its (now outdated) message away (a select or date input may only fire change).
    control.addEventListener('input', () => setError(spec.key, ''));
    control.addEventListener('change', () => setError(spec.key, ''));
    if (control instanceof HTMLTextAreaElement) {
      // Enter adds a line in a text area; Ctrl/Cmd+Enter submits the form.
      control.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          control.form?.requestSubmit();
        }
      });
    }
  }

  function control(key: EditableKey): Control {
    const found = controls.get(key);
    if (!found) throw new Error(`No field ${key}`);
    return found;
  }

  function setError(key: EditableKey, message: string): void {
    const slot = errorSlots.get(key);
    if (slot) showFieldError(slot, control(key), message);
  }

  return {
    element,
    specs,
    control,
    value: (key) => control(key).value,
    setValue: (key, text) => {
      const owner = owners.get(key);
      if (owner) owner.setValue(text);
      else control(key).value = text;
    },
    showErrors(errors) {
      for (const spec of specs) setError(spec.key, errors[spec.key] ?? '');
      return pageMessages(
        errors,
        specs.map((s) => s.key),
      );
    },
    clearErrors() {
      for (const spec of specs) setError(spec.key, '');
    },
    loadStaff() {
      for (const owner of owners.values()) owner.load();
    },
    focusFirstInvalid() {
      const first = specs.find((spec) => control(spec.key).getAttribute('aria-invalid') === 'true');
      if (!first) return false;
      control(first.key).focus();
      return true;
    },
  };
}
