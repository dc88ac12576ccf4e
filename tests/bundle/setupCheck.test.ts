/**
 * CRM ▸ Check set-up through the built bundle: every point holds on a CRM that Set up made, and each failure it
 * can report shows when the stand-in is put in that state (a protection that mirrors the file's sharing or only
 * warns, an editor too many, the e-mail hidden, a busy lock, a changed header, a lost dropdown, a staff list not
 * applied, a shared drive with no admin, two time zones).
 */

import type { SetUpCheckReport } from '../../src/domain/setupCheck';
import { MANAGER, OWNER, REP, STRANGER, START_MS, type Crm, createCrm, newCrm, succeeded } from '../support/crm';
import { byHand, customersSheet, stateJson } from './safety/helpers';

function check(crm: Crm, user = OWNER): SetUpCheckReport {
  const report = crm.call(user, 'checkSetUp');
  if (!report.ok) throw new Error(JSON.stringify(report));
  return report;
}

/** The points that fail, as "point: detail". */
function failing(report: SetUpCheckReport): string[] {
  return report.points.filter((p) => !p.ok).map((p) => `${p.point}: ${p.detail}`);
}

describe('checkSetUp on a CRM Set up made', () => {
  it('every point holds, and it writes nothing', () => {
    const crm = newCrm();
    const before = stateJson(crm);
    const report = check(crm);
    expect(failing(report)).toEqual([]);
    expect(report.allOk).toBe(true);
    expect(report.points.map((p) => p.point)).toEqual([
      'Your e-mail is visible to the CRM',
      'An admin is known',
      'The document lock is available',
      `Customers tab protected for ${OWNER}, ${REP}, ${MANAGER}`,
      `History tab protected for ${OWNER}, ${REP}, ${MANAGER}`,
      `Pipeline tab protected for ${OWNER}, ${REP}, ${MANAGER}`,
      `Archive tab protected for ${OWNER}, ${REP}, ${MANAGER}`,
      `Snapshots tab protected for ${OWNER}, ${REP}, ${MANAGER}`,
      `Settings tab protected for ${OWNER}`,
      'Customers headers in place',
      'History headers in place',
      'Archive headers in place',
      'Status dropdown in place',
      'Staff list applied',
      'Time zone',
    ]);
    expect(stateJson(crm)).toBe(before);
  });

  it('the menu item shows the report point by point', () => {
    const crm = newCrm();
    crm.run(OWNER, 'showSetUpCheck');
    const alert = crm.gas.ui.last('alert');
    expect(alert?.title).toBe('Check set-up');
    expect(alert?.prompt.split('\n')[0]).toBe('Everything the CRM relies on holds in this spreadsheet.');
    expect(alert?.prompt).toContain(`✓ Settings tab protected for ${OWNER}: Only ${OWNER} may edit it`);
  });

  it("is the admin's: staff are refused", () => {
    const crm = newCrm();
    expect(crm.call(REP, 'checkSetUp')).toEqual({
      ok: false,
      errors: { access: `Only the CRM's admin (${OWNER}) can run Check set-up.` },
    });
  });
});

describe('each failure it can report', () => {
  it("a protection that still mirrors the file's sharing (made by hand, editors never changed)", () => {
    const crm = newCrm();
    byHand(crm, OWNER, (ss, app) => {
      const sheet = ss.getSheetByName('History');
      sheet?.getProtections(app.ProtectionType.SHEET)[0]?.remove();
      sheet?.protect();
    });
    expect(failing(check(crm))).toEqual([
      `History tab protected for ${OWNER}, ${REP}, ${MANAGER}: It still mirrors the file's sharing (Google leaves a protection open until its editors are changed). Editors not intended: ${STRANGER}. Run CRM ▸ Set up / repair.`,
    ]);
  });

  it('a tab with no protection, one that only warns, and an editor added by hand', () => {
    const crm = newCrm();
    byHand(crm, OWNER, (ss, app) => {
      ss.getSheetByName('Pipeline')?.getProtections(app.ProtectionType.SHEET)[0]?.remove();
      ss.getSheetByName('History')?.getProtections(app.ProtectionType.SHEET)[0]?.setWarningOnly(true);
      ss.getSheetByName('Settings')?.getProtections(app.ProtectionType.SHEET)[0]?.addEditor(REP);
    });
    expect(failing(check(crm))).toEqual([
      `History tab protected for ${OWNER}, ${REP}, ${MANAGER}: The protection only warns: anyone may go on and edit. Run CRM ▸ Set up / repair.`,
      `Pipeline tab protected for ${OWNER}, ${REP}, ${MANAGER}: The tab has no protection: every editor of the file can change it. Run CRM ▸ Set up / repair.`,
      `Settings tab protected for ${OWNER}: Editors not intended: ${REP}. Run CRM ▸ Set up / repair.`,
    ]);
    // Set up / repair puts every point right again.
    expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
    expect(failing(check(crm))).toEqual([]);
  });

  it('Google hides the e-mail: said first, and the check still runs', () => {
    const crm = newCrm();
    const report = succeeded(crm.call('', 'checkSetUp'));
    expect(report.points[0]).toMatchObject({ point: 'Your e-mail is visible to the CRM', ok: false });
    expect(report.points[0]?.detail).toMatch(/^Google did not tell the script who you are/);
  });

  it('the document lock held by another save: reported as busy but working', () => {
    const crm = newCrm();
    crm.gas.services.holdDocumentLockElsewhere();
    const point = check(crm).points.find((p) => p.point === 'The document lock is available');
    expect(point).toEqual({
      point: 'The document lock is available',
      ok: true,
      detail: 'Another save held it just now; it exists and works.',
    });
  });

  it('a renamed header, a Status dropdown taken off some rows, and a staff list edited but not applied', () => {
    const crm = newCrm();
    byHand(crm, OWNER, (ss) => {
      customersSheet(ss).getRange('C1').setValue('Firm');
      customersSheet(ss).getRange('F5:F6').clearDataValidations();
    });
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Settings', row: 4, column: 1, value: STRANGER });
    expect(failing(check(crm))).toEqual([
      'Customers headers in place: The Customers tab\'s columns have changed: column C is "Firm", expected "Company". Run CRM ▸ Set up / repair.',
      'Status dropdown in place: Some Status cells have no dropdown. Run CRM ▸ Set up / repair.',
      `Staff list applied: The Settings tab lists ${REP}, ${MANAGER}, ${STRANGER}, but Set up last applied ${REP}, ${MANAGER}. Run CRM ▸ Set up / repair.`,
    ]);
  });

  it('a shared drive before any Set up: no admin known, no tab protected', () => {
    const crm = createCrm({ owner: OWNER, editors: [REP], startMs: START_MS, sharedDrive: true });
    const report = check(crm, REP);
    expect(report.points.find((p) => p.point === 'An admin is known')).toEqual({
      point: 'An admin is known',
      ok: false,
      detail: 'Shared drive (no owner) and no admin recorded yet. Run CRM ▸ Set up / repair.',
    });
    expect(report.points.filter((p) => /tab protected/.test(p.point)).map((p) => p.ok)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(crm.call(REP, 'setUpCrm').ok).toBe(true);
    expect(failing(check(crm, REP))).toEqual([]);
  });

  it("a spreadsheet time zone that differs from the script's", () => {
    const crm = createCrm({ owner: OWNER, editors: [REP, MANAGER], startMs: START_MS });
    expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
    byHand(crm, OWNER, (ss) => ss.setSpreadsheetTimeZone('Europe/Berlin'));
    expect(failing(check(crm))).toEqual([
      'Time zone: The spreadsheet uses Europe/Berlin but the script Etc/UTC: dates typed by hand and dates the CRM writes may differ by the offset. Set both to the same zone (File ▸ Settings; Project settings).',
    ]);
  });
});
