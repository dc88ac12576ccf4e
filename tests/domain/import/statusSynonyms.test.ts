/** Statuses of old sheets: the spec's tolerant match, common synonyms, and unknown words reported, not guessed. */

import { readImportStatus, STATUS_SYNONYMS } from '../../../src/domain/import';
import { parseStatus, STATUSES } from '../../../src/domain/statuses';

describe('readImportStatus', () => {
  it.each([
    ['Closed-won', 'Closed-won'],
    ['closed won', 'Closed-won'],
    [' CLOSED_LOST ', 'Closed-lost'],
    ['won', 'Closed-won'],
    ['Won!', 'Closed-won'],
    ['Closed (won)', 'Closed-won'],
    ['lost', 'Closed-lost'],
    ['Not interested', 'Closed-lost'],
    ['negotiating', 'In negotiation'],
    ['Proposal sent', 'In negotiation'],
    ['New', 'Lead'],
    ['prospect', 'Lead'],
    ['Customer', 'Active'],
    ['inactive', 'Dormant'],
    ['On hold', 'Dormant'],
    ['Négociation', 'In negotiation'],
    ['qualified', 'Qualified'],
    ['called', 'Contacted'],
  ])('%p → %p', (raw, status) => {
    expect(readImportStatus(raw)).toEqual({ ok: true, status });
  });

  it.each([[''], ['   '], [null], [undefined]])('%p is blank: the default stage applies', (raw) => {
    expect(readImportStatus(raw)).toEqual({ ok: true, status: null });
  });

  it.each([['Warm'], ['closed'], ['pending'], [42], [true]])('reports %p instead of guessing', (raw) => {
    const read = readImportStatus(raw);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.message).toMatch(
        /^Status ".*" is not a pipeline stage the import recognises, so it was not guessed\. /,
      );
  });

  it('gives each synonym exactly one stage, and never shadows a real label', () => {
    const seen = new Map<string, string>();
    for (const status of STATUSES) {
      for (const word of STATUS_SYNONYMS[status]) {
        expect(seen.get(word)).toBeUndefined();
        seen.set(word, status);
        const exact = parseStatus(word);
        if (exact !== null) expect(exact).toBe(status);
      }
    }
  });
});
