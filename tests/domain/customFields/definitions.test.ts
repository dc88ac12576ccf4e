/** The Settings custom-field table (I:L) read into definitions, each bad row or cell reported by its cell. */

import {
  CUSTOM_FIELD_NAME_MAX,
  CUSTOM_FIELDS_MAX,
  customFieldsFromGrid,
  parseCustomFieldType,
} from '../../../src/domain/customFields';
import { CUSTOMER_HEADERS } from '../../../src/domain/customer';
import { settingsWithFields, SETTINGS_HEADER_ROW } from './fixtures';

describe('customFieldsFromGrid', () => {
  it('reads each type, choices split on commas and trimmed, Required yes/empty, in the table order', () => {
    const read = customFieldsFromGrid(
      settingsWithFields([
        ['Industry', 'Choice', ' Retail ,Tech,, Health care ', 'yes'],
        ['Employees', 'Number', '', ''],
        ['Renewal', 'Date', '', 'YES'],
        ['  Region ', 'text', '', 'no'],
      ]),
    );
    expect(read.problems).toEqual([]);
    expect(read.definitions).toEqual([
      { name: 'Industry', type: 'Choice', choices: ['Retail', 'Tech', 'Health care'], required: true },
      { name: 'Employees', type: 'Number', choices: [], required: false },
      { name: 'Renewal', type: 'Date', choices: [], required: true },
      { name: 'Region', type: 'Text', choices: [], required: false },
    ]);
  });

  it('gives no definitions and no problems for a Settings tab without the table (an older CRM)', () => {
    const older = [SETTINGS_HEADER_ROW.slice(0, 7), ['a@shop.example', '', 'Lead', 0.1, '', 'Stale after (days)', 14]];
    expect(customFieldsFromGrid(older)).toEqual({ definitions: [], problems: [] });
    expect(customFieldsFromGrid([])).toEqual({ definitions: [], problems: [] });
  });

  it('skips empty rows and accepts a checkbox for Required', () => {
    const read = customFieldsFromGrid(
      settingsWithFields([
        ['', '', '', ''],
        ['Region', 'Text', '', true],
        [null, null, null, null],
        ['Score', 'Number', '', false],
      ]),
    );
    expect(read.problems).toEqual([]);
    expect(read.definitions.map((d) => [d.name, d.required])).toEqual([
      ['Region', true],
      ['Score', false],
    ]);
  });

  it('leaves out a row with no name but other cells filled, naming the cells', () => {
    const read = customFieldsFromGrid(settingsWithFields([['', 'Text', '', 'yes']]));
    expect(read.definitions).toEqual([]);
    expect(read.problems).toEqual(['Settings I2 is empty but J2:L2 are filled: name the field or clear the row.']);
  });

  it('reports an unknown or missing type by its cell and leaves the field out', () => {
    const read = customFieldsFromGrid(
      settingsWithFields([
        ['Budget', 'Currency', '', ''],
        ['Region', '', '', ''],
        ['Ok', 'Text', '', ''],
      ]),
    );
    expect(read.definitions.map((d) => d.name)).toEqual(['Ok']);
    expect(read.problems).toEqual([
      'Settings J2: "Budget" has the type "Currency", which is not one: use Text, Number, Date, Choice. The field is not added.',
      'Settings J3: "Region" has no type: use Text, Number, Date, Choice. The field is not added.',
    ]);
  });

  it('refuses a Choice field without choices', () => {
    const read = customFieldsFromGrid(settingsWithFields([['Industry', 'Choice', ' , ,', '']]));
    expect(read.definitions).toEqual([]);
    expect(read.problems).toEqual([
      'Settings K2: the Choice field "Industry" has no choices: list them separated by commas. The field is not added.',
    ]);
  });

  it('drops a repeated choice (case-insensitive, first spelling kept) and an over-long one, saying so', () => {
    const long = 'x'.repeat(101);
    const read = customFieldsFromGrid(settingsWithFields([['Industry', 'Choice', `Retail, retail ,Tech,${long}`, '']]));
    expect(read.definitions[0]?.choices).toEqual(['Retail', 'Tech']);
    expect(read.problems).toHaveLength(2);
    expect(read.problems[0]).toBe('Settings K2: "Industry" lists "retail" twice; the first spelling is used.');
    expect(read.problems[1]).toMatch(/^Settings K2: the choice "x{40}…" of "Industry" is left out/);
  });

  it('ignores choices given to another type, and a Required that is neither yes nor empty, with a problem each', () => {
    const read = customFieldsFromGrid(settingsWithFields([['Employees', 'Number', '1, 2', 'maybe']]));
    expect(read.definitions).toEqual([{ name: 'Employees', type: 'Number', choices: [], required: false }]);
    expect(read.problems).toEqual([
      'Settings K2: "Employees" is a Number field, so its choices are ignored.',
      'Settings L2: Required of "Employees" is "maybe": write yes or leave it empty. It is not required for now.',
    ]);
  });

  it.each(CUSTOMER_HEADERS.map((h) => [h]))('reports a clash with the fixed column %s, in any case', (header) => {
    const typed = header.toUpperCase();
    const read = customFieldsFromGrid(settingsWithFields([[typed, 'Text', '', '']]));
    expect(read.definitions).toEqual([]);
    expect(read.problems).toEqual([
      `Settings I2: "${typed}" is the name of the fixed column "${header}"; rename the custom field (it is not added).`,
    ]);
  });

  it('compares names as Settings does: accents, case and spacing folded', () => {
    const read = customFieldsFromGrid(
      settingsWithFields([
        ['Région', 'Text', '', ''],
        ['REGION', 'Number', '', ''],
        ['next   step', 'Text', '', ''],
      ]),
    );
    expect(read.definitions.map((d) => d.name)).toEqual(['Région']);
    expect(read.problems).toEqual([
      'Settings I3: "REGION" is already defined in I2; this row is ignored.',
      'Settings I4: "next   step" is the name of the fixed column "Next step"; rename the custom field (it is not added).',
    ]);
  });

  it('reports a clash with extra reserved headers (the Archive tab’s own columns)', () => {
    const read = customFieldsFromGrid(settingsWithFields([['archived at', 'Date', '', '']]), {
      reservedHeaders: ['Archived at', 'Archived by', 'Archive reason'],
    });
    expect(read.definitions).toEqual([]);
    expect(read.problems[0]).toContain('the fixed column "Archived at"');
  });

  it('refuses names that cannot be a header, a History label or an API key', () => {
    const read = customFieldsFromGrid(
      settingsWithFields([
        ['=SUM(A1)', 'Text', '', ''],
        ['+1 score', 'Number', '', ''],
        ['Two\nlines', 'Text', '', ''],
        ['n'.repeat(CUSTOM_FIELD_NAME_MAX + 1), 'Text', '', ''],
        ['__proto__', 'Text', '', ''],
        ['n'.repeat(CUSTOM_FIELD_NAME_MAX), 'Text', '', ''],
      ]),
    );
    expect(read.definitions.map((d) => d.name)).toEqual(['n'.repeat(CUSTOM_FIELD_NAME_MAX)]);
    expect(read.problems).toEqual([
      'Settings I2: "=SUM(A1)" cannot start with = + - or @ (a header the sheet would run as a formula); the field is not added.',
      'Settings I3: "+1 score" cannot start with = + - or @ (a header the sheet would run as a formula); the field is not added.',
      'Settings I4: "Two lines" must fit on one line, without line breaks, tabs or control characters; the field is not added.',
      `Settings I5: "${'n'.repeat(40)}…" is too long for a field name (61 characters, the limit is 60); the field is not added.`,
      'Settings I6: "__proto__" is a name the CRM cannot use; the field is not added.',
    ]);
  });

  it('reads cells of any type as text (a number or a date typed as a name)', () => {
    const read = customFieldsFromGrid(settingsWithFields([[2026, 'Text', '', '']]));
    expect(read.definitions.map((d) => d.name)).toEqual(['2026']);
  });

  it('reports changed headers but still reads the table by column', () => {
    const header = [...SETTINGS_HEADER_ROW];
    header[9] = 'Kind';
    const read = customFieldsFromGrid(settingsWithFields([['Region', 'Text', '', '']], header));
    expect(read.definitions.map((d) => d.name)).toEqual(['Region']);
    expect(read.problems).toEqual([
      'Settings: the custom-field headers have changed (expected J1 "Type"). The table is still read by column.',
    ]);
  });

  it(`stops at ${CUSTOM_FIELDS_MAX} fields and says which were not added`, () => {
    const rows = Array.from({ length: CUSTOM_FIELDS_MAX + 2 }, (_, i) => [`F${i + 1}`, 'Text', '', '']);
    const read = customFieldsFromGrid(settingsWithFields(rows));
    expect(read.definitions).toHaveLength(CUSTOM_FIELDS_MAX);
    expect(read.problems).toEqual([
      `Settings I${CUSTOM_FIELDS_MAX + 2}: "F${CUSTOM_FIELDS_MAX + 1}" is not added: the CRM takes at most ${CUSTOM_FIELDS_MAX} custom fields.`,
      `Settings I${CUSTOM_FIELDS_MAX + 3}: "F${CUSTOM_FIELDS_MAX + 2}" is not added: the CRM takes at most ${CUSTOM_FIELDS_MAX} custom fields.`,
    ]);
  });

  it('survives a grid that is not one (a broken read gives nothing, not a crash)', () => {
    expect(customFieldsFromGrid(null as unknown as unknown[][])).toEqual({ definitions: [], problems: [] });
    expect(customFieldsFromGrid([null, 'x'] as unknown as unknown[][])).toEqual({ definitions: [], problems: [] });
  });
});

describe('parseCustomFieldType', () => {
  it.each([
    ['Text', 'Text'],
    ['NUMBER', 'Number'],
    [' date ', 'Date'],
    ['choice', 'Choice'],
    ['Dropdown', null],
    ['', null],
  ])('%j → %j', (text, type) => {
    expect(parseCustomFieldType(text)).toBe(type);
  });
});
