/**
 * CRM ▸ Check data's core: problems found in a Customers grid (header included), in the custom-field cells of an
 * Archive grid, and the alert text.
 */

import type { IntegrityReport } from '../../src/domain/api';
import { ARCHIVE_COLUMNS } from '../../src/domain/archive';
import { CUSTOMER_HEADERS, type HistoryAction } from '../../src/domain/customer';
import type { CustomFieldDefinition } from '../../src/domain/customFields';
import {
  checkArchiveGrid,
  checkCustomersGrid,
  deletedByHand,
  integrityReportText,
  REPORT_LIST_MAX,
} from '../../src/domain/integrity';

const AT = new Date(Date.UTC(2026, 2, 2, 9));

/** A sound row for `id`, with `changes` by header. */
function row(id: string, changes: Partial<Record<(typeof CUSTOMER_HEADERS)[number], unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = {
    ID: id,
    Name: `Customer ${id}`,
    Company: 'Acme',
    Email: 'a@example.com',
    Phone: '+1 555 0100',
    Status: 'Lead',
    'Deal value': 1200,
    Owner: 'rep@example.com',
    Source: '',
    Notes: '',
    'Created at': AT,
    'Created by': 'rep@example.com',
    'Updated at': AT,
    'Updated by': 'rep@example.com',
    'Status changed at': AT,
    Version: 1,
    ...changes,
  };
  return CUSTOMER_HEADERS.map((h) => base[h]);
}

const blank = (): unknown[] => CUSTOMER_HEADERS.map(() => '');
const grid = (...rows: unknown[][]): unknown[][] => [[...CUSTOMER_HEADERS], ...rows];

describe('checkCustomersGrid', () => {
  it('finds nothing wrong in sound rows, skips blank lines, and counts the rows it checked', () => {
    const report = checkCustomersGrid(grid(row('C-00001'), blank(), row('C-00002', { 'Deal value': '', Email: '' })));
    expect(report).toEqual({ ok: true, checkedRows: 2, problems: [], deletedByHand: [] });
    expect(checkCustomersGrid([[...CUSTOMER_HEADERS]])).toEqual({
      ok: true,
      checkedRows: 0,
      problems: [],
      deletedByHand: [],
    });
  });

  it('names every row of a duplicated ID (case and spaces ignored)', () => {
    const report = checkCustomersGrid(grid(row('C-00001'), row('C-00002'), row(' c-00001 '), row('C-00001')));
    const duplicates = report.problems.filter((p) => p.problem.includes('is also on'));
    expect(duplicates.map((p) => p.row)).toEqual([2, 4, 5]);
    expect(duplicates[0]?.problem).toContain('rows 4 and 5');
    expect(duplicates[2]?.problem).toContain('rows 2 and 4');
  });

  it('reports a row with data but no ID, and IDs the CRM cannot address', () => {
    const report = checkCustomersGrid(grid(row(''), row('42')));
    expect(report.problems).toEqual([
      { row: 2, id: '', problem: expect.stringContaining('no ID') },
      { row: 3, id: '42', problem: expect.stringContaining('not a CRM ID') },
    ]);
  });

  it('reports invalid or empty statuses, with the valid labels', () => {
    const report = checkCustomersGrid(
      grid(
        row('C-00001', { Status: 'Won?' }),
        row('C-00002', { Status: '' }),
        row('C-00003', { Status: 'closed won' }),
      ),
    );
    expect(report.problems.map((p) => [p.row, p.problem])).toEqual([
      [2, expect.stringMatching(/^Status "Won\?" is not a pipeline stage\. Use one of: Lead, .*Dormant\.$/)],
      [3, expect.stringContaining('Status is empty')],
    ]);
  });

  it('reports bad e-mails, deal values that are not amounts, missing or invalid dates and versions', () => {
    const report = checkCustomersGrid(
      grid(
        row('C-00001', { Email: 'bob@' }),
        row('C-00002', { 'Deal value': 'about 5k' }),
        row('C-00003', { 'Deal value': -5 }),
        row('C-00004', { 'Created at': '', 'Updated at': 'yesterday' }),
        row('C-00005', { Version: 1.5 }),
        row('C-00006', { Version: '' }),
        row('C-00007', { Version: 'two' }),
        row('C-00008', { Name: '  ' }),
      ),
    );
    expect(report.problems.map((p) => [p.row, p.id, p.problem])).toEqual([
      [2, 'C-00001', 'Email "bob@" is not a valid e-mail address.'],
      [3, 'C-00002', 'Deal value "about 5k" is not a number.'],
      [4, 'C-00003', 'Deal value -5 is negative.'],
      [5, 'C-00004', 'Created at is missing.'],
      [5, 'C-00004', 'Updated at "yesterday" is not a date.'],
      [6, 'C-00005', 'Version "1.5" is not a whole number of 1 or more.'],
      [7, 'C-00006', 'Version is missing.'],
      [8, 'C-00007', 'Version "two" is not a whole number of 1 or more.'],
      [9, 'C-00008', 'Name is empty.'],
    ]);
    expect(report.checkedRows).toBe(8);
  });

  it('reports data in columns without a header, not in columns a user named', () => {
    const header = [...CUSTOMER_HEADERS, 'Region', ''];
    const report = checkCustomersGrid([header, [...row('C-00001'), 'North', ''], [...row('C-00002'), '', 'stray']]);
    expect(report.problems).toEqual([{ row: 3, id: 'C-00002', problem: 'has data in column U, which has no header.' }]);
  });

  it('reports a changed header instead of checking rows against the wrong columns', () => {
    const header: unknown[] = [...CUSTOMER_HEADERS];
    header[3] = 'Phone';
    header[4] = 'Email';
    const report = checkCustomersGrid([header, row('C-00001', { Status: 'nonsense' })]);
    expect(report.checkedRows).toBe(1);
    expect(report.problems).toEqual([
      {
        row: 1,
        id: '',
        problem: expect.stringMatching(/^Column D of the header is "Phone", expected "Email".*Set up \/ repair\.$/),
      },
      { row: 1, id: '', problem: expect.stringContaining('Column E of the header is "Email", expected "Phone"') },
    ]);
  });

  it('never echoes a huge or control-laden cell in full', () => {
    const report = checkCustomersGrid(grid(row('C-00001', { Status: `x\u0000${'y'.repeat(50_000)}` })));
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.problem.length).toBeLessThan(200);
    expect(report.problems[0]?.problem).not.toContain('\u0000');
  });
});

describe('integrityReportText', () => {
  it('says so when all is well', () => {
    expect(integrityReportText({ ok: true, checkedRows: 1, problems: [], deletedByHand: [] })).toBe(
      'Checked 1 customer row: no problems found.',
    );
  });

  it(`lists up to ${REPORT_LIST_MAX} problems, then how many more`, () => {
    const problems = Array.from({ length: 23 }, (_, i) => ({
      row: i + 2,
      id: i % 2 ? `C-${i}` : '',
      problem: `Problem ${i}.`,
    }));
    const text = integrityReportText({ ok: true, checkedRows: 30, problems, deletedByHand: [] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Checked 30 customer rows: 23 problems found.');
    expect(lines[1]).toBe('• Row 2: Problem 0.');
    expect(lines[2]).toBe('• Row 3 (C-1): Problem 1.');
    expect(lines).toHaveLength(1 + REPORT_LIST_MAX + 1);
    expect(lines[lines.length - 1]).toBe('…and 3 more.');
  });

  it('counts the archived rows checked and says which problems are on the Archive tab', () => {
    const text = integrityReportText({
      ok: true,
      checkedRows: 12,
      checkedArchivedRows: 3,
      problems: [
        { row: 5, id: 'C-00007', problem: 'Name is empty.' },
        { row: 4, id: 'C-00012', problem: 'Employees "lots" is text, not a number (column X).', tab: 'Archive' },
        { row: 1, id: '', problem: 'Column T of the header is empty.', tab: 'Archive' },
      ],
      deletedByHand: [],
    });
    expect(text.split('\n')).toEqual([
      'Checked 12 customer rows and 3 archived rows: 3 problems found.',
      '• Row 5 (C-00007): Name is empty.',
      '• Archive row 4 (C-00012): Employees "lots" is text, not a number (column X).',
      '• Archive row 1: Column T of the header is empty.',
    ]);
    const one: IntegrityReport = { ok: true, checkedRows: 1, checkedArchivedRows: 1, problems: [], deletedByHand: [] };
    expect(integrityReportText({ ...one, problems: [] })).toBe(
      'Checked 1 customer row and 1 archived row: no problems found.',
    );
    // No archived row checked (no custom field has an Archive column): the line is the one from before.
    expect(integrityReportText({ ...one, checkedArchivedRows: 0, problems: [] })).toBe(
      'Checked 1 customer row: no problems found.',
    );
  });

  it('lists the customers deleted by hand after the problems', () => {
    const text = integrityReportText({
      ok: true,
      checkedRows: 2,
      problems: [],
      deletedByHand: [
        { id: 'C-00002', name: 'Ann Lee' },
        { id: 'C-00005', name: '' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Checked 2 customer rows: no problems found.',
      '',
      '2 customers were deleted by hand (in History, in neither Customers nor Archive):',
      '• C-00002 Ann Lee',
      '• C-00005',
    ]);
  });
});

describe('deletedByHand', () => {
  const event = (customerId: string, action: HistoryAction, field: string, to: string) => ({
    customerId,
    action,
    field,
    to,
  });

  it('reports registered IDs in neither tab, with their last recorded name, in ID order', () => {
    const events = [
      event('C-00003', 'create', 'Status', 'Lead'),
      event('C-00003', 'create', 'Name', 'First name'),
      event('C-00001', 'import', 'Status', 'Lead'),
      event('C-00002', 'create', 'Status', 'Lead'),
      event('C-00003', 'update', 'Name', 'Renamed'),
      event('C-00009', 'call', '', 'a call logged for an ID never registered'),
    ];
    expect(deletedByHand(events, new Set(['C-00002']))).toEqual([
      { id: 'C-00001', name: '' },
      { id: 'C-00003', name: 'Renamed' },
    ]);
  });

  it('reports nothing when every registered customer is in Customers or Archive', () => {
    const events = [event('C-00001', 'create', 'Status', 'Lead'), event('C-00002', 'create', 'Status', 'Lead')];
    expect(deletedByHand(events, new Set(['C-00001', 'C-00002']))).toEqual([]);
  });
});

describe('checkCustomersGrid with custom fields', () => {
  const DEFINITIONS: CustomFieldDefinition[] = [
    { name: 'Industry', type: 'Choice', choices: ['Retail', 'Tech'], required: true },
    { name: 'Employees', type: 'Number', choices: [], required: false },
    { name: 'Renewal', type: 'Date', choices: [], required: false },
    { name: 'Région', type: 'Text', choices: [], required: false },
  ];
  // The columns as a person may leave them: Employees dragged before Industry, a kept column of a removed field.
  const HEADER = [...CUSTOMER_HEADERS, 'Employees', 'Old field', 'industry', 'Renewal', 'REGION'];
  const withCustom = (id: string, cells: unknown[]): unknown[] => [...row(id), ...cells];

  it('finds nothing wrong in valid or empty custom cells (Required is not Check data’s rule)', () => {
    const report = checkCustomersGrid(
      [
        HEADER,
        withCustom('C-00001', [-3.5, 'anything', 'retail', AT, '=1+1 <b>Zürich</b> 🚀']),
        withCustom('C-00002', ['', '', '', '2026-09-30', 42]),
        withCustom('C-00003', [null, null, null, null, null]),
      ],
      DEFINITIONS,
    );
    expect(report.problems).toEqual([]);
  });

  it('names row, ID, field and column of every invalid custom cell, in column order', () => {
    const huge = 'x'.repeat(5_000);
    const report = checkCustomersGrid(
      [
        HEADER,
        withCustom('C-00001', ['12 units', 'kept', 'Mining', 'spring', `two\nlines`]),
        withCustom('C-00002', [true, '', AT, 45_000, huge]),
        withCustom('C-00003', [1e16, '', '=HYPERLINK("x")', '31/12/2026', '']),
      ],
      DEFINITIONS,
    );
    expect(report.problems).toEqual([
      { row: 2, id: 'C-00001', problem: 'Employees "12 units" is text, not a number (column T).' },
      {
        row: 2,
        id: 'C-00001',
        problem: 'Industry "Mining" is not one of the choices: Retail, Tech (column V).',
      },
      {
        row: 2,
        id: 'C-00001',
        problem: 'Renewal "spring" is not a date (a date cell, such as 2026-03-31) (column W).',
      },
      {
        row: 2,
        id: 'C-00001',
        problem: 'Région must fit on one line: remove the line breaks and tabs (column X).',
      },
      { row: 3, id: 'C-00002', problem: 'Employees "true" is a yes/no value, not a number (column T).' },
      {
        row: 3,
        id: 'C-00002',
        problem: `Industry "${AT.toISOString()}" is not one of the choices: Retail, Tech (column V).`,
      },
      { row: 3, id: 'C-00002', problem: 'Renewal "45000" is not a date (a date cell, such as 2026-03-31) (column W).' },
      {
        row: 3,
        id: 'C-00002',
        problem: expect.stringMatching(/^Région is too long: 5,000 characters.* \(column X\)\.$/),
      },
      {
        row: 4,
        id: 'C-00003',
        problem:
          'Employees 10000000000000000 is too large: the limit is 999,999,999,999,999 either side of 0 (column T).',
      },
      {
        row: 4,
        id: 'C-00003',
        problem: 'Industry "=HYPERLINK("x")" is not one of the choices: Retail, Tech (column V).',
      },
      {
        row: 4,
        id: 'C-00003',
        problem: 'Renewal "31/12/2026" is not a date (a date cell, such as 2026-03-31) (column W).',
      },
    ]);
    // The huge value is never echoed whole.
    expect(JSON.stringify(report).length).toBeLessThan(3_000);
  });

  it('leaves out a field without a column (Set up not run since it was defined), and reads the grid only', () => {
    const values = [[...CUSTOMER_HEADERS], withCustom('C-00001', [])];
    const before = JSON.stringify(values);
    expect(checkCustomersGrid(values, DEFINITIONS).problems).toEqual([]);
    expect(JSON.stringify(values)).toBe(before);
  });
});

describe('checkArchiveGrid', () => {
  const DEFINITIONS: CustomFieldDefinition[] = [
    { name: 'Industry', type: 'Choice', choices: ['Retail', 'Tech'], required: true },
    { name: 'Employees', type: 'Number', choices: [], required: false },
    { name: 'Renewal', type: 'Date', choices: [], required: false },
    { name: 'Région', type: 'Text', choices: [], required: false },
  ];
  // The Archive header: the Customers columns, Archived at/by/reason (T..V), then the fields from W, found by
  // header (Région dragged before Renewal by hand).
  const HEADER = [...ARCHIVE_COLUMNS.headers, 'Industry', 'Employees', 'REGION', 'Renewal'];
  const archived = (id: string, cells: unknown[], changes: Parameters<typeof row>[1] = {}): unknown[] => [
    ...row(id, changes),
    AT,
    'rep@example.com',
    'closed shop',
    ...cells,
  ];

  it('finds nothing wrong in valid or empty custom cells, and counts the non-blank rows checked', () => {
    const report = checkArchiveGrid(
      [
        HEADER,
        archived('C-00001', ['tech', -3.5, '=1+1 <b>Zürich</b> 🚀 مرحبا', AT]),
        [...HEADER.map(() => '')],
        archived('C-00002', ['', '', '', '2026-09-30']),
        archived('C-00003', []),
      ],
      DEFINITIONS,
    );
    expect(report).toEqual({ checkedRows: 3, problems: [] });
  });

  it('names the Archive row, ID, field and column of every invalid custom cell', () => {
    const huge = 'y'.repeat(10_000);
    const values = [
      HEADER,
      archived('C-00004', ['Mining', '12 units', '<b>x</b>', 'spring']),
      archived('C-00009', ['=1+1', '=1+1', huge, 45_000]),
      archived('C-00002', ['Retail', true, 'two\nlines', '31/12/2026']),
    ];
    const before = JSON.stringify(values);
    const report = checkArchiveGrid(values, DEFINITIONS);
    expect(JSON.stringify(values)).toBe(before); // reads the grid only
    expect(report.checkedRows).toBe(3);
    expect(report.problems).toEqual([
      {
        tab: 'Archive',
        row: 2,
        id: 'C-00004',
        problem: 'Industry "Mining" is not one of the choices: Retail, Tech (column W).',
      },
      { tab: 'Archive', row: 2, id: 'C-00004', problem: 'Employees "12 units" is text, not a number (column X).' },
      {
        tab: 'Archive',
        row: 2,
        id: 'C-00004',
        problem: 'Renewal "spring" is not a date (a date cell, such as 2026-03-31) (column Z).',
      },
      {
        tab: 'Archive',
        row: 3,
        id: 'C-00009',
        problem: 'Industry "=1+1" is not one of the choices: Retail, Tech (column W).',
      },
      { tab: 'Archive', row: 3, id: 'C-00009', problem: 'Employees "=1+1" is text, not a number (column X).' },
      {
        tab: 'Archive',
        row: 3,
        id: 'C-00009',
        problem: expect.stringMatching(/^Région is too long: 10,000 characters.* \(column Y\)\.$/),
      },
      {
        tab: 'Archive',
        row: 3,
        id: 'C-00009',
        problem: 'Renewal "45000" is not a date (a date cell, such as 2026-03-31) (column Z).',
      },
      {
        tab: 'Archive',
        row: 4,
        id: 'C-00002',
        problem: 'Employees "true" is a yes/no value, not a number (column X).',
      },
      {
        tab: 'Archive',
        row: 4,
        id: 'C-00002',
        problem: 'Région must fit on one line: remove the line breaks and tabs (column Y).',
      },
      {
        tab: 'Archive',
        row: 4,
        id: 'C-00002',
        problem: 'Renewal "31/12/2026" is not a date (a date cell, such as 2026-03-31) (column Z).',
      },
    ]);
    expect(JSON.stringify(report).length).toBeLessThan(3_000); // the huge value is never echoed whole
  });

  it('checks only custom cells: an archived row’s fixed cells and the archive columns are frozen copies', () => {
    const values = [
      HEADER,
      archived('C-00001', ['Retail'], { Name: '', Status: 'Won?', Email: 'bob@', Version: 'v2' }),
      archived('', ['Mining']),
    ];
    values[1]?.splice(ARCHIVE_COLUMNS.of.archivedAt.index, 1, 'not a date');
    expect(checkArchiveGrid(values, DEFINITIONS).problems).toEqual([
      {
        tab: 'Archive',
        row: 3,
        id: '',
        problem: 'Industry "Mining" is not one of the choices: Retail, Tech (column W).',
      },
    ]);
  });

  it('never takes an archive column for a field, even one that shares its name', () => {
    const reason = { name: 'Archive reason', type: 'Number', choices: [], required: false } as const;
    const values = [[...ARCHIVE_COLUMNS.headers], archived('C-00001', [])];
    expect(checkArchiveGrid(values, [{ ...reason, choices: [] }])).toEqual({ checkedRows: 0, problems: [] });
  });

  it('checks nothing when no field has an Archive column (none defined, or Set up not run since)', () => {
    const values = [[...ARCHIVE_COLUMNS.headers], archived('C-00001', ['Mining'])];
    expect(checkArchiveGrid(values, DEFINITIONS)).toEqual({ checkedRows: 0, problems: [] });
    expect(checkArchiveGrid([HEADER, archived('C-00001', ['Mining'])], [])).toEqual({ checkedRows: 0, problems: [] });
    expect(checkArchiveGrid([], DEFINITIONS)).toEqual({ checkedRows: 0, problems: [] }); // no Archive tab
  });

  it('reports a changed Archive header instead of rows, since no column can then be trusted', () => {
    const header = [...HEADER];
    header[ARCHIVE_COLUMNS.of.archivedBy.index] = 'Who';
    header[ARCHIVE_COLUMNS.of.id.index] = '';
    expect(checkArchiveGrid([header, archived('C-00001', ['Mining'])], DEFINITIONS)).toEqual({
      checkedRows: 0,
      problems: [
        {
          tab: 'Archive',
          row: 1,
          id: '',
          problem: 'Column A of the header is empty, expected "ID": rows cannot be checked. Run CRM ▸ Set up / repair.',
        },
        {
          tab: 'Archive',
          row: 1,
          id: '',
          problem:
            'Column U of the header is "Who", expected "Archived by": rows cannot be checked. Run CRM ▸ Set up / repair.',
        },
      ],
    });
  });
});
