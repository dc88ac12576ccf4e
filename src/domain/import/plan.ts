/**
 * The import planner: for one batch of rows of the Import tab, decides row by row what happens — a new
 * customer (validated exactly like registerCustomer), a skip with a sentence saying why, a probable duplicate
 * of the CRM or of an earlier import row (skipped, or merged into it when asked), or a blank line (ignored).
 * Pure and deterministic: the server writes what it returns, and tests check it without a spreadsheet.
 */

import { EDITABLE_KEYS, type Customer, type CustomerFields, type EditableKey } from '../customer';
import { ownCustomValue } from '../customFields/types';
import { fieldLabel, validateNewCustomer } from '../validation';
import { DuplicateIndex, matchReason } from './duplicateIndex';
import { isBlankRow, isRepeatedHeader, type ImportSheet } from './sheet';
import { readImportStatus } from './statusSynonyms';
import { DEFAULT_STATUS } from '../statuses';
import { columnLetter } from '../columns';
import type { CustomFieldDefinition, CustomValues } from '../customFields';
import { type CustomColumn, customImportColumns, readCustomCells, requiredMissingWarning } from './customColumns';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORTED_KEYS,
  type DuplicateMode,
  type DuplicateRow,
  type ImportField,
  type ImportedKey,
  type ImportMapping,
  type ImportPlan,
  type PlannedMerge,
  type SkippedRow,
} from './types';
import { cellText, type DateFormatter, isoDateText, oneLine, readAmount, spreadsheetError, tidyEmail } from './values';

/** Source of an imported customer whose row names none: says where the record came from. */
export const DEFAULT_IMPORT_SOURCE = 'Import';

/**
 * At most this many existing customers are rewritten by merges in one batch; the batch ends early (nextOffset
 * says where) rather than risk the 6-minute limit: a merge writes only the cells it fills and its stamp, so each
 * merged customer costs a few writes (fewer when customers in consecutive rows fill the same fields).
 */
export const MAX_MERGED_CUSTOMERS_PER_BATCH = 300;

export interface PlanOptions {
  mapping: ImportMapping;
  duplicates: DuplicateMode;
  /** 0-based index into sheet.rows of the batch's first row. */
  offset: number;
  /** Rows in the batch (blank lines count). */
  limit: number;
  /**
   * Also plan the rows before `offset`, without reporting them, so rows of earlier batches count as "earlier
   * import rows". A dry run needs it (earlier dry batches wrote nothing); a real run does not (earlier batches
   * are in the CRM by now, so they are found there).
   */
  replayEarlierRows?: boolean;
  maxMergedCustomers?: number;
  formatDate?: DateFormatter;
  /** Custom fields with a Customers column: a column whose header names one feeds it (customColumns.ts). */
  customFields?: readonly CustomFieldDefinition[];
  /** The columns feeding custom fields as the admin chose them (validateCustomMapping); absent → by header. */
  customColumns?: readonly CustomColumn[];
}

/** Fields a merge may fill. Name always has a value; Status is never taken from a duplicate row. */
const FILLABLE: readonly EditableKey[] = ['company', 'email', 'phone', 'dealValue', 'owner', 'source', 'notes'];

type RowRead =
  | { ok: true; fields: CustomerFields; given: ReadonlySet<EditableKey>; warnings: string[] }
  | { ok: false; messages: string[] };

interface Pending {
  row: number;
  fields: CustomerFields;
  given: ReadonlySet<EditableKey>;
  reported: boolean;
  /** Custom values of a new customer (every defined field); a later duplicate row may fill its empty ones. */
  custom: CustomValues;
  /** Optional cells left empty because they could not be read (SPEC importCustomers: reported in `warnings`). */
  warnings: string[];
}

type Target = { kind: 'crm'; index: number; customer: Customer } | { kind: 'row'; pending: Pending };

function cellOf(row: readonly unknown[], column: number | null): unknown {
  return column === null ? undefined : row[column];
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The customer field an import field feeds (First/Last name feed Name). */
function customerKey(field: ImportField): EditableKey {
  return field === 'firstName' || field === 'lastName' ? 'name' : field;
}

/**
 * Mapped cells showing a spreadsheet error (#REF!, #ERROR!…), by the customer field they feed. Without this a
 * failed formula in the name column would become a customer called "#REF!", and a phone "+1 …" that Sheets
 * read as a formula would be reported as bad characters instead of as what it is.
 */
function errorCells(row: readonly unknown[], mapping: ImportMapping): Map<EditableKey, string[]> {
  const found = new Map<EditableKey, string[]>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    const error = spreadsheetError(cellOf(row, column));
    if (column === null || error === null) continue;
    const key = customerKey(field);
    const message =
      `${IMPORT_FIELD_LABELS[field]} (column ${columnLetter(column + 1)}) shows the spreadsheet error ${error}, not a value ` +
      '(a formula that failed; text typed with a leading + or = becomes a formula).';
    found.set(key, [...(found.get(key) ?? []), message]);
  }
  return found;
}

/**
 * One data row → validated fields, or why it cannot be a customer. Single-line fields lose line breaks; e-mail
 * cells lose "mailto:" and "Name <…>"; statuses and amounts are read tolerantly (statusSynonyms, the CRM's one
 * amount parser); then validateNewCustomer applies the same rules as the sidebar. A cell showing a spreadsheet
 * error is reported as such (and that field's other checks are not).
 *
 * Only the name decides whether the row is a customer: a bad optional value (an e-mail like "jose@ramirez", a
 * phone cell showing #ERROR!, an amount, a status) is left empty, the row is imported, and the cell is reported
 * in `warnings` (SPEC importCustomers). A bad or missing name is every problem of the row, reported as a skip.
 */
export function readImportRow(
  row: readonly unknown[],
  mapping: ImportMapping,
  formatDate: DateFormatter = isoDateText,
): RowRead {
  const text = (column: number | null): string => cellText(cellOf(row, column), formatDate);
  let name = oneLine(text(mapping.name));
  if (name === '') {
    name = [oneLine(text(mapping.firstName)), oneLine(text(mapping.lastName))].filter((part) => part !== '').join(' ');
  }
  const status = readImportStatus(cellOf(row, mapping.status), formatDate);
  const amount = readAmount(cellOf(row, mapping.dealValue));
  const source = oneLine(text(mapping.source));
  const input: Record<ImportedKey, unknown> = {
    name,
    company: oneLine(text(mapping.company)),
    email: tidyEmail(oneLine(text(mapping.email))),
    phone: oneLine(text(mapping.phone)),
    status: status.ok && status.status !== null ? status.status : undefined,
    dealValue: amount.ok ? amount.value : null,
    owner: oneLine(text(mapping.owner)),
    source: source === '' ? DEFAULT_IMPORT_SOURCE : source,
    notes: text(mapping.notes),
  };
  const valid = validateNewCustomer(input);
  const errors = valid.ok ? {} : valid.errors;
  const errorsShown = errorCells(row, mapping);
  const problems = new Map<ImportedKey, string[]>();
  for (const key of IMPORTED_KEYS) {
    const shown = errorsShown.get(key);
    if (shown !== undefined) problems.set(key, shown);
    else if (key === 'status' && !status.ok) problems.set(key, [status.message]);
    else if (key === 'dealValue' && !amount.ok) problems.set(key, [amount.message]);
    else if (errors[key] !== undefined) problems.set(key, [errors[key] as string]);
  }
  // Any error outside the fields would be a bug here; it is still reported rather than lost.
  const strays = Object.entries(errors)
    .filter(([key]) => !(EDITABLE_KEYS as readonly string[]).includes(key))
    .map(([, message]) => message);
  const nameProblems = problems.get('name');
  if (nameProblems !== undefined || strays.length > 0) {
    return { ok: false, messages: [...[...problems.values()].flat(), ...strays] };
  }

  const warnings: string[] = [];
  for (const [key, messages] of problems) {
    input[key] = EMPTY_VALUE[key];
    const outcome = key === 'status' ? `as ${DEFAULT_STATUS}` : `with ${fieldLabel(key)} left empty`;
    warnings.push(`${messages.join(' ')} Imported ${outcome}.`);
  }
  const checked = problems.size === 0 && valid.ok ? valid : validateNewCustomer(input);
  // Emptied fields are valid by construction; should one not be, the row is skipped with every reason.
  if (!checked.ok) return { ok: false, messages: [...warnings, ...Object.values(checked.errors)] };
  const given = new Set<EditableKey>();
  for (const key of IMPORTED_KEYS) {
    if (key === 'source' ? source !== '' : !isEmptyValue(input[key])) given.add(key);
  }
  return { ok: true, fields: checked.value, given, warnings };
}

/** What a field holds when its cell could not be read: empty (Status empty = the default stage, Lead). */
const EMPTY_VALUE: Readonly<Record<ImportedKey, unknown>> = {
  name: '',
  company: '',
  email: '',
  phone: '',
  status: undefined,
  dealValue: null,
  owner: '',
  source: DEFAULT_IMPORT_SOURCE,
  notes: '',
};

/** Customer or row text inside a reason, cut so one 200-character name does not make a paragraph. */
function shortText(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

function describeTarget(target: Target): string {
  if (target.kind === 'row') return `row ${target.pending.row} (${shortText(target.pending.fields.name)})`;
  const c = target.customer;
  const company = c.company.trim() === '' ? '' : ` (${shortText(c.company)})`;
  return `${c.id} ${shortText(c.name)}${company}`;
}

function currentFields(target: Target): CustomerFields {
  return target.kind === 'crm' ? target.customer : target.pending.fields;
}

/** Empty fields of `target` that the row can fill; only values the row really gave (not defaults). */
function fillFrom(
  target: CustomerFields,
  fields: CustomerFields,
  given: ReadonlySet<EditableKey>,
): Partial<CustomerFields> {
  const fill: Partial<CustomerFields> = {};
  for (const key of FILLABLE) {
    if (!given.has(key) || !isEmptyValue(target[key]) || isEmptyValue(fields[key])) continue;
    (fill as Record<EditableKey, unknown>)[key] = fields[key];
  }
  return fill;
}

/**
 * Empty custom values of `target` that the row can fill: the fields the row gives a readable value (`given`), as
 * fillFrom does for the fixed fields. Only the filled fields, as an update's patch names them.
 */
function fillCustomFrom(
  target: Readonly<CustomValues>,
  row: Readonly<CustomValues>,
  given: ReadonlySet<string>,
): CustomValues {
  const fill: CustomValues = {};
  for (const name of given) {
    const value = ownCustomValue(row, name);
    if (value === undefined || isEmptyValue(value) || !isEmptyValue(ownCustomValue(target, name))) continue;
    fill[name] = value;
  }
  return fill;
}

function currentCustom(target: Target): CustomValues {
  return target.kind === 'crm' ? target.customer.custom : target.pending.custom;
}

/**
 * Plans rows [offset, offset + limit) of `sheet` against `existing` (the Customers tab as read under the lock).
 * Row numbers in the result are the sheet's. Blank lines are counted, not reported. A row whose problems and
 * duplicates are reported is listed in `skipped` with a reason starting "Row N: "; every probable duplicate is
 * also listed in `duplicates` with the customer (or earlier row) it matches.
 */
export function planImport(sheet: ImportSheet, existing: readonly Customer[], options: PlanOptions): ImportPlan {
  const { mapping, duplicates: mode } = options;
  const formatDate = options.formatDate ?? isoDateText;
  const maxMerged = options.maxMergedCustomers ?? MAX_MERGED_CUSTOMERS_PER_BATCH;
  const total = sheet.rows.length;
  const offset = Math.min(Math.max(0, options.offset), total);
  const end = Math.min(total, offset + Math.max(1, options.limit));

  const index = new DuplicateIndex<Target>();
  existing.forEach((customer, i) => {
    const target: Target = { kind: 'crm', index: i, customer };
    index.add(target, () => target.customer);
  });

  const pending: Pending[] = [];
  const merges = new Map<number, PlannedMerge>();
  const skipped: SkippedRow[] = [];
  const duplicates: DuplicateRow[] = [];
  const duplicateTargetRows = new Map<number, Pending>();
  const warnings: SkippedRow[] = [];
  let blank = 0;
  let mergedRows = 0;
  let nextOffset = end;
  const customFields = options.customFields ?? [];
  const customColumns = options.customColumns ?? customImportColumns(sheet.headers, mapping, customFields);

  for (let i = options.replayEarlierRows ? 0 : offset; i < end; i++) {
    const inBatch = i >= offset;
    const rowNumber = sheet.firstDataRow + i;
    const row = sheet.rows[i] ?? [];
    if (isBlankRow(row)) {
      if (inBatch) blank++;
      continue;
    }
    if (isRepeatedHeader(row, sheet.headers)) {
      if (inBatch)
        skipped.push({ row: rowNumber, reason: `Row ${rowNumber}: repeats the header row, so it is not a customer.` });
      continue;
    }
    const read = readImportRow(row, mapping, formatDate);
    if (!read.ok) {
      if (inBatch) skipped.push({ row: rowNumber, reason: `Row ${rowNumber}: ${read.messages.join(' ')}` });
      continue;
    }

    const found = index.matches(read.fields);
    const first = found[0];
    if (first === undefined) {
      const custom = readCustomCells(row, customColumns, customFields, formatDate);
      const planned: Pending = {
        row: rowNumber,
        fields: { ...read.fields },
        custom: custom.custom,
        given: read.given,
        reported: inBatch,
        warnings: [...read.warnings, ...custom.warnings],
      };
      pending.push(planned);
      index.add({ kind: 'row', pending: planned }, () => planned.fields);
      continue;
    }

    const reason = matchReason(read.fields, currentFields(first));
    const where = describeTarget(first);
    const base = {
      row: rowNumber,
      existingId: first.kind === 'crm' ? first.customer.id : '',
      ...(first.kind === 'row' ? { existingRow: first.pending.row } : {}),
    };
    const lead = first.kind === 'crm' ? `probably already in the CRM as ${where}` : `duplicate of ${where}`;
    const skip = (text: string): void => {
      if (!inBatch) return;
      const reasonText = `Row ${rowNumber}: ${text}`;
      skipped.push({ row: rowNumber, reason: reasonText });
      duplicates.push({ ...base, reason: reasonText, action: 'skipped', filled: [] });
      if (first.kind === 'row') duplicateTargetRows.set(duplicates.length - 1, first.pending);
    };

    if (mode === 'skip') {
      const more = found.length > 1 ? ` and ${found.length - 1} more` : '';
      skip(`${lead}${more} — ${reason}. Not imported.`);
      continue;
    }
    if (found.length > 1) {
      skip(
        `matches ${found.length} records (${found.slice(0, 3).map(describeTarget).join('; ')}), so it was not merged: ` +
          'merge them by hand.',
      );
      continue;
    }

    const fill = fillFrom(currentFields(first), read.fields, read.given);
    const filledKeys = Object.keys(fill) as EditableKey[];
    // Custom values follow the fixed fields' rule: an empty one is filled, a value is never overwritten.
    const cells = readCustomCells(row, customColumns, customFields, formatDate, false);
    const customFill = fillCustomFrom(currentCustom(first), cells.custom, cells.given);
    const customNames = customFields
      .map((d) => d.name)
      .filter((name) => ownCustomValue(customFill, name) !== undefined);
    if (filledKeys.length === 0 && customNames.length === 0) {
      skip(`${lead} — ${reason}. Nothing new to add, not imported.`);
      continue;
    }
    if (inBatch && first.kind === 'crm' && !merges.has(first.index) && merges.size >= maxMerged && i > offset) {
      nextOffset = i; // This row starts the next batch.
      break;
    }

    // Commit the merge: a working copy, so the next duplicate row sees the filled fields.
    if (first.kind === 'crm') {
      const before = existing[first.index] as Customer;
      first.customer = { ...first.customer, ...fill, custom: { ...first.customer.custom, ...customFill } };
      if (inBatch) {
        const merge = merges.get(first.index) ?? { existingIndex: first.index, before, fill: {}, rows: [] };
        Object.assign(merge.fill, fill);
        if (customNames.length > 0) merge.fill.custom = { ...merge.fill.custom, ...customFill };
        merge.rows.push(rowNumber);
        merges.set(first.index, merge);
      }
    } else {
      Object.assign(first.pending.fields, fill);
      Object.assign(first.pending.custom, customFill);
      // A required field this row fills is no longer left empty: its warning on the earlier row goes.
      const filledWarnings = new Set(customNames.map(requiredMissingWarning));
      first.pending.warnings = first.pending.warnings.filter((warning) => !filledWarnings.has(warning));
    }
    index.refresh(first);
    if (inBatch) {
      const labels = [...filledKeys.map(fieldLabel), ...customNames];
      const reasonText = `Row ${rowNumber}: merged into ${where} — ${reason}. Filled: ${labels.join(', ')}.`;
      duplicates.push({ ...base, reason: reasonText, action: 'merged', filled: labels });
      for (const warning of [...read.warnings, ...cells.warnings])
        warnings.push({ row: rowNumber, reason: `Row ${rowNumber}: ${warning}` });
      if (first.kind === 'row') duplicateTargetRows.set(duplicates.length - 1, first.pending);
      mergedRows++;
    }
  }

  const toImport = pending.filter((p) => p.reported);
  for (const p of toImport)
    for (const warning of p.warnings) warnings.push({ row: p.row, reason: `Row ${p.row}: ${warning}` });
  warnings.sort((a, b) => a.row - b.row);
  const positions = new Map(toImport.map((p, i) => [p, i] as const));
  const duplicateTargets: ImportPlan['duplicateTargets'] = [];
  for (const [duplicate, target] of duplicateTargetRows) {
    const position = positions.get(target);
    if (position !== undefined) duplicateTargets.push({ duplicate, toImport: position });
  }
  return {
    mapping,
    headers: sheet.headers,
    headerRow: sheet.headerRow,
    total,
    offset,
    nextOffset,
    done: nextOffset >= total,
    toImport: toImport.map((p) => ({ row: p.row, fields: p.fields, custom: p.custom })),
    merges: [...merges.values()].sort((a, b) => a.existingIndex - b.existingIndex),
    mergedRows,
    skipped,
    duplicates,
    blank,
    warnings,
    duplicateTargets,
  };
}
