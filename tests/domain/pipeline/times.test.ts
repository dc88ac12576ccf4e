/**
 * The sheet layer hands the pipeline its dates as milliseconds (no ISO string made and parsed back for 250,000
 * History rows): the summary must be exactly the one built from ISO strings, blanks and bad dates included.
 */

import {
  buildPipelineSummary,
  type PipelineCustomer,
  type PipelineEvent,
  type PipelineInput,
} from '../../../src/domain/pipeline';
import { created, customer, day, input, moved, referenceInput } from './fixtures';

const asMs = (iso: string): number | string => (iso === '' || Number.isNaN(Date.parse(iso)) ? '' : Date.parse(iso));

function withTimes(given: PipelineInput): PipelineInput {
  return {
    ...given,
    customers: given.customers.map(
      (c): PipelineCustomer => ({
        ...c,
        createdAt: asMs(String(c.createdAt)),
        updatedAt: asMs(String(c.updatedAt)),
        statusChangedAt: asMs(String(c.statusChangedAt)),
      }),
    ),
    history: (given.history ?? []).map((e): PipelineEvent => ({ ...e, at: asMs(String(e.at)) })),
  };
}

describe('pipeline dates given as milliseconds', () => {
  it('the reference CRM: the same summary as from ISO strings', () => {
    const iso = referenceInput();
    expect(buildPipelineSummary(withTimes(iso))).toEqual(buildPipelineSummary(iso));
  });

  it('blank and unparsable dates are left out the same way; stale rows still carry ISO "Updated at"', () => {
    const iso = input({
      customers: [
        customer('C1', 'Lead', { updatedAt: '', statusChangedAt: '', createdAt: day(1) }),
        customer('C2', 'Contacted', { updatedAt: day(3), statusChangedAt: '', createdAt: '' }),
        customer('C3', 'Qualified', { updatedAt: '', statusChangedAt: '', createdAt: '' }),
      ],
      history: [
        created('C1', day(1), 'Lead'),
        moved('C2', '', 'Lead', 'Contacted'),
        moved('C2', day(3), 'Lead', 'Contacted'),
      ],
    });
    const summary = buildPipelineSummary(withTimes(iso));
    expect(summary).toEqual(buildPipelineSummary(iso));
    expect(summary.stale.map((s) => s.updatedAt)).toEqual(['', day(3)]);
  });
});
