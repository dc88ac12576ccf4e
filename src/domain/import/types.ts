/**
 * Shapes of the import API (importCustomers, proposeImportMapping) and of the pure planner's output.
 * Pure types and constants only, so the Import sidebar can import them with the DOM lib and stay in step with
 * the server. Results are plain JSON (no Date): google.script.run cannot carry Dates.
 */

import { type Customer, type CustomerFields, type CustomerPatch, EDITABLE_KEYS, type EditableKey } from '../customer';
import type { CustomValues } from '../customFields/types';

/**
 * What a column of the old sheet can become. `firstName`/`lastName` exist because many old sheets split the
 * name in two; they are joined into Name when no Name column is mapped (or the Name cell is blank).
 */
export type ImportField = ImportedKey | 'firstName' | 'lastName';

/**
 * The editable fields an old sheet can fill: all but the follow-up (Next step, Next step due), which is planned in
 * the CRM, not migrated.
 */
export const IMPORTED_KEYS = EDITABLE_KEYS.filter(
  (key): key is Exclude<EditableKey, 'nextStep' | 'nextStepDue' | 'lostReason'> =>
    key !== 'nextStep' && key !== 'nextStepDue' && key !== 'lostReason',
);

export type ImportedKey = (typeof IMPORTED_KEYS)[number];

/** The imported fields, with the two name halves right after Name (the order the sidebar lists them in). */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'firstName',
  'lastName',
  ...IMPORTED_KEYS.filter((key) => key !== 'name'),
];

/** Labels the sidebar shows next to each field (the Customers tab's own headers where there is one). */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  email: 'Email',
  phone: 'Phone',
  status: 'Status',
  dealValue: 'Deal value',
  owner: 'Owner',
  source: 'Source',
  notes: 'Notes',
};

/** Field → 0-based column of the Import tab, or null when no column feeds that field. */
export type ImportMapping = Record<ImportField, number | null>;

/** How a row that is probably already a customer is handled. */
export type DuplicateMode = 'skip' | 'merge';

/** Options of importCustomers, as the sidebar sends them (validated on the server). */
export interface ImportOptions {
  /** Corrected mapping; absent → the proposal from the headers. Fields left out are not imported. */
  mapping?: Partial<Record<ImportField, number | null>>;
  /**
   * Custom field name → 0-based column (null = not imported), as the mapping form sends it; absent → each field
   * fed by the column whose header names it (customColumns.ts).
   */
  customMapping?: Record<string, number | null>;
  /** True: plan and report only; nothing is written, no ID is used up. */
  dryRun?: boolean;
  /** 'skip' (default) reports duplicates; 'merge' fills the existing customer's EMPTY fields, never overwrites. */
  duplicates?: DuplicateMode;
  /** 0-based index of the first data row (below the header) of this batch; blank lines count. Default 0. */
  offset?: number;
  /** Data rows per batch: default 1,000, at most 2,000 (keeps one call well inside the 6-minute limit). */
  limit?: number;
}

/** A row that is not imported, with its sheet row number and a sentence starting "Row N: ". */
export interface SkippedRow {
  row: number;
  reason: string;
}

/** A row that is probably a customer already (in the CRM, or an earlier row of this import). */
export interface DuplicateRow {
  row: number;
  /** ID of the customer it matches; '' in a dry run when the match is an earlier import row (no ID yet). */
  existingId: string;
  /** Sheet row of the earlier import row it matches, when the match is inside the import. */
  existingRow?: number;
  reason: string;
  /** 'merged' when at least one empty field of the existing customer was filled from this row. */
  action: 'skipped' | 'merged';
  /** Labels of the fields filled by a merge ("Phone", "Deal value"); empty when skipped. */
  filled: string[];
}

/** Result of one importCustomers call (one batch). */
export interface ImportResult {
  ok: true;
  dryRun: boolean;
  duplicateMode: DuplicateMode;
  mapping: ImportMapping;
  /** Header row text, index = column. */
  headers: string[];
  /** Sheet row number of the header row (the first non-blank row of the Import tab). */
  headerRow: number;
  /** Data rows below the header (blank lines included: offsets count them). */
  total: number;
  /** Data rows looked at by this batch (blank lines included). */
  processed: number;
  /** Offset for the next call; equals `total` when done. */
  nextOffset: number;
  done: boolean;
  /** New customers written by this batch (in a dry run: that would be written). */
  imported: number;
  /** Sheet rows of those customers, in order. */
  importedRows: number[];
  /** IDs given to them (empty in a dry run). */
  ids: string[];
  /** Rows merged into a customer (existing or imported earlier in this batch). */
  merged: number;
  /** Every row of the batch not imported as a new customer nor merged, with why. Blank lines are not listed. */
  skipped: SkippedRow[];
  /** Every probable duplicate of the batch, skipped or merged. */
  duplicates: DuplicateRow[];
  /** Blank lines of the batch, ignored. */
  blank: number;
  /** Rows imported (or merged) with a value changed on the way, with why (an owner not on the staff list; an
   * optional cell that could not be read, left empty). */
  warnings: SkippedRow[];
}

/** Result of proposeImportMapping: what the sidebar shows before the dry run. */
export interface ImportMappingProposal {
  ok: true;
  headers: string[];
  headerRow: number;
  mapping: ImportMapping;
  /** The custom fields with a Customers column, in the table's order, each with the column proposed by header. */
  customFields: { name: string; column: number | null }[];
  /** Data rows below the header, blank lines included. */
  rowCount: number;
  /** The first few non-blank data rows as text, for the mapping preview. */
  sample: string[][];
}

/** A new customer the planner wants created: validated fields and the sheet row they come from. */
export interface PlannedNew {
  row: number;
  fields: CustomerFields;
  /** Its custom values (every field with a Customers column; empty ones at their empty value). */
  custom: CustomValues;
}

/** An existing customer whose empty fields the planner wants filled (merge mode). */
export interface PlannedMerge {
  /** Index into the `existing` array the planner was given. */
  existingIndex: number;
  before: Customer;
  /** Only the filled editable fields, and in `custom` only the filled custom fields (the rule of a save's patch). */
  fill: CustomerPatch;
  /** Sheet rows that contributed. */
  rows: number[];
}

/** What the pure planner decided for one batch. */
export interface ImportPlan {
  mapping: ImportMapping;
  headers: string[];
  headerRow: number;
  total: number;
  offset: number;
  nextOffset: number;
  done: boolean;
  toImport: PlannedNew[];
  merges: PlannedMerge[];
  /** Number of import rows merged (into existing customers or into earlier import rows). */
  mergedRows: number;
  skipped: SkippedRow[];
  duplicates: DuplicateRow[];
  blank: number;
  /** Rows imported with a value changed on the way (see assignImportOwners). */
  warnings: SkippedRow[];
  /** For in-import duplicates: index into toImport of the row each duplicate points at (to fill in IDs later). */
  duplicateTargets: Array<{ duplicate: number; toImport: number }>;
}
