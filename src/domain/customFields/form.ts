/**
 * What the sidebar's register and edit forms need to show custom fields: one control per definition, keyed
 * `custom.<name>` like the errors the server returns for it (so a message lands under its control), and each value
 * as the text a control holds. Pure and free of the DOM: html/client builds the controls from it in phase 2.
 */

import { customErrorKey } from './validation';
import type { CustomFieldDefinition, CustomValue } from './types';

/** The control a type gets: the same kinds the fixed fields use (Deal value's decimal, Next step due's date). */
export type CustomControlKind = 'text' | 'decimal' | 'date' | 'choice';

export interface CustomFormField {
  /** `custom.<name>`: the control's name and the key of its error message. */
  key: string;
  /** The field's name: the label shown and the key of its value in `custom`. */
  name: string;
  kind: CustomControlKind;
  required: boolean;
  /** Choice only: the dropdown's options after an empty one (a Choice may be left empty unless required). */
  choices: string[];
}

const CONTROL_KINDS: Readonly<Record<CustomFieldDefinition['type'], CustomControlKind>> = {
  Text: 'text',
  Number: 'decimal',
  Date: 'date',
  Choice: 'choice',
};

/** One form field per definition, in the Settings table's order (the order of the Customers columns). */
export function customFormFields(definitions: readonly CustomFieldDefinition[]): CustomFormField[] {
  return definitions.map((d) => ({
    key: customErrorKey(d.name),
    name: d.name,
    kind: CONTROL_KINDS[d.type],
    required: d.required,
    choices: [...d.choices],
  }));
}

/** A stored value as its control's text: '' for no value, a number as plain digits (what the server reads back). */
export function customControlText(value: CustomValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
