/** Menu items that run a server function and report back with a toast or an alert. */

import type { FieldErrors } from './../domain/customer';
import { TAB } from '../sheets/tabs';
import { rebuildPipelineSummary } from './pipeline';
import { setUpCrm } from './setup';

function errorText(errors: FieldErrors): string {
  return Object.values(errors).join('\n');
}

export function showPipelineSummary(): void {
  const result = rebuildPipelineSummary();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if ('ok' in result && result.ok === false) {
    SpreadsheetApp.getUi().alert('Pipeline summary', errorText(result.errors), SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  ss.getSheetByName(TAB.pipeline)?.activate();
  ss.toast('Pipeline summary rebuilt.', 'Pipeline CRM', 5);
}

export function showSetUp(): void {
  const ui = SpreadsheetApp.getUi();
  const result = setUpCrm();
  if (!result.ok) {
    ui.alert('Set up / repair', errorText(result.errors), ui.ButtonSet.OK);
    return;
  }
  const lines = [
    result.created.length > 0 ? `Created: ${result.created.join(', ')}.` : 'All tabs were already there.',
    ...result.repaired.map((r) => `• ${r}`),
    ...result.messages.map((m) => `⚠ ${m}`),
  ];
  ui.alert('Set up / repair', lines.join('\n'), ui.ButtonSet.OK);
}
