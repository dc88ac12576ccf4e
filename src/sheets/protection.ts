/**
 * Protection of the data tabs. Code run from the sidebar runs as the user at the keyboard, so a tab
 * protected for the owner alone would refuse every staff write: data tabs are editable by the owner and
 * the listed staff (Google refuses everyone else), and a warning-only protection over the data rows
 * warns staff who type into them by hand instead of using the sidebar.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECTION_PREFIX = 'Pipeline CRM';

export interface ProtectionPlan {
  /** Who besides the owner may edit; [] = owner only. */
  editors: readonly string[];
  /** Add a warning-only protection over rows 2+ (manual edits are warned, not refused). */
  warnOnManualEdit: boolean;
  description: string;
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Applies `plan` to the sheet idempotently; returns what it changed. */
export function applyProtection(
  sheet: Sheet,
  plan: ProtectionPlan,
  owner: string | null,
): string[] {
  const changes: string[] = [];
  const sheetProtections = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET) as Protection[];
  let protection = sheetProtections[0];
  if (!protection) {
    protection = sheet.protect();
    changes.push(`protected ${sheet.getName()}`);
  }
  protection.setDescription(`${PROTECTION_PREFIX}: ${plan.description}`);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);

  const current = protection.getEditors().map((user) => user.getEmail());
  const keep = (email: string): boolean =>
    (owner !== null && sameEmail(email, owner)) || plan.editors.some((e) => sameEmail(e, email));
  const toRemove = current.filter((email) => !keep(email));
  const toAdd = plan.editors.filter((email) => !current.some((c) => sameEmail(c, email)));
  if (toRemove.length > 0) {
    protection.removeEditors(toRemove);
    changes.push(`${sheet.getName()}: removed ${toRemove.join(', ')}`);
  }
  if (toAdd.length > 0) {
    protection.addEditors([...toAdd]);
    changes.push(`${sheet.getName()}: added ${toAdd.join(', ')}`);
  }

  if (plan.warnOnManualEdit) {
    const ranges = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE) as Protection[];
    const hasWarning = ranges.some((p) => p.isWarningOnly() && p.getDescription().startsWith(PROTECTION_PREFIX));
    if (!hasWarning) {
      const rows = sheet.getRange(2, 1, Math.max(1, sheet.getMaxRows() - 1), sheet.getMaxColumns());
      rows.protect().setDescription(`${PROTECTION_PREFIX}: use the CRM sidebar to change customers`).setWarningOnly(true);
      changes.push(`${sheet.getName()}: warning on manual edits`);
    }
  }
  return changes;
}
