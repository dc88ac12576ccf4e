/**
 * The bench's custom-fields case (`--custom 5`): five fields of every type defined in Settings and applied by Set up
 * before the rows are written, each generated customer holding a value in each, and registrations sending them,
 * so register and search are measured with the wider Customers row (SPEC "Version 2", Custom fields).
 */

import type { GeneratedCustomer } from './data';

/** Settings I:L rows: Custom field | Type | Choices | Required (up to five, in this order). */
export const BENCH_CUSTOM_FIELDS: readonly (readonly string[])[] = [
  ['Industry', 'Choice', 'Retail, Software, Health, Manufacturing, Finance', ''],
  ['Region', 'Text', '', ''],
  ['Employees', 'Number', '', ''],
  ['Renewal', 'Date', '', ''],
  ['Tier', 'Choice', 'Gold, Silver, Bronze', ''],
];

const INDUSTRIES = ['Retail', 'Software', 'Health', 'Manufacturing', 'Finance'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Nordics', 'Benelux', 'Iberia'];
const TIERS = ['Gold', 'Silver', 'Bronze'];

/** A number from the customer's ID, so every run writes the same cells. */
function seedOf(c: GeneratedCustomer): number {
  return Number(c.id.replace(/\D/g, '')) || 0;
}

/** The custom cells of a generated customer's row, as the add-on writes them (text guarded, a date typed as one). */
export function customCells(c: GeneratedCustomer, count: number): unknown[] {
  const n = seedOf(c);
  const cells: unknown[] = [
    INDUSTRIES[n % INDUSTRIES.length],
    `'${REGIONS[(n * 7) % REGIONS.length]} ${n % 97}`,
    10 + ((n * 13) % 990),
    `2027-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    TIERS[n % TIERS.length],
  ];
  return cells.slice(0, count);
}

/** What a registration sends for the first `count` fields. */
export function customInput(k: number, count: number): Record<string, unknown> {
  const values: [string, unknown][] = [
    ['Industry', INDUSTRIES[k % INDUSTRIES.length]],
    ['Region', `${REGIONS[k % REGIONS.length]} probe`],
    ['Employees', 25 * (k + 1)],
    ['Renewal', `2027-0${1 + (k % 9)}-15`],
    ['Tier', TIERS[k % TIERS.length]],
  ];
  return Object.fromEntries(values.slice(0, count));
}
