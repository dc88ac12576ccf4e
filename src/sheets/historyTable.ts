/** The append-only `History` tab. */

import { HISTORY_HEADERS, type HistoryEvent } from '../domain/customer';
import { HISTORY_WIDTH, historyToRow, rowToHistory } from './customerRows';
import { appendRows, checkHeader, requireSheet } from './table';
import { TAB } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class HistoryTable {
  constructor(readonly sheet: Sheet) {}

  static open(ss: Spreadsheet): HistoryTable {
    return new HistoryTable(requireSheet(ss, TAB.history));
  }

  /** Every event in sheet order, with one getValues. */
  readAll(): HistoryEvent[] {
    const values = this.sheet.getDataRange().getValues();
    checkHeader(values[0], HISTORY_HEADERS, TAB.history);
    const events: HistoryEvent[] = [];
    for (let i = 1; i < values.length; i++) {
      const event = rowToHistory(values[i] as unknown[]);
      if (event.customerId !== '' || event.at !== '') events.push(event);
    }
    return events;
  }

  /** Throws a SchemaError when the header was changed by hand (so nothing is written into the wrong column). */
  checkHeader(): void {
    checkHeader(this.sheet.getRange(1, 1, 1, HISTORY_WIDTH).getValues()[0], HISTORY_HEADERS, TAB.history);
  }

  /**
   * Appends after checking the header, so a hand-reordered History tab is never written into. A caller that
   * writes another tab first checks the header itself before that write (`headerChecked`), so a changed
   * History tab stops the call before anything is written.
   */
  append(events: readonly HistoryEvent[], options: { headerChecked?: boolean } = {}): void {
    if (events.length === 0) return;
    if (options.headerChecked !== true) this.checkHeader();
    // A single event needs no last-row look-up: appendRow finds it.
    const lastRow = events.length === 1 ? 0 : this.sheet.getLastRow();
    appendRows(this.sheet, lastRow, events.map(historyToRow), HISTORY_WIDTH);
  }
}
