/**
 * Makes a fixed-layout tab's header right without losing data: writes it on an empty tab, puts
 * hand-moved columns back in order (whole columns move — values, data validations, number formats — rows
 * stay intact), and refuses to guess when a header was renamed or removed.
 */

import { readText, rewritable, textCell } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `extended: …` says which columns were added at the right edge (a CRM set up by an earlier version). */
export type HeaderOutcome = 'ok' | 'written' | 'reordered' | `extended: ${string}` | { problem: string };

export function repairHeader(sheet: Sheet, headers: readonly string[], tab: string): HeaderOutcome {
  const values = sheet.getDataRange().getValues();
  const found = (values[0] ?? []).map((cell) => readText(cell).trim());
  if (headers.every((h, i) => found[i] === h)) return 'ok';

  if (found.every((h) => h === '')) {
    sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]);
    return 'written';
  }

  // An earlier version's tab: our first columns in place, the newer ones not there yet and nothing (header or data)
  // where they go. Their headers are added at the right edge; every row keeps its cells where they are.
  const kept = headers.findIndex((h, i) => found[i] !== h);
  if (kept > 0 && rightEdgeIsFree(values, kept, headers.length)) {
    const added = headers.slice(kept);
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns < headers.length) sheet.insertColumnsAfter(maxColumns, headers.length - maxColumns);
    sheet.getRange(1, kept + 1, 1, added.length).setValues([added.map(textCell)]);
    return `extended: columns ${added.join(', ')} added`;
  }

  const positions = headers.map((h) => found.indexOf(h));
  const missing = headers.filter((_, i) => positions[i] === -1);
  if (missing.length > 0) {
    return {
      problem:
        `The ${tab} tab has no column "${missing[0]}" (row 1 reads: ${found
          .filter((h) => h !== '')
          .slice(0, 20)
          .join(', ')}). ` +
        `Nothing was changed: rename the header back to "${missing[0]}" (or restore the column) and run Set up / repair again.`,
    };
  }

  // Every expected column is present but out of order: rebuild each row in the expected order, keeping any
  // extra columns after ours, and write the grid back in one setValues. (A formula typed into a data cell
  // comes back as its value: formulas have no place in these tabs.)
  const extra = found.map((_, i) => i).filter((i) => !positions.includes(i));
  const order = [...positions, ...extra];
  const grid = values.map((row, r) =>
    order.map((i) => (r === 0 ? textCell(found[i] ?? '') : rewritable((row as unknown[])[i]))),
  );
  // A dragged column takes its data validation and number format with it (the Status dropdown now sits where
  // Status was dragged to). They move back with the values, over every row of the grid: a rule left on the
  // blank rows below would refuse the next customer appended there. The rules come off before the values go
  // in, since a reject-input rule makes a script write throw, and go back on after (a rule may be put on a
  // cell whose old value breaks it: an out-of-list Status typed before the dropdown existed stays as it was).
  const whole = sheet.getRange(1, 1, Math.max(sheet.getMaxRows(), grid.length), order.length);
  const rules = whole.getDataValidations();
  const formats = whole.getNumberFormats();
  whole.clearDataValidations();
  whole.setNumberFormats(formats.map((row) => order.map((i) => row[i] as string)));
  sheet.getRange(1, 1, grid.length, order.length).setValues(grid);
  whole.setDataValidations(rules.map((row) => order.map((i) => row[i] ?? null)));
  return 'reordered';
}

/** True when no row has anything in columns [from, to) (0-based): new columns can go there without moving data. */
function rightEdgeIsFree(values: readonly (readonly unknown[])[], from: number, to: number): boolean {
  for (const row of values) {
    for (let i = from; i < to && i < row.length; i++) {
      const cell = row[i];
      if (cell !== '' && cell !== null && cell !== undefined) return false;
    }
  }
  return true;
}
