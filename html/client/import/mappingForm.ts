/**
 * The column mapping step: one row per CRM field with a dropdown of the Import tab's columns ("C · Tel") or
 * "— not imported —", pre-set from the server's proposal, with a few sample values of the chosen column under
 * it, and the first rows of the tab in a scrollable table. Problems the sidebar can see by itself (one column
 * chosen for two fields, no name column) are shown inline at once; the server checks the mapping again.
 */

import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type ImportField,
  type ImportMapping,
  type ImportMappingProposal,
} from '../../../src/domain/import/types';
import { h, replaceChildren } from '../dom';
import { columnLetter, plural } from './text';
import { showFieldError } from '../fieldError';

/** Sample values shown under a dropdown, each cut to this many characters. */
const SAMPLE_VALUES = 3;
const SAMPLE_CHARS = 28;

const HINTS: Partial<Record<ImportField, string>> = {
  firstName: 'Used when there is no Name column (or its cell is empty).',
  lastName: 'Joined after the first name.',
};

export interface MappingForm {
  readonly element: HTMLElement;
  /** The mapping as chosen now (every field; null = not imported). */
  mapping(): ImportMapping;
  /**
   * The custom fields' columns as chosen now (field name → column; null = not imported); undefined when no custom
   * field is defined (the request then stays as it was before custom fields).
   */
  customMapping(): Record<string, number | null> | undefined;
  /** Shows the problems inline; true when there are none. */
  validate(): boolean;
  /** Focuses the first dropdown showing a problem; false when none does. */
  focusFirstInvalid(): boolean;
  setDisabled(disabled: boolean): void;
  /** Called after the admin changes any dropdown. */
  onChange(listener: () => void): void;
}

function columnLabel(index: number, header: string): string {
  const text = header.trim();
  return `${columnLetter(index)} · ${text === '' ? '(no header)' : text}`;
}

function cut(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > SAMPLE_CHARS ? `${clean.slice(0, SAMPLE_CHARS - 1)}…` : clean;
}

/** A row of the form: a fixed field, or a custom field by its key `custom:<name>`. */
type RowKey = ImportField | `custom:${string}`;

export function createMappingForm(proposal: ImportMappingProposal): MappingForm {
  const selects = new Map<RowKey, HTMLSelectElement>();
  const errors = new Map<RowKey, HTMLElement>();
  const samples = new Map<RowKey, HTMLElement>();
  const labels = new Map<RowKey, string>();
  const listeners: Array<() => void> = [];
  const fieldset = h('fieldset', { class: 'import-mapping' }, h('legend', {}, 'Which column feeds each field?'));
  // Custom fields (SPEC "Version 2") after the fixed ones; ids by position, as a field name may hold any character.
  const customFields = proposal.customFields ?? [];
  const customKeys = customFields.map((f): RowKey => `custom:${f.name}`);
  const rows: { key: RowKey; id: string; label: string; proposed: number | null | undefined }[] = [
    ...IMPORT_FIELDS.map((field) => ({
      key: field as RowKey,
      id: `map-${field}`,
      label: IMPORT_FIELD_LABELS[field],
      proposed: proposal.mapping[field],
    })),
    ...customFields.map((f, i) => ({
      key: customKeys[i] as RowKey,
      id: `map-custom-${i}`,
      label: f.name,
      proposed: f.column,
    })),
  ];
  const allKeys = rows.map((r) => r.key);

  for (const { key: field, id, label, proposed } of rows) {
    const errorId = `${id}-error`;
    const sampleId = `${id}-sample`;
    const select = h('select', { id, name: id, 'aria-describedby': `${sampleId} ${errorId}` });
    select.appendChild(h('option', { value: '' }, '— not imported —'));
    proposal.headers.forEach((header, index) => {
      select.appendChild(h('option', { value: String(index) }, columnLabel(index, header)));
    });
    select.value = proposed === null || proposed === undefined ? '' : String(proposed);
    const sample = h('p', { class: 'map-sample hint', id: sampleId });
    const error = h('p', { class: 'field-error', id: errorId, hidden: true });
    const required = field === 'name' ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null;
    const hint = HINTS[field as ImportField];
    fieldset.appendChild(
      h(
        'div',
        { class: 'field map-field', 'data-field': field },
        h('label', { for: id }, label, required),
        select,
        hint ? h('p', { class: 'hint' }, hint) : null,
        sample,
        error,
      ),
    );
    selects.set(field, select);
    labels.set(field, label);
    errors.set(field, error);
    samples.set(field, sample);
    select.addEventListener('change', () => {
      showSample(field);
      validate();
      for (const listener of listeners) listener();
    });
  }

  function columnOf(field: RowKey): number | null {
    const value = selects.get(field)?.value ?? '';
    return value === '' ? null : Number(value);
  }

  function showSample(field: RowKey): void {
    const slot = samples.get(field);
    if (!slot) return;
    const column = columnOf(field);
    const values =
      column === null
        ? []
        : proposal.sample
            .map((row) => row[column] ?? '')
            .filter((text) => text.trim() !== '')
            .slice(0, SAMPLE_VALUES)
            .map(cut);
    slot.textContent =
      values.length > 0 ? `e.g. ${values.join(' · ')}` : column === null ? '' : 'No values in the first rows.';
    slot.hidden = slot.textContent === '';
  }

  function setError(field: RowKey, message: string): void {
    const slot = errors.get(field);
    const select = selects.get(field);
    if (slot && select) showFieldError(slot, select, message);
  }

  function mapping(): ImportMapping {
    const result = {} as ImportMapping;
    for (const field of IMPORT_FIELDS) result[field] = columnOf(field);
    return result;
  }

  function customMapping(): Record<string, number | null> | undefined {
    if (customFields.length === 0) return undefined;
    const result: Record<string, number | null> = {};
    customFields.forEach((f, i) => {
      result[f.name] = columnOf(customKeys[i] as RowKey);
    });
    return result;
  }

  function validate(): boolean {
    const chosen = mapping();
    const byColumn = new Map<number, RowKey[]>();
    for (const field of allKeys) {
      const column = columnOf(field);
      if (column !== null) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
    }
    let ok = true;
    for (const field of allKeys) {
      const column = columnOf(field);
      const others = column === null ? [] : (byColumn.get(column) ?? []).filter((f) => f !== field);
      let message = '';
      if (others.length > 0) {
        message = `Column ${columnLetter(column as number)} is also chosen for ${others.map((f) => labels.get(f) ?? f).join(' and ')}: choose one column per field.`;
      } else if (field === 'name' && chosen.name === null && chosen.firstName === null && chosen.lastName === null) {
        message = 'Choose the column with the customer name (or the First name and Last name columns).';
      }
      if (message !== '') ok = false;
      setError(field, message);
    }
    return ok;
  }

  const table = h('table', { class: 'import-sample' });
  replaceChildren(
    table,
    h(
      'thead',
      {},
      h('tr', {}, ...proposal.headers.map((header, index) => h('th', { scope: 'col' }, columnLabel(index, header)))),
    ),
    h(
      'tbody',
      {},
      ...proposal.sample.map((row) =>
        h('tr', {}, ...proposal.headers.map((_, index) => h('td', {}, row[index] ?? ''))),
      ),
    ),
  );
  const preview = h(
    'details',
    { class: 'import-sample-box' },
    h('summary', {}, `First ${plural(proposal.sample.length, 'row')} of the Import tab`),
    h(
      'div',
      { class: 'import-sample-scroll', tabindex: 0, role: 'region', 'aria-label': 'First rows of the Import tab' },
      table,
    ),
  );

  const element = h(
    'div',
    { class: 'import-mapping-step' },
    h(
      'p',
      { class: 'hint import-found' },
      `Header: row ${proposal.headerRow} of the Import tab, ${plural(proposal.rowCount, 'row')} below it. Fields marked * are required.`,
    ),
    fieldset,
    proposal.sample.length > 0 ? preview : null,
  );
  for (const field of allKeys) showSample(field);
  validate();

  return {
    element,
    mapping,
    customMapping,
    validate,
    focusFirstInvalid() {
      const first = allKeys.find((field) => selects.get(field)?.getAttribute('aria-invalid') === 'true');
      if (!first) return false;
      selects.get(first)?.focus();
      return true;
    },
    setDisabled(disabled) {
      fieldset.disabled = disabled;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
