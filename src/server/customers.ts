/** Customer operations of the server API: validate, lock, re-read, change, log. */

import { CUSTOMER_COLUMNS } from '../domain/columns';
import type { Customer, CustomerFields, CustomerPatch } from '../domain/customer';
import { validateCustomerPatch, validateNewCustomerInput } from '../domain/customFields/input';
import { duplicateReason, findProbableDuplicates } from '../domain/duplicates';
import { applyChange } from '../domain/change';
import { creationEvents } from '../domain/history';
import { strictLostReason } from '../domain/lostReasons';
import { resolveOwner } from '../domain/owners';
import { listRows } from '../domain/listing';
import type {
  CustomerInput,
  Failure,
  GetCustomerResult,
  ListResult,
  SaveResult,
  SearchResult,
} from '../domain/results';
import { prepareSearch } from '../domain/search';
import { validateExpectedVersion, validateId, validateStatusChange } from '../domain/validation';
import { ArchiveTable } from '../sheets/archiveTable';
import { customerListSource, customerSearchSource, duplicateRowIndexes } from '../sheets/customerRecords';
import { CustomersTable } from '../sheets/customersTable';
import { historyOf } from '../sheets/historyReads';
import { reserveCustomerIdsFromRows } from '../sheets/idCounter';
import type { CrmContext } from './context';
import { appendCustomers, replaceCustomer } from './customerWrites';
import { CrmFailure, failure } from './failure';
import { handleRead, handleWrite } from './guard';
import { staffChoices } from './myWork';

/** The owner as stored ('' → the user at the keyboard, lower-case) or a CrmFailure naming the choices. */
function ownerFor(ctx: CrmContext, owner: string): string {
  const checked = resolveOwner(owner, staffChoices(ctx), ctx.user);
  if (!checked.ok) throw new CrmFailure({ owner: checked.message });
  return checked.owner;
}

/** "C-00001 Ada Lovelace (Analytical Engines) — same e-mail address": who, and which field matched. */
function describeDuplicate(c: Customer, fields: CustomerFields): string {
  const company = c.company ? ` (${c.company})` : '';
  return `${c.id} ${c.name}${company} — ${duplicateReason(fields, c)}`;
}

export function registerCustomer(input: CustomerInput): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const table = CustomersTable.open(ctx.ss, ctx.customFields);
    // The header row first: the custom fields that have a column are the ones this customer can hold.
    const fields = table.layout().definitions;
    const valid = validateNewCustomerInput(input, fields);
    if (!valid.ok) return failure(valid.errors);
    valid.value.owner = ownerFor(ctx, valid.value.owner);
    const lost = strictLostReason(null, valid.value, () => ctx.settings.lostReasons);
    if (!lost.ok) return failure(lost.errors);
    Object.assign(valid.value, lost.fields);
    // Only the ID and duplicate-key columns are read; customers are built only for probable duplicates.
    const keys = table.readKeys();
    if (!valid.allowDuplicate) {
      const matches = duplicateRowIndexes(keys, valid.value);
      // The rare path reads the whole tab once more so the answer carries whole customers (checked again on it).
      const duplicates =
        matches.length > 0 ? findProbableDuplicates(valid.value, table.customersAt(table.readGrid(), matches)) : [];
      if (duplicates.length > 0) {
        const named = duplicates.slice(0, 3).map((c) => describeDuplicate(c, valid.value));
        return {
          ok: false,
          errors: { duplicate: `Probably already in the CRM: ${named.join('; ')}. Open it, or save anyway.` },
          duplicates,
        };
      }
    }
    const [id] = reserveCustomerIdsFromRows(keys.rows, CUSTOMER_COLUMNS.of.id.index, 1);
    const customer: Customer = {
      ...valid.value,
      id: id as string,
      createdAt: ctx.nowIso,
      createdBy: ctx.user,
      updatedAt: ctx.nowIso,
      updatedBy: ctx.user,
      statusChangedAt: ctx.nowIso,
      version: 1,
    };
    const events = creationEvents(customer, ctx.user, fields);
    appendCustomers(
      ctx.ss,
      table,
      { customers: [], rowNumbers: [], rows: [], lastRow: keys.lastRow },
      [customer],
      events,
    );
    return { ok: true, customer, events };
  });
}

/** Validates the id and version that every update carries; throws CrmFailure with all their errors. */
function checkTarget(id: unknown, expectedVersion: unknown): { id: string; version: number } {
  const idCheck = validateId(id);
  const versionCheck = validateExpectedVersion(expectedVersion);
  if (idCheck.ok && versionCheck.ok) return { id: idCheck.value, version: versionCheck.value };
  throw new CrmFailure({ ...(idCheck.ok ? {} : idCheck.errors), ...(versionCheck.ok ? {} : versionCheck.errors) });
}

/** Applies `change` to the stored customer if `expectedVersion` is still current (under the lock). */
function changeCustomer(
  ctx: CrmContext,
  target: { id: string; version: number },
  change: (current: Customer) => { fields: CustomerPatch; note?: string },
  table: CustomersTable = CustomersTable.open(ctx.ss, ctx.customFields),
): SaveResult {
  // The header, the ID column and the customer's own row: not every row of the tab.
  const snapshot = table.readCustomer(target.id);
  if (snapshot === null) {
    const archived = ArchiveTable.openIfPresent(ctx.ss, ctx.customFields)?.read();
    if (archived && ArchiveTable.find(archived, target.id) !== null) {
      return failure({ id: `Customer ${target.id} has been archived: restore it first to change it.` });
    }
    return failure({ id: `No customer has the ID "${target.id.slice(0, 40)}". It may have been deleted.` });
  }
  const current = snapshot.customers[0] as Customer;
  if (current.version !== target.version) return { ok: false, conflict: current };

  const { fields, note } = change(current);
  const lost = strictLostReason(current, fields, () => ctx.settings.lostReasons);
  if (!lost.ok) return failure(lost.errors);
  const definitions = table.layout().definitions;
  const { next, events } = applyChange(current, lost.fields, { at: ctx.nowIso, by: ctx.user, note, definitions });
  if (events.length === 0) return { ok: true, customer: current, events }; // Nothing changed: no new version.
  replaceCustomer(ctx.ss, table, snapshot, 0, next, events);
  return { ok: true, customer: next, events };
}

export function updateCustomer(id: string, patch: CustomerInput, expectedVersion: number): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const target = checkTarget(id, expectedVersion);
    const table = CustomersTable.open(ctx.ss, ctx.customFields);
    const valid = validateCustomerPatch(patch, table.layout().definitions);
    if (!valid.ok) return failure(valid.errors);
    if (valid.value.owner !== undefined) valid.value.owner = ownerFor(ctx, valid.value.owner);
    return changeCustomer(ctx, target, () => ({ fields: valid.value }), table);
  });
}

export function updateCustomerStatus(
  id: string,
  status: string,
  expectedVersion: number,
  note?: string,
  lostReason?: string,
): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const target = checkTarget(id, expectedVersion);
    const valid = validateStatusChange(status, note, lostReason);
    if (!valid.ok) return failure(valid.errors);
    const fields = valid.lostReason === undefined ? {} : { lostReason: valid.lostReason };
    return changeCustomer(ctx, target, () => ({ fields: { status: valid.status, ...fields }, note: valid.note }));
  });
}

export function getCustomer(id: string): GetCustomerResult {
  return handleRead((ctx): GetCustomerResult => {
    const idCheck = validateId(id);
    if (!idCheck.ok) return failure(idCheck.errors);
    const snapshot = CustomersTable.open(ctx.ss, ctx.customFields).readCustomer(idCheck.value);
    const found = snapshot?.customers[0];
    if (found !== undefined) return { ok: true, customer: found, history: historyOf(ctx.ss, idCheck.value) };
    // Not in Customers: an archived customer is still returned, with when, by whom and why it was archived.
    const archived = ArchiveTable.openIfPresent(ctx.ss, ctx.customFields)?.read();
    const entry = archived ? ArchiveTable.find(archived, idCheck.value) : null;
    if (entry === null) return failure({ id: `No customer has the ID "${idCheck.value.slice(0, 40)}".` });
    const customer = { ...entry.customer, archived: entry.archived };
    return { ok: true, customer, history: historyOf(ctx.ss, idCheck.value) };
  });
}

export function searchCustomers(query: string, options?: unknown): SearchResult | Failure {
  return handleRead((ctx): SearchResult | Failure => {
    // Query checked and planned first; then one getValues, searched in place; only the customers returned are built.
    const search = prepareSearch(query, options);
    if (!search.ok) return search;
    return search.run(customerSearchSource(CustomersTable.open(ctx.ss, ctx.customFields)));
  });
}

export function listCustomers(options?: unknown): ListResult | Failure {
  // One read; customers are built only for the page returned.
  return handleRead((ctx) => listRows(customerListSource(CustomersTable.open(ctx.ss, ctx.customFields)), options));
}
