/** The Settings tab: grid written at set-up, and tolerant reading of what an admin typed. */
import {
  DEFAULT_SETTINGS,
  parseProbability,
  SETTINGS_HEADERS,
  settingsFromGrid,
  settingsGrid,
} from '../../src/domain/settings';

const HEADER = ['Staff e-mail', '', 'Stage', 'Win probability', '', 'Setting', 'Value'];
const REASONS = ['Price', 'Timing', 'Chose a competitor', 'No budget', 'No response', 'Other'];
/** Columns H..M between the Value column and the Lost reasons column N. */
const GAP = ['', '', '', '', '', ''];

const DEFAULT_GRID = [
  [...HEADER, ...GAP, 'Lost reasons'],
  ['', '', 'Lead', 0.1, '', 'Stale after (days)', 14, ...GAP, 'Price'],
  ['', '', 'Contacted', 0.2, '', '', '', ...GAP, 'Timing'],
  ['', '', 'Qualified', 0.4, '', '', '', ...GAP, 'Chose a competitor'],
  ['', '', 'In negotiation', 0.6, '', '', '', ...GAP, 'No budget'],
  ['', '', 'Closed-won', 1, '', '', '', ...GAP, 'No response'],
  ['', '', 'Closed-lost', 0, '', '', '', ...GAP, 'Other'],
  ['', '', 'Active', 1, '', '', '', ...GAP, ''],
  ['', '', 'Dormant', 0, '', '', '', ...GAP, ''],
];

describe('settingsGrid', () => {
  it('lays out the three tables side by side under one header row', () => {
    expect(SETTINGS_HEADERS).toEqual(HEADER);
    expect(settingsGrid(DEFAULT_SETTINGS)).toEqual(DEFAULT_GRID);
  });

  it('grows with the staff list and stays rectangular', () => {
    const staff = Array.from({ length: 10 }, (_, i) => `s${i}@shop.example`);
    const grid = settingsGrid({ ...DEFAULT_SETTINGS, staff, staleDays: 30 });
    expect(grid).toHaveLength(11);
    expect(new Set(grid.map((row) => row.length))).toEqual(new Set([14]));
    expect(grid[1]).toEqual(['s0@shop.example', '', 'Lead', 0.1, '', 'Stale after (days)', 30, ...GAP, 'Price']);
    expect(grid[10]).toEqual(['s9@shop.example', '', '', '', '', '', '', ...GAP, '']);
  });

  it('reads back what it writes, without problems', () => {
    const settings = {
      staff: ['ann@shop.example', 'bob@shop.example'],
      probabilities: { ...DEFAULT_SETTINGS.probabilities, Qualified: 0.35 },
      staleDays: 21,
      lostReasons: ['Price', 'Went quiet'],
    };
    expect(settingsFromGrid(settingsGrid(settings))).toEqual({ settings, problems: [] });
  });
});

describe('Lost reasons (column N)', () => {
  const withReasons = (...cells: unknown[]): unknown[][] => [
    [...HEADER, ...GAP, 'Lost reasons'],
    ...cells.map((cell) => ['', '', '', '', '', '', '', ...GAP, cell]),
  ];

  it('reads the list as written, skipping blanks, and reports a repeat once', () => {
    const { settings, problems } = settingsFromGrid(withReasons(' Price ', '', 'Budget cut', 'price', 42));
    expect(settings.lostReasons).toEqual(['Price', 'Budget cut', '42']);
    expect(problems).toContain('Settings N5: the lost reason "price" is listed twice; it counts once.');
  });

  it('falls back to the defaults without the column (a CRM from before the list) or with an empty list', () => {
    expect(settingsFromGrid([HEADER]).settings.lostReasons).toEqual(REASONS);
    const empty = settingsFromGrid(withReasons('', ''));
    expect(empty.settings.lostReasons).toEqual(REASONS);
    expect(empty.problems).toContain('Settings: the "Lost reasons" list is empty; using the defaults.');
  });
});

describe('settingsFromGrid', () => {
  it('reads the default grid as the defaults', () => {
    expect(settingsFromGrid(DEFAULT_GRID)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('returns fresh objects, never the shared default', () => {
    const { settings } = settingsFromGrid(DEFAULT_GRID);
    settings.staff.push('x@shop.example');
    settings.probabilities.Lead = 0.5;
    expect(DEFAULT_SETTINGS.staff).toEqual([]);
    expect(DEFAULT_SETTINGS.probabilities.Lead).toBe(0.1);
  });

  it('normalises staff e-mails, drops duplicates, and reports invalid ones by cell', () => {
    const grid = [
      HEADER,
      [' Ann@Shop.Example ', '', 'Lead', 0.1, '', 'Stale after (days)', 14],
      ['ann@shop.example'],
      ['not an email'],
      [''],
      ['=IMPORTXML("http://evil")'],
      [42],
      ['bob@shop.example'],
    ];
    const { settings, problems } = settingsFromGrid(grid);
    expect(settings.staff).toEqual(['ann@shop.example', 'bob@shop.example']);
    expect(problems.slice(0, 3)).toEqual([
      'Settings A4: "not an email" is not a valid e-mail address, so it is ignored.',
      'Settings A6: "=IMPORTXML("http://evil")" is not a valid e-mail address, so it is ignored.',
      'Settings A7: "42" is not a valid e-mail address, so it is ignored.',
    ]);
  });

  it('accepts probabilities as fractions, percentages and text', () => {
    const grid = [
      HEADER,
      ['', '', 'lead', 0.15, '', 'Stale after (days)', '30'],
      ['', '', 'CONTACTED', 25, '', '', ''],
      ['', '', 'qualified', '45%', '', '', ''],
      ['', '', 'In-negotiation', '0.7', '', '', ''],
      ['', '', 'closed won', 1, '', '', ''],
      ['', '', 'Closed lost', '0', '', '', ''],
      ['', '', 'Active', 100, '', '', ''],
      ['', '', 'Dormant', '5', '', '', ''],
    ];
    expect(settingsFromGrid(grid)).toEqual({
      settings: {
        staff: [],
        probabilities: {
          Lead: 0.15,
          Contacted: 0.25,
          Qualified: 0.45,
          'In negotiation': 0.7,
          'Closed-won': 1,
          'Closed-lost': 0,
          Active: 1,
          Dormant: 0.05,
        },
        staleDays: 30,
        lostReasons: REASONS,
      },
      problems: [],
    });
  });

  it('falls back to defaults for bad cells, with a readable line for each', () => {
    const grid = [
      HEADER,
      ['', '', 'Lead', 'high', '', 'Stale after (days)', 'soon'],
      ['', '', 'Contacted', 150, '', '', ''],
      ['', '', 'Qualified', -0.2, '', '', ''],
      ['', '', 'Won', 0.9, '', '', ''],
      ['', '', 'In negotiation', '', '', '', ''],
      ['', '', 'Lead', 0.5, '', '', ''],
    ];
    const { settings, problems } = settingsFromGrid(grid);
    expect(settings.probabilities).toEqual(DEFAULT_SETTINGS.probabilities);
    expect(settings.staleDays).toBe(14);
    expect(problems).toEqual([
      'Settings D2: the win probability of Lead "high" is not a percentage from 0% to 100%; using 10%.',
      'Settings D3: the win probability of Contacted "150" is not a percentage from 0% to 100%; using 20%.',
      'Settings D4: the win probability of Qualified "-0.2" is not a percentage from 0% to 100%; using 40%.',
      'Settings C5: "Won" is not a pipeline stage, so the row is ignored. Stages are: Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant.',
      'Settings D6: the win probability of In negotiation is empty; using 60%.',
      'Settings C7: Lead is listed twice; the first row is used.',
      'Settings: no win probability for Closed-won; using 100%.',
      'Settings: no win probability for Closed-lost; using 0%.',
      'Settings: no win probability for Active; using 100%.',
      'Settings: no win probability for Dormant; using 0%.',
      'Settings G2: "Stale after (days)" must be a whole number of days from 1 to 3650 (found "soon"); using 14.',
    ]);
  });

  it.each([[0], [3651], [2.5], ['-3'], ['']])('refuses a stale threshold of %p', (value) => {
    const grid = DEFAULT_GRID.map((row) => [...row]);
    (grid[1] as unknown[])[6] = value;
    const { settings, problems } = settingsFromGrid(grid);
    expect(settings.staleDays).toBe(14);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Settings G2: "Stale after \(days\)" must be a whole number of days from 1 to 3650/);
  });

  it('finds the stale row wherever it is in columns F/G, ignoring case', () => {
    const grid = DEFAULT_GRID.map((row) => [...row]);
    (grid[1] as unknown[])[5] = '';
    (grid[1] as unknown[])[6] = '';
    (grid[4] as unknown[])[5] = 'STALE AFTER (DAYS)';
    (grid[4] as unknown[])[6] = 7;
    expect(settingsFromGrid(grid)).toEqual({ settings: { ...DEFAULT_SETTINGS, staleDays: 7 }, problems: [] });
  });

  it('reports an empty tab once and uses the defaults', () => {
    expect(settingsFromGrid([])).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [
        'The Settings tab is empty: default stage probabilities and stale threshold apply, and no staff are listed.',
      ],
    });
    expect(settingsFromGrid([[''], ['', null]]).problems).toHaveLength(1);
  });

  it('notices a changed header row but still reads by column', () => {
    const grid = DEFAULT_GRID.map((row) => [...row]);
    (grid[0] as unknown[])[0] = 'Emails';
    (grid[0] as unknown[])[3] = 'win PROBABILITY'; // case does not matter
    (grid[1] as unknown[])[0] = 'ann@shop.example';
    const { settings, problems } = settingsFromGrid(grid);
    expect(settings.staff).toEqual(['ann@shop.example']);
    expect(problems).toEqual([
      'Settings: the header row has changed (expected A1 "Staff e-mail"). The tables are still read by column.',
    ]);
  });

  it('tolerates ragged rows, non-array rows and non-array input', () => {
    expect(settingsFromGrid([HEADER, null as unknown as unknown[], ['ann@shop.example']]).settings.staff).toEqual([
      'ann@shop.example',
    ]);
    expect(settingsFromGrid('junk' as unknown as unknown[][]).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('parseProbability', () => {
  it.each([
    [0, 0],
    [1, 1],
    [0.35, 0.35],
    [35, 0.35],
    [100, 1],
    ['35%', 0.35],
    [' 0.5 ', 0.5],
    ['0.5%', 0.005],
  ])('%p → %p', (input, expected) => {
    expect(parseProbability(input)).toBeCloseTo(expected, 10);
  });

  it.each([[101], [-1], [Number.NaN], ['abc'], ['1,5'], [null], [true], ['']])('%p → null', (input) => {
    expect(parseProbability(input)).toBeNull();
  });
});
