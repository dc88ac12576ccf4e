/**
 * Owners of imported rows (SPEC "Owner", importCustomers): a staff e-mail is kept (lower-case); an empty owner is the
 * importing user; any other value is not a reason to lose the row: it is imported with the importing user as its
 * owner, and the row is reported in `warnings`. A merge never fills an owner that is not on the staff list.
 */

import { resolveOwner } from '../owners';
import type { ImportPlan } from './types';

/** Gives every planned row a valid owner, in place; adds a warning per row whose owner was replaced or dropped. */
export function assignImportOwners(plan: ImportPlan, choices: readonly string[], user: string): void {
  const me = user.trim().toLowerCase();
  for (const planned of plan.toImport) {
    const checked = resolveOwner(planned.fields.owner, choices, user);
    if (checked.ok) {
      planned.fields.owner = checked.owner;
      continue;
    }
    plan.warnings.push({
      row: planned.row,
      reason: `Row ${planned.row}: ${checked.message} Imported with ${me || 'no owner'} as owner.`,
    });
    planned.fields.owner = me;
  }
  for (const merge of plan.merges) {
    if (merge.fill.owner === undefined) continue;
    const checked = resolveOwner(merge.fill.owner, choices, user);
    if (checked.ok) {
      merge.fill.owner = checked.owner;
      continue;
    }
    delete merge.fill.owner;
    const row = merge.rows[0] ?? 0;
    plan.warnings.push({ row, reason: `Row ${row}: ${checked.message} The owner was not merged.` });
  }
  plan.merges = plan.merges.filter((merge) => Object.keys(merge.fill).length > 0);
  plan.warnings.sort((a, b) => a.row - b.row);
}
