/** Shared builders for the pipeline tests: a customer with sensible blanks, History rows, and day-based dates. */

import type { Customer, HistoryAction, HistoryEvent } from '../../../src/domain/customer';
import { DEFAULT_STAGE_PROBABILITIES, type Status } from '../../../src/domain/statuses';
import type { PipelineInput } from '../../../src/domain/pipeline';

/** Day 0 is 2026-03-01T00:00Z; whole-day offsets keep the hand arithmetic in days. */
const DAY0 = Date.UTC(2026, 2, 1);
export const DAY_MS = 86_400_000;

/** ISO string for day `n` (fractions allowed) after 2026-03-01T00:00Z. */
export function day(n: number): string {
  return new Date(DAY0 + n * DAY_MS).toISOString();
}

/** "Now" in most tests: day 30 = 2026-03-31T00:00:00.000Z. */
export const NOW = day(30);

export function customer(id: string, status: Status, fields: Partial<Customer> = {}): Customer {
  return {
    custom: {},
    id,
    name: `Name ${id}`,
    company: `Company ${id}`,
    email: '',
    phone: '',
    status,
    dealValue: null,
    owner: '',
    source: '',
    notes: '',
    createdAt: day(0),
    createdBy: 'rep@example.com',
    updatedAt: day(0),
    updatedBy: 'rep@example.com',
    statusChangedAt: day(0),
    version: 1,
    nextStep: '',
    nextStepDue: '',
    lostReason: '',
    ...fields,
  };
}

export function created(customerId: string, at: string, to: string): HistoryEvent {
  return { at, customerId, action: 'create', field: '', from: '', to, by: 'rep@example.com' };
}

export function moved(
  customerId: string,
  at: string,
  from: string,
  to: string,
  action: HistoryAction = 'status',
): HistoryEvent {
  return { at, customerId, action, field: 'Status', from, to, by: 'rep@example.com' };
}

export function input(parts: Partial<PipelineInput>): PipelineInput {
  return {
    customers: [],
    history: [],
    probabilities: DEFAULT_STAGE_PROBABILITIES,
    staleDays: 14,
    nowIso: NOW,
    rebuiltBy: 'manager@example.com',
    ...parts,
  };
}

/**
 * The reference CRM (also used cell by cell in layout.test.ts):
 *   C1 Lead            1000  alice  created d0 Lead;                                updated d9
 *   C2 Qualified       2000  bob    d0 Lead, d4 Contacted, d10 Qualified;           updated d10
 *   C3 In negotiation  5000  alice  d2 created straight at Qualified, d12 In neg.;   updated d25
 *   C4 Closed-won      3000  bob    d0 Lead, d1 Contacted, d5 Qualified, d8 In neg., d20 Closed-won
 *   C5 Closed-lost     (none) ''    d0 Lead, d3 Contacted, d6 Closed-lost
 *   C6 Active           400  alice  d0 created at Closed-won, d10 Active
 * History is given newest-first on purpose: input order must not matter.
 */
export function referenceInput(): PipelineInput {
  const customers = [
    customer('C1', 'Lead', { dealValue: 1000, owner: 'alice', updatedAt: day(9) }),
    customer('C2', 'Qualified', { dealValue: 2000, owner: 'bob', updatedAt: day(10), statusChangedAt: day(10) }),
    customer('C3', 'In negotiation', {
      dealValue: 5000,
      owner: 'alice',
      createdAt: day(2),
      updatedAt: day(25),
      statusChangedAt: day(12),
    }),
    customer('C4', 'Closed-won', { dealValue: 3000, owner: 'bob', updatedAt: day(20), statusChangedAt: day(20) }),
    customer('C5', 'Closed-lost', { dealValue: null, owner: '', updatedAt: day(6), statusChangedAt: day(6) }),
    customer('C6', 'Active', { dealValue: 400, owner: 'alice', updatedAt: day(10), statusChangedAt: day(10) }),
  ];
  const history = [
    created('C1', day(0), 'Lead'),
    created('C2', day(0), 'Lead'),
    moved('C2', day(4), 'Lead', 'Contacted'),
    moved('C2', day(10), 'Contacted', 'Qualified'),
    created('C3', day(2), 'Qualified'),
    moved('C3', day(12), 'Qualified', 'In negotiation'),
    created('C4', day(0), 'Lead'),
    moved('C4', day(1), 'Lead', 'Contacted'),
    moved('C4', day(5), 'Contacted', 'Qualified'),
    moved('C4', day(8), 'Qualified', 'In negotiation'),
    moved('C4', day(20), 'In negotiation', 'Closed-won'),
    created('C5', day(0), 'Lead'),
    moved('C5', day(3), 'Lead', 'Contacted'),
    moved('C5', day(6), 'Contacted', 'Closed-lost'),
    created('C6', day(0), 'Closed-won'),
    moved('C6', day(10), 'Closed-won', 'Active'),
  ].reverse();
  return input({ customers, history });
}
