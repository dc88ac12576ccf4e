/** The pure parts of "My work": days and date-times, owner choices, the follow-up buckets, activity input. */

import { activityEvent, validateActivity } from '../../src/domain/activity';
import { addDays, dateTimeText, isDay, parseDateTime } from '../../src/domain/dates';
import { type FollowUpRow, followUpBuckets } from '../../src/domain/followUps';
import { ownerChoices, resolveOwner } from '../../src/domain/owners';
import type { Status } from '../../src/domain/statuses';

describe('dates: one shape for a day, one for an instant', () => {
  it('isDay accepts real calendar days only', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].every(isDay)).toBe(true);
    const bad = ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-1', '26-01-01', '2026-01-01T00:00Z', ''];
    expect(bad.some(isDay)).toBe(false);
  });

  it('addDays is calendar arithmetic (month and year ends, leap days)', () => {
    expect(addDays('2026-02-25', 7)).toBe('2026-03-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('parseDateTime needs a time and a zone, and a day that exists; dateTimeText is toISOString', () => {
    expect(parseDateTime('2026-03-02T09:30:00Z')).toBe(Date.UTC(2026, 2, 2, 9, 30));
    expect(parseDateTime('2026-03-02T10:30+01:00')).toBe(Date.UTC(2026, 2, 2, 9, 30));
    for (const bad of ['2026-03-02', '2026-02-30T10:00:00Z', '2026-03-02T09:30:00', '2026-03-02T25:00Z', 'now'])
      expect(parseDateTime(bad)).toBeNull();
    expect(dateTimeText(Date.UTC(2026, 2, 2))).toBe('2026-03-02T00:00:00.000Z');
  });
});

describe('owners', () => {
  const choices = ownerChoices('Owner@Example.com', ['rep@example.com', 'OWNER@example.com', ' Manager@example.com ']);

  it('lists the admin first, then the staff, lower-case, once each', () => {
    expect(choices).toEqual(['owner@example.com', 'rep@example.com', 'manager@example.com']);
    expect(ownerChoices(null, [])).toEqual([]);
  });

  it("resolves '' to the user, a choice in any case to its lower case, and names the choices otherwise", () => {
    expect(resolveOwner('', choices, 'Rep@Example.com')).toEqual({ ok: true, owner: 'rep@example.com' });
    expect(resolveOwner('MANAGER@example.com', choices, 'x')).toEqual({ ok: true, owner: 'manager@example.com' });
    const refused = resolveOwner('boss@example.com', choices, 'x');
    expect(refused.ok).toBe(false);
    if (!refused.ok) for (const c of choices) expect(refused.message).toContain(c);
  });
});

describe('followUpBuckets', () => {
  const row = (name: string, nextStepDue: string, status: Status = 'Lead', owner = 'ann'): FollowUpRow<string> => ({
    name,
    owner,
    status,
    nextStepDue,
    item: name,
  });

  it('overdue / today / after today up to today + 7 inclusive / open without a date; by due date then name', () => {
    const rows = [
      row('b late', '2026-03-01'),
      row('A late', '2026-03-01'),
      row('earliest', '2026-02-01', 'Closed-won'),
      row('today', '2026-03-10'),
      row('in 7 days', '2026-03-17'),
      row('in 8 days', '2026-03-18'),
      row('tomorrow', '2026-03-11'),
      row('open, no date', '', 'In negotiation'),
      row('dormant, no date', '', 'Dormant'),
      row('bob today', '2026-03-10', 'Lead', 'BOB'),
    ];
    expect(followUpBuckets(rows, '2026-03-10', 'ann')).toEqual({
      overdue: ['earliest', 'A late', 'b late'],
      today: ['today'],
      upcoming: ['tomorrow', 'in 7 days'],
      noNextStep: ['open, no date'],
    });
    expect(followUpBuckets(rows, '2026-03-10', 'bob').today).toEqual(['bob today']);
    expect(followUpBuckets(rows, '2026-03-10', null).today).toEqual(['bob today', 'today']);
  });
});

describe('validateActivity', () => {
  const NOW = Date.UTC(2026, 2, 2, 9, 0);

  it('normalises the type and summary and defaults `at` to now', () => {
    expect(validateActivity({ type: ' Meeting ', summary: ' Demo \r\n done ' }, NOW)).toEqual({
      ok: true,
      value: { type: 'meeting', summary: 'Demo \n done', at: '2026-03-02T09:00:00.000Z' },
    });
    const at = '2026-03-02T10:00:00+01:00'; // = now: not in the future
    expect(validateActivity({ type: 'email', summary: 'x', at }, NOW)).toMatchObject({
      ok: true,
      value: { at: '2026-03-02T09:00:00.000Z' },
    });
  });

  it('keys errors by type, summary and at', () => {
    const result = validateActivity({ type: 'fax', summary: 'x'.repeat(2001), at: '2026-03-02T09:00:01Z' }, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['at', 'summary', 'type']);
    expect(validateActivity('call', NOW)).toMatchObject({ ok: false, errors: { activity: expect.any(String) } });
  });

  it('makes one History event with no field', () => {
    const activity = { type: 'call' as const, summary: 'Hi', at: '2026-03-02T09:00:00.000Z' };
    expect(activityEvent('C-00001', activity, 'rep@example.com')).toEqual({
      at: activity.at,
      customerId: 'C-00001',
      action: 'call',
      field: '',
      from: '',
      to: 'Hi',
      by: 'rep@example.com',
    });
  });
});
