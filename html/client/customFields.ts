/**
 * The custom fields of a form (SPEC "Version 2", Custom fields): one labelled control per field Set up applied,
 * built from listCustomFields() (asked once per page), each with its inline error slot keyed `custom.<name>` as the
 * server keys its messages. Text → text input, Number → decimal text input, Date → date input, Choice → dropdown
 * with an empty first option. Every value goes through h() / textContent: names and choices are shown as text.
 */

import type { CustomFormField } from '../../src/domain/customFields';
import type { CustomValue, CustomValues } from '../../src/domain/customFields/types';
import type { FieldErrors } from '../../src/domain/customer';
import { h, replaceChildren } from './dom';
import { call } from './server';
import { showFieldError } from './fieldError';

let loading: Promise<CustomFormField[]> | null = null;

/** The page's custom fields: [] when none are defined or the call failed (the form still works without them). */
export function loadCustomFields(): Promise<CustomFormField[]> {
  loading =
    loading ??
    call('listCustomFields').then(
      (result) => ('fields' in result ? result.fields : []),
      () => [],
    );
  return loading;
}

/** A stored value as its control's text ('' for none; a number as plain digits, which the server reads back). */
export function customText(value: CustomValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function isCustomErrorKey(key: string): boolean {
  return key.startsWith('custom.');
}

type CustomControl = HTMLInputElement | HTMLSelectElement;

export interface CustomFieldSet {
  readonly element: HTMLElement;
  /** Asks for the fields and builds the controls (once; later calls return the same promise). */
  load(): Promise<void>;
  /** Each field's text by name (every field shown). */
  values(): Record<string, string>;
  setValues(custom: Readonly<CustomValues>, keep?: (name: string) => boolean): void;
  /** Shows `custom.<name>` messages under their controls; returns those of fields not shown (for the banner). */
  showErrors(errors: FieldErrors): string[];
  clearErrors(): void;
  focusFirstInvalid(): boolean;
  control(name: string): CustomControl | undefined;
}

function makeControl(field: CustomFormField, id: string, errorId: string): CustomControl {
  const common = {
    id,
    name: field.key,
    'aria-describedby': errorId,
    'aria-required': field.required ? 'true' : null,
  };
  switch (field.kind) {
    case 'choice':
      return h(
        'select',
        common,
        h('option', { value: '' }, field.required ? 'Choose…' : '—'),
        ...field.choices.map((choice) => h('option', { value: choice }, choice)),
      );
    case 'date':
      return h('input', { ...common, type: 'date', autocomplete: 'off' });
    case 'decimal':
      return h('input', { ...common, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    default:
      return h('input', { ...common, type: 'text', autocomplete: 'off' });
  }
}

/**
 * `idPrefix`-custom-<n> ids (n = the field's position: a name may hold any character, an id should not).
 * `loadNow`: ask for the fields at once (else on load(), as the card's edit form does when first opened).
 */
export function createCustomFieldSet(idPrefix: string, loadNow = true): CustomFieldSet {
  const element = h('div', { class: 'fields custom-fields' });
  const controls = new Map<string, CustomControl>();
  const slots = new Map<string, HTMLElement>();
  let fields: CustomFormField[] = [];
  let pending: { custom: Readonly<CustomValues>; keep?: (name: string) => boolean } | null = null;

  function setError(name: string, message: string): void {
    const slot = slots.get(name);
    const control = controls.get(name);
    if (slot && control) showFieldError(slot, control, message);
  }

  function apply(custom: Readonly<CustomValues>, keep?: (name: string) => boolean): void {
    for (const [name, control] of controls) {
      if (keep?.(name)) continue;
      const own = Object.getOwnPropertyDescriptor(custom, name);
      control.value = customText(own?.value as CustomValue | undefined);
    }
  }

  let built: Promise<void> | null = null;
  const build = (loaded: CustomFormField[]): void => {
    fields = loaded;
    const rows = loaded.map((field, i) => {
      const id = `${idPrefix}-custom-${i}`;
      const errorId = `${id}-error`;
      const control = makeControl(field, id, errorId);
      const error = h('p', { class: 'field-error', id: errorId, hidden: true });
      controls.set(field.name, control);
      slots.set(field.name, error);
      control.addEventListener('input', () => setError(field.name, ''));
      control.addEventListener('change', () => setError(field.name, ''));
      const label = h(
        'label',
        { for: id },
        field.name,
        field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
      );
      return h('div', { class: 'field' }, label, control, error);
    });
    replaceChildren(element, ...rows);
    if (pending) apply(pending.custom, pending.keep);
  };
  const load = (): Promise<void> => {
    built = built ?? loadCustomFields().then(build);
    return built;
  };
  if (loadNow) void load();

  return {
    element,
    load,
    values() {
      const out: Record<string, string> = {};
      for (const [name, control] of controls) out[name] = control.value;
      return out;
    },
    setValues(custom, keep) {
      pending = keep === undefined ? { custom } : { custom, keep };
      apply(custom, keep);
    },
    showErrors(errors) {
      const unplaced: string[] = [];
      for (const field of fields) setError(field.name, '');
      for (const [key, message] of Object.entries(errors)) {
        if (!isCustomErrorKey(key)) continue;
        const name = key.slice('custom.'.length);
        if (slots.has(name)) setError(name, message);
        else unplaced.push(message);
      }
      return unplaced;
    },
    clearErrors() {
      for (const field of fields) setError(field.name, '');
    },
    focusFirstInvalid() {
      for (const control of controls.values()) {
        if (control.getAttribute('aria-invalid') === 'true') {
          control.focus();
          return true;
        }
      }
      return false;
    },
    control: (name) => controls.get(name),
  };
}

/** `errors` without the custom fields' keys (what the fixed field set and the banner show). */
export function withoutCustomErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) if (!isCustomErrorKey(key)) out[key] = message;
  return out;
}
