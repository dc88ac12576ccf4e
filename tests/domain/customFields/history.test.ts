/** History of custom fields: Field = the field's name, From/To as read, in the shape of changeEvents' events. */

import { blankCustomer } from '../../../src/domain/customer';
import {
  customChangeEvents,
  customCreationEvents,
  customFieldOfLabel,
  customLogText,
  customValueOfLog,
} from '../../../src/domain/customFields';
import { changeEvents } from '../../../src/domain/history';
import { EMPLOYEES, FIELDS, INDUSTRY, REGION, RENEWAL } from './fixtures';

const AT = '2026-03-02T09:00:00.000Z';
const BY = 'ann@shop.example';

describe('customChangeEvents', () => {
  it('logs one update per changed field, in the table order, values as text', () => {
    const events = customChangeEvents(
      FIELDS,
      {
        customerId: 'C-00007',
        before: { Industry: 'Retail', Employees: 12, Renewal: '', Region: 'North' },
        after: { Industry: 'Tech', Employees: 12.5, Renewal: '2026-04-01', Region: 'North' },
      },
      AT,
      BY,
    );
    expect(events).toEqual([
      { at: AT, customerId: 'C-00007', action: 'update', field: 'Industry', from: 'Retail', to: 'Tech', by: BY },
      { at: AT, customerId: 'C-00007', action: 'update', field: 'Employees', from: '12', to: '12.5', by: BY },
      { at: AT, customerId: 'C-00007', action: 'update', field: 'Renewal', from: '', to: '2026-04-01', by: BY },
    ]);
  });

  it('has the shape of the fixed fields’ events (same keys, same action words)', () => {
    const before = blankCustomer('C-00001');
    const [fixed] = changeEvents(before, { ...before, company: 'Acme' }, AT, BY, 'manual edit');
    const [custom] = customChangeEvents(
      FIELDS,
      { customerId: 'C-00001', before: {}, after: { Region: 'North' } },
      AT,
      BY,
      'manual edit',
    );
    expect(Object.keys(custom ?? {})).toEqual(Object.keys(fixed ?? {}));
    expect(custom?.action).toBe(fixed?.action);
  });

  it('treats a field missing from a record (added since) as empty: nothing logged when it stays empty', () => {
    const events = customChangeEvents(
      FIELDS,
      { customerId: 'C-1', before: {}, after: { Industry: '', Employees: null, Renewal: '', Region: '' } },
      AT,
      BY,
    );
    expect(events).toEqual([]);
  });

  it('logs a formula-looking text exactly as text', () => {
    const [event] = customChangeEvents(
      FIELDS,
      { customerId: 'C-1', before: {}, after: { Region: '=IMPORTXML("x")' } },
      AT,
      BY,
    );
    expect(event?.to).toBe('=IMPORTXML("x")');
  });

  it('ignores values of fields no longer defined', () => {
    const events = customChangeEvents(FIELDS, { customerId: 'C-1', before: { Old: 'a' }, after: { Old: 'b' } }, AT, BY);
    expect(events).toEqual([]);
  });
});

describe('customCreationEvents', () => {
  it('logs a create event per field with a value, at the creation time', () => {
    const events = customCreationEvents(
      FIELDS,
      { id: 'C-00009', createdAt: AT, custom: { Industry: 'Tech', Employees: 0, Renewal: '', Region: '' } },
      BY,
    );
    expect(events).toEqual([
      { at: AT, customerId: 'C-00009', action: 'create', field: 'Industry', from: '', to: 'Tech', by: BY },
      { at: AT, customerId: 'C-00009', action: 'create', field: 'Employees', from: '', to: '0', by: BY },
    ]);
  });
});

describe('customFieldOfLabel / customLogText', () => {
  it('finds the definition a History Field names, as Settings compares names', () => {
    expect(customFieldOfLabel(FIELDS, 'industry')?.name).toBe('Industry');
    expect(customFieldOfLabel(FIELDS, 'Company')).toBeNull();
  });

  it('writes null and undefined as empty, numbers as plain text', () => {
    expect([null, undefined, 0, -2.5, 'x'].map(customLogText)).toEqual(['', '', '0', '-2.5', 'x']);
  });
});

describe('customValueOfLog (a logged value read back, as a row deleted by hand is rebuilt)', () => {
  it('reads a Number as JavaScript logged it, where a person’s "1.234" would be ambiguous', () => {
    for (const n of [1.234, -1.2, 1e-7, 0, 999_999_999_999_999, -0.5]) {
      expect(customValueOfLog(customLogText(n), EMPLOYEES)).toEqual({ ok: true, value: n });
    }
    expect(customValueOfLog('', EMPLOYEES)).toEqual({ ok: true, value: null });
    // Not JavaScript's own text: read as typed text, refused if it is not a number.
    expect(customValueOfLog('1,200', EMPLOYEES)).toEqual({ ok: true, value: 1200 });
    expect(customValueOfLog('lots', EMPLOYEES).ok).toBe(false);
    expect(customValueOfLog('1e400', EMPLOYEES).ok).toBe(false);
  });

  it('reads the other types by their own check', () => {
    expect(customValueOfLog('retail', INDUSTRY)).toEqual({ ok: true, value: 'Retail' });
    expect(customValueOfLog('2026-02-30', RENEWAL).ok).toBe(false);
    expect(customValueOfLog('=1+1 <b>', REGION)).toEqual({ ok: true, value: '=1+1 <b>' });
  });
});
