/** Customer operations of the server API: validate, lock, re-read, change, log. */

import type { Customer, CustomerFields } from '../domain/customer';
import { duplicateReason, findProbableDuplicates } from '../domain/duplicates';
import { applyChange } from '../domain/change';
import { creationEvents } from '../domain/history';
import { resolveOwner } from '../domain/owners';
import { listCustomers as listInCore } from '../domain/listing';
import type {
  CustomerInput,
  Failure,
  GetCustomerResult,
  ListResult,
  SaveResult,
  SearchResult,
} from '../domain/results';
import { prepareSearch } from '../domain/search';
import {
  validateExpectedVersion,
  validateId,
  validateNewCustomer,
  validatePatch,
  validateStatusChange,
} from '../domain/validation';
import { CustomerRecords, customerSearchSource } from '../sheets/customerRecords';
import { CustomersTable } from '../sheets/customersTable';
import { historyOf } from '../sheets/historyReads';
import { reserveCustomerIds } from '../sheets/idCounter';
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
    const valid = validateNewCustomer(input);
    if (!valid.ok) return failure(valid.errors);
    valid.value.owner = ownerFor(ctx, valid.value.owner);
    const table = CustomersTable.open(ctx.ss);
    const snapshot = table.read();
    if (!valid.allowDuplicate) {
      const duplicates = findProbableDuplicates(valid.value, snapshot.customers);
      if (duplicates.length > 0) {
        const named = duplicates.slice(0, 3).map((c) => describeDuplicate(c, valid.value));
        return {
          ok: false,
          errors: { duplicate: `Probably already in the CRM: ${named.join('; ')}. Open it, or save anyway.` },
          duplicates,
        };
      }
    }
    const [id] = reserveCustomerIds(
      snapshot.customers.map((c) => c.id),
      1,
    );
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
    const events = creationEvents(customer, ctx.user);
    appendCustomers(ctx.ss, table, snapshot, [customer], events);
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
  change: (current: Customer) => { fields: Partial<CustomerFields>; note?: string },
): SaveResult {
  const table = CustomersTable.open(ctx.ss);
  const snapshot = table.read();
  const index = CustomersTable.indexOf(snapshot, target.id);
  if (index < 0)
    return failure({ id: `No customer has the ID "${target.id.slice(0, 40)}". It may have been deleted.` });
  const current = snapshot.customers[index] as Customer;
  if (current.version !== target.version) return { ok: false, conflict: current };

  const { fields, note } = change(current);
  const { next, events } = applyChange(current, fields, { at: ctx.nowIso, by: ctx.user, note });
  if (events.length === 0) return { ok: true, customer: current, events }; // Nothing changed: no new version.
  replaceCustomer(ctx.ss, table, snapshot, index, next, events);
  return { ok: true, customer: next, events };
}

export function updateCustomer(id: string, patch: CustomerInput, expectedVersion: number): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const target = checkTarget(id, expectedVersion);
    const valid = validatePatch(patch);
    if (!valid.ok) return failure(valid.errors);
    if (valid.value.owner !== undefined) valid.value.owner = ownerFor(ctx, valid.value.owner);
    return changeCustomer(ctx, target, () => ({ fields: valid.value }));
  });
}

export function updateCustomerStatus(id: string, status: string, expectedVersion: number, note?: string): SaveResult {
  return handleWrite((ctx): SaveResult => {
    const target = checkTarget(id, expectedVersion);
    const valid = validateStatusChange(status, note);
    if (!valid.ok) return failure(valid.errors);
    return changeCustomer(ctx, target, () => ({ fields: { status: valid.status }, note: valid.note }));
  });
}

export function getCustomer(id: string): GetCustomerResult {
  return handleRead((ctx): GetCustomerResult => {
    const idCheck = validateId(id);
    if (!idCheck.ok) return failure(idCheck.errors);
    const rows = CustomerRecords.read(ctx.ss);
    const record = rows.find(idCheck.value);
    if (record === null) return failure({ id: `No customer has the ID "${idCheck.value.slice(0, 40)}".` });
    return { ok: true, customer: rows.customer(record), history: historyOf(ctx.ss, idCheck.value) };
  });
}

export function searchCustomers(query: string, options?: unknown): SearchResult | Failure {
  return handleRead((ctx): SearchResult | Failure => {
    // Query checked and planned first; then one getValues, searched in place; only the customers returned are built.
    const search = prepareSearch(query, options);
    if (!search.ok) return search;
    return search.run(customerSearchSource(ctx.ss));
  });
}

export function listCustomers(options?: unknown): ListResult | Failure {
  return handleRead((ctx) => listInCore(CustomersTable.open(ctx.ss).read().customers, options));
}
