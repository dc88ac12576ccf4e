/** Shared builders for the import tests: a CRM customer, a messy old sheet, and a simulated "write then re-read". */

import { blankCustomer, type Customer } from '../../../src/domain/customer';
import {
  buildImportWrites,
  importResult,
  planImport,
  prepareImport,
  type ImportGrid,
  type ImportResult,
  type PlanOptions,
} from '../../../src/domain/import';

export const NOW = '2026-03-01T09:00:00.000Z';
export const ADMIN = 'admin@example.com';

export function customer(id: string, fields: Partial<Customer> = {}): Customer {
  const at = '2026-01-01T00:00:00.000Z';
  const by = 'rep@example.com';
  return {
    ...blankCustomer(id),
    name: `Name ${id}`,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    statusChangedAt: at,
    ...fields,
  };
}

/** The customer already in the CRM before the import. */
export const EVE = customer('C-00001', {
  name: 'Eve Evans',
  company: 'Existing Co',
  email: 'eve@existing.example',
  source: 'Website',
});

/**
 * An old sheet as getValues would return it: mixed header names, an extra column, bad e-mails, numbers as
 * phones, formula-looking text, blank lines (empty strings and nulls), a repeated header, duplicates inside
 * the import and against the CRM, unknown statuses and amounts in several notations.
 */
export const MESSY_HEADER = ['Full name', 'Company', 'E-mail', 'Tel', 'Stage', 'Value', 'Comments', 'Internal ID'];
export const MESSY: ImportGrid = [
  MESSY_HEADER, //                                                                                         row 1
  ['Ann Archer', 'Acme Ltd', 'Ann@Acme.example', '+1 (555) 010-2000', 'won', '$1,200', 'Met at fair', 'x1'], // row 2
  ['Bob Baker', 'Baker & Co', 'bob@', 5550103000, 'Negotiating', 500, '', 'x2'], //                          row 3
  ['', '', '', '', '', '', '', ''], //                                                                       row 4
  ['Cara Cole', '', 'cara@cole.example', 447700900123, 'prospect', '1.200,50 €', '=HYPERLINK("http://x")', ''], // row 5
  ['ann archer', 'ACME LTD', 'ann@acme.example', '', 'Lead', '', '', ''], //                                  row 6
  ['Dan Dale', 'Dale Inc', 'dan@dale.example', '', 'Warm', '', '', ''], //                                    row 7
  ['Eve Evans', 'Existing Co', 'EVE@existing.example', '', 'customer', 2500, '', ''], //                    row 8
  [null, null, null, null, null, null, null, null], //                                                       row 9
  ['=SUM(A1:A3)', 'Formula Co', '', '', '', '', '', ''], //                                                  row 10
  [...MESSY_HEADER], //                                                                                      row 11
  ['Gus Green', 'Green plc', 'GUS@green.example', '555 0104 000', ' Closed Lost ', '(300)', '', ''], //       row 12
  ['Hal Hill', '', '', true, 'In negotiation', 'lots', '', ''], //                                           row 13
  ['Ivy Ives', 'Ives\nGroup', 'mailto:ivy@ives.example', '', 'closed won', 1000, 'line 1\nline 2', ''], //   row 14
  ['', 'No Name Corp', 'noname@x.example', '', '', '', '', ''], //                                           row 15
  ['Jo Jones', '', '', '555-010-2000', '', '', '', ''], //                                                   row 16
  ['   ', '', '', '', '', '', '', ''], //                                                                    row 17
];

/** Plans a batch of `values` with the proposed mapping (or `mapping`), as the server does. */
export function plan(
  values: ImportGrid,
  existing: readonly Customer[],
  options: Omit<Partial<PlanOptions>, 'mapping'> & { mapping?: unknown } = {},
) {
  const prepared = prepareImport(values, options.mapping);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  return planImport(prepared.value.sheet, existing, {
    duplicates: 'skip',
    offset: 0,
    limit: 1000,
    ...options,
    mapping: prepared.value.mapping,
  });
}

/** IDs as reserveCustomerIds hands them out after the existing ones. */
export function nextIds(existing: readonly Customer[], count: number): string[] {
  const start = existing.length + 1;
  return Array.from({ length: count }, (_, i) => `C-${String(start + i).padStart(5, '0')}`);
}

/**
 * One real batch without a spreadsheet: plan, reserve IDs, build the writes, apply them to the CRM array
 * (appended customers, merged customers replaced in place) as the next read would see them.
 */
export function runBatch(
  values: ImportGrid,
  crm: Customer[],
  options: Omit<Partial<PlanOptions>, 'mapping'> & { mapping?: unknown } = {},
): { result: ImportResult; crm: Customer[]; writes: ReturnType<typeof buildImportWrites> } {
  const planned = plan(values, crm, options);
  const ids = nextIds(crm, planned.toImport.length);
  const writes = buildImportWrites(planned, ids, NOW, ADMIN);
  const next = [...crm];
  for (const update of writes.updates) next[update.existingIndex] = update.after;
  next.push(...writes.customers);
  const result = importResult(planned, { dryRun: false, duplicates: options.duplicates ?? 'skip' }, ids);
  return { result, crm: next, writes };
}
