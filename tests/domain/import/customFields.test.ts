/**
 * Custom fields in the import planner (pure): which column feeds which field (by header, case/accent-insensitively,
 * never a column the fixed mapping uses), each cell read by the API's type check, a bad value or a missing required
 * one left empty with a warning, and the creation History events carrying the values.
 */

import type { CustomFieldDefinition } from '../../../src/domain/customFields';
import { buildImportWrites, customImportColumns, emptyMapping, readCustomCells } from '../../../src/domain/import';
import { NOW, plan } from './fixtures';

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
