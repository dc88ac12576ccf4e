/**
 * What stops a customer's row moving between Customers and Archive (restore, archive, merge) as its cells stand.
 * Google refuses a whole write that puts a value a reject-input dropdown does not list (Status, a Choice field: both
 * tabs have them), and a custom cell the CRM cannot read as its field's type would be written back empty, while
 * the row being moved is the only copy of what it holds. So those calls ask this first and change nothing when it
 * says no. What it refuses is what CRM ▸ Check data reports for a custom cell (customCellProblem), and a status
 * that is not a stage (on a row that moves, the other tab's dropdown would refuse it; merge checks the kept row too,
 * whose cells it rewrites, so the message says only what is wrong and where).
 */

import type { FieldErrors } from './customer';
import type { CustomFieldDefinition } from './customFields';
import { customErrorKey } from './customFields/validation';
import { customCellProblem } from './integrity';
import { parseStatus, STATUS_LIST_TEXT } from './statuses';
import { quote } from './validation';

/** A custom field's cell on the row, as read. */
export interface CustomCellOfRow {
  definition: CustomFieldDefinition;
  value: unknown;
}

/** The row's cells that matter, where it is, and what the call is about to do with it (named in the messages). */
export interface RowToMove {
  statusCell: unknown;
  customCells: readonly CustomCellOfRow[];
  tab: 'Customers' | 'Archive';
  row: number;
  action: 'restore' | 'archive' | 'merge';
}

/**
 * Field errors (`status`, `custom.<field name>`) for the cells of `rows` that cannot move as they are, each saying
 * where the cell is and how to put it right (two rows' messages for one field are joined); null when all can move.
 */
export function moveBlockers(rows: readonly RowToMove[]): FieldErrors | null {
  const errors: FieldErrors = {};
  const add = (key: string, message: string): void => {
    errors[key] = errors[key] === undefined ? message : `${errors[key]} ${message}`;
  };
  for (const { statusCell, customCells, tab, row, action } of rows) {
    const where = `on row ${row} of the ${tab} tab`;
    const status = typeof statusCell === 'string' ? statusCell.trim() : String(statusCell ?? '');
    if (parseStatus(status) === null) {
      add(
        'status',
        `Status ${quote(status)} ${where} is not a pipeline stage: correct the cell (${STATUS_LIST_TEXT}), then ${action} again. Nothing was changed.`,
      );
    }
    for (const { definition, value } of customCells) {
      const problem = customCellProblem(value, definition);
      if (problem === null) continue;
      add(
        customErrorKey(definition.name),
        `${problem.replace(/\.$/, '')} (${where}): correct the cell, or change the field in Settings and run Set up, then ${action} again. Nothing was changed.`,
      );
    }
  }
  return Object.keys(errors).length === 0 ? null : errors;
}
