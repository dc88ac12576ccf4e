/** The append-only `History` tab. */

import { HISTORY_COLUMNS } from '../domain/columns';
import type { HistoryEvent } from '../domain/customer';
import { HISTORY_WIDTH, historyToRow } from './customerRows';
import type { CellValue } from './cells';
import { appendRows, checkHeader, requireSheet } from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Up to this many events are appended with appendRow each (no read); more with one setValues. */
const ONE_BY_ONE_MAX = 2;

export class HistoryTable {
  constructor(readonly sheet: Sheet) {}

  static open(ss: Spreadsheet): HistoryTable {
    return new HistoryTable(requireSheet(ss, TAB.history));
  }

  /** Throws a SchemaError when the header was changed by hand (so nothing is written into the wrong column). */
  checkHeader(): void {
    checkHeader(this.sheet.getRange(1, 1, 1, HISTORY_WIDTH).getValues()[0], HISTORY_COLUMNS.headers, TAB.history);
  }

  /**
   * The last row an append of `count` events will write below, read now (before the caller writes anything, so
   * the read does not split Google's batch of writes); null when the append needs none (see append).
   */
  lastRowFor(count: number, options: { batch?: boolean } = {}): number | null {
    return count > ONE_BY_ONE_MAX || (options.batch === true && count > 0) ? this.sheet.getLastRow() : null;
  }

  /**
   * Appends after checking the header, so a hand-reordered History tab is never written into. A caller that
   * writes another tab first checks the header itself before that write (`headerChecked`), so a changed
   * History tab stops the call before anything is written; it may also pass `lastRow` from lastRowFor().
   */
  append(
    events: readonly HistoryEvent[],
    options: { headerChecked?: boolean; lastRow?: number | null; batch?: boolean } = {},
  ): void {
    if (events.length === 0) return;
    if (options.headerChecked !== true) this.checkHeader();
    const rows = events.map(historyToRow);
    // A change logs one or two events (a status and its note): appendRow each finds the end itself, no read.
    // `batch` (an import) keeps the same calls whatever the count.
    if (rows.length <= ONE_BY_ONE_MAX && options.batch !== true) {
      this.appendOneByOne(rows);
      return;
    }
    const lastRow = options.lastRow ?? this.sheet.getLastRow();
    appendRows(this.sheet, lastRow, rows, HISTORY_WIDTH, { batch: true });
  }

  /** appendRow per row; if a later row is refused, the earlier ones are taken out: never half a change logged. */
  private appendOneByOne(rows: CellValue[][]): void {
    let written = 0;
    try {
      for (const row of rows) {
        this.sheet.appendRow(row);
        written++;
      }
    } catch (error) {
      if (written > 0) {
        try {
          // Under the document lock, so the last rows are the ones just appended; emptied, not deleted, so the
          // grid stays as it was (appendRow wrote into spare rows).
          const lastRow = this.sheet.getLastRow();
          this.sheet.getRange(lastRow - written + 1, 1, written, HISTORY_WIDTH).clearContent();
        } catch {
          // The original refusal is what the caller must report; it still puts the Customers row back.
        }
      }
      throw error;
    }
  }
}
