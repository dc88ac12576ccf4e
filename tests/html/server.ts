/**
 * The server behind an html test's page: the BUILT add-on (dist-test/, via tests/support/crm.ts) in the stand-in,
 * set up by the owner with REP (the person at the page) and BOSS (someone else) as staff. Each google.script.run
 * call of the page arrives here (tests/html/page.ts → playwright binding) and is one real execution as REP
 * (Harness.serve). Around the real calls, the test's controls: data seeded through registerCustomer and later
 * saves, the old sheet pasted into the Import tab, the calls recorded, a delay per function, canned outcomes for
 * the next call (failNext / respondNext), someone else saving a customer, the most calls in flight at once, and
 * how often google.script.host.close ran.
 */

import type { HostRequest, RunReply } from '../../local/bundle/googleScript';
import { rectToA1 } from '../../local/gas/spreadsheet';
import type { ServerApi } from '../../src/domain/api';
import type { Customer } from '../../src/domain/customer';
import type { CustomerInput } from '../../src/domain/results';
import { type Crm, OWNER, REP, newCrm, succeeded } from '../support/crm';

/** Someone else on the staff list (their saves make the page's version stale). */
export const BOSS = 'boss@example.com';

export interface ServedCall {
  name: string;
  args: unknown[];
}

/** A customer the seed registers (and then changes) through the real API, as `by` (default REP). */
export interface SeedCustomer {
  /** The ID the server gives it (checked): IDs count up from C-00001 in seed order. */
  id: string;
  input: CustomerInput;
  by?: string;
  /** Later saves, in order: fields through updateCustomer, or a note added through updateCustomerStatus. */
  after?: Array<{ patch: CustomerInput } | { note: string }>;
}

export interface PlannedCall {
  name: keyof ServerApi;
  fail?: string;
  result?: unknown;
}

export interface Seed {
  customers?: SeedCustomer[];
  /** Milliseconds before each call is answered, per function name ('*' for the default, 30). */
  delays?: Partial<Record<keyof ServerApi | '*', number>>;
  /** Canned outcomes of the first calls, in order per function (as failNext / respondNext). */
  plan?: PlannedCall[];
  /** The Import tab's cells as getValues returns them (header row first, title lines allowed). */
  importSheet?: unknown[][];
  /** Rows of the Settings table `Custom field | Type | Choices | Required` (I2:L…), applied by a Set up. */
  customFields?: string[][];
}

const MINUTE = 60_000;

export class PageServer {
  readonly crm: Crm = newCrm({ editors: [REP, BOSS], staff: [REP, BOSS] });
  readonly calls: ServedCall[] = [];
  /** Highest number of calls of one function that were running at the same time. */
  readonly maxInFlight: Record<string, number> = {};
  hostClosed = 0;
  private readonly inFlight: Record<string, number> = {};
  private readonly delays: Record<string, number>;
  private readonly planned: PlannedCall[];

  constructor(
    seed: Seed = {},
    /** The person at the page. */
    readonly user = REP,
  ) {
    this.delays = { '*': 30, ...seed.delays };
    this.planned = [...(seed.plan ?? [])];
    if (seed.customFields) this.defineCustomFields(seed.customFields);
    for (const customer of seed.customers ?? []) this.register(customer);
    if (seed.importSheet) this.pasteImport(seed.importSheet);
  }

  private defineCustomFields(rows: readonly string[][]): void {
    const owner = this.crm.gas.runtime.owner;
    rows.forEach((cells, r) =>
      cells.forEach((value, c) => this.crm.edit({ user: owner, sheet: 'Settings', row: r + 2, column: 9 + c, value })),
    );
    const report = this.crm.call(owner, 'setUpCrm');
    if (!report.ok) throw new Error(`Set up failed: ${JSON.stringify(report)}`);
  }

  /** Callable functions, as the page's google.script.run offers them. */
  functions(): string[] {
    return this.crm.functions().filter((name) => !name.endsWith('_'));
  }

  /** One google.script.run call of the page: recorded, held for its delay, then canned or really run as the page's person. */
  async run(name: string, args: unknown[]): Promise<RunReply> {
    this.calls.push({ name, args });
    this.inFlight[name] = (this.inFlight[name] ?? 0) + 1;
    this.maxInFlight[name] = Math.max(this.maxInFlight[name] ?? 0, this.inFlight[name] ?? 0);
    const index = this.planned.findIndex((p) => p.name === name);
    const plan = index >= 0 ? this.planned.splice(index, 1)[0] : undefined;
    await new Promise((resolve) => setTimeout(resolve, this.delays[name] ?? this.delays['*'] ?? 0));
    this.inFlight[name] = (this.inFlight[name] ?? 1) - 1;
    if (plan?.fail !== undefined) return { ok: false, error: plan.fail };
    if (plan && 'result' in plan) return { ok: true, result: plan.result };
    this.crm.gas.runtime.advance(MINUTE);
    return this.crm.serve(this.user, name, args);
  }

  host(request: HostRequest): void {
    if (request.type === 'close') this.hostClosed += 1;
  }

  failNext(name: keyof ServerApi, message: string): void {
    this.planned.push({ name, fail: message });
  }

  respondNext(name: keyof ServerApi, result: unknown): void {
    this.planned.push({ name, result });
  }

  setDelay(name: keyof ServerApi | '*', ms: number): void {
    this.delays[name] = ms;
  }

  /** BOSS saves `patch` on customer `id` (a real updateCustomer at its current version): the page's version is stale. */
  changeExternally(id: string, patch: CustomerInput): Customer {
    this.crm.gas.runtime.advance(MINUTE);
    const { customer } = succeeded(this.crm.call(BOSS, 'getCustomer', id), `getCustomer ${id}`);
    return succeeded(
      this.crm.call(BOSS, 'updateCustomer', id, patch, customer.version),
      `updateCustomer ${id} by ${BOSS}`,
    ).customer;
  }

  /** Every customer, in ID order, as listCustomers gives them to the owner. */
  customers(): Customer[] {
    const all: Customer[] = [];
    for (;;) {
      const page = succeeded(
        this.crm.call(OWNER, 'listCustomers', { sort: 'id', offset: all.length, limit: 500 }),
        'listCustomers',
      );
      all.push(...page.customers);
      if (page.customers.length === 0 || all.length >= page.total) return all;
    }
  }

  /**
   * The owner pastes `rows` into the Import tab at A1 (one paste, one onEdit). Text is pasted as text (a leading
   * apostrophe, so "$1,200" or "+1 (555) …" stay the text they are) and numbers as numbers: getValues then returns
   * `rows` exactly.
   */
  pasteImport(rows: unknown[][]): void {
    const width = Math.max(...rows.map((row) => row.length));
    this.fitImportTab(rows.length, width);
    const values = rows.map((row) =>
      Array.from({ length: width }, (_, c) =>
        typeof row[c] === 'string' ? (row[c] === '' ? '' : `'${row[c] as string}`) : String(row[c] ?? ''),
      ),
    );
    this.crm.editRange({
      user: OWNER,
      sheet: 'Import',
      a1: rectToA1({ row: 1, col: 1, numRows: rows.length, numCols: width }),
      values,
    });
  }

  /** Sheets adds the rows and columns a paste needs; the stand-in's userEditRange wants them there first. */
  private fitImportTab(numRows: number, numColumns: number): void {
    const app = this.crm.gas.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    this.crm.gas.runtime.run(OWNER, () => {
      const sheet = app.getActiveSpreadsheet().getSheetByName('Import') as GoogleAppsScript.Spreadsheet.Sheet;
      if (sheet.getMaxRows() < numRows) sheet.insertRowsAfter(sheet.getMaxRows(), numRows - sheet.getMaxRows());
      if (sheet.getMaxColumns() < numColumns)
        sheet.insertColumnsAfter(sheet.getMaxColumns(), numColumns - sheet.getMaxColumns());
    });
  }

  private register(seed: SeedCustomer): void {
    const by = seed.by ?? REP;
    this.crm.gas.runtime.advance(MINUTE);
    let { customer } = succeeded(
      this.crm.call(by, 'registerCustomer', seed.input),
      `seed: registerCustomer ${seed.id}`,
    );
    if (customer.id !== seed.id)
      throw new Error(`seed: the server gave ${customer.id} where the test expects ${seed.id}`);
    for (const step of seed.after ?? []) {
      this.crm.gas.runtime.advance(MINUTE);
      const saved =
        'note' in step
          ? this.crm.call(by, 'updateCustomerStatus', customer.id, customer.status, customer.version, step.note)
          : this.crm.call(by, 'updateCustomer', customer.id, step.patch, customer.version);
      customer = succeeded(saved, `seed: change ${seed.id}`).customer;
    }
  }
}
