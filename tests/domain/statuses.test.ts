/** Status labels: tolerant matching of user input onto the spec's exact labels. */
import { parseStatus, STATUSES, DEFAULT_STAGE_PROBABILITIES } from '../../src/domain/statuses';

describe('parseStatus', () => {
  it.each([
    ['closed won', 'Closed-won'],
    ['CLOSED-LOST', 'Closed-lost'],
    [' in-negotiation ', 'In negotiation'],
    ['innegotiation', 'In negotiation'],
    ['lead', 'Lead'],
  ])('maps %p to %p', (input, label) => {
    expect(parseStatus(input)).toBe(label);
  });

  it.each([['won'], [''], ['Leads'], [42], [null], [undefined], [{}]])('rejects %p', (input) => {
    expect(parseStatus(input)).toBeNull();
  });

  it('keeps the spec order and a probability per stage', () => {
    expect(STATUSES).toEqual([
      'Lead',
      'Contacted',
      'Qualified',
      'In negotiation',
      'Closed-won',
      'Closed-lost',
      'Active',
      'Dormant',
    ]);
    expect(STATUSES.map((s) => DEFAULT_STAGE_PROBABILITIES[s])).toEqual([0.1, 0.2, 0.4, 0.6, 1, 0, 1, 0]);
  });
});
