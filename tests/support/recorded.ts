/**
 * History is complete enough to rebuild customers: replaying a workbook's History (src/domain/recorded) gives,
 * for every customer, the text of each column a person or the CRM can change exactly as the Customers tab shows it.
 */

import { CUSTOMER_HEADERS, EDITABLE_KEYS } from '../../src/domain/customer';
import { lastRecordedFields } from '../../src/domain/recorded';
import { fieldLabel } from '../../src/domain/validation';
import type { Crm } from './crm';

/** Editable columns of each customer as replayed from History and as the Customers tab holds them (as text). */
export function replayedAndStored(crm: Crm): { replayed: Record<string, string>[]; stored: Record<string, string>[] } {
  const history = crm
    .tab('History')
    .slice(1)
    .map((row) => ({
      at: String(row[0]),
      customerId: String(row[1]),
      action: String(row[2]) as 'create',
      field: String(row[3]),
      from: String(row[4]),
      to: String(row[5]),
      by: String(row[6]),
    }));
  const customers = crm.tab('Customers').slice(1);
  const ids = new Set(customers.map((row) => String(row[0])));
  const recorded = lastRecordedFields(history, ids);
  const labels = EDITABLE_KEYS.map(fieldLabel);
  const replayed = customers.map((row) =>
    Object.fromEntries(labels.map((label) => [label, recorded.get(String(row[0]))?.get(label) ?? ''])),
  );
  const stored = customers.map((row) =>
    Object.fromEntries(labels.map((label) => [label, String(row[CUSTOMER_HEADERS.indexOf(label as never)] ?? '')])),
  );
  return { replayed, stored };
}
