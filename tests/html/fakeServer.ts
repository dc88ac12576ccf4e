/**
 * In-memory stand-in of the CRM server for the browser tests. Bundled with esbuild and injected with
 * addInitScript, it installs `google.script.run` / `google.script.host` like HtmlService does (async,
 * JSON-only values) and exposes `__fake` so a test can seed data, read the recorded calls, make the next
 * call fail or return a canned result, slow calls down, and play "someone else" changing a customer.
 * The import functions run the real pure import core (src/domain/import) over `importSheet`, the Import tab
 * as getValues would return it, so the sidebar sees the server's own mapping proposal and per-row reports.
 */

import type { ServerApi } from '../../src/domain/api';
import type { Customer, EditableKey, HistoryEvent } from '../../src/domain/customer';
import {
  buildImportWrites,
  EMPTY_IMPORT_MESSAGE,
  importResult,
  locateImportSheet,
  parseImportOptions,
  planImport,
  prepareImport,
  proposeMapping,
  sampleRows,
} from '../../src/domain/import';
import type { Failure, SaveResult } from '../../src/domain/results';
import { DEFAULT_STATUS, parseStatus, STATUS_LIST_TEXT } from '../../src/domain/statuses';

export interface FakeCall {
  name: string;
  args: unknown[];
}

export interface FakeSeed {
  customers?: Customer[];
  history?: HistoryEvent[];
  /** Milliseconds each call takes, per function name ('*' for the default). */
  delays?: Record<string, number>;
  /** Canned outcomes of the first calls, in order per function (as failNext / respondNext). */
  plan?: PlannedCall[];
  /** The Import tab's cells, as getValues returns them (header row first, title lines allowed). */
  importSheet?: unknown[][];
}

export interface PlannedCall {
  name: keyof ServerApi;
  fail?: string;
  result?: unknown;
}

export interface FakeControl {
  calls: FakeCall[];
  customers: Customer[];
  history: HistoryEvent[];
  delays: Record<string, number>;
  /** Highest number of calls of one function that were running at the same time. */
  maxInFlight: Record<string, number>;
  hostClosed: number;
  /** The Import tab (a test may "paste" a new sheet by assigning it). */
  importSheet: unknown[][];
  failNext(name: keyof ServerApi, message: string): void;
  respondNext(name: keyof ServerApi, result: unknown): void;
  /** Someone else saves `patch` on customer `id` (its version goes up). */
  changeExternally(id: string, patch: Partial<Customer>): Customer;
}

type Implementation = { [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => ReturnType<ServerApi[K]> };

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

const USER = 'rep@example.com';
const seed = ((globalThis as { __FAKE_SEED__?: FakeSeed }).__FAKE_SEED__ ?? {}) as FakeSeed;
const json = <T>(value: T): T => (value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T));

let clock = Date.parse('2026-11-20T09:00:00Z');
const now = (): string => {
  clock += 60_000;
  return new Date(clock).toISOString();
};

const planned: PlannedCall[] = json(seed.plan ?? []);
const inFlight: Record<string, number> = {};

const control: FakeControl = {
  calls: [],
  customers: json(seed.customers ?? []),
  history: json(seed.history ?? []),
  delays: { '*': 30, ...(seed.delays ?? {}) },
  maxInFlight: {},
  hostClosed: 0,
  importSheet: json(seed.importSheet ?? []),
  failNext(name, message) {
    planned.push({ name, fail: message });
  },
  respondNext(name, result) {
    planned.push({ name, result });
  },
  changeExternally(id, patch) {
    const customer = find(id);
    if (!customer) throw new Error(`No customer ${id}`);
    Object.assign(customer, patch, { version: customer.version + 1, updatedAt: now(), updatedBy: 'boss@example.com' });
    log(customer.id, 'update', 'owner', '', 'changed elsewhere', 'boss@example.com');
    return json(customer);
  },
};

function find(id: string): Customer | undefined {
  return control.customers.find((c) => c.id === id);
}

function log(customerId: string, action: HistoryEvent['action'], field: string, from: string, to: string, by = USER): void {
  control.history.push({ at: now(), customerId, action, field, from, to, by });
}

const digits = (text: string): string => text.replace(/\D/g, '');
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const EDITABLE: EditableKey[] = ['name', 'company', 'email', 'phone', 'status', 'dealValue', 'owner', 'source', 'notes'];

/** Validates input fields into a patch of customer fields, or field errors. */
function validate(input: Record<string, unknown>, creating: boolean): { fields: Partial<Customer>; errors: Record<string, string> } {
  const fields: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const key of EDITABLE) {
    if (!(key in input)) continue;
    const text = String(input[key] ?? '').trim();
    if (key === 'status') {
      const status = parseStatus(text);
      if (status) fields.status = status;
      else errors.status = `Status: "${text}" is not one of ${STATUS_LIST_TEXT}.`;
    } else if (key === 'dealValue') {
      if (text === '') fields.dealValue = null;
      else if (Number.isFinite(Number(text.replace(/,/g, '')))) fields.dealValue = Number(text.replace(/,/g, ''));
      else errors.dealValue = `Deal value: "${text}" is not a number.`;
    } else if (key === 'email' && text !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) {
      errors.email = `E-mail: "${text}" is not a valid address.`;
    } else fields[key] = text;
  }
  if ((creating || 'name' in input) && !fields.name && !errors.name) errors.name = 'Name is required.';
  return { fields: fields as Partial<Customer>, errors };
}

function duplicatesOf(fields: Partial<Customer>): Customer[] {
  return control.customers.filter(
    (c) =>
      (fields.email && fold(c.email) === fold(fields.email)) ||
      (fields.phone && digits(fields.phone) !== '' && digits(c.phone) === digits(fields.phone)) ||
      (fields.name && fold(c.name) === fold(fields.name) && fold(c.company) === fold(fields.company ?? '')),
  );
}

function applyPatch(customer: Customer, fields: Partial<Customer>): void {
  const stamp = now();
  for (const key of EDITABLE) {
    if (!(key in fields) || fields[key] === customer[key]) continue;
    const from = customer[key];
    (customer as unknown as Record<string, unknown>)[key] = fields[key];
    log(customer.id, key === 'status' ? 'status' : 'update', key, String(from ?? ''), String(fields[key] ?? ''));
    if (key === 'status') customer.statusChangedAt = stamp;
  }
  customer.version += 1;
  customer.updatedAt = stamp;
  customer.updatedBy = USER;
}

function notInFake(name: string): Failure {
  return { ok: false, errors: { form: `${name} is not part of the fake server.` } };
}

const implementation: Implementation = {
  setUpCrm: () => ({ ok: true, created: [], repaired: [], messages: [] }),
  checkData: () => ({ ok: true, checkedRows: control.customers.length, problems: [] }),
  checkSetUp: () => notInFake('checkSetUp'),
  registerCustomer(input) {
    const data = input as Record<string, unknown>;
    const { fields, errors } = validate(data, true);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const duplicates = duplicatesOf(fields);
    if (duplicates.length > 0 && data.allowDuplicate !== true) {
      return { ok: false, errors: { form: 'This looks like a customer you already have.' }, duplicates };
    }
    const stamp = now();
    const customer: Customer = {
      id: `C-${1000 + control.customers.length + 1}`,
      name: '',
      company: '',
      email: '',
      phone: '',
      status: DEFAULT_STATUS,
      dealValue: null,
      owner: '',
      source: '',
      notes: '',
      ...fields,
      createdAt: stamp,
      createdBy: USER,
      updatedAt: stamp,
      updatedBy: USER,
      statusChangedAt: stamp,
      version: 1,
    };
    control.customers.push(customer);
    log(customer.id, 'create', '', '', customer.name);
    return { ok: true, customer };
  },
  updateCustomer(id, patch, expectedVersion): SaveResult {
    const customer = find(id);
    if (!customer) return { ok: false, errors: { form: `No customer with ID ${id}.` } };
    if (customer.version !== expectedVersion) return { ok: false, conflict: customer };
    const { fields, errors } = validate(patch as Record<string, unknown>, false);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    applyPatch(customer, fields);
    return { ok: true, customer };
  },
  updateCustomerStatus(id, status, expectedVersion, note): SaveResult {
    const customer = find(id);
    if (!customer) return { ok: false, errors: { form: `No customer with ID ${id}.` } };
    if (customer.version !== expectedVersion) return { ok: false, conflict: customer };
    const parsed = parseStatus(status);
    if (!parsed) return { ok: false, errors: { status: `Status: "${status}" is not one of ${STATUS_LIST_TEXT}.` } };
    applyPatch(customer, { status: parsed });
    if (note) log(customer.id, 'note', 'notes', '', note);
    return { ok: true, customer };
  },
  getCustomer(id) {
    const customer = find(id);
    if (!customer) return { ok: false, errors: { form: `No customer with ID ${id}.` } };
    return { ok: true, customer, history: control.history.filter((e) => e.customerId === id) };
  },
  searchCustomers(query, options) {
    const q = fold(query.trim());
    const d = digits(query);
    const matches = control.customers.filter(
      (c) =>
        (!options?.status || c.status === options.status) &&
        ([c.name, c.company, c.email].some((field) => fold(field).includes(q)) || (d.length >= 3 && digits(c.phone).includes(d))),
    );
    return { results: matches.slice(0, options?.limit ?? 20), total: matches.length };
  },
  listCustomers: (options) => ({ customers: control.customers.slice(0, options?.limit ?? 50), total: control.customers.length }),
  openCustomerSidebar: () => undefined,
  // Not used by the sidebar or the search dialog.
  rebuildPipelineSummary: () => notInFake('rebuildPipelineSummary'),
  proposeImportMapping() {
    const sheet = locateImportSheet(control.importSheet);
    if (sheet === null) return { ok: false, errors: { import: EMPTY_IMPORT_MESSAGE } };
    return {
      ok: true,
      headers: sheet.headers,
      headerRow: sheet.headerRow,
      mapping: proposeMapping(sheet.headers),
      rowCount: sheet.rows.length,
      sample: sampleRows(sheet, 5),
    };
  },
  importCustomers(options) {
    // As src/server/import.ts, with control.customers/history in place of the tabs.
    const parsed = parseImportOptions(options);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const opts = parsed.value;
    const prepared = prepareImport(control.importSheet, opts.mapping);
    if (!prepared.ok) return { ok: false, errors: prepared.errors };
    const plan = planImport(prepared.value.sheet, control.customers, {
      mapping: prepared.value.mapping,
      duplicates: opts.duplicates,
      offset: opts.offset,
      limit: opts.limit,
      replayEarlierRows: opts.dryRun,
    });
    const resultOptions = { dryRun: opts.dryRun, duplicates: opts.duplicates };
    if (opts.dryRun) return importResult(plan, resultOptions, []);
    const ids = plan.toImport.map((_, i) => `C-${1000 + control.customers.length + i + 1}`);
    const writes = buildImportWrites(plan, ids, now(), USER);
    for (const update of writes.updates) control.customers[update.existingIndex] = update.after;
    control.customers.push(...writes.customers);
    control.history.push(...writes.events);
    return importResult(plan, resultOptions, ids);
  },
};

function runner(success?: (value: unknown) => void, failure?: (error: unknown) => void): Runner {
  const result: Runner = {
    withSuccessHandler: (handler) => runner(handler, failure),
    withFailureHandler: (handler) => runner(success, handler),
  };
  for (const name of Object.keys(implementation) as (keyof ServerApi)[]) {
    result[name] = (...args: unknown[]) => {
      const sent = json(args);
      control.calls.push({ name, args: sent });
      inFlight[name] = (inFlight[name] ?? 0) + 1;
      control.maxInFlight[name] = Math.max(control.maxInFlight[name] ?? 0, inFlight[name] ?? 0);
      const index = planned.findIndex((p) => p.name === name);
      const plan = index >= 0 ? planned.splice(index, 1)[0] : undefined;
      setTimeout(() => {
        inFlight[name] = (inFlight[name] ?? 1) - 1;
        if (plan?.fail !== undefined) {
          failure?.(new Error(plan.fail));
          return;
        }
        let value: unknown;
        try {
          value = plan && 'result' in plan ? plan.result : (implementation[name] as (...a: unknown[]) => unknown)(...sent);
        } catch (error) {
          failure?.(new Error(`Exception: ${(error as Error).message}`));
          return;
        }
        success?.(json(value));
      }, control.delays[name] ?? control.delays['*'] ?? 0);
    };
  }
  return result;
}

Object.assign(globalThis, {
  __fake: control,
  google: {
    script: {
      run: runner(),
      host: {
        close: () => {
          control.hostClosed += 1;
        },
      },
    },
  },
});
