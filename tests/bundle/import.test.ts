/**
 * The import (issue: migrate old spreadsheets) end to end through the BUILT bundle in the stand-in: a messy old
 * sheet typed into the Import tab, the proposed mapping, a dry run that changes nothing, the real import in
 * small batches with the exact per-row report, the Customers and History tabs cell by cell, the service calls
 * of each batch, a second run importing nothing, merge mode, a refused stranger and a 5,000-row import.
 */

import { CUSTOMER_HEADERS, HISTORY_HEADERS } from '../../src/domain/customer';
import type { ImportResult } from '../../src/domain/import/types';
import { type Crm, MANAGER, OWNER, REP, STRANGER, having, newCrm, succeeded } from '../support/crm';
import { replayedAndStored } from '../support/recorded';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const STATUS_HELP =
  'Change it in the Import tab to one of: Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, Dormant (or "won", "lost", "negotiating").';
const ERROR_HELP = 'not a value (a formula that failed; text typed with a leading + or = becomes a formula).';

/**
 * The old sheet, as the admin types (pastes) it into the Import tab, cell by cell: Sheets parses each entry,
 * so "$1,200" becomes the number 1200, "2023-05-06" a date, "=1000+250" a real formula, "'=HYPERLINK(…)" text that
 * looks like a formula, "5550103000" a number, and "+44 20 7946 0000" a formula that fails (#ERROR!).
 */
const SHEET: string[][] = [
  ['Customers export 2023', '', '', '', '', '', '', '', ''], //                                                         1 title line
  ['Full name', 'E-mail', 'Tel', 'Stage', 'Value', 'Firm', 'Internal ref', 'Remarks', 'Last contact'], //               2 header
  [
    'Ann Archer',
    'ann@acme.example',
    "'+1 (555) 010-2000",
    'won',
    '$1,200',
    'Acme Ltd',
    'X-1',
    'Met at the fair',
    '2023-05-06',
  ], // 3
  ['Bob Baker', 'bob@', '5550103000', 'negotiating', '500', 'Baker & Co', 'X-2', '', ''], //                          4 bad e-mail
  ['', '', '', '', '', '', '', '', ''], //                                                                           5 blank
  [
    'Cara Cole',
    'cara@cole.example',
    '447700900123',
    'lost',
    '=1000+250',
    '',
    'X-3',
    `'=HYPERLINK("http://evil.example")`,
    '',
  ], // 6
  ['="Dan Dale"', 'dan@dale.example', '', 'negotiating', '', 'Dale Inc', '', '', ''], //                              7 formula name
  ['ann archer', 'ANN@acme.example', '', 'Lead', '', 'ACME LTD', '', '', ''], //                                       8 = row 3
  ['Eve E.', 'EVE@existing.example', '555 0300', 'customer', '2500', 'Other Co', '', 'vip', ''], //                    9 = C-00001
  ['Kim Kay', 'kim@kay.example', '', 'Qualified', '1.200,50 €', 'Kay & Co', '', "'+ call back", ''], //               10
  ['Finn Ford', 'finn@ford.example', '+44 20 7946 0000', 'Contacted', '', 'Ford Ltd', '', '', ''], //                 11 #ERROR!
  ['Hal Hill', 'hal@hill.example', '5550104000', 'closed won', '', 'Hill GmbH', '', '2023-05-06', '2023-05-06 13:30'], // 12 date note
  ['', '', '', '', '', '', '', '', ''], //                                                                           13 blank
  ['Ivy Ives', 'ivy@ives.example', '', 'Warm', '', '', '', '', ''], //                                               14 unknown status
  ['Jo Jones', '', '555-010-2000', '', '', '', '', '', ''], //                                                       15 phone = row 3
  ['Lee Lane', 'lee@lane.example', '', 'Active', '300', '', '', 'Prefers e-mail\nNo calls before 10', ''], //           16
  ['Mia Moss', 'mia@moss.example', '555-0106', '', '', 'Moss & Sons', '', '', ''], //                                  17 no status
  ['Ned Nash', 'ned@nash.example', '', '2023-05-06', '', '', '', '', ''], //                                          18 date status
  ['Oli Owen', 'not an email', '', 'Lead', '', '', '', '', ''], //                                                    19 bad e-mail
  ['Pia Park', 'pia@park.example', '', 'prospect', '', 'Park AG', '', '', ''], //                                     20
  ['Quin Quay', 'quin@quay.example', '', 'In Negotiation', '75000', 'Quay Ltd', '', '', ''], //                       21
  ['Kim Kay', 'kim@kay.example', '', 'Qualified', '1.200,50 €', 'Kay & Co', '', "'+ call back", ''], //               22 = row 10
];

const EXPECTED_MAPPING = {
  name: 0,
  firstName: null,
  lastName: null,
  company: 5,
  email: 1,
  phone: 2,
  status: 3,
  dealValue: 4,
  owner: null,
  source: null,
  notes: 7,
};

/** A CRM with Eve Evans registered by a rep, and the old sheet typed into the Import tab by the owner. */
function messyCrm(): { crm: Crm; t0: number } {
  const crm = newCrm();
  const t0 = crm.gas.runtime.now();
  const eve = crm.call(REP, 'registerCustomer', {
    name: 'Eve Evans',
    company: 'Existing Co',
    email: 'eve@existing.example',
  });
  expect(eve.ok).toBe(true);
  SHEET.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== '') crm.edit({ user: OWNER, sheet: 'Import', row: r + 1, column: c + 1, value });
    }),
  );
  return { crm, t0 };
}

/** Calls of the Apps Script services made by `body`, per method. */
function callsOf<T>(crm: Crm, body: () => T): { result: T; calls: Record<string, number> } {
  const before = crm.gas.runtime.calls.snapshot();
  const result = body();
  const after = crm.gas.runtime.calls.snapshot();
  const calls: Record<string, number> = {};
  for (const key of Object.keys(after)) {
    const n = (after[key] ?? 0) - (before[key] ?? 0);
    if (n !== 0) calls[key] = n;
  }
  return { result, calls };
}

/**
 * Every batch of an import (or dry run), following nextOffset as the sidebar does; the clock moves one minute
 * before each batch, so each batch's rows carry its own time.
 */
function runAll(
  crm: Crm,
  user: string,
  options: Record<string, unknown>,
  onBatch?: (batch: ImportResult, calls: Record<string, number>) => void,
): ImportResult[] {
  const batches: ImportResult[] = [];
  let offset = 0;
  for (let guard = 0; guard < 1000; guard++) {
    crm.gas.runtime.advance(MINUTE);
    const { result, calls } = callsOf(crm, () => succeeded(crm.call(user, 'importCustomers', { ...options, offset })));
    expect(result.ok).toBe(true);
    batches.push(result);
    onBatch?.(result, calls);
    if (result.done) return batches;
    expect(result.nextOffset).toBeGreaterThan(offset);
    offset = result.nextOffset;
  }
  throw new Error('the import never finished');
}

const skippedOf = (batches: ImportResult[]) => batches.flatMap((b) => b.skipped);
const duplicatesOf = (batches: ImportResult[]) => batches.flatMap((b) => b.duplicates);
const sum = (batches: ImportResult[], key: 'imported' | 'merged' | 'blank') => batches.reduce((n, b) => n + b[key], 0);

/** No cell of the CRM's own tabs holds a formula. */
function expectNoFormulas(crm: Crm): void {
  for (const tab of ['Customers', 'History'])
    expect(
      crm.gas.sheets
        .sheetFormulas(tab)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
}

/** Spreadsheet calls that do not depend on the rows: the date cells of a batch add Utilities.formatDate calls. */
function ioCalls(calls: Record<string, number>): Record<string, number> {
  const { 'Utilities.formatDate': _dates, 'Spreadsheet.getSpreadsheetTimeZone': _zone, ...rest } = calls;
  return rest;
}

describe('import of a messy old sheet through the built bundle', () => {
  it('finds the header under the title line and proposes the mapping, with a sample', () => {
    const { crm } = messyCrm();
    // What Sheets made of the typing: numbers, dates, formula results, failed formulas.
    expect(
      crm
        .tab('Import')
        .slice(2, 6)
        .map((row) => row.slice(0, 8)),
    ).toEqual([
      ['Ann Archer', 'ann@acme.example', '+1 (555) 010-2000', 'won', 1200, 'Acme Ltd', 'X-1', 'Met at the fair'],
      ['Bob Baker', 'bob@', 5550103000, 'negotiating', 500, 'Baker & Co', 'X-2', ''],
      ['', '', '', '', '', '', '', ''],
      ['Cara Cole', 'cara@cole.example', 447700900123, 'lost', 1250, '', 'X-3', '=HYPERLINK("http://evil.example")'],
    ]);
    expect(
      crm.gas.sheets
        .sheetFormulas('Import')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual(['=1000+250', '="Dan Dale"', '=+44 20 7946 0000']);

    const proposal = crm.call(OWNER, 'proposeImportMapping');
    expect(proposal).toEqual({
      ok: true,
      headers: ['Full name', 'E-mail', 'Tel', 'Stage', 'Value', 'Firm', 'Internal ref', 'Remarks', 'Last contact'],
      headerRow: 2,
      mapping: EXPECTED_MAPPING,
      customFields: [], // none defined here (tests/bundle/customFieldsImport.test.ts)
      rowCount: 20,
      sample: [
        [
          'Ann Archer',
          'ann@acme.example',
          '+1 (555) 010-2000',
          'won',
          '1200',
          'Acme Ltd',
          'X-1',
          'Met at the fair',
          '2023-05-06',
        ],
        ['Bob Baker', 'bob@', '5550103000', 'negotiating', '500', 'Baker & Co', 'X-2', '', ''],
        [
          'Cara Cole',
          'cara@cole.example',
          '447700900123',
          'lost',
          '1250',
          '',
          'X-3',
          '=HYPERLINK("http://evil.example")',
          '',
        ],
        ['Dan Dale', 'dan@dale.example', '', 'negotiating', '', 'Dale Inc', '', '', ''],
        ['ann archer', 'ANN@acme.example', '', 'Lead', '', 'ACME LTD', '', '', ''],
      ],
    });
    // A read: no lock, no write.
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('a dry run reports every row and changes nothing', () => {
    const { crm } = messyCrm();
    const before = JSON.stringify(crm.gas.toJSON());
    const dry = runAll(crm, OWNER, { dryRun: true, limit: 5 });
    expect(JSON.stringify(crm.gas.toJSON())).toBe(before);

    expect(dry.map((b) => [b.nextOffset, b.done, b.dryRun, b.ids])).toEqual([
      [5, false, true, []],
      [10, false, true, []],
      [15, false, true, []],
      [20, true, true, []],
    ]);
    // Rows with a bad optional cell are imported with that field empty (SPEC importCustomers): 4, 11, 14, 18, 19.
    expect(dry.flatMap((b) => b.importedRows)).toEqual([3, 4, 6, 7, 10, 11, 12, 14, 16, 17, 18, 19, 20, 21]);
    expect(skippedOf(dry).filter((s) => [8, 15, 22].includes(s.row))).toEqual([
      // Earlier rows of the import are replayed in a dry run, so in-import duplicates point at the row.
      { row: 8, reason: 'Row 8: duplicate of row 3 (Ann Archer) — same e-mail address. Not imported.' },
      { row: 15, reason: 'Row 15: duplicate of row 3 (Ann Archer) — same phone number. Not imported.' },
      { row: 22, reason: 'Row 22: duplicate of row 10 (Kim Kay) — same e-mail address. Not imported.' },
    ]);
    expect(skippedOf(dry).map((s) => s.row)).toEqual([8, 9, 15, 22]);
    expect(dry.flatMap((b) => b.warnings).map((w) => w.row)).toEqual([4, 6, 11, 14, 18, 19]);
    expect(sum(dry, 'blank')).toBe(2);
  });

  it('imports in batches: the per-row report, the tabs cell by cell, constant calls per batch; a second run adds nothing', () => {
    const { crm, t0 } = messyCrm();
    const proposal = succeeded(crm.call(OWNER, 'proposeImportMapping'));
    const perBatch: Array<Record<string, number>> = [];
    const batches = runAll(crm, OWNER, { mapping: proposal.mapping, limit: 5 }, (_batch, calls) =>
      perBatch.push(calls),
    );
    /** Time of batch `n` (1-based). */
    const at = (n: number): string => iso(t0 + n * MINUTE);

    expect(
      batches.map((b) => ({
        processed: b.processed,
        nextOffset: b.nextOffset,
        done: b.done,
        imported: b.imported,
        ids: b.ids,
        importedRows: b.importedRows,
        blank: b.blank,
      })),
    ).toEqual([
      {
        processed: 5,
        nextOffset: 5,
        done: false,
        imported: 4,
        ids: ['C-00002', 'C-00003', 'C-00004', 'C-00005'],
        importedRows: [3, 4, 6, 7],
        blank: 1,
      },
      {
        processed: 5,
        nextOffset: 10,
        done: false,
        imported: 3,
        ids: ['C-00006', 'C-00007', 'C-00008'],
        importedRows: [10, 11, 12],
        blank: 0,
      },
      {
        processed: 5,
        nextOffset: 15,
        done: false,
        imported: 3,
        ids: ['C-00009', 'C-00010', 'C-00011'],
        importedRows: [14, 16, 17],
        blank: 1,
      },
      {
        processed: 5,
        nextOffset: 20,
        done: true,
        imported: 4,
        ids: ['C-00012', 'C-00013', 'C-00014', 'C-00015'],
        importedRows: [18, 19, 20, 21],
        blank: 0,
      },
    ]);
    expect(
      batches.every(
        (b) => b.total === 20 && b.headerRow === 2 && !b.dryRun && b.duplicateMode === 'skip' && b.merged === 0,
      ),
    ).toBe(true);

    expect(skippedOf(batches)).toEqual([
      {
        row: 8,
        reason:
          'Row 8: probably already in the CRM as C-00002 Ann Archer (Acme Ltd) — same e-mail address. Not imported.',
      },
      {
        row: 9,
        reason:
          'Row 9: probably already in the CRM as C-00001 Eve Evans (Existing Co) — same e-mail address. Not imported.',
      },
      {
        row: 15,
        reason:
          'Row 15: probably already in the CRM as C-00002 Ann Archer (Acme Ltd) — same phone number. Not imported.',
      },
      {
        row: 22,
        reason:
          'Row 22: probably already in the CRM as C-00006 Kim Kay (Kay & Co) — same e-mail address. Not imported.',
      },
    ]);
    // A bad optional cell does not cost the row: it is imported with that field empty, and the cell reported.
    expect(batches.flatMap((b) => b.warnings)).toEqual([
      { row: 4, reason: 'Row 4: Email "bob@" is not a valid e-mail address. Imported with Email left empty.' },
      {
        row: 6,
        reason:
          'Row 6: Closed-lost without a lost reason: it counts as "(no reason given)" until one is chosen in the sidebar.',
      },
      {
        row: 11,
        reason: `Row 11: Phone (column C) shows the spreadsheet error #ERROR!, ${ERROR_HELP} Imported with Phone left empty.`,
      },
      {
        row: 14,
        reason: `Row 14: Status "Warm" is not a pipeline stage the import recognises, so it was not guessed. ${STATUS_HELP} Imported as Lead.`,
      },
      {
        row: 18,
        reason: `Row 18: Status "2023-05-06" is not a pipeline stage the import recognises, so it was not guessed. ${STATUS_HELP} Imported as Lead.`,
      },
      {
        row: 19,
        reason: 'Row 19: Email "not an email" is not a valid e-mail address. Imported with Email left empty.',
      },
    ]);
    expect(duplicatesOf(batches).map((d) => [d.row, d.existingId, d.action, d.filled])).toEqual([
      [8, 'C-00002', 'skipped', []],
      [9, 'C-00001', 'skipped', []],
      [15, 'C-00002', 'skipped', []],
      [22, 'C-00006', 'skipped', []],
    ]);

    const imported = (
      batch: number,
      id: string,
      name: string,
      company: string,
      email: string,
      phone: string,
      status: string,
      value: number | '',
      notes: string,
    ) => [
      id,
      name,
      company,
      email,
      phone,
      status,
      value,
      OWNER, // no Owner column: the importing user
      'Import',
      notes,
      at(batch),
      OWNER,
      at(batch),
      OWNER,
      at(batch),
      1,
      '',
      '',
      '',
    ];
    expect(crm.tab('Customers')).toEqual([
      [...CUSTOMER_HEADERS],
      [
        'C-00001',
        'Eve Evans',
        'Existing Co',
        'eve@existing.example',
        '',
        'Lead',
        '',
        REP, // registered without an owner: the user at the keyboard
        '',
        '',
        iso(t0),
        REP,
        iso(t0),
        REP,
        iso(t0),
        1,
        '',
        '',
        '',
      ],
      imported(
        1,
        'C-00002',
        'Ann Archer',
        'Acme Ltd',
        'ann@acme.example',
        '+1 (555) 010-2000',
        'Closed-won',
        1200,
        'Met at the fair',
      ),
      imported(1, 'C-00003', 'Bob Baker', 'Baker & Co', '', '5550103000', 'In negotiation', 500, ''),
      imported(
        1,
        'C-00004',
        'Cara Cole',
        '',
        'cara@cole.example',
        '447700900123',
        'Closed-lost',
        1250,
        '=HYPERLINK("http://evil.example")',
      ),
      imported(1, 'C-00005', 'Dan Dale', 'Dale Inc', 'dan@dale.example', '', 'In negotiation', '', ''),
      imported(2, 'C-00006', 'Kim Kay', 'Kay & Co', 'kim@kay.example', '', 'Qualified', 1200.5, '+ call back'),
      imported(2, 'C-00007', 'Finn Ford', 'Ford Ltd', 'finn@ford.example', '', 'Contacted', '', ''),
      imported(2, 'C-00008', 'Hal Hill', 'Hill GmbH', 'hal@hill.example', '5550104000', 'Closed-won', '', '2023-05-06'),
      imported(3, 'C-00009', 'Ivy Ives', '', 'ivy@ives.example', '', 'Lead', '', ''),
      imported(
        3,
        'C-00010',
        'Lee Lane',
        '',
        'lee@lane.example',
        '',
        'Active',
        300,
        'Prefers e-mail\nNo calls before 10',
      ),
      imported(3, 'C-00011', 'Mia Moss', 'Moss & Sons', 'mia@moss.example', '555-0106', 'Lead', '', ''),
      imported(4, 'C-00012', 'Ned Nash', '', 'ned@nash.example', '', 'Lead', '', ''),
      imported(4, 'C-00013', 'Oli Owen', '', '', '', 'Lead', '', ''),
      imported(4, 'C-00014', 'Pia Park', 'Park AG', 'pia@park.example', '', 'Lead', '', ''),
      imported(4, 'C-00015', 'Quin Quay', 'Quay Ltd', 'quin@quay.example', '', 'In negotiation', 75000, ''),
    ]);
    const created = (batch: number, id: string, status: string) => [
      at(batch),
      id,
      'import',
      'Status',
      '',
      status,
      OWNER,
    ];
    const history = crm.tab('History');
    expect(history[0]).toEqual([...HISTORY_HEADERS]);
    // Every imported value is logged ("import", by the importing user, at the batch's time): History rebuilds them.
    const { replayed, stored } = replayedAndStored(crm);
    expect(replayed).toEqual(stored);
    expect(history.filter((row) => row[1] === 'C-00010').map((row) => row.slice(2, 6))).toEqual([
      ['import', 'Status', '', 'Active'],
      ['import', 'Name', '', 'Lee Lane'],
      ['import', 'Email', '', 'lee@lane.example'],
      ['import', 'Deal value', '', '300'],
      ['import', 'Owner', '', OWNER],
      ['import', 'Source', '', 'Import'],
      ['import', 'Notes', '', 'Prefers e-mail\nNo calls before 10'],
    ]);
    expect(
      history
        .slice(1)
        .every((row) => (row[1] === 'C-00001' ? row[2] === 'create' : row[2] === 'import' && row[6] === OWNER)),
    ).toBe(true);
    expect(history.filter((row) => row[3] === 'Status')).toEqual([
      [iso(t0), 'C-00001', 'create', 'Status', '', 'Lead', REP],
      created(1, 'C-00002', 'Closed-won'),
      created(1, 'C-00003', 'In negotiation'),
      created(1, 'C-00004', 'Closed-lost'),
      created(1, 'C-00005', 'In negotiation'),
      created(2, 'C-00006', 'Qualified'),
      created(2, 'C-00007', 'Contacted'),
      created(2, 'C-00008', 'Closed-won'),
      created(3, 'C-00009', 'Lead'),
      created(3, 'C-00010', 'Active'),
      created(3, 'C-00011', 'Lead'),
      created(4, 'C-00012', 'Lead'),
      created(4, 'C-00013', 'Lead'),
      created(4, 'C-00014', 'Lead'),
      created(4, 'C-00015', 'In negotiation'),
    ]);
    // Text that looks like a formula is stored as text; numbers typed as phones are text; nothing runs.
    expectNoFormulas(crm);
    expect(crm.gas.sheets.validationViolations('Customers')).toEqual([]);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);

    // Every batch: the same calls, whatever it holds. Who may write comes from the document properties (the staff
    // list Set up applied), not a Settings read. Reads, all before the first write: Import and Customers (one
    // getSheetValues each), the History header and its last row. Writes: rows inserted below the last customer and
    // the last event, one setValues each; the ID counter in the properties.
    const expected = {
      'LockService.getDocumentLock': 1,
      'Lock.tryLock': 1,
      'Lock.releaseLock': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getOwner': 1,
      'Session.getActiveUser': 1,
      'User.getEmail': 1,
      // Import, Customers, History, and the Pipeline tab marked "out of date" (one setValue in the write batch).
      'Spreadsheet.getSheetByName': 4,
      'Sheet.getSheetValues': 2,
      'Range.getValues': 1,
      'Sheet.getRange': 4,
      'Range.setValues': 2,
      'Range.setValue': 1,
      'Sheet.insertRowsAfter': 2,
      'Sheet.getLastRow': 1,
      // The staff list and the applied custom fields (their Customers columns are the ones an import fills) in one
      // getProperties; the ID counter read under the lock.
      'PropertiesService.getDocumentProperties': 2,
      'Properties.getProperties': 1,
      'Properties.getProperty': 1,
      'Properties.setProperty': 1,
      // Each batch is an execution of its own: it loads the on-demand module onDemand_import once (src/server/onDemand.ts).
      'HtmlService.createTemplateFromFile': 1,
      'HtmlTemplate.getRawContent': 1,
    };
    for (const calls of perBatch) expect(ioCalls(calls)).toEqual(expected);
    // Only batches with date cells in mapped columns format dates (rows 12 and 18); never more than twice a cell.
    expect(perBatch.map((calls) => calls['Utilities.formatDate'] ?? 0)).toEqual([0, 2, 0, 2]);

    // The same import again: every row is a duplicate (Oli Owen, with no e-mail or phone left, by name). Nothing
    // is written.
    const tabs = JSON.stringify([crm.tab('Customers'), crm.tab('History')]);
    const again = runAll(crm, OWNER, { mapping: proposal.mapping, limit: 5 });
    expect(sum(again, 'imported')).toBe(0);
    expect(skippedOf(again).map((s) => s.row)).toEqual([
      3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22,
    ]);
    expect(duplicatesOf(again)).toHaveLength(18); // the 14 imported rows and the 4 duplicates of the first run
    expect(JSON.stringify([crm.tab('Customers'), crm.tab('History')])).toBe(tabs);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);
  });

  it('merge mode fills only the empty fields of the existing customer, and logs each', () => {
    const { crm, t0 } = messyCrm();
    const batches = runAll(crm, MANAGER, { duplicates: 'merge', limit: 5 });
    const at = iso(t0 + 2 * MINUTE); // row 9 is in the second batch
    expect(sum(batches, 'imported')).toBe(14);
    expect(sum(batches, 'merged')).toBe(1);
    expect(duplicatesOf(batches).map((d) => [d.row, d.existingId, d.action, d.filled, d.reason])).toEqual([
      [
        8,
        'C-00002',
        'skipped',
        [],
        'Row 8: probably already in the CRM as C-00002 Ann Archer (Acme Ltd) — same e-mail address. Nothing new to add, not imported.',
      ],
      [
        9,
        'C-00001',
        'merged',
        ['Phone', 'Deal value', 'Notes'],
        'Row 9: merged into C-00001 Eve Evans (Existing Co) — same e-mail address. Filled: Phone, Deal value, Notes.',
      ],
      [
        15,
        'C-00002',
        'skipped',
        [],
        'Row 15: probably already in the CRM as C-00002 Ann Archer (Acme Ltd) — same phone number. Nothing new to add, not imported.',
      ],
      [
        22,
        'C-00006',
        'skipped',
        [],
        'Row 22: probably already in the CRM as C-00006 Kim Kay (Kay & Co) — same e-mail address. Nothing new to add, not imported.',
      ],
    ]);
    // Company "Existing Co" kept (the row said "Other Co"), status kept (a duplicate row never moves the stage).
    expect(crm.tab('Customers')[1]).toEqual([
      'C-00001',
      'Eve Evans',
      'Existing Co',
      'eve@existing.example',
      '555 0300',
      'Lead',
      2500,
      REP,
      '',
      'vip',
      iso(t0),
      REP,
      at,
      MANAGER,
      iso(t0),
      2,
      '',
      '',
      '',
    ]);
    expect(crm.tab('History').filter((row) => row[1] === 'C-00001')).toEqual([
      [iso(t0), 'C-00001', 'create', 'Status', '', 'Lead', REP],
      [iso(t0), 'C-00001', 'create', 'Name', '', 'Eve Evans', REP],
      [iso(t0), 'C-00001', 'create', 'Company', '', 'Existing Co', REP],
      [iso(t0), 'C-00001', 'create', 'Email', '', 'eve@existing.example', REP],
      [iso(t0), 'C-00001', 'create', 'Owner', '', REP, REP],
      [at, 'C-00001', 'import', 'Phone', '', '555 0300', MANAGER],
      [at, 'C-00001', 'import', 'Deal value', '', '2500', MANAGER],
      [at, 'C-00001', 'import', 'Notes', '', 'vip', MANAGER],
    ]);
    expect(crm.tab('Customers')).toHaveLength(16);
    expectNoFormulas(crm);
    expect(crm.gas.runtime.unlockedWrites).toEqual([]);

    const again = runAll(crm, MANAGER, { duplicates: 'merge', limit: 5 });
    expect([sum(again, 'imported'), sum(again, 'merged')]).toEqual([0, 0]);
    expect(crm.tab('Customers')[1]?.[15]).toBe(2);
  });

  it('a merge writes back the cells it does not fill exactly as they were typed', () => {
    const { crm } = messyCrm();
    // Someone typed 2024 into Eve's Source cell by hand: Sheets stores the number 2024, not text.
    crm.gas.sheets.userEdit({ user: OWNER, sheet: 'Customers', a1: 'I2', value: '2024' });
    expect(crm.tab('Customers')[1]?.[8]).toBe(2024);
    runAll(crm, MANAGER, { duplicates: 'merge', limit: 5 });
    const eve = crm.tab('Customers')[1] ?? [];
    expect(eve[4]).toBe('555 0300'); // filled by the merge
    expect(eve[8]).toBe(2024); // untouched cell: still the number typed, not re-encoded as text
  });

  it('refuses a user who is not staff, even for a dry run, and changes nothing', () => {
    const { crm } = messyCrm();
    const before = JSON.stringify(crm.gas.toJSON());
    for (const options of [{}, { dryRun: true }]) {
      const refused = crm.call(STRANGER, 'importCustomers', options);
      expect(refused.ok).toBe(false);
      expect(having(refused, 'errors').errors.access).toContain(
        'stranger@example.com, which is not allowed to change customers',
      );
    }
    expect(JSON.stringify(crm.gas.toJSON())).toBe(before);
  });

  it('says what to do when the Import tab is empty, and the menu opens the import sidebar', () => {
    const crm = newCrm();
    expect(crm.call(OWNER, 'proposeImportMapping')).toEqual({
      ok: false,
      errors: { import: expect.stringContaining('The Import tab is empty: paste the old spreadsheet there') },
    });
    expect(crm.call(OWNER, 'importCustomers', { dryRun: true })).toMatchObject({
      ok: false,
      errors: { import: expect.any(String) },
    });
    crm.run(OWNER, 'showImportSidebar');
    const sidebar = crm.gas.ui.last('sidebar');
    expect(sidebar?.html).toContain('data-state="{&quot;view&quot;:&quot;import&quot;}"');
    expect(sidebar?.html).toContain('<title>Import customers</title>');
  });
});

describe('a 5,000-row import', () => {
  it('completes in batches of 500 with the same calls per batch; a second run adds nothing', () => {
    const crm = newCrm();
    const ROWS = 5000;
    const grid: unknown[][] = [['Name', 'Email', 'Phone', 'Stage', 'Value']];
    for (let i = 1; i <= ROWS; i++)
      grid.push([
        `Person ${i}`,
        `p${i}@example.com`,
        `'+1 555 ${String(i).padStart(7, '0')}`,
        i % 3 === 0 ? 'won' : 'Lead',
        i,
      ]);
    // The admin's paste: not a CRM write, so not under the CRM's lock (its writes are counted apart below).
    const app = crm.gas.globals.SpreadsheetApp as SpreadsheetApp;
    crm.gas.runtime.run(OWNER, () => {
      const sheet = app.getActiveSpreadsheet().getSheetByName('Import');
      if (!sheet) throw new Error('no Import tab');
      sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
      sheet.getRange(1, 1, grid.length, 5).setValues(grid as string[][]);
    });
    const pasteWrites = crm.gas.runtime.unlockedWrites.length;

    const perBatch: Array<Record<string, number>> = [];
    const batches = runAll(crm, OWNER, { limit: 500 }, (_b, calls) => perBatch.push(calls));
    expect(batches).toHaveLength(10);
    expect(batches.map((b) => b.nextOffset)).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
    expect(sum(batches, 'imported')).toBe(ROWS);
    expect(skippedOf(batches)).toEqual([]);

    // Same calls for every batch, the grid growing or not: rows are inserted below the last customer and the last
    // event (one insertRowsAfter each), then written with one setValues each. Only the first batch, into tabs
    // holding just their header, uses the grid's spare rows instead (getMaxRows): rows inserted below a header
    // would take the header's look.
    const [firstCalls, ...laterCalls] = perBatch as [Record<string, number>, ...Record<string, number>[]];
    // (History gets ~5 rows per customer, so the first batch may also grow History's grid once.)
    const { 'Sheet.getMaxRows': sizeReads, 'Sheet.insertRowsAfter': firstInserts = 0, ...firstRest } = firstCalls;
    expect(sizeReads).toBe(2);
    expect(firstInserts).toBeLessThanOrEqual(1);
    const secondCalls = laterCalls[0] as Record<string, number>;
    const { 'Sheet.insertRowsAfter': inserts, ...secondRest } = secondCalls;
    expect(inserts).toBe(2);
    expect(firstRest).toEqual(secondRest);
    for (const calls of laterCalls) expect(calls).toEqual(secondCalls);
    expect(secondCalls['Sheet.getSheetValues']).toBe(2);
    expect(secondCalls['Range.setValues']).toBe(2);

    const customers = crm.tab('Customers');
    expect(customers).toHaveLength(ROWS + 1);
    expect(customers[ROWS]?.slice(0, 7)).toEqual([
      'C-05000',
      'Person 5000',
      '',
      'p5000@example.com',
      '+1 555 0005000',
      'Lead',
      5000,
    ]);
    expect(customers[3]?.slice(0, 7)).toEqual([
      'C-00003',
      'Person 3',
      '',
      'p3@example.com',
      '+1 555 0000003',
      'Closed-won',
      3,
    ]);
    expect(crm.tab('History').filter((row) => row[3] === 'Status')).toHaveLength(ROWS);
    expect(crm.gas.runtime.unlockedWrites.slice(pasteWrites)).toEqual([]);

    const again = runAll(crm, OWNER, { limit: 2000 });
    expect(again).toHaveLength(3);
    expect(sum(again, 'imported')).toBe(0);
    expect(duplicatesOf(again)).toHaveLength(ROWS);
    expect(crm.tab('Customers')).toHaveLength(ROWS + 1);
  });
});
