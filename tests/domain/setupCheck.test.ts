/** Check set-up's judgement of the facts: the failures the bundle tests cannot easily stage in the stand-in. */

import {
  type CustomColumnFacts,
  numberFormatProblem,
  type SetUpFacts,
  setUpCheckText,
  setUpChecks,
} from '../../src/domain/setupCheck';

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
    customColumns: [],
    settingsCustomFields: [],
    appliedCustomFields: null,
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

describe('custom fields in Check set-up', () => {
  const INDUSTRY = { name: 'Industry', type: 'Choice', choices: ['Retail', 'Tech'], required: false } as const;
  const RENEWAL = { name: 'Renewal', type: 'Date', choices: [], required: false } as const;
  const EMPLOYEES = { name: 'Employees', type: 'Number', choices: [], required: false } as const;
  const REGION = { name: '<b>Région</b> 北', type: 'Text', choices: [], required: true } as const;
  const DEFINITIONS = [INDUSTRY, RENEWAL, EMPLOYEES, REGION].map((d) => ({ ...d, choices: [...d.choices] }));

  function withFields(): SetUpFacts {
    const facts = healthy();
    facts.settingsCustomFields = DEFINITIONS;
    facts.appliedCustomFields = DEFINITIONS;
    // Customers' custom columns start at T (after its 19 columns), Archive's at W (after its 22).
    facts.customColumns = [...columnsOn('Customers', 20), ...columnsOn('Archive', 23)];
    return facts;
  }

  function columnsOn(tab: string, first: number): CustomColumnFacts[] {
    const [industry, renewal, employees, region] = DEFINITIONS as [
      (typeof DEFINITIONS)[number],
      (typeof DEFINITIONS)[number],
      (typeof DEFINITIONS)[number],
      (typeof DEFINITIONS)[number],
    ];
    return [
      { tab, definition: industry, column: first, dropdown: 'ok', formats: null },
      { tab, definition: renewal, column: first + 1, dropdown: null, formats: ['yyyy-mm-dd'] },
      {
        tab,
        definition: employees,
        column: first + 2,
        dropdown: null,
        formats: ['0.###############', '#,##0.00 "hrs"', '[$€]#,##0'],
      },
      { tab, definition: region, column: first + 3, dropdown: null, formats: null },
    ];
  }

  /** The columns of `facts` on `tab`, in the fields' order. */
  function on(
    facts: SetUpFacts,
    tab: string,
  ): [CustomColumnFacts, CustomColumnFacts, CustomColumnFacts, CustomColumnFacts] {
    return facts.customColumns.filter((c) => c.tab === tab) as [
      CustomColumnFacts,
      CustomColumnFacts,
      CustomColumnFacts,
      CustomColumnFacts,
    ];
  }

  it('one point per field and tab when all is as Set up makes it, and a point that Settings was applied', () => {
    const report = setUpChecks(withFields());
    expect(report.allOk).toBe(true);
    expect(
      report.points.filter((p) => p.point.startsWith('Custom field')).map((p) => `${p.point}: ${p.detail}`),
    ).toEqual([
      'Custom field "Industry" (Choice) column in place on Customers: Column T, with its dropdown (Retail, Tech).',
      'Custom field "Renewal" (Date) column in place on Customers: Column U, formatted yyyy-mm-dd.',
      'Custom field "Employees" (Number) column in place on Customers: Column V, in a number format.',
      'Custom field "<b>Région</b> 北" (Text) column in place on Customers: Column W.',
      'Custom field "Industry" (Choice) column in place on Archive: Column W, with its dropdown (Retail, Tech).',
      'Custom field "Renewal" (Date) column in place on Archive: Column X, formatted yyyy-mm-dd.',
      'Custom field "Employees" (Number) column in place on Archive: Column Y, in a number format.',
      'Custom field "<b>Région</b> 北" (Text) column in place on Archive: Column Z.',
      'Custom fields applied: Custom fields: Industry, Renewal, Employees, <b>Région</b> 北.',
    ]);
  });

  it('says no point at all about custom fields when none is defined or applied', () => {
    expect(setUpChecks(healthy()).points.some((p) => p.point.startsWith('Custom field'))).toBe(false);
  });

  it('reports a missing column, a dropdown gone or loosened, and formats Set up does not make', () => {
    const facts = withFields();
    const [industry, renewal, employees, region] = on(facts, 'Customers');
    industry.dropdown = 'allows invalid';
    renewal.formats = ['yyyy-mm-dd', 'dd/mm/yyyy'];
    employees.formats = ['0.###############', '@', 'm/d/yyyy h:mm'];
    region.column = null;
    expect(failures(facts)).toEqual([
      'Custom field "Industry" (Choice) column in place on Customers: Column T: its dropdown only warns about other text. Run CRM ▸ Set up / repair.',
      'Custom field "Renewal" (Date) column in place on Customers: Column U: some of its cells are formatted "dd/mm/yyyy", not yyyy-mm-dd. Run CRM ▸ Set up / repair.',
      'Custom field "Employees" (Number) column in place on Customers: Column V: some of its cells are formatted as plain text ("@"), so numbers typed there are stored as text; some of its cells are formatted as a date or time ("m/d/yyyy h:mm"). Select the column and choose Format ▸ Number ▸ Automatic.',
      'Custom field "<b>Région</b> 北" (Text) column in place on Customers: No Customers column is headed "<b>Région</b> 北", so its values cannot be saved. Run CRM ▸ Set up / repair.',
    ]);
    industry.dropdown = 'missing';
    expect(failures(facts)[0]).toMatch(/Column T: some of its cells have no dropdown\./);
    industry.dropdown = 'wrong list';
    expect(failures(facts)[0]).toMatch(/does not offer exactly the choices in Settings/);
  });

  it('judges the Archive tab’s columns by the same rules: each said to be on Archive, what a missing one costs', () => {
    const facts = withFields();
    const [industry, renewal, employees, region] = on(facts, 'Archive');
    industry.dropdown = 'missing';
    renewal.column = null;
    employees.formats = ['@'];
    region.column = null;
    expect(failures(facts)).toEqual([
      'Custom field "Industry" (Choice) column in place on Archive: Column W: some of its cells have no dropdown. Run CRM ▸ Set up / repair.',
      'Custom field "Renewal" (Date) column in place on Archive: No Archive column is headed "Renewal", so archiving a customer does not keep its value of the field. Run CRM ▸ Set up / repair.',
      'Custom field "Employees" (Number) column in place on Archive: Column Y: some of its cells are formatted as plain text ("@"), so numbers typed there are stored as text. Select the column and choose Format ▸ Number ▸ Automatic.',
      'Custom field "<b>Région</b> 北" (Text) column in place on Archive: No Archive column is headed "<b>Région</b> 北", so archiving a customer does not keep its value of the field. Run CRM ▸ Set up / repair.',
    ]);
    // The Customers points are untouched by what is wrong on Archive.
    expect(
      setUpChecks(facts)
        .points.filter((p) => p.point.endsWith('on Customers'))
        .every((p) => p.ok),
    ).toBe(true);
  });

  it('reports Settings fields Set up has not applied (added, retyped, never applied)', () => {
    const facts = withFields();
    facts.settingsCustomFields = [...DEFINITIONS, { name: 'Tier', type: 'Text', choices: [], required: false }];
    expect(failures(facts)).toEqual([
      'Custom fields applied: The Settings tab defines Industry, Renewal, Employees, <b>Région</b> 北, Tier, but Set up last applied Industry, Renewal, Employees, <b>Région</b> 北 (a field, its type, choices or Required changed). Run CRM ▸ Set up / repair.',
    ]);
    facts.settingsCustomFields = DEFINITIONS.map((d) => (d.name === 'Industry' ? { ...d, choices: ['Retail'] } : d));
    expect(failures(facts)).toHaveLength(1);
    facts.settingsCustomFields = DEFINITIONS;
    facts.appliedCustomFields = null;
    expect(failures(facts)[0]).toMatch(/but Set up last applied no custom fields/);
  });
});

describe('numberFormatProblem', () => {
  it.each([
    ['0.###############', null],
    ['General', null],
    ['#,##0.00', null],
    ['0.00E+00', null],
    ['#,##0 "days"', null],
    ['[Red]-0.0', null],
    ['@', 'plain text ("@"), so numbers typed there are stored as text'],
    ['yyyy-mm-dd', 'a date or time ("yyyy-mm-dd")'],
    ['hh:mm', 'a date or time ("hh:mm")'],
  ])('%p → %p', (format, problem) => {
    expect(numberFormatProblem(format)).toBe(problem);
  });
});
