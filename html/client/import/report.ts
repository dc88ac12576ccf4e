/**
 * The report of a preview or of an import: counts (new customers, merged, duplicates skipped, rows skipped for
 * a problem, blank lines) and the rows not imported, each with its sheet row number and the server's reason, in
 * a scrollable list. Everything is text: header and cell text quoted in reasons never becomes markup.
 */

import type { DuplicateMode, SkippedRow } from '../../../src/domain/import/types';
import { h, uniqueId, type Child } from '../dom';
import type { RunTotals } from './batches';
import { formatCount, plural, withoutRowPrefix } from './text';

/** Longest list rendered; the rest is summed up in one line (every row is still counted above). */
const MAX_LISTED = 1000;

export interface ReportOptions {
  dryRun: boolean;
  mode: DuplicateMode;
  /** Heading of the report ("Preview", "Import finished", "Import stopped"). */
  title: string;
  /** A sentence under the heading (e.g. how far a stopped import got). */
  note?: string;
}

export interface ReportCounts {
  imported: number;
  merged: number;
  duplicatesSkipped: number;
  /** Rows skipped for a problem of their own (bad e-mail, unknown status…), duplicates not included. */
  problems: number;
  blank: number;
}

export function countsOf(totals: RunTotals): ReportCounts {
  const duplicatesSkipped = totals.duplicates.filter((d) => d.action === 'skipped').length;
  return {
    imported: totals.imported,
    merged: totals.merged,
    duplicatesSkipped,
    problems: Math.max(0, totals.skipped.length - duplicatesSkipped),
    blank: totals.blank,
  };
}

function count(label: string, value: number, key: string): HTMLElement {
  return h('div', { class: 'import-count', 'data-count': key }, h('dt', {}, label), h('dd', {}, formatCount(value)));
}

function rowList(label: string, rows: readonly SkippedRow[], kind: string): HTMLElement[] {
  if (rows.length === 0) return [];
  const headingId = uniqueId('import-list');
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const items: Child[] = sorted
    .slice(0, MAX_LISTED)
    .map((row) =>
      h(
        'li',
        { 'data-row': row.row },
        h('span', { class: 'import-row-number' }, `Row ${row.row}`),
        h('span', { class: 'import-row-reason' }, withoutRowPrefix(row.reason, row.row)),
      ),
    );
  if (sorted.length > MAX_LISTED) {
    items.push(h('li', { class: 'muted' }, `… and ${plural(sorted.length - MAX_LISTED, 'more row')}.`));
  }
  return [
    h('h4', { id: headingId }, `${label} (${formatCount(rows.length)})`),
    // Focusable so the list scrolls with the keyboard.
    h('ul', { class: 'import-rows', 'data-list': kind, tabindex: 0, 'aria-labelledby': headingId }, ...items),
  ];
}

export function renderReport(
  totals: RunTotals,
  options: ReportOptions,
): { element: HTMLElement; heading: HTMLElement } {
  const c = countsOf(totals);
  const headingId = uniqueId('import-report');
  const heading = h('h3', { id: headingId, tabindex: -1 }, options.title);
  const merged = totals.duplicates
    .filter((d) => d.action === 'merged')
    .map((d): SkippedRow => ({ row: d.row, reason: d.reason }));
  const element = h(
    'section',
    { class: 'import-report', 'aria-labelledby': headingId },
    heading,
    options.note ? h('p', { class: 'import-note' }, options.note) : null,
    h(
      'dl',
      { class: 'import-counts' },
      count(options.dryRun ? 'Will import' : 'Imported', c.imported, 'imported'),
      options.mode === 'merge' || c.merged > 0
        ? count(options.dryRun ? 'Will merge into existing' : 'Merged into existing', c.merged, 'merged')
        : null,
      count('Duplicates skipped', c.duplicatesSkipped, 'duplicates'),
      count('Skipped (problems)', c.problems, 'skipped'),
      count('Blank lines', c.blank, 'blank'),
    ),
    ...rowList(options.dryRun ? 'Rows that will be skipped' : 'Rows skipped', totals.skipped, 'skipped'),
    // Imported, but not exactly as written: the cell left empty (or the owner replaced) and why.
    ...rowList(
      options.dryRun ? 'Rows that will be imported with a change' : 'Rows imported with a change',
      totals.warnings,
      'warnings',
    ),
    ...rowList(options.dryRun ? 'Rows that will be merged' : 'Rows merged', merged, 'merged'),
  );
  return { element, heading };
}
