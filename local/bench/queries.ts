/**
 * 100 varied search queries drawn from the generated customers: full and partial names (with and without
 * their accents), companies, e-mails, phone digits typed in another format, combined words, filters, and
 * queries that find nothing.
 */

import type { SearchOptions } from '../../src/domain/results';
import { type GeneratedCustomer, asciiSlug, pick, rng } from './data';

export interface BenchQuery {
  kind: string;
  query: string;
  options?: SearchOptions;
}

const NO_HITS = [
  'zzqx',
  'Nobody Here',
  'xylophone incorporated',
  '0000000',
  'qwertyuiop',
  'Þórður Ævarsson',
  'no.such@nowhere.test',
  '+81 3 0000 0000',
  'C-99999999',
  'Ωmega',
];

/** ASCII spelling of a name ("José Núñez" → "jose nunez"), as people type it without accents. */
function unaccented(text: string): string {
  return text
    .split(' ')
    .map((w) => asciiSlug(w))
    .filter((w) => w !== '')
    .join(' ');
}

/** The phone's digits written in another format than stored. */
function otherFormat(phone: string, k: number): string {
  const d = phone.replace(/\D/g, '');
  const last10 = d.slice(-10);
  switch (k % 4) {
    case 0:
      return d;
    case 1:
      return `${last10.slice(0, 3)}-${last10.slice(3, 6)}-${last10.slice(6)}`;
    case 2:
      return `(${last10.slice(0, 3)}) ${last10.slice(3, 6)} ${last10.slice(6)}`;
    default:
      return last10.slice(-7);
  }
}

export function searchQueries(
  customers: readonly GeneratedCustomer[],
  staff: readonly string[],
  seed = 7,
): BenchQuery[] {
  const r = rng(seed);
  const some = (): GeneratedCustomer => pick(r, customers);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < 15; i++) queries.push({ kind: 'full name', query: some().name });
  for (let i = 0; i < 12; i++) {
    const last = some().name.split(' ').slice(-1)[0] ?? '';
    queries.push({ kind: 'partial name', query: last.slice(0, Math.max(3, Math.ceil(last.length / 2))) });
  }
  for (let i = 0; i < 12; i++) queries.push({ kind: 'name without accents', query: unaccented(some().name) });
  for (let i = 0; i < 10; i++) {
    const c = customers.find((x, k) => k >= Math.floor(r() * customers.length) && x.company !== '') ?? some();
    queries.push({ kind: 'company', query: i % 2 === 0 ? c.company : (c.company.split(' ')[0] ?? c.company) });
  }
  for (let i = 0; i < 10; i++) {
    const c = customers.find((x, k) => k >= Math.floor(r() * customers.length) && x.email !== '') ?? some();
    queries.push({ kind: 'e-mail', query: i % 2 === 0 ? c.email : (c.email.split('@')[0] ?? c.email) });
  }
  for (let i = 0; i < 15; i++) {
    const c = customers.find((x, k) => k >= Math.floor(r() * customers.length) && x.phone !== '') ?? some();
    queries.push({ kind: 'phone, other format', query: otherFormat(c.phone, i) });
  }
  for (let i = 0; i < 8; i++) {
    const c = customers.find((x, k) => k >= Math.floor(r() * customers.length) && x.company !== '') ?? some();
    queries.push({ kind: 'name + company', query: `${c.name.split(' ')[0]} ${c.company.split(' ')[0]}` });
  }
  for (let i = 0; i < 4; i++)
    queries.push({
      kind: 'first name, status filter',
      query: some().name.split(' ')[0] ?? '',
      options: { status: pick(r, ['Lead', 'Qualified', 'Closed-won', 'Active']) },
    });
  for (let i = 0; i < 4; i++)
    queries.push({
      kind: 'last name, owner filter',
      query: some().name.split(' ').slice(-1)[0] ?? '',
      options: { owner: pick(r, staff) },
    });
  for (const q of NO_HITS) queries.push({ kind: 'no hit', query: q });
  return queries.slice(0, 100);
}
