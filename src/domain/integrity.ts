/**
 * CRM ▸ Check data: what is wrong with the `Customers` tab, from one getValues of the whole tab (header
 * included). Pure: reports problems a person can find and fix (row number, ID, what is wrong), changes nothing.
 * Checked: the header, duplicate IDs (every row named), rows with data but no ID, IDs the CRM cannot address,
 * blank names, statuses that are not pipeline stages, bad e-mails, deal values that are not amounts, missing or
 * invalid dates, Versions that are not whole numbers, data in columns that have no header, and custom-field cells
 * that hold no valid value of their field's type (text typed into a Number column, a Choice not in the list).
 * On the Archive tab (from the one read Check data makes of it), only the custom-field cells: see checkArchiveGrid.
 */

import type { DeletedCustomer, IntegrityProblem, IntegrityReport } from './api';
import { ARCHIVE_COLUMNS } from './archive';
import type { HistoryEvent } from './customer';
import { type ColumnMap, columnLetter, CUSTOMER_COLUMNS } from './columns';
import { type CustomFieldDefinition, checkCustomType, customColumnsLayout, customFieldKey } from './customFields';
import { isDate, isDay } from './dates';
import { parseStatus, STATUS_LIST_TEXT } from './statuses';
import { isValidEmail, quote } from './validation';

const ID_SHAPE = /^C-\d{1,15}$/i;

const C = CUSTOMER_COLUMNS.of;
const DATE_COLUMNS = CUSTOMER_COLUMNS.list.filter((column) => column.kind === 'dateTime');

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** A cell as text for messages and comparisons. */
function text(value: unknown): string {
  if (isEmpty(value)) return '';
  if (isDate(value)) return value.toISOString();
  return String(value);
}

function listRows(rows: readonly number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

/** Problems of the header row of a tab laid out as `columns`; none means the columns can be trusted. */
function headerProblems(header: readonly unknown[], columns: ColumnMap<string> = CUSTOMER_COLUMNS): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  for (const { header: expected, index, column } of columns.list) {
    const found = text(header[index]).trim();
    if (found !== expected) {
      const shown = found === '' ? 'empty' : quote(found);
      problems.push({
        row: 1,
        id: '',
        problem: `Column ${columnLetter(column)} of the header is ${shown}, expected "${expected}": rows cannot be checked. Run CRM ▸ Set up / repair.`,
      });
    }
  }
  return problems;
}

/** A custom field and the 0-based index of its column in the grid (found by header, as every call finds it). */
interface CustomCell {
  definition: CustomFieldDefinition;
  index: number;
}

/**
 * The columns of the fields that have one in `header`; a field Set up has not given a column yet is left out, and
 * so is a header inside the tab's own columns (the first `ownWidth`: on Archive its three archive columns follow
 * the Customers ones and are never a custom field's).
 */
function customCells(
  header: readonly unknown[],
  definitions: readonly CustomFieldDefinition[],
  ownWidth: number = CUSTOMER_COLUMNS.width,
): CustomCell[] {
  if (definitions.length === 0) return [];
  const layout = customColumnsLayout(header, definitions);
  const missing = new Set<string>(layout.append.map((spec) => spec.key));
  return definitions
    .flatMap((definition) => {
      const key = customFieldKey(definition.name);
      const column = missing.has(key) ? undefined : layout.map.of[key];
      return column === undefined || column.index < ownWidth ? [] : [{ definition, index: column.index }];
    })
    .sort((a, b) => a.index - b.index); // reported in column order, as the fixed cells are
}

function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'a yes/no value';
  if (isDate(value)) return 'a date';
  return 'a number';
}

/**
 * Why a custom field's cell holds no valid value of the field, or null. Empty is valid (Required is asked of the
 * API's callers; an import may leave it empty and says so). The cell must be what the CRM writes: a number cell for
 * a Number (text that looks like a number is not counted by the sheet either), a date cell or a 'YYYY-MM-DD' text
 * (the CRM reads both) for a Date, and for Text and Choice the text passing the field's own check (one line, not too
 * long, a choice of the list in any case).
 */
export function customCellProblem(value: unknown, definition: CustomFieldDefinition): string | null {
  if (isEmpty(value)) return null;
  const name = definition.name;
  const shown = quote(text(value));
  switch (definition.type) {
    case 'Number': {
      if (typeof value !== 'number') return `${name} ${shown} is ${kindOf(value)}, not a number.`;
      const checked = checkCustomType(value, definition);
      return checked.ok ? null : checked.message;
    }
    case 'Date':
      if (isDate(value) || (typeof value === 'string' && isDay(value.trim()))) return null;
      return `${name} ${shown} is not a date (a date cell, such as 2026-03-31).`;
    case 'Text':
    case 'Choice': {
      const checked = checkCustomType(typeof value === 'string' ? value : text(value), definition);
      return checked.ok ? null : checked.message;
    }
  }
}

/** Problems of a row's custom-field cells, each naming its column letter. */
function customProblems(row: readonly unknown[], custom: readonly CustomCell[]): string[] {
  const out: string[] = [];
  for (const { definition, index } of custom) {
    const problem = customCellProblem(row[index], definition);
    if (problem !== null) out.push(`${problem.replace(/\.$/, '')} (column ${columnLetter(index + 1)}).`);
  }
  return out;
}

/** Problems of one customer row's own cells (everything but duplicate IDs), in column order. */
function rowProblems(row: readonly unknown[], unlabelled: readonly number[], custom: readonly CustomCell[]): string[] {
  const out: string[] = [];
  const id = text(row[C.id.index]).trim();
  if (id === '') out.push('has data but no ID: the CRM cannot find or update it.');
  else if (!ID_SHAPE.test(id)) out.push(`ID ${quote(id)} is not a CRM ID (such as C-00042): the CRM cannot update it.`);

  if (text(row[C.name.index]).trim() === '') out.push('Name is empty.');

  const email = text(row[C.email.index]).trim();
  if (email !== '' && !isValidEmail(email.toLowerCase()))
    out.push(`Email ${quote(email)} is not a valid e-mail address.`);

  const status = text(row[C.status.index]).trim();
  if (status === '') out.push(`Status is empty. Use one of: ${STATUS_LIST_TEXT}.`);
  else if (parseStatus(status) === null)
    out.push(`Status ${quote(status)} is not a pipeline stage. Use one of: ${STATUS_LIST_TEXT}.`);

  const deal = row[C.dealValue.index];
  if (!isEmpty(deal)) {
    if (typeof deal !== 'number' || !Number.isFinite(deal))
      out.push(`Deal value ${quote(text(deal))} is not a number.`);
    else if (deal < 0) out.push(`Deal value ${deal} is negative.`);
  }

  for (const { index, header: label } of DATE_COLUMNS) {
    const value = row[index];
    if (isEmpty(value)) out.push(`${label} is missing.`);
    else if (!isDate(value)) out.push(`${label} ${quote(text(value))} is not a date.`);
  }

  const version = row[C.version.index];
  if (isEmpty(version)) out.push('Version is missing.');
  else if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    out.push(`Version ${quote(text(version))} is not a whole number of 1 or more.`);
  }

  out.push(...customProblems(row, custom));

  for (const c of unlabelled) {
    if (!isEmpty(row[c])) out.push(`has data in column ${columnLetter(c + 1)}, which has no header.`);
  }
  return out;
}

/** True when the row has nothing in any cell (a blank line a user left; not a problem). */
function isBlank(row: readonly unknown[]): boolean {
  return row.every(isEmpty);
}

/**
 * Checks `values` (getValues() of the Customers tab's data range, header first) with the custom fields
 * `definitions` (their columns found by header). `checkedRows` counts the non-blank rows below the header.
 * Problems are in sheet order; duplicate IDs are reported on every row.
 */
export function checkCustomersGrid(
  values: readonly (readonly unknown[])[],
  definitions: readonly CustomFieldDefinition[] = [],
): IntegrityReport {
  const header = values[0] ?? [];
  const fromHeader = headerProblems(header);
  const dataRows = values.slice(1);
  const checkedRows = dataRows.filter((row) => !isBlank(row)).length;
  if (fromHeader.length > 0) return { ok: true, checkedRows, problems: fromHeader, deletedByHand: [] };

  // Columns after ours that hold data without a header: most likely a paste that missed its place.
  const width = Math.max(header.length, ...dataRows.map((row) => row.length));
  const unlabelled: number[] = [];
  for (let c = CUSTOMER_COLUMNS.width; c < width; c++) if (text(header[c]).trim() === '') unlabelled.push(c);
  const custom = customCells(header, definitions);

  const rowsById = new Map<string, number[]>();
  dataRows.forEach((row, i) => {
    const id = text(row[C.id.index]).trim().toUpperCase();
    if (id === '' || isBlank(row)) return;
    const rows = rowsById.get(id) ?? [];
    rows.push(i + 2);
    rowsById.set(id, rows);
  });

  const problems: IntegrityProblem[] = [];
  dataRows.forEach((row, i) => {
    if (isBlank(row)) return;
    const rowNumber = i + 2;
    const id = text(row[C.id.index]).trim();
    const same = rowsById.get(id.toUpperCase()) ?? [];
    if (same.length > 1) {
      const others = same.filter((r) => r !== rowNumber);
      problems.push({
        row: rowNumber,
        id,
        problem: `ID ${id} is also on ${listRows(others)}: the CRM refuses to change a customer whose ID is not unique. Give each customer its own ID.`,
      });
    }
    for (const problem of rowProblems(row, unlabelled, custom)) problems.push({ row: rowNumber, id, problem });
  });
  return { ok: true, checkedRows, problems, deletedByHand: [] };
}

/** What checkArchiveGrid found: the rows whose custom cells it checked and their problems (tab: 'Archive'). */
export interface ArchiveCheck {
  checkedRows: number;
  problems: IntegrityProblem[];
}

/**
 * Checks the custom-field cells of `values` (getValues() of the Archive tab, header first), their columns found by
 * header as on Customers. Only those: an archived row is a frozen copy of a Customers row, whose fixed cells Check
 * data checks with the Customers tab before it leaves and once it is restored, and which nothing but getCustomer and
 * a restore reads meanwhile. A custom cell, though, can go bad while the row sits there with no edit of it (a choice
 * dropped from the list, a field's type changed), and a restore writes it back into a Customers column whose
 * dropdown refuses a value out of the list. `checkedRows` counts the non-blank rows checked: 0 when no field has an
 * Archive column (no field, or Set up not run since; Check set-up says so). A changed header of the Archive
 * columns is reported instead of rows, since no column can then be trusted.
 */
export function checkArchiveGrid(
  values: readonly (readonly unknown[])[],
  definitions: readonly CustomFieldDefinition[],
): ArchiveCheck {
  const header = values[0] ?? [];
  const custom = customCells(header, definitions, ARCHIVE_COLUMNS.width);
  if (custom.length === 0) return { checkedRows: 0, problems: [] };
  const fromHeader = headerProblems(header, ARCHIVE_COLUMNS);
  if (fromHeader.length > 0) return { checkedRows: 0, problems: fromHeader.map((p) => ({ ...p, tab: 'Archive' })) };
  const problems: IntegrityProblem[] = [];
  let checkedRows = 0;
  values.slice(1).forEach((row, i) => {
    if (isBlank(row)) return;
    checkedRows++;
    const id = text(row[ARCHIVE_COLUMNS.of.id.index]).trim();
    for (const problem of customProblems(row, custom)) problems.push({ row: i + 2, id, problem, tab: 'Archive' });
  });
  return { checkedRows, problems };
}

/** The IDs in a Customers grid as checkCustomersGrid reads them (upper-case, trimmed). */
export function gridIds(values: readonly (readonly unknown[])[], idIndex = C.id.index): Set<string> {
  const ids = new Set<string>();
  for (const row of values.slice(1)) {
    const id = text(row[idIndex]).trim().toUpperCase();
    if (id !== '') ids.add(id);
  }
  return ids;
}

/**
 * Customers whose rows were deleted by hand (Sheets fires no onEdit for that): every ID History registered (a
 * `create` or `import`) that is in neither `present` set (the Customers and Archive tabs' IDs), with the last
 * name History recorded, in ID order.
 */
export function deletedByHand(
  events: readonly Pick<HistoryEvent, 'customerId' | 'action' | 'field' | 'to'>[],
  present: ReadonlySet<string>,
): DeletedCustomer[] {
  const names = new Map<string, string>();
  for (const event of events) {
    const id = event.customerId.trim().toUpperCase();
    if (present.has(id)) continue;
    const opening = event.action === 'create' || event.action === 'import';
    if (!names.has(id) && !opening) continue; // registered first: anything else about an unknown ID is not a customer
    if (!names.has(id)) names.set(id, '');
    if (event.field === C.name.header && event.to !== '') names.set(id, event.to);
  }
  return [...names.entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many problems the Check data alert lists before "and N more". */
export const REPORT_LIST_MAX = 20;

/** The Check data alert's text: a summary line, up to REPORT_LIST_MAX problems, then "and N more". */
export function integrityReportText(report: IntegrityReport): string {
  const text = problemsText(report);
  const deleted = report.deletedByHand;
  if (deleted.length === 0) return text;
  const lines = deleted
    .slice(0, REPORT_LIST_MAX)
    .map((d) => `• ${d.id}${d.name === '' ? '' : ` ${d.name.slice(0, 80)}`}`);
  if (deleted.length > REPORT_LIST_MAX) lines.push(`…and ${deleted.length - REPORT_LIST_MAX} more.`);
  const count = `${deleted.length} customer${deleted.length === 1 ? ' was' : 's were'}`;
  return [text, '', `${count} deleted by hand (in History, in neither Customers nor Archive):`, ...lines].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function problemsText(report: IntegrityReport): string {
  const archived = report.checkedArchivedRows ?? 0;
  const customers = plural(report.checkedRows, 'customer row');
  const rows = archived === 0 ? customers : `${customers} and ${plural(archived, 'archived row')}`;
  if (report.problems.length === 0) return `Checked ${rows}: no problems found.`;
  const count = report.problems.length;
  const lines = report.problems.slice(0, REPORT_LIST_MAX).map((p) => {
    const row = `${p.tab === 'Archive' ? 'Archive row' : 'Row'} ${p.row}`;
    const where = p.id === '' ? row : `${row} (${p.id.slice(0, 40)})`;
    return `• ${where}: ${p.problem}`;
  });
  if (count > REPORT_LIST_MAX) lines.push(`…and ${count - REPORT_LIST_MAX} more.`);
  return [`Checked ${rows}: ${count} problem${count === 1 ? '' : 's'} found.`, ...lines].join('\n');
}
