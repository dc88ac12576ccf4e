/**
 * Every CRM tab is explicitly protected after Set up, whatever the staff list and whenever the file is shared:
 * `Settings` for the admin alone, the data tabs for the admin and the applied staff. Google's reference
 * (Sheet.protect, developers.google.com/apps-script/reference/spreadsheet/sheet#protect()): until the script
 * changes the editors "the permissions mirror those of the spreadsheet itself, which effectively means that the
 * sheet remains unprotected". In a shared drive `getOwner()` is null ("Returns the owner of the document, or null
 * for a document in a shared drive." — spreadsheet#getOwner()), nobody bypasses a protection, and the first person
 * who runs Set up is recorded as the admin.
 */

import { UserEditRefused } from '../../../local/gas/spreadsheet/host';
import {
  MANAGER,
  OWNER,
  REP,
  STRANGER,
  START_MS,
  type Crm,
  createCrm,
  having,
  newCrm,
  succeeded,
} from '../../support/crm';
import { stateJson } from './helpers';

const LATE = 'late@example.com';
const TABS = ['Customers', 'History', 'Pipeline', 'Settings'] as const;

/** Whether `user` typing into row 5, column 3 of `tab` by hand is let through (the protection decides). */
function canType(crm: Crm, user: string, tab: string): boolean {
  try {
    crm.gas.sheets.userEdit({ user, sheet: tab, row: 5, column: 3, value: 'typed' });
    return true;
  } catch (error) {
    if (error instanceof UserEditRefused && error.reason === 'protected') return false;
    throw error;
  }
}

function whoCanType(crm: Crm, users: string[]): Record<string, string[]> {
  return Object.fromEntries(TABS.map((tab) => [tab, users.filter((user) => canType(crm, user, tab))]));
}

function setStaff(crm: Crm, admin: string, staff: string[]): void {
  staff.forEach((email, i) =>
    crm.gas.sheets.userEdit({ user: admin, sheet: 'Settings', row: i + 2, column: 1, value: email }),
  );
  expect(crm.call(admin, 'setUpCrm').ok).toBe(true);
}

describe('a file shared before Set up', () => {
  it('with staff: data tabs open to the owner and staff only, Settings to the owner only', () => {
    const crm = newCrm(); // shared with REP, MANAGER, STRANGER; staff REP, MANAGER
    expect(whoCanType(crm, [OWNER, REP, MANAGER, STRANGER])).toEqual({
      Customers: [OWNER, REP, MANAGER],
      History: [OWNER, REP, MANAGER],
      Pipeline: [OWNER, REP, MANAGER],
      Settings: [OWNER],
    });
  });

  it('with no staff listed: every tab open to the owner alone', () => {
    const crm = newCrm({ staff: [] });
    expect(whoCanType(crm, [OWNER, REP, MANAGER, STRANGER])).toEqual({
      Customers: [OWNER],
      History: [OWNER],
      Pipeline: [OWNER],
      Settings: [OWNER],
    });
  });
});

describe('a file shared after Set up', () => {
  function setUpAlone(staff: string[]): Crm {
    const crm = createCrm({ owner: OWNER, editors: [], startMs: START_MS });
    expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
    if (staff.length > 0) setStaff(crm, OWNER, staff);
    return crm;
  }

  it('set up with nobody else on the file: whoever it is shared with later may type into no CRM tab', () => {
    const crm = setUpAlone([]);
    crm.gas.sheets.shareWith(LATE);
    crm.gas.sheets.shareWith(REP);
    expect(whoCanType(crm, [OWNER, REP, LATE])).toEqual({
      Customers: [OWNER],
      History: [OWNER],
      Pipeline: [OWNER],
      Settings: [OWNER],
    });
  });

  it('with staff listed before sharing: the staff get the data tabs once shared, a late editor nothing', () => {
    const crm = setUpAlone([REP]);
    crm.gas.sheets.shareWith(REP);
    crm.gas.sheets.shareWith(LATE);
    expect(whoCanType(crm, [OWNER, REP, LATE])).toEqual({
      Customers: [OWNER, REP],
      History: [OWNER, REP],
      Pipeline: [OWNER, REP],
      Settings: [OWNER],
    });
  });

  it('the API agrees with the protections: a late editor is refused, and nothing changes', () => {
    const crm = setUpAlone([]);
    crm.gas.sheets.shareWith(LATE);
    const before = stateJson(crm);
    expect(having(crm.call(LATE, 'registerCustomer', { name: 'Late Entry' }), 'errors').errors.access).toMatch(
      /not allowed to change customers/,
    );
    expect(stateJson(crm)).toBe(before);
  });
});

describe('a file in a shared drive (no owner)', () => {
  function sharedDriveCrm(): Crm {
    return createCrm({ owner: OWNER, editors: [REP, MANAGER, STRANGER], startMs: START_MS, sharedDrive: true });
  }

  it("the first person to run Set up is recorded as the admin; Settings is theirs alone, the data tabs theirs and the staff's", () => {
    const crm = sharedDriveCrm();
    const report = crm.call(MANAGER, 'setUpCrm');
    expect(report.ok).toBe(true);
    expect(succeeded(report).repaired).toContain(
      `No owner is reported for this file (shared drive): ${MANAGER} is recorded as the CRM's admin`,
    );
    setStaff(crm, MANAGER, [REP]);
    expect(whoCanType(crm, [OWNER, REP, MANAGER, STRANGER])).toEqual({
      Customers: [REP, MANAGER],
      History: [REP, MANAGER],
      Pipeline: [REP, MANAGER],
      Settings: [MANAGER],
    });
  });

  it('only the admin may run Set up again: staff and other editors are refused and nothing changes', () => {
    const crm = sharedDriveCrm();
    expect(crm.call(MANAGER, 'setUpCrm').ok).toBe(true);
    setStaff(crm, MANAGER, [REP]);
    const before = stateJson(crm);
    expect(crm.call(REP, 'setUpCrm')).toEqual({
      ok: false,
      errors: { access: `Only ${MANAGER}, who set up this CRM, can run Set up / repair.` },
    });
    expect(having(crm.call(STRANGER, 'setUpCrm'), 'errors').errors.access).toMatch(/not allowed to change customers/);
    expect(having(crm.call(OWNER, 'setUpCrm'), 'errors').errors.access).toMatch(/not allowed to change customers/);
    expect(stateJson(crm)).toBe(before);
  });

  it("the admin and staff write through the API; the file's creator, not being admin, is refused", () => {
    const crm = sharedDriveCrm();
    expect(crm.call(MANAGER, 'setUpCrm').ok).toBe(true);
    setStaff(crm, MANAGER, [REP]);
    expect(crm.call(MANAGER, 'registerCustomer', { name: 'Ann Berg' }).ok).toBe(true);
    expect(crm.call(REP, 'registerCustomer', { name: 'Bob Stone' }).ok).toBe(true);
    expect(having(crm.call(OWNER, 'registerCustomer', { name: 'Cat Young' }), 'errors').errors.access).toMatch(
      /not allowed/,
    );
  });
});
