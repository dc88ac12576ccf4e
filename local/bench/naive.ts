/**
 * The same actions written the way spreadsheet templates and tutorials do: find rows with getValue in a loop,
 * read a record cell by cell, write with setValue per cell and appendRow per row. It runs against the same
 * stand-in workbook (same tabs and columns) only so its service calls can be counted next to the add-on's;
 * it does the work of each action (duplicate check, next ID, find by ID, match, sort, summary, import) but
 * makes no attempt at the add-on's validation or safety (no lock, no header check).
 */

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const COL = {
  id: 1,
  name: 2,
  company: 3,
  email: 4,
  phone: 5,
  status: 6,
  deal: 7,
  owner: 8,
  updatedAt: 13,
  updatedBy: 14,
  statusChangedAt: 15,
  version: 16,
};
const STATUSES = ['Lead', 'Contacted', 'Qualified', 'In negotiation', 'Closed-won', 'Closed-lost', 'Active', 'Dormant'];
const PROBABILITY = [0.1, 0.2, 0.4, 0.6, 1, 0, 1, 0];

const fold = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const digits = (s: unknown): string => String(s ?? '').replace(/\D/g, '');

export class Naive {
  constructor(private readonly app: App) {}

  private tab(name: string): Sheet {
    return this.app.getActiveSpreadsheet().getSheetByName(name) as Sheet;
  }

  /** Row of the customer with `id`, scanning column A cell by cell. */
  private findRow(sheet: Sheet, id: string): number {
    const last = sheet.getLastRow();
    for (let r = 2; r <= last; r++) if (sheet.getRange(r, COL.id).getValue() === id) return r;
    return -1;
  }

  private readRecord(sheet: Sheet, row: number): unknown[] {
    const record: unknown[] = [];
    for (let c = 1; c <= 16; c++) record.push(sheet.getRange(row, c).getValue());
    return record;
  }

  register(input: { name: string; company: string; email: string; phone: string }, user: string): string {
    const sheet = this.tab('Customers');
    const last = sheet.getLastRow();
    let highest = 0;
    for (let r = 2; r <= last; r++) {
      if (sheet.getRange(r, COL.email).getValue() === input.email) throw new Error('duplicate e-mail');
      if (digits(sheet.getRange(r, COL.phone).getValue()) === digits(input.phone)) throw new Error('duplicate phone');
      highest = Math.max(highest, Number(String(sheet.getRange(r, COL.id).getValue()).slice(2)) || 0);
    }
    const id = `C-${String(highest + 1).padStart(5, '0')}`;
    const now = new Date();
    sheet.appendRow([
      id,
      input.name,
      input.company,
      input.email,
      `'${input.phone}`,
      'Lead',
      '',
      user,
      '',
      '',
      now,
      user,
      now,
      user,
      now,
      1,
    ]);
    this.tab('History').appendRow([now, id, 'create', 'Status', '', 'Lead', user]);
    return id;
  }

  updateStatus(id: string, status: string, user: string): void {
    const sheet = this.tab('Customers');
    const row = this.findRow(sheet, id);
    const before = sheet.getRange(row, COL.status).getValue();
    const version = Number(sheet.getRange(row, COL.version).getValue());
    const now = new Date();
    sheet.getRange(row, COL.status).setValue(status);
    sheet.getRange(row, COL.updatedAt).setValue(now);
    sheet.getRange(row, COL.updatedBy).setValue(user);
    sheet.getRange(row, COL.statusChangedAt).setValue(now);
    sheet.getRange(row, COL.version).setValue(version + 1);
    this.tab('History').appendRow([now, id, 'status', 'Status', before, status, user]);
  }

  get(id: string): { customer: unknown[]; history: unknown[][] } {
    const sheet = this.tab('Customers');
    const customer = this.readRecord(sheet, this.findRow(sheet, id));
    const history = this.tab('History');
    const last = history.getLastRow();
    const events: unknown[][] = [];
    for (let r = 2; r <= last; r++) {
      if (history.getRange(r, 2).getValue() !== id) continue;
      const event: unknown[] = [];
      for (let c = 1; c <= 7; c++) event.push(history.getRange(r, c).getValue());
      events.push(event);
    }
    return { customer, history: events };
  }

  search(query: string, limit = 20): unknown[][] {
    const sheet = this.tab('Customers');
    const last = sheet.getLastRow();
    const q = fold(query);
    const qDigits = digits(query);
    const hits: number[] = [];
    for (let r = 2; r <= last; r++) {
      const text = [COL.name, COL.company, COL.email].map((c) => fold(sheet.getRange(r, c).getValue())).join(' ');
      const phone = digits(sheet.getRange(r, COL.phone).getValue());
      if (text.includes(q) || (qDigits.length >= 3 && phone.includes(qDigits))) hits.push(r);
    }
    return hits.slice(0, limit).map((r) => this.readRecord(sheet, r));
  }

  listPage(limit = 50): unknown[][] {
    const sheet = this.tab('Customers');
    const last = sheet.getLastRow();
    const names: Array<{ row: number; name: string }> = [];
    for (let r = 2; r <= last; r++) names.push({ row: r, name: fold(sheet.getRange(r, COL.name).getValue()) });
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.row - b.row));
    return names.slice(0, limit).map((n) => this.readRecord(sheet, n.row));
  }

  rebuildPipeline(staleDays = 14): void {
    const customers = this.tab('Customers');
    const now = Date.now();
    const count = STATUSES.map(() => 0);
    const value = STATUSES.map(() => 0);
    const stale: unknown[][] = [];
    const last = customers.getLastRow();
    for (let r = 2; r <= last; r++) {
      const s = STATUSES.indexOf(String(customers.getRange(r, COL.status).getValue()));
      if (s < 0) continue;
      count[s] = (count[s] ?? 0) + 1;
      value[s] = (value[s] ?? 0) + (Number(customers.getRange(r, COL.deal).getValue()) || 0);
      const updated = customers.getRange(r, COL.updatedAt).getValue() as Date;
      if (s < 4 && now - new Date(updated).getTime() > staleDays * 86_400_000) {
        stale.push([customers.getRange(r, COL.id).getValue(), customers.getRange(r, COL.name).getValue(), STATUSES[s]]);
      }
    }
    const history = this.tab('History');
    const reached = STATUSES.map(() => 0);
    const hLast = history.getLastRow();
    for (let r = 2; r <= hLast; r++) {
      if (history.getRange(r, 4).getValue() !== 'Status') continue;
      const s = STATUSES.indexOf(String(history.getRange(r, 6).getValue()));
      if (s >= 0) reached[s] = (reached[s] ?? 0) + 1;
    }
    const out = this.tab('Pipeline');
    out.clear();
    let row = 1;
    out.getRange(row++, 1).setValue('Pipeline summary');
    STATUSES.forEach((status, i) => {
      out.getRange(row, 1).setValue(status);
      out.getRange(row, 2).setValue(count[i] ?? 0);
      out.getRange(row, 3).setValue(value[i] ?? 0);
      out.getRange(row, 4).setValue((value[i] ?? 0) * (PROBABILITY[i] ?? 0));
      out.getRange(row, 5).setValue(reached[i] ?? 0);
      row++;
    });
    if (out.getMaxRows() < row + stale.length)
      out.insertRowsAfter(out.getMaxRows(), row + stale.length - out.getMaxRows());
    for (const line of stale) {
      line.forEach((cell, c) => out.getRange(row, c + 1).setValue(cell));
      row++;
    }
  }

  importRows(user: string): number {
    const sheet = this.tab('Customers');
    const last = sheet.getLastRow();
    const known = new Set<unknown>();
    let highest = 0;
    for (let r = 2; r <= last; r++) {
      known.add(sheet.getRange(r, COL.email).getValue());
      highest = Math.max(highest, Number(String(sheet.getRange(r, COL.id).getValue()).slice(2)) || 0);
    }
    const source = this.tab('Import');
    const history = this.tab('History');
    const rows = source.getLastRow();
    let imported = 0;
    for (let r = 2; r <= rows; r++) {
      const cells: unknown[] = [];
      for (let c = 1; c <= 9; c++) cells.push(source.getRange(r, c).getValue());
      const [name, company, email, phone, stage, dealValue, , sourceName, notes] = cells;
      if (email !== '' && known.has(email)) continue;
      known.add(email);
      const id = `C-${String(++highest).padStart(5, '0')}`;
      const status = STATUSES.find((s) => fold(s).replace(/\W/g, '') === fold(stage).replace(/\W/g, '')) ?? 'Lead';
      const now = new Date();
      sheet.appendRow([
        id,
        name,
        company,
        email,
        phone === '' ? '' : `'${String(phone)}`,
        status,
        dealValue,
        user,
        sourceName,
        notes,
        now,
        user,
        now,
        user,
        now,
        1,
      ]);
      history.appendRow([now, id, 'import', 'Status', '', status, user]);
      imported++;
    }
    return imported;
  }
}
