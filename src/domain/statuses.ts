/** Pipeline statuses: the exact labels of the spec, tolerant matching, and default win probabilities. */

export const STATUSES = [
  'Lead',
  'Contacted',
  'Qualified',
  'In negotiation',
  'Closed-won',
  'Closed-lost',
  'Active',
  'Dormant',
] as const;

export type Status = (typeof STATUSES)[number];

export const DEFAULT_STATUS: Status = 'Lead';

/** Stages still being worked: their value is the "open pipeline". */
export const OPEN_STATUSES: readonly Status[] = ['Lead', 'Contacted', 'Qualified', 'In negotiation'];

export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<Status, number>> = {
  Lead: 0.1,
  Contacted: 0.2,
  Qualified: 0.4,
  'In negotiation': 0.6,
  'Closed-won': 1,
  'Closed-lost': 0,
  Active: 1,
  Dormant: 0,
};

/** Case, spaces, hyphens and underscores do not matter: "closed won" and "CLOSED_WON" both mean Closed-won. */
export function statusKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-_]+/g, '');
}

const STATUS_BY_KEY: ReadonlyMap<string, Status> = new Map(STATUSES.map((s) => [statusKey(s), s]));
const EXACT_LABELS: ReadonlySet<string> = new Set(STATUSES);

/** The canonical label for `input`, or null when it is not one of the statuses. */
export function parseStatus(input: unknown): Status | null {
  if (typeof input !== 'string') return null;
  // Cells nearly always hold the exact label (the dropdown's value): no need to normalise those.
  if (EXACT_LABELS.has(input)) return input as Status;
  if (input === '') return null;
  return STATUS_BY_KEY.get(statusKey(input)) ?? null;
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export const STATUS_LIST_TEXT = STATUSES.join(', ');
