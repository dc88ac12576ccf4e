/** HistoryTable over the stand-in: appends one by one or in one write, never into a hand-changed header. */

import { HISTORY_COLUMNS } from '../../src/domain/columns';
import type { HistoryEvent } from '../../src/domain/customer';
import { rowToHistory } from '../../src/sheets/customerRows';
import { HistoryTable } from '../../src/sheets/historyTable';
import { SchemaError } from '../../src/sheets/schemaError';
import { TAB } from '../../src/sheets/tabs';
import { standInPerTest } from './standIn';

const crm = standInPerTest({ setUp: true });

function event(n: number, fields: Partial<HistoryEvent> = {}): HistoryEvent {
  return {
    at: `2026-03-02T09:0${n}:00.000Z`,
    customerId: 'C-00001',
    action: 'manual edit',
    field: 'Phone',
    from: '',
    to: `+44 20 7946 095${n}`,
    by: 'rep@example.com',
    ...fields,
  };
}

/** Events as the tab now holds them, below the header. */
function logged(): HistoryEvent[] {
  return crm.current.values(TAB.history).slice(1).map(rowToHistory);
}

const history = () => HistoryTable.open(crm.current.ss);

describe('append', () => {
  it('appends one or two events with appendRow each, reading nothing but the header', () => {
    const { run, gas } = crm.current;
    run(() => history().append([event(1), event(2, { action: 'status', field: 'Status', from: 'Lead', to: '=Won' })]));
    expect(logged()).toEqual([event(1), event(2, { action: 'status', field: 'Status', from: 'Lead', to: '=Won' })]);
    expect(gas.runtime.calls.get('Sheet.appendRow')).toBe(2);
    expect(gas.runtime.calls.get('Sheet.getLastRow')).toBe(0);
  });

  it('appends more events, or a batch, with one setValues below the last row', () => {
    const { run, gas } = crm.current;
    run(() => history().append([event(1)]));
    gas.runtime.calls.reset();
    const many = [event(2), event(3), event(4)];
    run(() => history().append(many));
    expect(logged()).toEqual([event(1), ...many]);
    expect(gas.runtime.calls.get('Range.setValues')).toBe(1);
    expect(gas.runtime.calls.get('Sheet.appendRow')).toBe(0);

    gas.runtime.calls.reset();
    const h = history();
    const lastRow = run(() => h.lastRowFor(1, { batch: true }));
    expect(lastRow).toBe(5);
    run(() => h.append([event(5)], { lastRow, batch: true, headerChecked: true }));
    expect(logged()).toHaveLength(5);
    expect(gas.runtime.calls.get('Range.getValues')).toBe(0); // header checked by the caller
  });

  it('needs no last row for one or two events', () => {
    expect(crm.current.run(() => history().lastRowFor(2))).toBeNull();
    expect(crm.current.run(() => history().lastRowFor(3))).toBe(1);
  });

  it('writes nothing into a History tab whose columns were changed by hand', () => {
    const { run } = crm.current;
    run(() => crm.current.ss.getSheetByName(TAB.history)?.getRange(1, HISTORY_COLUMNS.of.by.column).setValue('Who'));
    expect(() => run(() => history().append([event(1)]))).toThrow(SchemaError);
    expect(() => run(() => history().append([event(1)]))).toThrow('column G is "Who", expected "By"');
    expect(crm.current.values(TAB.history)).toHaveLength(1);
  });

  it('appends nothing for no events', () => {
    crm.current.run(() => history().append([]));
    expect(crm.current.gas.runtime.calls.total()).toBe(1); // open()'s getSheetByName, nothing else
  });
});
