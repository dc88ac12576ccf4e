/**
 * What stops an archived customer going back to Customers as its Archive row stands. Google refuses a whole write
 * that puts a value a reject-input dropdown does not list (the Customers tab's Status, a Choice field), and a custom
 * cell the CRM cannot read as its field's type would come back empty, while the Archive row, about to be removed, is
 * the only copy of what it holds. So restoreCustomer asks this first and changes nothing when it says no.
 */

import type { FieldErrors } from './customer';
import type { CustomFieldDefinition } from './customFields';
import { customErrorKey } from './customFields/validation';
import { customCellProblem } from './integrity';
import { parseStatus, STATUS_LIST_TEXT } from './statuses';
import { quote } from './validation';

/** A custom field's cell on the Archive row, as read. */
export interface ArchivedCustomCell {
  definition: CustomFieldDefinition;
  value: unknown;
}

/**
 * Field errors (`status`, `custom.<field name>`) for the cells of Archive row `row` that cannot go back to Customers
 * as they are, each saying where the cell is and how to put it right; null when the row can be restored.
 */
export function restoreBlockers(
  statusCell: unknown,
  customCells: readonly ArchivedCustomCell[],
  row: number,
): FieldErrors | null {
  const errors: FieldErrors = {};
  const where = `on row ${row} of the Archive tab`;
  const status = typeof statusCell === 'string' ? statusCell.trim() : String(statusCell ?? '');
  if (parseStatus(status) === null) {
    errors.status = `Status ${quote(status)} ${where} is not a pipeline stage, so the Customers tab's dropdown would refuse it: correct the cell (${STATUS_LIST_TEXT}), then restore. Nothing was changed.`;
  }
  for (const { definition, value } of customCells) {
    const problem = customCellProblem(value, definition);
    if (problem === null) continue;
    errors[customErrorKey(definition.name)] =
      `${problem.replace(/\.$/, '')} (${where}): correct the cell, or change the field in Settings and run Set up, then restore. Nothing was changed.`;
  }
  return Object.keys(errors).length === 0 ? null : errors;
}
