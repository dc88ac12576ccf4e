/** CRM ▸ Check data's core: problems found in a Customers grid (header included), and the alert text. */

import { CUSTOMER_HEADERS, type HistoryAction } from '../../src/domain/customer';
import { checkCustomersGrid, deletedByHand, integrityReportText, REPORT_LIST_MAX } from '../../src/domain/integrity';

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
