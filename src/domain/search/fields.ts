/**
 * The searched fields of one customer row (name, company, e-mail, phone and the Text/Choice custom fields), read
 * once from the raw cells, with their folded forms computed on first use; and the rank constants that order them.
 */

import { foldText } from '../text';

/** Where each searched field is in a row of a SearchSource. */
export interface SearchColumns {
  id: number;
  name: number;
  company: number;
  email: number;
  phone: number;
  status: number;
  owner: number;
  /**
   * The Text and Choice custom fields' columns (SPEC "Version 2": search matches them). Together they are one
   * searched field, ranked after phone: a word found in any of them matches, and the best of their values ranks.
   */
  custom?: readonly number[];
}

/**
 * Field order is rank order for equal kinds of match: name, company, e-mail, phone, then the custom fields (a
 * name, company, e-mail or phone match outranks a custom-field match of the same kind).
 */
export const FIELD_NAME = 0;
export const FIELD_COMPANY = 1;
export const FIELD_EMAIL = 2;
export const FIELD_PHONE = 3;
export const FIELD_CUSTOM = 4;
export const FIELD_COUNT = 5;

/** Kinds of match, best first; a customer's rank is kind * FIELD_COUNT + field (lower is better). */
export const KIND_EXACT = 0;
export const KIND_PREFIX = 1;
export const KIND_WORD_PREFIX = 2;
export const KIND_SUBSTRING = 3;
/** Ranks from here on: the words were found spread over several fields, not the whole query in one. */
export const SPREAD_RANK_BASE = (KIND_SUBSTRING + 1) * FIELD_COUNT;

/**
 * The customer being examined: its searched fields read once, folded forms computed on first use. One instance is
 * reused for every candidate row (reloaded, not reallocated), because most never need any field folded. Plain
 * properties rather than arrays of fields: each Apps Script call runs this cold, mostly in V8's interpreter, where
 * every extra call per customer shows. The custom values are kept apart (not appended to another field), so each
 * is matched and ranked as a whole value of its own.
 */
export class Row {
  name = '';
  company = '';
  email = '';
  phone = '';
  /** The row's non-empty custom Text/Choice values, the first `customCount` entries (the array is reused). */
  readonly custom: string[] = [];
  customCount = 0;
  private folded0: string | undefined;
  private folded1: string | undefined;
  private folded2: string | undefined;
  private folded3: string | undefined;
  private readonly foldedCustom: (string | undefined)[] = [];

  /** Reads the row's fields; a cell that is not a string (rare) goes through `text`. */
  load(cells: readonly unknown[], columns: SearchColumns, text: (cell: unknown) => string): void {
    const name = cells[columns.name];
    const company = cells[columns.company];
    const email = cells[columns.email];
    const phone = cells[columns.phone];
    this.name = typeof name === 'string' ? name : text(name);
    this.company = typeof company === 'string' ? company : text(company);
    this.email = typeof email === 'string' ? email : text(email);
    this.phone = typeof phone === 'string' ? phone : text(phone);
    this.folded0 = this.folded1 = this.folded2 = this.folded3 = undefined;
    let count = 0;
    const custom = columns.custom;
    if (custom !== undefined) {
      for (let i = 0; i < custom.length; i++) {
        const cell = cells[custom[i] as number];
        const value = typeof cell === 'string' ? cell : text(cell);
        if (value === '') continue;
        this.custom[count] = value;
        this.foldedCustom[count] = undefined;
        count++;
      }
    }
    this.customCount = count;
  }

  /** The raw text of name, company, e-mail or phone. */
  raw(field: number): string {
    return field === FIELD_NAME
      ? this.name
      : field === FIELD_COMPANY
        ? this.company
        : field === FIELD_EMAIL
          ? this.email
          : this.phone;
  }

  /** The folded text of name, company, e-mail or phone. */
  folded(field: number): string {
    switch (field) {
      case FIELD_NAME:
        this.folded0 ??= foldText(this.name);
        return this.folded0;
      case FIELD_COMPANY:
        this.folded1 ??= foldText(this.company);
        return this.folded1;
      case FIELD_EMAIL:
        this.folded2 ??= foldText(this.email);
        return this.folded2;
      default:
        this.folded3 ??= foldText(this.phone);
        return this.folded3;
    }
  }

  /** The folded text of the custom value `index` (< customCount). */
  foldedCustomValue(index: number): string {
    let folded = this.foldedCustom[index];
    if (folded === undefined) {
      folded = foldText(this.custom[index] as string);
      this.foldedCustom[index] = folded;
    }
    return folded;
  }
}
