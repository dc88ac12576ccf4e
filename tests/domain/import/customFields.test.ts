/**
 * Custom fields in the import planner (pure): which column feeds which field (by header, case/accent-insensitively,
 * never a column the fixed mapping uses), each cell read by the API's type check, a bad value or a missing required
 * one left empty with a warning, and the creation History events carrying the values.
 */

import type { CustomFieldDefinition } from '../../../src/domain/customFields';
import { buildImportWrites, customImportColumns, emptyMapping, readCustomCells } from '../../../src/domain/import';
import { customer, NOW, plan } from './fixtures';

const DEFINITIONS: readonly CustomFieldDefinition[] = [
  { name: 'Industry', type: 'Choice', choices: ['Retail', 'Software'], required: false },
  { name: 'Employees', type: 'Number', choices: [], required: false },
  { name: 'Renewal', type: 'Date', choices: [], required: false },
  { name: 'Région', type: 'Text', choices: [], required: true },
];

describe('customImportColumns', () => {
  it('finds fields by header, any case or accents, leftmost first, skipping mapped columns and blanks', () => {
    const mapping = { ...emptyMapping(), name: 0, notes: 5 };
    const headers = ['Name', ' INDUSTRY ', 'industry', 'employees', 'REGION', 'renewal', '', 'Unknown'];
    const found = customImportColumns(headers, mapping, DEFINITIONS).map((c) => [c.definition.name, c.column]);
    expect(found).toEqual([
      ['Industry', 1],
      ['Employees', 3],
      ['Région', 4],
    ]);
  });

  it('finds nothing without definitions', () => {
    expect(customImportColumns(['Industry'], emptyMapping(), [])).toEqual([]);
  });
});

describe('readCustomCells', () => {
  const columns = customImportColumns(['Industry', 'Employees', 'Renewal', 'Région'], emptyMapping(), DEFINITIONS);

  it('reads good values of each type (a number cell, a date cell, a choice in any case)', () => {
    const read = readCustomCells(['software', 1200, new Date(Date.UTC(2026, 8, 30)), ' North '], columns, DEFINITIONS);
    expect(read.custom).toEqual({ Industry: 'Software', Employees: 1200, Renewal: '2026-09-30', Région: 'North' });
    expect(read.warnings).toEqual([]);
  });

  it('leaves bad values empty with a warning naming the field; a missing required one is warned too', () => {
    const read = readCustomCells(['Mining', 'lots', '31/12/2026', ''], columns, DEFINITIONS);
    expect(read.custom).toEqual({ Industry: '', Employees: null, Renewal: '', Région: '' });
    expect(read.warnings).toEqual([
      'Industry "Mining" is not one of the choices: Retail, Software. Imported with Industry left empty.',
      expect.stringMatching(/^Employees "lots" is not a number: .* Imported with Employees left empty\.$/),
      expect.stringMatching(/^Renewal "31\/12\/2026" is not a date: .* Imported with Renewal left empty\.$/),
      'Région is required but has no value. Imported with Région left empty.',
    ]);
  });

  it('keeps formula-looking text and markup as text; refuses huge text, control characters and error cells', () => {
    const ok = readCustomCells(['', '', '', '=HYPERLINK("x")<b>'], columns, DEFINITIONS);
    expect(ok.custom.Région).toBe('=HYPERLINK("x")<b>');
    const huge = readCustomCells(['', '', '', 'y'.repeat(1_001)], columns, DEFINITIONS);
    expect(huge.custom.Région).toBe('');
    expect(huge.warnings[0]).toMatch(/^Région is too long/);
    const bell = readCustomCells(['', '', '', 'a\u0007b'], columns, DEFINITIONS);
    expect(bell.custom.Région).toBe('');
    expect(bell.warnings[0]).toMatch(/^Région .*Imported with Région left empty\.$/);
    const error = readCustomCells(['#REF!', '', '', 'ok'], columns, DEFINITIONS);
    expect(error.warnings).toEqual([
      'Industry (column A) shows the spreadsheet error #REF!, not a value. Imported with Industry left empty.',
    ]);
  });

  it('gives every defined field its empty value when no column feeds it', () => {
    const read = readCustomCells(['x'], [], DEFINITIONS.slice(0, 3));
    expect(read.custom).toEqual({ Industry: '', Employees: null, Renewal: '' });
    expect(read.warnings).toEqual([]);
  });
});

describe('planImport and buildImportWrites with custom fields', () => {
  const grid = [
    ['Name', 'Industry', 'Employees', 'Region'],
    ['Ann Archer', 'Retail', '12', 'North'],
    ['Bob Baker', 'Mining', '', ''],
  ];
  const planned = plan(grid, [], { customFields: DEFINITIONS });

  it('imports both rows, the bad and missing values as warnings of row 3', () => {
    expect(planned.toImport.map((p) => p.custom)).toEqual([
      { Industry: 'Retail', Employees: 12, Renewal: '', Région: 'North' },
      { Industry: '', Employees: null, Renewal: '', Région: '' },
    ]);
    expect(planned.warnings.map((w) => w.row)).toEqual([3, 3]);
    expect(planned.warnings[1]?.reason).toBe(
      'Row 3: Région is required but has no value. Imported with Région left empty.',
    );
  });

  it('logs the custom values with the creation events', () => {
    const writes = buildImportWrites(planned, ['C-00001', 'C-00002'], NOW, 'admin@example.com', DEFINITIONS);
    expect(writes.customers[0]?.custom).toEqual(planned.toImport[0]?.custom);
    const custom = writes.events.filter(
      (e) => e.customerId === 'C-00001' && ['Industry', 'Employees', 'Région'].includes(e.field),
    );
    expect(custom.map((e) => [e.action, e.field, e.to])).toEqual([
      ['import', 'Industry', 'Retail'],
      ['import', 'Employees', '12'],
      ['import', 'Région', 'North'],
    ]);
    expect(writes.events.filter((e) => e.customerId === 'C-00002' && e.field === 'Industry')).toEqual([]);
  });
});

describe('merge mode fills empty custom values (the fixed fields’ rule)', () => {
  const existing = customer('C-00001', {
    name: 'Eve Evans',
    email: 'eve@existing.example',
    custom: { Industry: 'Retail', Employees: null, Renewal: '', Région: '' },
  });
  const grid = [
    ['Name', 'Email', 'Industry', 'Employees', 'Renewal', 'Region'],
    // A duplicate of Eve: Industry already set (never overwritten), Employees 0 (a value), Région hostile text.
    ['Eve Evans', 'eve@existing.example', 'Software', 0, '2026-09-30', '=HYPERLINK("x") <b>Zürich</b> 北'],
    // A second duplicate row: everything is filled by now, a bad number is only warned.
    ['EVE EVANS', 'EVE@existing.example', 'Software', 'lots', '', 'South'],
    // A new customer, then a duplicate of it that fills its empty Employees (into an earlier import row).
    ['Ann Archer', 'ann@a.example', '', '', '', 'North'],
    ['Ann Archer', 'ann@a.example', '', '1,200', '', ''],
  ];
  const planned = plan(grid, [existing], { customFields: DEFINITIONS, duplicates: 'merge' });

  it('fills only the empty custom values of the existing customer, lists them under Filled', () => {
    expect(planned.merges).toHaveLength(1);
    expect(planned.merges[0]?.fill).toEqual({
      custom: { Employees: 0, Renewal: '2026-09-30', Région: '=HYPERLINK("x") <b>Zürich</b> 北' },
    });
    expect(planned.duplicates.map((d) => [d.row, d.action, d.filled])).toEqual([
      [2, 'merged', ['Employees', 'Renewal', 'Région']],
      [3, 'skipped', []],
      [5, 'merged', ['Employees']],
    ]);
    expect(planned.duplicates[1]?.reason).toMatch(/Nothing new to add/);
    // Row 3 is skipped, so its bad value is no warning; no "required" warning for a row that creates nothing.
    expect(planned.warnings.map((w) => w.reason)).toEqual([]);
  });

  it('fills an earlier import row’s empty custom values too', () => {
    expect(planned.toImport.map((p) => p.custom)).toEqual([
      { Industry: '', Employees: 1200, Renewal: '', Région: 'North' },
    ]);
  });

  it('writes the merge through the change rule: Version + 1 and one `import` event per filled custom value', () => {
    const writes = buildImportWrites(planned, ['C-00002'], NOW, 'admin@example.com', DEFINITIONS);
    expect(writes.updates).toHaveLength(1);
    const after = writes.updates[0]?.after;
    expect(after?.custom).toEqual({
      Industry: 'Retail',
      Employees: 0,
      Renewal: '2026-09-30',
      Région: '=HYPERLINK("x") <b>Zürich</b> 北',
    });
    expect(after?.version).toBe(existing.version + 1);
    const logged = writes.events
      .filter((e) => e.customerId === 'C-00001')
      .map((e) => [e.action, e.field, e.from, e.to]);
    expect(logged).toEqual([
      ['import', 'Employees', '', '0'],
      ['import', 'Renewal', '', '2026-09-30'],
      ['import', 'Région', '', '=HYPERLINK("x") <b>Zürich</b> 北'],
    ]);
  });

  it('reports a bad custom value of a merged row, and merges its good ones', () => {
    const bad = plan(
      [
        ['Name', 'Email', 'Employees', 'Renewal'],
        ['Eve Evans', 'eve@existing.example', 'lots', '2026-01-31'],
      ],
      [existing],
      { customFields: DEFINITIONS, duplicates: 'merge' },
    );
    expect(bad.merges[0]?.fill).toEqual({ custom: { Renewal: '2026-01-31' } });
    expect(bad.warnings.map((w) => w.reason)).toEqual([
      expect.stringMatching(/^Row 2: Employees "lots" is not a number: .* Imported with Employees left empty\.$/),
    ]);
  });

  it('drops the "required but has no value" warning of an earlier row a duplicate row fills', () => {
    const filled = plan(
      [
        ['Name', 'Email', 'Region'],
        ['Ann Archer', 'ann@a.example', ''],
        ['Ann Archer', 'ann@a.example', 'North'],
        ['Bob Baker', 'bob@b.example', ''],
      ],
      [],
      { customFields: DEFINITIONS, duplicates: 'merge' },
    );
    expect(filled.toImport.map((p) => [p.row, p.custom.Région])).toEqual([
      [2, 'North'],
      [4, ''],
    ]);
    expect(filled.warnings).toEqual([
      { row: 4, reason: 'Row 4: Région is required but has no value. Imported with Région left empty.' },
    ]);
  });

  it('skips the row as before when it has no custom value to add', () => {
    const none = plan(
      [
        ['Name', 'Email', 'Industry'],
        ['Eve Evans', 'eve@existing.example', 'Software'],
      ],
      [existing],
      { customFields: DEFINITIONS, duplicates: 'merge' },
    );
    expect(none.merges).toEqual([]);
    expect(none.duplicates[0]?.reason).toMatch(/Nothing new to add, not imported\./);
  });
});
