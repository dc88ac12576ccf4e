/** CRM ▸ Check data: a read-only report of what is wrong in the Customers tab (one getValues, no lock, no writes). */

import type { IntegrityReport } from '../domain/api';
import { checkCustomersGrid, integrityReportText } from '../domain/integrity';
import type { Failure } from '../domain/results';
import { requireSheet } from '../sheets/table';
import { TAB } from '../sheets/tabs';
import { handleRead } from './guard';
import { refusedOwnerItem } from './ui';

const TITLE = 'Check data';

/** Duplicate IDs, invalid statuses and broken rows of the Customers tab; a changed header is reported, not thrown. */
export function checkData(): IntegrityReport | Failure {
  return handleRead((ctx) => checkCustomersGrid(requireSheet(ctx.ss, TAB.customers).getDataRange().getValues()));
}

/** Menu item: runs checkData and shows the report (or why it could not run) in an alert. */
export function showDataCheck(): void {
  if (refusedOwnerItem(TITLE)) return;
  const ui = SpreadsheetApp.getUi();
  const result = checkData();
  const text = result.ok ? integrityReportText(result) : Object.values(result.errors).join('\n');
  ui.alert(TITLE, text, ui.ButtonSet.OK);
}
