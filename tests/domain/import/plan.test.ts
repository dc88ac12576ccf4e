/**
 * The import planner on a messy old sheet: the per-row report, the customers and History rows it would write
 * (down to the cells the Customers tab receives), batches, dry runs, merges, and a second run importing nothing.
 */

import type { Customer } from '../../../src/domain/customer';
import { emptyMapping, importResult, readImportRow } from '../../../src/domain/import';
import { customerToRow, historyToRow } from '../../../src/sheets/customerRows';
import { ADMIN, customer, EVE, MESSY, nextIds, NOW, plan, runBatch } from './fixtures';

/** Sheet row of a customer imported from MESSY, by its ID (the IDs follow the imported rows in order). */
function rowOf(id: string): number {
  return [2, 3, 5, 7, 10, 12, 13, 14][Number(id.slice(2)) - 2] ?? -1;
}

const STATUS_HELP =
  'Change it in the Import tab to one of: Lead, Contacted, Qualified, In negotiation, Closed-won, Closed-lost, Active, ' +
  'Dormant (or "won", "lost", "negotiating").';

describe('a messy old sheet, duplicates skipped', () => {
  const { result, writes, crm } = runBatch(MESSY, [EVE]);

  it('proposes the mapping from "Full name", "E-mail", "Tel", "Stage", "Value", "Comments"', () => {
    expect(result.mapping).toEqual({
      ...emptyMapping(),
      name: 0,
      company: 1,
      email: 2,
      phone: 3,
      status: 4,
      dealValue: 5,
      notes: 6,
    });
    expect(result).toMatchObject({ headerRow: 1, total: 16, processed: 16, nextOffset: 16, done: true, dryRun: false });
  });

  it('skips only rows without a name and duplicates, with their sheet row number and why; blank lines are not reported', () => {
    expect(result.skipped).toEqual([
      { row: 6, reason: 'Row 6: duplicate of row 2 (Ann Archer) — same e-mail address. Not imported.' },
      {
        row: 8,
        reason:
          'Row 8: probably already in the CRM as C-00001 Eve Evans (Existing Co) — same e-mail address. Not imported.',
      },
      { row: 11, reason: 'Row 11: repeats the header row, so it is not a customer.' },
      { row: 15, reason: 'Row 15: Name is required.' },
      { row: 16, reason: 'Row 16: duplicate of row 2 (Ann Archer) — same phone number. Not imported.' },
    ]);
    expect(result.blank).toBe(3); // rows 4 (empty strings), 9 (nulls) and 17 (spaces)
    expect(result.merged).toBe(0);
  });

  it('imports a row with a bad optional cell, leaves that field empty and reports the cell in warnings', () => {
    expect(result.warnings).toEqual([
      { row: 3, reason: 'Row 3: Email "bob@" is not a valid e-mail address. Imported with Email left empty.' },
      {
        row: 7,
        reason: `Row 7: Status "Warm" is not a pipeline stage the import recognises, so it was not guessed. ${STATUS_HELP} Imported as Lead.`,
      },
      { row: 12, reason: 'Row 12: Deal value cannot be negative ("(300)"). Imported with Deal value left empty.' },
      {
        row: 13,
        reason:
          'Row 13: Phone "TRUE" can only contain digits, spaces and + ( ) - . / (and an extension such as "x12"). ' +
          'Imported with Phone left empty.',
      },
      {
        row: 13,
        reason:
          'Row 13: Deal value "lots" is not an amount: write it like 1200, $1,200.50 or 1.200,50 €. ' +
          'Imported with Deal value left empty.',
      },
    ]);
    const byName = new Map(writes.customers.map((c) => [c.name, c]));
    expect(byName.get('Bob Baker')).toMatchObject({
      email: '',
      phone: '5550103000',
      status: 'In negotiation',
      dealValue: 500,
    });
    expect(byName.get('Dan Dale')).toMatchObject({ email: 'dan@dale.example', status: 'Lead' });
    expect(byName.get('Gus Green')).toMatchObject({ email: 'gus@green.example', dealValue: null });
    expect(byName.get('Hal Hill')).toMatchObject({ phone: '', dealValue: null, status: 'In negotiation' });
  });

  it('lists the duplicates with the customer they match (IDs filled in for rows of this import)', () => {
    expect(
      result.duplicates.map(({ row, existingId, existingRow, action }) => ({ row, existingId, existingRow, action })),
    ).toEqual([
      { row: 6, existingId: 'C-00002', existingRow: 2, action: 'skipped' },
      { row: 8, existingId: 'C-00001', existingRow: undefined, action: 'skipped' },
      { row: 16, existingId: 'C-00002', existingRow: 2, action: 'skipped' },
    ]);
  });

  it('imports the valid rows in sheet order, tolerant of notations, formulas kept as text', () => {
    expect(result.imported).toBe(8);
    expect(result.importedRows).toEqual([2, 3, 5, 7, 10, 12, 13, 14]);
    expect(result.ids).toEqual(nextIds([EVE], 8));
    const stamp = {
      createdAt: NOW,
      createdBy: ADMIN,
      updatedAt: NOW,
      updatedBy: ADMIN,
      statusChangedAt: NOW,
      version: 1,
      nextStep: '',
      nextStepDue: '',
      lostReason: '',
      custom: {},
    };
    // The rows imported with a warning are checked in the test above; these are the rows without one.
    expect(writes.customers.filter((c) => ![3, 7, 12, 13].includes(rowOf(c.id)))).toEqual<Customer[]>([
      {
        id: 'C-00002',
        name: 'Ann Archer',
        company: 'Acme Ltd',
        email: 'ann@acme.example',
        phone: '+1 (555) 010-2000',
        status: 'Closed-won',
        dealValue: 1200,
        owner: '',
        source: 'Import',
        notes: 'Met at fair',
        ...stamp,
      },
      {
        id: 'C-00004',
        name: 'Cara Cole',
        company: '',
        email: 'cara@cole.example',
        phone: '447700900123',
        status: 'Lead',
        dealValue: 1200.5,
        owner: '',
        source: 'Import',
        notes: '=HYPERLINK("http://x")',
        ...stamp,
      },
      {
        id: 'C-00006',
        name: '=SUM(A1:A3)',
        company: 'Formula Co',
        email: '',
        phone: '',
        status: 'Lead',
        dealValue: null,
        owner: '',
        source: 'Import',
        notes: '',
        ...stamp,
      },
      {
        id: 'C-00009',
        name: 'Ivy Ives',
        company: 'Ives Group',
        email: 'ivy@ives.example',
        phone: '',
        status: 'Closed-won',
        dealValue: 1000,
        owner: '',
        source: 'Import',
        notes: 'line 1\nline 2',
        ...stamp,
      },
    ]);
    expect(crm.map((c) => c.id)).toEqual(['C-00001', ...nextIds([EVE], 8)]);
  });

  it('writes cells that the sheet stores as text (no formula runs, no number parsing)', () => {
    const rows = writes.customers.map((c) => customerToRow(c));
    const at = new Date(NOW);
    expect(rows[4]).toEqual([
      "'C-00006",
      "'=SUM(A1:A3)",
      "'Formula Co",
      '',
      '',
      'Lead',
      '',
      '',
      "'Import",
      '',
      at,
      `'${ADMIN}`,
      at,
      `'${ADMIN}`,
      at,
      1,
      '',
      '',
      '',
    ]);
    expect(rows[2]?.slice(0, 10)).toEqual([
      "'C-00004",
      "'Cara Cole",
      '',
      "'cara@cole.example",
      "'447700900123",
      'Lead',
      1200.5,
      '',
      "'Import",
      `'=HYPERLINK("http://x")`,
    ]);
  });

  it('logs an "import" History row per value of each new customer, its first status first', () => {
    expect(writes.events.filter((e) => e.customerId === 'C-00006').map((e) => [e.action, e.field, e.to])).toEqual([
      ['import', 'Status', 'Lead'],
      ['import', 'Name', '=SUM(A1:A3)'],
      ['import', 'Company', 'Formula Co'],
      ['import', 'Source', 'Import'],
    ]);
    expect(writes.events.filter((e) => e.field === 'Status').map(historyToRow)).toEqual(
      [
        ['C-00002', 'Closed-won'],
        ['C-00003', 'In negotiation'],
        ['C-00004', 'Lead'],
        ['C-00005', 'Lead'],
        ['C-00006', 'Lead'],
        ['C-00007', 'Closed-lost'],
        ['C-00008', 'In negotiation'],
        ['C-00009', 'Closed-won'],
      ].map(([id, status]) => [new Date(NOW), `'${id}`, 'import', "'Status", '', `'${status}`, `'${ADMIN}`]),
    );
  });

  it('imports nothing the second time: every row is now a duplicate of the CRM', () => {
    const again = runBatch(MESSY, crm);
    expect(again.result.imported).toBe(0);
    expect(again.writes.customers).toEqual([]);
    expect(again.writes.events).toEqual([]);
    expect(again.result.skipped.find((s) => s.row === 2)?.reason).toBe(
      'Row 2: probably already in the CRM as C-00002 Ann Archer (Acme Ltd) — same e-mail address. Not imported.',
    );
    expect(again.result.skipped.find((s) => s.row === 10)?.reason).toBe(
      'Row 10: probably already in the CRM as C-00006 =SUM(A1:A3) (Formula Co) — same name and company. Not imported.',
    );
    // A row imported with a field left empty the first time is found again by what it kept.
    expect(again.result.skipped.find((s) => s.row === 3)?.reason).toBe(
      'Row 3: probably already in the CRM as C-00003 Bob Baker (Baker & Co) — same phone number. Not imported.',
    );
    expect(again.crm).toEqual(crm);
  });
});

describe('duplicates merged', () => {
  it('fills only EMPTY fields of the existing customer, never overwrites, and logs each filled field', () => {
    const existing = customer('C-00001', {
      name: 'Eve Evans',
      company: 'Existing Co',
      email: 'eve@existing.example',
      source: 'Website',
      status: 'Qualified',
      notes: 'keep me',
    });
    const values = [
      ['Name', 'Company', 'Email', 'Phone', 'Status', 'Value', 'Notes', 'Source'],
      ['Eve E.', 'Other Co', 'EVE@existing.example', '555 0101 000', 'lost', 2500, 'from old sheet', ''],
    ];
    const { result, writes, crm } = runBatch(values, [existing], { duplicates: 'merge' });
    expect(result).toMatchObject({ imported: 0, merged: 1, skipped: [] });
    expect(result.duplicates).toEqual([
      {
        row: 2,
        existingId: 'C-00001',
        reason: 'Row 2: merged into C-00001 Eve Evans (Existing Co) — same e-mail address. Filled: Phone, Deal value.',
        action: 'merged',
        filled: ['Phone', 'Deal value'],
      },
    ]);
    // Name, company, status, notes and source had values: untouched. The default "Import" source never fills.
    expect(crm[0]).toEqual({
      ...existing,
      phone: '555 0101 000',
      dealValue: 2500,
      version: 2,
      nextStep: '',
      nextStepDue: '',
      lostReason: '',
      updatedAt: NOW,
      updatedBy: ADMIN,
    });
    expect(writes.events).toEqual([
      { at: NOW, customerId: 'C-00001', action: 'import', field: 'Phone', from: '', to: '555 0101 000', by: ADMIN },
      { at: NOW, customerId: 'C-00001', action: 'import', field: 'Deal value', from: '', to: '2500', by: ADMIN },
    ]);

    const again = runBatch(values, crm, { duplicates: 'merge' });
    expect(again.result).toMatchObject({ imported: 0, merged: 0 });
    expect(again.result.skipped).toEqual([
      {
        row: 2,
        reason:
          'Row 2: probably already in the CRM as C-00001 Eve Evans (Existing Co) — same e-mail address. Nothing new to add, not imported.',
      },
    ]);
    expect(again.writes.updates).toEqual([]);
  });

  it('merges a duplicate row of the import into the earlier row before it is written', () => {
    const values = [
      ['Name', 'Email', 'Tel', 'Company'],
      ['Kim Kay', 'kim@kay.example', '', ''],
      ['Kim Kay', 'KIM@kay.example', '+44 20 7946 0000', 'Kay Ltd'],
      ['K. Kay', '', '020 7946 0000', 'Other'],
    ];
    const { result, writes } = runBatch(values, [], { duplicates: 'merge' });
    expect(result.imported).toBe(1);
    expect(result.merged).toBe(1);
    expect(writes.customers[0]).toMatchObject({
      name: 'Kim Kay',
      email: 'kim@kay.example',
      phone: '+44 20 7946 0000',
      company: 'Kay Ltd',
    });
    expect(result.duplicates).toEqual([
      {
        row: 3,
        existingId: 'C-00001',
        existingRow: 2,
        action: 'merged',
        filled: ['Company', 'Phone'],
        reason: 'Row 3: merged into row 2 (Kim Kay) — same e-mail address. Filled: Company, Phone.',
      },
      {
        // Found through the phone filled in by row 3 (last 10 digits compared).
        row: 4,
        existingId: 'C-00001',
        existingRow: 2,
        action: 'skipped',
        filled: [],
        reason: 'Row 4: duplicate of row 2 (Kim Kay) — same phone number. Nothing new to add, not imported.',
      },
    ]);
  });

  it('does not merge a row that matches several customers', () => {
    const crm = [
      customer('C-00001', { name: 'Al One', email: 'al@one.example' }),
      customer('C-00002', { name: 'Al Two', phone: '555 010 9999' }),
    ];
    const values = [
      ['Name', 'Email', 'Phone'],
      ['Al', 'al@one.example', '5550109999'],
    ];
    const { result } = runBatch(values, crm, { duplicates: 'merge' });
    expect(result.skipped).toEqual([
      {
        row: 2,
        reason: 'Row 2: matches 2 records (C-00001 Al One; C-00002 Al Two), so it was not merged: merge them by hand.',
      },
    ]);
    expect(runBatch(values, crm).result.skipped[0]?.reason).toBe(
      'Row 2: probably already in the CRM as C-00001 Al One and 1 more — same e-mail address. Not imported.',
    );
  });

  it('ends a batch early rather than rewrite too many existing customers in one call', () => {
    const crm = [1, 2, 3].map((n) => customer(`C-0000${n}`, { name: `P${n}`, email: `p${n}@x.example` }));
    const values = [['Name', 'Email', 'Phone'], ...[1, 2, 3].map((n) => [`P${n}`, `p${n}@x.example`, `555010000${n}`])];
    const first = runBatch(values, crm, { duplicates: 'merge', maxMergedCustomers: 2 });
    expect(first.result).toMatchObject({ merged: 2, processed: 2, nextOffset: 2, done: false });
    const second = runBatch(values, first.crm, { duplicates: 'merge', maxMergedCustomers: 2, offset: 2 });
    expect(second.result).toMatchObject({ merged: 1, processed: 1, nextOffset: 3, done: true });
    expect(second.crm.map((c) => c.phone)).toEqual(['5550100001', '5550100002', '5550100003']);
  });
});

describe('batches', () => {
  it('gives the same result in batches of 5 as in one go, with progress', () => {
    let crm: Customer[] = [EVE];
    let offset = 0;
    const progress: Array<[number, number, boolean]> = [];
    const importedRows: number[] = [];
    const skippedRows: number[] = [];
    for (let guard = 0; guard < 10; guard++) {
      const batch = runBatch(MESSY, crm, { offset, limit: 5 });
      crm = batch.crm;
      progress.push([batch.result.processed, batch.result.nextOffset, batch.result.done]);
      importedRows.push(...batch.result.importedRows);
      skippedRows.push(...batch.result.skipped.map((s) => s.row));
      offset = batch.result.nextOffset;
      if (batch.result.done) break;
    }
    expect(progress).toEqual([
      [5, 5, false],
      [5, 10, false],
      [5, 15, false],
      [1, 16, true],
    ]);
    expect(importedRows).toEqual([2, 3, 5, 7, 10, 12, 13, 14]);
    expect(skippedRows).toEqual([6, 8, 11, 15, 16]);
    expect(crm).toEqual(runBatch(MESSY, [EVE]).crm);
  });

  it('in a dry run, finds a duplicate of a row from an earlier batch (nothing was written in between)', () => {
    const second = plan(MESSY, [EVE], { offset: 10, limit: 10, replayEarlierRows: true });
    const result = importResult(second, { dryRun: true, duplicates: 'skip' }, []);
    expect(result.importedRows).toEqual([12, 13, 14]);
    expect(result.duplicates).toEqual([
      {
        row: 16,
        existingId: '',
        existingRow: 2,
        action: 'skipped',
        filled: [],
        reason: 'Row 16: duplicate of row 2 (Ann Archer) — same phone number. Not imported.',
      },
    ]);
    expect(result.ids).toEqual([]);
  });

  it('treats an offset past the end as done', () => {
    expect(plan(MESSY, [], { offset: 99 })).toMatchObject({
      offset: 16,
      nextOffset: 16,
      done: true,
      toImport: [],
      skipped: [],
    });
  });

  it('plans 5,000 rows against 5,000 customers quickly (indexed duplicate look-up)', () => {
    const crm = Array.from({ length: 5000 }, (_, i) =>
      customer(`C-${String(i + 1).padStart(5, '0')}`, {
        name: `Old ${i}`,
        email: `old${i}@x.example`,
        phone: `555${String(i).padStart(7, '0')}`,
      }),
    );
    const values = [
      ['Name', 'Email', 'Phone', 'Stage', 'Value'],
      ...Array.from({ length: 5000 }, (_, i) => [
        `New ${i}`,
        `new${i}@y.example`,
        `+44 20 ${String(i).padStart(8, '0')}`,
        'won',
        i,
      ]),
    ];
    const started = Date.now();
    const first = runBatch(values, crm, { limit: 5000 });
    const second = runBatch(values, first.crm, { limit: 5000 });
    expect(first.result.imported).toBe(5000);
    expect(second.result.imported).toBe(0);
    expect(second.result.duplicates).toHaveLength(5000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('rows and mapping details', () => {
  it('joins First name and Last name, and leaves Owner blank unless mapped', () => {
    const read = readImportRow(['Ann', 'Archer', ''], { ...emptyMapping(), firstName: 0, lastName: 1, owner: 2 });
    expect(read).toMatchObject({
      ok: true,
      fields: { name: 'Ann Archer', owner: '', source: 'Import', status: 'Lead' },
    });
  });

  it('uses the mapping the admin corrected, and the Source column when there is one', () => {
    const { writes } = runBatch(MESSY.slice(0, 2), [], { mapping: { name: 0, notes: 7, source: 1 } });
    expect(writes.customers[0]).toMatchObject({
      name: 'Ann Archer',
      company: '',
      email: '',
      notes: 'x1',
      source: 'Acme Ltd',
      status: 'Lead',
    });
  });

  it('shows dates in text columns as the spreadsheet formats them', () => {
    const values = [
      ['Name', 'Notes'],
      ['Ann', new Date(Date.UTC(2023, 4, 2))],
    ];
    expect(plan(values, [], { formatDate: () => '02/05/2023' }).toImport[0]?.fields.notes).toBe('02/05/2023');
    expect(plan(values, []).toImport[0]?.fields.notes).toBe('2023-05-02');
  });

  it('numbers rows as the sheet shows them when a title line sits above the header', () => {
    const values = [['Old customers'], [''], ['Name', 'E-mail'], ['Ann', 'ann@'], ['Bob', 'bob@b.example']];
    const planned = plan(values, []);
    expect(planned.headerRow).toBe(3);
    expect(planned.warnings).toEqual([
      { row: 4, reason: 'Row 4: Email "ann@" is not a valid e-mail address. Imported with Email left empty.' },
    ]);
    expect(planned.toImport.map((p) => p.row)).toEqual([4, 5]);
  });

  it('reports a cell showing a spreadsheet error (#REF!, #ERROR!) instead of importing it as text', () => {
    const mapping = { ...emptyMapping(), name: 0, email: 1, phone: 2, notes: 3 };
    // In the name: the row is no customer, and every problem of it is said.
    const read = readImportRow(['#REF!', 'x@', '#ERROR!', ' #N/A '], mapping);
    expect(read).toEqual({
      ok: false,
      messages: [
        'Name (column A) shows the spreadsheet error #REF!, not a value (a formula that failed; text typed with a leading + or = becomes a formula).',
        'Email "x@" is not a valid e-mail address.',
        'Phone (column C) shows the spreadsheet error #ERROR!, not a value (a formula that failed; text typed with a leading + or = becomes a formula).',
        'Notes (column D) shows the spreadsheet error #N/A, not a value (a formula that failed; text typed with a leading + or = becomes a formula).',
      ],
    });
    // In optional cells (a phone "+1 555-…" pasted into Sheets shows #ERROR!): imported, those fields empty.
    expect(readImportRow(['José Ramírez', 'jose@ramirez', '#ERROR!', ' #N/A '], mapping)).toEqual({
      ok: true,
      fields: expect.objectContaining({ name: 'José Ramírez', email: '', phone: '', notes: '' }),
      given: new Set(['name']),
      warnings: [
        'Email "jose@ramirez" is not a valid e-mail address. Imported with Email left empty.',
        'Phone (column C) shows the spreadsheet error #ERROR!, not a value (a formula that failed; text typed with a leading + or = becomes a formula). Imported with Phone left empty.',
        'Notes (column D) shows the spreadsheet error #N/A, not a value (a formula that failed; text typed with a leading + or = becomes a formula). Imported with Notes left empty.',
      ],
    });
    // Text that merely contains such a code is a value.
    expect(readImportRow(['Ann', 'ann@a.example', '', 'see #REF! in old file'], mapping)).toMatchObject({
      ok: true,
      fields: { notes: 'see #REF! in old file' },
    });
  });

  it('reports every problem of a row at once, in column order', () => {
    const read = readImportRow(['', 'x@', 'soon', '1.200'], {
      ...emptyMapping(),
      name: 0,
      email: 1,
      status: 2,
      dealValue: 3,
    });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.messages.map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual([
        'Name is',
        'Email "x@"',
        'Status "soon"',
        'Deal value',
      ]);
    }
  });
});
