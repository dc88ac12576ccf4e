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

/**
 * Applies `plan` to the sheet idempotently; returns what it changed. `admin` is the owner, or the recorded admin
 * in a shared drive (who is also the person running Set up).
 *
 * A protection "mirror[s] those of the spreadsheet itself, which effectively means that the sheet remains
 * unprotected" until the script changes its editors (Sheet.protect, developers.google.com/apps-script/reference/
 * spreadsheet/sheet#protect()). So every run follows Google's sample: add the admin, then remove every editor not
 * intended, then add the intended ones. The editors are changed on every run, whatever the staff list, so the
 * protection is explicit even when nobody else is on the file yet and stays closed to whoever it is shared with later.
 */
export function applyProtection(sheet: Sheet, plan: ProtectionPlan, admin: string): string[] {
  const changes: string[] = [];
  const sheetProtections = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET) as Protection[];
  let protection = sheetProtections[0];
  if (!protection) {
    protection = sheet.protect();
    changes.push(`protected ${sheet.getName()}`);
  }
  protection.setDescription(`${PROTECTION_PREFIX}: ${plan.description}`);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  // "Ensure the current user is an editor before removing others. Otherwise, if the user's edit permission comes
  // from a group, the script throws an exception upon removing the group." (Google's sample, Class Protection.)
  protection.addEditor(admin);

  const current = protection.getEditors().map((user) => user.getEmail());
  const keep = (email: string): boolean => sameEmail(email, admin) || plan.editors.some((e) => sameEmail(e, email));
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
  if (protection.canDomainEdit()) {
    protection.setDomainEdit(false);
    changes.push(`${sheet.getName()}: no longer editable by everyone in the domain`);
  }

  if (plan.warnOnManualEdit) {
    const ranges = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE) as Protection[];
    const hasWarning = ranges.some((p) => p.isWarningOnly() && p.getDescription().startsWith(PROTECTION_PREFIX));
    if (!hasWarning) {
      const rows = sheet.getRange(2, 1, Math.max(1, sheet.getMaxRows() - 1), sheet.getMaxColumns());
      rows
        .protect()
        .setDescription(`${PROTECTION_PREFIX}: use the CRM sidebar to change customers`)
        .setWarningOnly(true);
      changes.push(`${sheet.getName()}: warning on manual edits`);
    }
  }
  return changes;
}
