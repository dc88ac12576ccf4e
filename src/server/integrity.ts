/**
 * CRM ▸ Check data: a report of what is wrong in the Customers tab (one getValues, no lock, no writes), in the
 * custom-field cells of the Archive tab (one getValues, also used for the IDs) and of the customers deleted by hand
 * (in History, in neither Customers nor Archive); the menu item offers to restore those from History in one click.
 */

import type { IntegrityReport } from '../domain/api';
import { ARCHIVE_COLUMNS } from '../domain/archive';
import { checkArchiveGrid, checkCustomersGrid, deletedByHand, gridIds, integrityReportText } from '../domain/integrity';
import type { Failure } from '../domain/results';
import { pipelineEvents } from '../sheets/historyReads';
import { requireSheet } from '../sheets/table';
import { TAB } from '../sheets/tabs';
import { restoreCustomer } from './archive';
import { handleRead } from './guard';
import { refusedOwnerItem } from './ui';

const TITLE = 'Check data';

/**
 * Problems of the Customers tab (a changed header is reported, not thrown), of the Archive tab's custom-field
 * cells (after the Customers ones, marked `tab: 'Archive'`), and customers deleted by hand.
 */
export function checkData(): IntegrityReport | Failure {
  return handleRead((ctx): IntegrityReport => {
    const grid = requireSheet(ctx.ss, TAB.customers).getDataRange().getValues();
    const report = checkCustomersGrid(grid, ctx.customFields);
    const present = gridIds(grid);
    // One read of the Archive tab serves both its checked cells and its IDs; a CRM from before it has none.
    const archiveGrid = ctx.ss.getSheetByName(TAB.archive)?.getDataRange().getValues() ?? [];
    for (const id of gridIds(archiveGrid, ARCHIVE_COLUMNS.of.id.index)) present.add(id);
    const archived = checkArchiveGrid(archiveGrid, ctx.customFields);
    return {
      ...report,
      checkedArchivedRows: archived.checkedRows,
      problems: [...report.problems, ...archived.problems],
      deletedByHand: deletedByHand(pipelineEvents(ctx.ss), present),
    };
  });
}

/**
 * Menu item: runs checkData and shows the report (or why it could not run). When customers were deleted by hand,
 * the alert asks whether to restore them; Yes rebuilds each from History (restoreCustomer) and says how it went.
 */
export function showDataCheck(): void {
  if (refusedOwnerItem(TITLE)) return;
  const ui = SpreadsheetApp.getUi();
  const result = checkData();
  if (!result.ok) {
    ui.alert(TITLE, Object.values(result.errors).join('\n'), ui.ButtonSet.OK);
    return;
  }
  const text = integrityReportText(result);
  if (result.deletedByHand.length === 0) {
    ui.alert(TITLE, text, ui.ButtonSet.OK);
    return;
  }
  const answer = ui.alert(TITLE, `${text}\n\nRestore them from History now?`, ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return;
  const outcome = result.deletedByHand.map(({ id }) => {
    const restored = restoreCustomer(id);
    return restored.ok
      ? `• ${id}: restored.`
      : `• ${id}: not restored. ${Object.values(restored.errors ?? {}).join(' ')}`;
  });
  ui.alert(TITLE, outcome.join('\n'), ui.ButtonSet.OK);
}
