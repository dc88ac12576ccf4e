/** Check set-up's judgement of the facts: the failures the bundle tests cannot easily stage in the stand-in. */

import { type SetUpFacts, setUpCheckText, setUpChecks } from '../../src/domain/setupCheck';

const ADMIN = 'boss@shop.example';
const REP = 'rep@shop.example';

function healthy(): SetUpFacts {
  const data = {
    exists: true,
    intended: [ADMIN, REP],
    protection: { warningOnly: false, domainEdit: false, editors: [ADMIN, REP] },
  };
  return {
    userEmail: ADMIN,
    owner: ADMIN,
    admin: ADMIN,
    documentLock: 'available',
    protections: [
      { tab: 'Customers', ...data },
      { tab: 'History', ...data },
      { tab: 'Pipeline', ...data },
      {
        tab: 'Settings',
        exists: true,
        intended: [ADMIN],
        protection: { warningOnly: false, domainEdit: false, editors: [ADMIN] },
      },
    ],
    protectionsAppliedAt: '2026-12-01T10:00:00.000Z',
    fileEditors: [REP],
    headers: [
      { tab: 'Customers', problem: null },
      { tab: 'History', problem: null },
    ],
    statusDropdown: 'ok',
    spreadsheetTimeZone: 'Europe/Oslo',
    scriptTimeZone: 'Europe/Oslo',
    settingsStaff: [REP],
    appliedStaff: [REP],
  };
}

function failures(facts: SetUpFacts): string[] {
  return setUpChecks(facts)
    .points.filter((p) => !p.ok)
    .map((p) => `${p.point}: ${p.detail}`);
}

describe('setUpChecks', () => {
  it('healthy facts: every point holds, e-mails compared case-insensitively', () => {
    const facts = healthy();
    facts.settingsStaff = ['REP@shop.example'];
    expect(setUpChecks(facts).allOk).toBe(true);
    expect(setUpCheckText(setUpChecks(facts)).split('\n')[0]).toBe(
      'Everything the CRM relies on holds in this spreadsheet.',
    );
  });

  it('no document lock (not bound to the spreadsheet)', () => {
    expect(failures({ ...healthy(), documentLock: 'missing' })).toEqual([
      'The document lock is available: LockService.getDocumentLock() returned null: the script is not bound to this spreadsheet. Install the CRM in the spreadsheet itself.',
    ]);
  });

  it('a missing tab, editable by the whole domain, an intended editor missing, editors it may not read', () => {
    const facts = healthy();
    facts.protections = [
      { tab: 'Customers', exists: false, protection: null, intended: [ADMIN, REP] },
      {
        tab: 'History',
        exists: true,
        intended: [ADMIN, REP],
        protection: { warningOnly: false, domainEdit: true, editors: [ADMIN, REP] },
      },
      {
        tab: 'Pipeline',
        exists: true,
        intended: [ADMIN, REP],
        protection: { warningOnly: false, domainEdit: false, editors: [ADMIN] },
      },
      {
        tab: 'Settings',
        exists: true,
        intended: [ADMIN],
        protection: null,
        unreadable: 'Google would not show you its editors (denied).',
      },
    ];
    expect(failures(facts)).toEqual([
      `Customers tab protected for ${ADMIN}, ${REP}: The Customers tab is missing. Run CRM ▸ Set up / repair.`,
      `History tab protected for ${ADMIN}, ${REP}: Everyone in the domain may edit it. Run CRM ▸ Set up / repair.`,
      `Pipeline tab protected for ${ADMIN}, ${REP}: Missing: ${REP}. Run CRM ▸ Set up / repair.`,
      `Settings tab protected for ${ADMIN}: Google would not show you its editors (denied). Run CRM ▸ Set up / repair.`,
    ]);
  });

  it('editors as intended but never applied by this version of Set up: may still mirror the sharing', () => {
    expect(failures({ ...healthy(), protectionsAppliedAt: null })).toHaveLength(4);
    expect(failures({ ...healthy(), protectionsAppliedAt: null })[0]).toMatch(/may still mirror the file's sharing/);
  });

  it.each([
    ['allows invalid', 'The dropdown only warns about other text.'],
    ['wrong list', 'The dropdown does not offer exactly the 8 stages.'],
  ] as const)('a Status dropdown that %s', (state, text) => {
    expect(failures({ ...healthy(), statusDropdown: state })).toEqual([
      `Status dropdown in place: ${text} Run CRM ▸ Set up / repair.`,
    ]);
  });

  it('a staff list never applied', () => {
    expect(failures({ ...healthy(), appliedStaff: null })).toEqual([
      `Staff list applied: The Settings tab lists ${REP}, but Set up last applied no list. Run CRM ▸ Set up / repair.`,
    ]);
  });
});
