/** One customer's History without reading all of it: a TextFinder on the ID column, then the header and that customer's rows in at most two reads. */

import type { HistoryEvent } from '../../src/domain/customer';
import { HISTORY_COLUMNS } from '../../src/domain/columns';
import { historyToRow } from '../../src/sheets/customerRows';
import { historyOf, rowRuns } from '../../src/sheets/historyReads';
import { TAB } from '../../src/sheets/tabs';
import { standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });

function event(n: number, customerId: string): HistoryEvent {
  const at = new Date(Date.UTC(2026, 2, 2, 9, 0, n)).toISOString();
  return { at, customerId, action: 'note', field: '', from: '', to: `note ${n}`, by: 'rep@example.com' };
}

/** History rows 2.. : `ids[i]` is the customer of row i + 2. */
function seed(ids: readonly string[]): HistoryEvent[] {
  const events = ids.map((id, i) => event(i, id));
  crm.current.run(() => {
    const sheet = crm.current.ss.getSheetByName(TAB.history) as GoogleAppsScript.Spreadsheet.Sheet;
    if (sheet.getMaxRows() < events.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), events.length + 1);
    sheet.getRange(2, 1, events.length, HISTORY_COLUMNS.width).setValues(events.map(historyToRow));
  });
  crm.current.gas.runtime.calls.reset();
  return events;
}

describe('historyOf', () => {
  it("returns exactly the customer's events in sheet order, reading its rows in at most two runs", () => {
    // C-00001's rows are 2, 3 and, 3,000 rows later, 3,003 and 3,005 (a hand-typed ID with spaces).
    const ids: string[] = Array.from({ length: 3010 }, (_, i) => (i % 3 === 0 ? 'C-00002' : 'C-00003'));
    ids[0] = 'C-00001';
    ids[1] = 'C-00001';
    ids[3001] = 'C-00001';
    ids[3003] = ' C-00001 ';
    const events = seed(ids);
    const found = crm.current.run(() => historyOf(crm.current.ss, 'C-00001'));
    expect(found.map((e) => e.to)).toEqual(['note 0', 'note 1', 'note 3001', 'note 3003']);
    expect(found[0]).toEqual(events[0]);
    const calls = crm.current.gas.runtime.calls;
    expect(calls.get('TextFinder.findAll')).toBe(1); // the rows that may hold the ID, no cells read
    expect(calls.get('Sheet.getSheetValues') ?? 0).toBe(0);
    expect(calls.get('Range.getValues')).toBe(2); // the header with rows 2-3, then rows 3,003-3,005
  });

  it('reads the whole Customer ID column instead when the tab has no row below its header', () => {
    crm.current.run(() => {
      const sheet = crm.current.ss.getSheetByName(TAB.history) as GoogleAppsScript.Spreadsheet.Sheet;
      sheet.setFrozenRows(0); // Sheets keeps a row under a frozen header
      sheet.deleteRows(2, sheet.getMaxRows() - 1);
    });
    crm.current.gas.runtime.calls.reset();
    expect(crm.current.run(() => historyOf(crm.current.ss, 'C-00001'))).toEqual([]);
    expect(crm.current.gas.runtime.calls.get('Sheet.getSheetValues')).toBe(1);
  });

  it('reads no row for a customer without History, and checks the header first', () => {
    seed(['C-00002', 'C-00003']);
    expect(crm.current.run(() => historyOf(crm.current.ss, 'C-00001'))).toEqual([]);
    expect(crm.current.gas.runtime.calls.get('Range.getValues')).toBe(1);
    crm.current.run(() => crm.current.ss.getSheetByName(TAB.history)?.getRange(1, 2).setValue('Customer'));
    expect(() => crm.current.run(() => historyOf(crm.current.ss, 'C-00002'))).toThrow('expected "Customer ID"');
  });
});

describe('rowRuns', () => {
  it('joins adjacent rows and rows within the gap, then merges the nearest runs down to the maximum', () => {
    expect(rowRuns([], 10, 2)).toEqual([]);
    expect(rowRuns([2, 3, 4], 0, 2)).toEqual([[2, 4]]);
    expect(rowRuns([2, 3, 100, 5000], 10, 5)).toEqual([
      [2, 3],
      [100, 100],
      [5000, 5000],
    ]);
    expect(rowRuns([2, 3, 100, 5000], 10, 2)).toEqual([
      [2, 100],
      [5000, 5000],
    ]);
    // Gaps 3,998, 99 and 4,899: 4,000–4,100 first, then the nearer of what is left (2 with 4,000–4,100).
    expect(rowRuns([2, 4000, 4100, 9000], 10, 2)).toEqual([
      [2, 4100],
      [9000, 9000],
    ]);
    expect(rowRuns([2, 50, 60], 20, 1)).toEqual([[2, 60]]);
  });
});
