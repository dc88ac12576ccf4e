/** The lost-reason rule, pure: what every path (API, import, hand edit) decides from the same function. */
import {
  DEFAULT_LOST_REASONS,
  decideLostReason,
  handEditLostReason,
  matchLostReason,
  strictLostReason,
} from '../../src/domain/lostReasons';

const list = () => DEFAULT_LOST_REASONS;

describe('matchLostReason', () => {
  it('matches trimmed and case-insensitively, returning the list spelling', () => {
    expect(matchLostReason('  no BUDGET ', DEFAULT_LOST_REASONS)).toBe('No budget');
    expect(matchLostReason('Budget', DEFAULT_LOST_REASONS)).toBeNull();
    expect(matchLostReason('', DEFAULT_LOST_REASONS)).toBeNull();
  });
});

describe('decideLostReason', () => {
  it('requires a reason for Closed-lost, keeps the one a Closed-lost customer has when the change does not touch it', () => {
    expect(decideLostReason({ before: null, status: 'Closed-lost', given: '' }, list)).toMatchObject({
      ok: false,
      problem: 'missing',
    });
    const before = { status: 'Closed-lost' as const, lostReason: 'Price' };
    expect(decideLostReason({ before, status: 'Closed-lost', given: undefined }, list)).toEqual({
      ok: true,
      lostReason: 'Price',
    });
    // One put there by hand or by import without a reason can still be edited: the rule is about moving there.
    expect(
      decideLostReason(
        { before: { status: 'Closed-lost', lostReason: '' }, status: 'Closed-lost', given: undefined },
        list,
      ),
    ).toEqual({ ok: true, lostReason: '' });
    // An explicit '' is a request to remove it: refused, Closed-lost needs one.
    expect(decideLostReason({ before, status: 'Closed-lost', given: '' }, list)).toMatchObject({ problem: 'missing' });
  });

  it('clears it for every other status and refuses one given for another status', () => {
    const before = { status: 'Closed-lost' as const, lostReason: 'Price' };
    expect(decideLostReason({ before, status: 'Lead', given: undefined }, list)).toEqual({ ok: true, lostReason: '' });
    expect(decideLostReason({ before: null, status: 'Qualified', given: 'Price' }, list)).toMatchObject({
      problem: 'notLost',
    });
  });

  it('asks for the list only when it needs it', () => {
    const asked = jest.fn(list);
    decideLostReason({ before: null, status: 'Lead', given: undefined }, asked);
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('strictLostReason', () => {
  it('leaves the key out when the reason stays as it is (no undefined to blank a field)', () => {
    const result = strictLostReason({ status: 'Lead', lostReason: '' }, { name: 'Ann', lostReason: undefined }, list);
    expect(result).toEqual({ ok: true, fields: { name: 'Ann' } });
    expect('lostReason' in (result.ok ? result.fields : {})).toBe(false);
  });
});

describe('handEditLostReason', () => {
  it('warns when a hand edit moves to Closed-lost without a reason, clears one left when it moves away', () => {
    expect(handEditLostReason({ from: 'Lead', to: 'Closed-lost' }, '').warning).toMatch(/without a lost reason/);
    expect(handEditLostReason({ from: 'Lead', to: 'Closed-lost' }, 'anything typed')).toEqual({
      clear: false,
      warning: null,
    });
    expect(handEditLostReason({ from: 'Closed-lost', to: 'Lead' }, 'Price')).toEqual({ clear: true, warning: null });
    expect(handEditLostReason(null, 'Price')).toEqual({ clear: false, warning: null });
  });
});
