/**
 * Deterministic, realistic benchmark data: customers (names with accents, companies, e-mails, phones in varied
 * formats, a realistic status spread, deal values, owners, dates) and a History log of exactly 5× as many rows
 * (one create per customer, the status changes that led to its current status, then notes and field edits),
 * consistent with the customer rows (Version, Updated at, Status changed at, Notes). Rows are produced as the
 * cell values the add-on itself writes (free text with a leading apostrophe, Dates, numbers), so one
 * setValues stores exactly what registerCustomer/updateCustomer would have stored.
 */

import type { Customer } from '../../src/domain/customer';
import { STATUSES, type Status } from '../../src/domain/statuses';

export const STATUS_LIST = STATUSES;

/** Share of customers per current status (sums to 1). */
const STATUS_SPREAD: ReadonlyArray<[Status, number]> = [
  ['Lead', 0.3],
  ['Contacted', 0.18],
  ['Qualified', 0.12],
  ['In negotiation', 0.08],
  ['Closed-won', 0.1],
  ['Closed-lost', 0.1],
  ['Active', 0.08],
  ['Dormant', 0.04],
];

/** The status changes (after the create at Lead) that lead to each final status. */
const PATHS: Readonly<Record<Status, readonly Status[]>> = {
  Lead: [],
  Contacted: ['Contacted'],
  Qualified: ['Contacted', 'Qualified'],
  'In negotiation': ['Contacted', 'Qualified', 'In negotiation'],
  'Closed-won': ['Contacted', 'Qualified', 'In negotiation', 'Closed-won'],
  'Closed-lost': ['Contacted', 'Qualified', 'Closed-lost'],
  Active: ['Contacted', 'Qualified', 'In negotiation', 'Closed-won', 'Active'],
  Dormant: ['Contacted', 'Qualified', 'In negotiation', 'Closed-won', 'Active', 'Dormant'],
};

export const FIRST_NAMES = [
  'José',
  'María',
  'Zoë',
  'Hélène',
  'Søren',
  'Łukasz',
  'Björn',
  'Renée',
  'François',
  'Mårten',
  'Chloé',
  'Noémie',
  'Jürgen',
  'Ana',
  'Ingrid',
  'Seán',
  'Aoife',
  'Dmitri',
  'Priya',
  'Wei',
  'Yuki',
  'Olu',
  'Amélie',
  'Ágnes',
  'Çağla',
  'Tomás',
  'Inês',
  'João',
  'Émile',
  'Lars',
  'Sophie',
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Daniel',
  'Nancy',
  'Matthew',
  'Lisa',
  'Anthony',
  'Betty',
  'Mark',
  'Margaret',
  'Paul',
  'Sandra',
  'Steven',
  'Ashley',
  'Andrew',
  'Kimberly',
  'Kenneth',
  'Emily',
  'Joshua',
  'Donna',
  'Kevin',
  'Michelle',
  'Brian',
  'Carol',
  'George',
  'Amanda',
  'Timothy',
  'Melissa',
  'Ronald',
  'Deborah',
  'Jason',
  'Stephanie',
  'Ryan',
  'Rebecca',
  'Gary',
  'Laura',
  'Nicholas',
  'Helen',
  'Eric',
  'Anna',
  'Jonathan',
  'Kateřina',
  'Zoltán',
  'Ewa',
  'Đorđe',
];

export const LAST_NAMES = [
  'Müller',
  'García',
  'Núñez',
  'Ødegaard',
  'Dvořák',
  'Smith',
  "O'Brien",
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Rodríguez',
  'Martínez',
  'Hernández',
  'López',
  'González',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Pérez',
  'Thompson',
  'White',
  'Harris',
  'Sánchez',
  'Clark',
  'Ramírez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Schröder',
  'Fischer',
  'Weiß',
  'Lefèvre',
  'Dubois',
  'Bérubé',
  'Gonçalves',
  'Ferreira',
  'Kowalski',
  'Wiśniewski',
  'Nakamura',
  'Tanaka',
  'Kim',
  'Park',
  'Chen',
  'Wang',
  'Singh',
  'Patel',
  'Okafor',
  'Adeyemi',
  'Haddad',
  'Öztürk',
  'Yılmaz',
  'Järvinen',
  'Virtanen',
  'Åberg',
  'Lindqvist',
  'Christensen',
  'MacDonald',
  'Fitzgerald',
  'van der Berg',
  'de la Cruz',
  'Novák',
  'Horváth',
  'Papadopoulos',
  'Rossi',
  'Bianchi',
  'Esposito',
  'Costa',
  'Sørensen',
];

const COMPANY_HEADS = [
  'Acme',
  'Nordlicht',
  'Café Olé',
  'Blue Harbor',
  'Zürich Data',
  'Brightside',
  'Granite',
  'Évora Vinhos',
  'Kestrel',
  'Lumière',
  'Maple & Oak',
  'Northwind',
  'Orbit',
  'Pinecrest',
  'Quantum Leap',
  'Riverbend',
  'Silverline',
  'Tundra',
  'Umbra',
  'Vértice',
  'Westfield',
  'Yellowstone',
  'Zenith',
  'Ålesund Fisk',
  'Bäckerei Schmidt',
  'Crêperie Bretonne',
  'Delta',
  'Evergreen',
  'Fjord',
  'Golden Gate',
  'Helix',
  'Iberia Foods',
  'Juniper',
  'Kinetic',
  'Lakeside',
  'Meridian',
  'Nimbus',
  'Olympus',
  'Pioneer',
  'Redwood',
  'Summit',
  'Trident',
  'Unity',
  'Vanguard',
  'Willow',
  'Xenon',
  'Yarrow',
];
const COMPANY_TAILS = [
  'GmbH',
  'SARL',
  'Ltd',
  'Inc.',
  'LLC',
  'S.A.',
  'AB',
  'AS',
  'B.V.',
  'Consulting',
  'Logistics',
  'Studio',
  'Labs',
  'Partners',
  'Group',
  'Trading',
  'Bakery',
  'Systems',
  '& Co.',
  'Holdings',
];
const MAIL_HOSTS = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'web.de', 'orange.fr', 'icloud.com', 'proton.me'];
const SOURCES = ['Website', 'Referral', 'Trade show', 'Cold call', 'LinkedIn', 'Newsletter', 'Partner', ''];
const NOTE_TEXTS = [
  'Called, asked for a quote',
  'Sent brochure',
  'Wants a demo next week',
  'Budget approved',
  'Decision maker on leave',
  'Follow up after the holidays',
  'Asked for references',
  'Price is the main concern',
  'Met at the fair in Lyon',
  'Prefers e-mail over phone',
  'Café meeting went well',
  'Needs sign-off from the board',
];

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

/** ASCII form used to build e-mail addresses ("José Núñez" → "jose.nunez"). */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/[łŁ]/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A phone number in one of the formats people actually type. `n` makes it unique. */
export function phoneFor(r: Random, n: number): string {
  const d = String(1000000 + (n % 9000000)).slice(-7); // 7 unique-ish digits
  const area = String(200 + Math.floor(r() * 700));
  switch (Math.floor(r() * 7)) {
    case 0:
      return `+1 (${area}) ${d.slice(0, 3)}-${d.slice(3)}`;
    case 1:
      return `${area}.${d.slice(0, 3)}.${d.slice(3)}`;
    case 2:
      return `+44 20 ${d.slice(0, 3)} ${d.slice(3)}`;
    case 3:
      return `0${area.slice(0, 1)} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}${area.slice(1, 2)}`;
    case 4:
      return `${area}${d}`;
    case 5:
      return `+49 30 ${d}`;
    default:
      return `(${area}) ${d.slice(0, 3)} ${d.slice(3)}`;
  }
}

/** A Customer with its three times as epoch milliseconds (written to the sheet as Dates). */
export interface GeneratedCustomer extends Omit<Customer, 'createdAt' | 'updatedAt' | 'statusChangedAt'> {
  createdAt: number;
  updatedAt: number;
  statusChangedAt: number;
}

export interface GeneratedEvent {
  at: number;
  customerId: string;
  action: 'create' | 'status' | 'note' | 'update';
  field: string;
  from: string;
  to: string;
  by: string;
}

export interface Dataset {
  customers: GeneratedCustomer[];
  events: GeneratedEvent[];
}

const DAY = 24 * 60 * 60 * 1000;

/** Free text as the add-on writes it (textCell): a leading apostrophe keeps "+44…" or "=x" as text. */
const text = (value: string): string => (value === '' ? '' : `'${value}`);

export function customerRow(c: GeneratedCustomer): unknown[] {
  return [
    text(c.id),
    text(c.name),
    text(c.company),
    text(c.email),
    text(c.phone),
    c.status,
    c.dealValue === null ? '' : c.dealValue,
    text(c.owner),
    text(c.source),
    text(c.notes),
    new Date(c.createdAt),
    text(c.createdBy),
    new Date(c.updatedAt),
    text(c.updatedBy),
    new Date(c.statusChangedAt),
    c.version,
    text(c.nextStep),
    c.nextStepDue, // 'YYYY-MM-DD' typed as such: the sheet stores a date, as the add-on's dayCell does
    text(c.lostReason),
  ];
}

export function eventRow(e: GeneratedEvent): unknown[] {
  return [new Date(e.at), text(e.customerId), e.action, text(e.field), text(e.from), text(e.to), text(e.by)];
}

export function formatId(n: number): string {
  return `C-${String(n).padStart(5, '0')}`;
}

function pickStatus(r: Random): Status {
  let x = r();
  for (const [status, share] of STATUS_SPREAD) {
    if (x < share) return status;
    x -= share;
  }
  return 'Lead';
}

/**
 * `count` customers C-00001… created over the two years before `nowMs`, and exactly 5 × count History rows in
 * chronological order (as an append-only log is).
 */
export function generateDataset(count: number, nowMs: number, staff: readonly string[], seed = 42): Dataset {
  const r = rng(seed);
  const customers: GeneratedCustomer[] = [];
  const perCustomer: GeneratedEvent[][] = [];
  for (let n = 1; n <= count; n++) {
    const first = pick(r, FIRST_NAMES);
    const last = pick(r, LAST_NAMES);
    const name = r() < 0.03 ? `${first} ${pick(r, LAST_NAMES)}-${last}` : `${first} ${last}`;
    const company = r() < 0.12 ? '' : `${pick(r, COMPANY_HEADS)} ${pick(r, COMPANY_TAILS)}`;
    const emailRoll = r();
    const email =
      emailRoll < 0.1
        ? ''
        : company !== '' && emailRoll < 0.6
          ? `${asciiSlug(first)}.${asciiSlug(last)}${n}@${asciiSlug(company).slice(0, 14) || 'mail'}.com`
          : `${asciiSlug(first)}${asciiSlug(last).slice(0, 6)}${n}@${pick(r, MAIL_HOSTS)}`;
    const phone = r() < 0.1 ? '' : phoneFor(r, n * 7919);
    const status = pickStatus(r);
    const dealValue = r() < 0.15 ? null : Math.round(Math.exp(6.5 + r() * 5.5) / 50) * 50; // ~650 … ~160,000
    const owner = pick(r, staff);
    const createdAt = nowMs - Math.floor((1 + r() * 729) * DAY) - Math.floor(r() * DAY);
    const id = formatId(n);
    const events: GeneratedEvent[] = [
      { at: createdAt, customerId: id, action: 'create', field: 'Status', from: '', to: 'Lead', by: owner },
    ];
    let at = createdAt;
    let previous: Status = 'Lead';
    let statusChangedAt = createdAt;
    for (const next of PATHS[status]) {
      at += Math.floor((0.5 + r() * 20) * DAY);
      events.push({ at, customerId: id, action: 'status', field: 'Status', from: previous, to: next, by: owner });
      previous = next;
      statusChangedAt = at;
    }
    customers.push({
      custom: {},
      id,
      name,
      company,
      email,
      phone,
      status,
      dealValue,
      owner,
      source: pick(r, SOURCES),
      notes: '',
      createdAt,
      createdBy: owner,
      updatedAt: at,
      updatedBy: owner,
      statusChangedAt,
      version: 1,
      // Three in four have a follow-up, due from 5 days ago to 9 days ahead (no draw from `r`: the rest of the
      // data set stays as it was before these columns existed).
      nextStep: n % 4 === 0 ? '' : 'Call back',
      nextStepDue: n % 4 === 0 ? '' : new Date(nowMs + ((n % 15) - 5) * DAY).toISOString().slice(0, 10),
      lostReason: '',
    });
    perCustomer.push(events);
  }

  // Top up to exactly 5 rows per customer with notes and field edits, spread over the customers.
  let total = perCustomer.reduce((sum, events) => sum + events.length, 0);
  const target = 5 * count;
  for (let i = 0; total < target; i = (i + 1) % count) {
    const customer = customers[i] as GeneratedCustomer;
    const events = perCustomer[i] as GeneratedEvent[];
    if (events.length >= 9 && r() < 0.7) continue;
    const last = (events[events.length - 1] as GeneratedEvent).at;
    const at = last + Math.floor((0.1 + r() * 5) * DAY);
    if (r() < 0.6) {
      const note = pick(r, NOTE_TEXTS);
      const line = `${new Date(at).toISOString().slice(0, 10)} ${customer.owner}: ${note}`;
      customer.notes = customer.notes === '' ? line : `${customer.notes}\n${line}`;
      events.push({
        at,
        customerId: customer.id,
        action: 'note',
        field: 'Notes',
        from: '',
        to: note,
        by: customer.owner,
      });
    } else {
      const before = customer.dealValue === null ? '' : String(customer.dealValue);
      customer.dealValue = Math.round(Math.exp(6.5 + r() * 5.5) / 50) * 50;
      events.push({
        at,
        customerId: customer.id,
        action: 'update',
        field: 'Deal value',
        from: before,
        to: String(customer.dealValue),
        by: customer.owner,
      });
    }
    customer.updatedAt = at;
    total++;
  }
  // Version = 1 + one per save after the create; no event may be in the future.
  const events: GeneratedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const customer = customers[i] as GeneratedCustomer;
    const list = perCustomer[i] as GeneratedEvent[];
    for (const e of list) if (e.at >= nowMs) e.at = nowMs - 60_000;
    customer.updatedAt = Math.min(customer.updatedAt, nowMs - 60_000);
    customer.statusChangedAt = Math.min(customer.statusChangedAt, customer.updatedAt);
    customer.version = list.length;
    events.push(...list);
  }
  events.sort((a, b) => a.at - b.at);
  return { customers, events };
}

/** Rows of an old spreadsheet to paste into the Import tab: its own headers, some rows already in the CRM. */
export function importGrid(rows: number, existing: readonly GeneratedCustomer[], seed: number): unknown[][] {
  const r = rng(seed);
  const grid: unknown[][] = [
    ['Full name', 'Company', 'E-mail', 'Tel.', 'Stage', 'Value ($)', 'Rep', 'Lead source', 'Comments'],
  ];
  for (let i = 0; i < rows; i++) {
    if (existing.length > 0 && r() < 0.05) {
      const c = pick(r, existing);
      grid.push([
        c.name,
        c.company,
        c.email,
        c.phone === '' ? '' : `'${c.phone}`,
        c.status,
        c.dealValue ?? '',
        c.owner,
        c.source,
        '',
      ]);
      continue;
    }
    const first = pick(r, FIRST_NAMES);
    const last = pick(r, LAST_NAMES);
    const company = r() < 0.15 ? '' : `${pick(r, COMPANY_HEADS)} ${pick(r, COMPANY_TAILS)}`;
    const stage = pick(r, [
      'lead',
      'Contacted',
      'qualified',
      'in negotiation',
      'Closed won',
      'closed-lost',
      'Active',
      '',
    ]);
    grid.push([
      `${first} ${last}`,
      company,
      r() < 0.1 ? '' : `${asciiSlug(first)}.${asciiSlug(last)}.imp${seed}x${i}@example.org`,
      r() < 0.15 ? '' : `'${phoneFor(r, seed * 100003 + i * 31)}`,
      stage,
      r() < 0.2 ? '' : Math.round(r() * 50000),
      '',
      pick(r, SOURCES),
      r() < 0.8 ? '' : pick(r, NOTE_TEXTS),
    ]);
  }
  return grid;
}
