/**
 * Import sidebar entry point (CRM ▸ Import customers). Four steps in a 300 px sidebar:
 *  1. paste the old sheet into the Import tab, then Refresh (proposeImportMapping; also run once on open);
 *  2. check / correct the column mapping (one dropdown per CRM field, sample values under each);
 *  3. Preview: importCustomers({ dryRun: true }) in batches → counts and every row that will be skipped, why;
 *     plus the choice for probable duplicates (skip, or merge into the existing customer's empty fields);
 *  4. Import: batches of IMPORT_BATCH rows, one call after the other (nextOffset until done), with a progress
 *     bar and a Cancel that stops after the current batch; then the final report. A stopped or failed run can
 *     be continued from where it stopped.
 * Any change to the mapping or the duplicates choice throws the preview away: Import always runs what was
 * previewed. While a call runs every control is disabled, so nothing can be sent twice.
 */

import type { DuplicateMode, ImportMapping, ImportMappingProposal } from '../../src/domain/import/types';
import { createBanner, readOnlyNotice } from './banner';
import { readState } from './state';
import { runBusy } from './busy';
import { h, replaceChildren } from './dom';
import { failureMessage } from './failure';
import { emptyTotals, runBatches, type RunOutcome, type RunTotals } from './import/batches';
import { createMappingForm, type MappingForm } from './import/mappingForm';
import { createProgress } from './import/progress';
import { countsOf, renderReport } from './import/report';
import { formatCount, plural } from './import/text';
import { pageMessages } from './results';
import { call } from './server';

/** Rows per real batch: a few seconds of work per call, far inside Apps Script's 6-minute limit. */
const IMPORT_BATCH = 500;
/** Rows per preview batch: a dry run writes nothing, so bigger batches (the server allows up to 2,000). */
const PREVIEW_BATCH = 2000;

interface Previewed {
  mapping: ImportMapping;
  /** Undefined when no custom field is defined (then left out of the request: the server maps by header). */
  customMapping: Record<string, number | null> | undefined;
  mode: DuplicateMode;
  totals: RunTotals;
}

function main(): void {
  const banner = createBanner();

  // 1. Paste + Refresh
  const refreshButton = h('button', { type: 'button', class: 'primary' }, 'Refresh');
  const pasteStep = h(
    'section',
    { class: 'import-step', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import customers'),
    h('p', {}, 'Paste your old sheet into the Import tab (header row first, any column order), then Refresh.'),
    h('div', { class: 'actions' }, refreshButton),
  );

  // 2. Mapping (filled by Refresh)
  const mappingBox = h('div', {});
  const mappingTitle = h('h3', { id: 'import-mapping-title', tabindex: -1 }, 'Column mapping');
  const mappingStep = h(
    'section',
    { class: 'section import-step', hidden: true, 'aria-labelledby': 'import-mapping-title' },
    mappingTitle,
    mappingBox,
  );

  // 3. Duplicates choice + Preview
  const skipRadio = h('input', { type: 'radio', name: 'duplicates', id: 'dup-skip', value: 'skip', checked: true });
  const mergeRadio = h('input', { type: 'radio', name: 'duplicates', id: 'dup-merge', value: 'merge' });
  const previewButton = h('button', { type: 'button', class: 'primary' }, 'Preview');
  const previewStep = h(
    'section',
    { class: 'section import-step', hidden: true, 'aria-labelledby': 'import-preview-title' },
    h('h3', { id: 'import-preview-title' }, 'Preview'),
    h(
      'fieldset',
      { class: 'import-duplicates' },
      h('legend', {}, 'Rows that are probably customers already'),
      h('div', { class: 'radio' }, skipRadio, h('label', { for: 'dup-skip' }, 'Skip them (they are listed)')),
      h(
        'div',
        { class: 'radio' },
        mergeRadio,
        h('label', { for: 'dup-merge' }, 'Merge: fill only the empty fields of the existing customer'),
      ),
    ),
    h('p', { class: 'hint' }, 'A preview checks every row and changes nothing.'),
    h('div', { class: 'actions' }, previewButton),
  );

  // 4. Progress, report, Import + Cancel
  const progress = createProgress('Rows done');
  const reportBox = h('div', { class: 'import-report-box' });
  const importButton = h('button', { type: 'button', class: 'primary' }, 'Import');
  const cancelButton = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Cancel');
  const importStep = h(
    'section',
    { class: 'section import-step', hidden: true, 'aria-label': 'Import' },
    h(
      'p',
      { class: 'hint' },
      `Rows are imported in batches of ${formatCount(IMPORT_BATCH)}; Cancel stops after the current batch. Running the same import again adds nothing.`,
    ),
    h('div', { class: 'actions' }, importButton, cancelButton),
  );

  let form: MappingForm | null = null;
  let previewed: Previewed | null = null;
  /** The real run so far (null before Import): continued after a cancel or a failure. */
  let run: RunTotals | null = null;
  let busy = false;
  let cancelRequested = false;

  const duplicateMode = (): DuplicateMode => (mergeRadio.checked ? 'merge' : 'skip');

  function setControlsDisabled(disabled: boolean): void {
    for (const control of [refreshButton, previewButton, importButton, skipRadio, mergeRadio])
      control.disabled = disabled;
    form?.setDisabled(disabled);
  }

  function updateImportButton(): void {
    if (!previewed) return;
    const { imported, merged } = countsOf(previewed.totals);
    if (run?.done) {
      importButton.textContent = 'Import done';
      importButton.disabled = true;
    } else if (run && run.batches > 0) {
      importButton.textContent = 'Continue import';
      importButton.disabled = false;
    } else if (imported === 0 && merged === 0) {
      importButton.textContent = 'Nothing to import';
      importButton.disabled = true;
    } else {
      importButton.textContent =
        imported > 0 ? `Import ${plural(imported, 'customer')}` : `Merge ${plural(merged, 'row')}`;
      importButton.disabled = false;
    }
  }

  /** Runs `task` with `button` busy and every other control disabled: one call chain at a time. */
  async function withBusy<T>(
    button: HTMLButtonElement,
    label: string,
    what: string,
    task: () => Promise<T>,
  ): Promise<T | undefined> {
    if (busy) return undefined;
    busy = true;
    setControlsDisabled(true);
    try {
      return await runBusy(button, label, banner, what, task);
    } finally {
      busy = false;
      setControlsDisabled(false);
      updateImportButton();
    }
  }

  function showReport(
    totals: RunTotals,
    dryRun: boolean,
    mode: DuplicateMode,
    title: string,
    note?: string,
    focus = true,
  ): void {
    const report = renderReport(totals, { dryRun, mode, title, ...(note ? { note } : {}) });
    replaceChildren(reportBox, report.element);
    if (focus) report.heading.focus();
  }

  /** The mapping or the duplicates choice changed: the preview (and any run) no longer describes what Import would do. */
  function invalidate(): void {
    previewed = null;
    run = null;
    replaceChildren(reportBox);
    progress.hide();
    importStep.hidden = true;
  }

  function showOutcomeError(outcome: RunOutcome, what: string): void {
    if (outcome.kind === 'refused') {
      const messages = pageMessages(outcome.errors);
      banner.show('error', messages.length > 0 ? messages : [`Couldn't ${what}: the server refused it.`]);
    } else if (outcome.kind === 'failed') {
      banner.show('error', failureMessage(what, outcome.error));
    }
  }

  async function refresh(initial: boolean): Promise<void> {
    banner.clear();
    const result = await withBusy(refreshButton, 'Reading…', 'read the Import tab', () => call('proposeImportMapping'));
    if (!result) return;
    if (!result.ok) {
      const errors = result.errors ?? {};
      const keys = Object.keys(errors);
      // An empty tab on opening is the normal starting point, not an error.
      const kind = initial && keys.length === 1 && keys[0] === 'import' ? 'info' : 'error';
      banner.show(kind, pageMessages(errors));
      form = null;
      replaceChildren(mappingBox);
      mappingStep.hidden = true;
      previewStep.hidden = true;
      invalidate();
      return;
    }
    showMapping(result);
    if (!initial) mappingTitle.focus();
  }

  function showMapping(proposal: ImportMappingProposal): void {
    form = createMappingForm(proposal);
    form.onChange(invalidate);
    replaceChildren(mappingBox, form.element);
    mappingStep.hidden = false;
    previewStep.hidden = false;
    invalidate();
  }

  async function preview(): Promise<void> {
    if (!form || busy) return;
    banner.clear();
    if (!form.validate()) {
      form.focusFirstInvalid();
      return;
    }
    const mapping = form.mapping();
    const customMapping = form.customMapping();
    const mode = duplicateMode();
    invalidate();
    const result = await withBusy(previewButton, 'Checking…', 'preview the import', () =>
      runBatches({
        send: (offset) =>
          call('importCustomers', {
            mapping,
            customMapping,
            dryRun: true,
            duplicates: mode,
            offset,
            limit: PREVIEW_BATCH,
          }),
        startOffset: 0,
        onBatch: (totals) => progress.set(totals.nextOffset, totals.total, 'Checked'),
        cancelled: () => false,
      }),
    );
    if (!result) return;
    if (result.outcome.kind !== 'done') {
      progress.hide();
      showOutcomeError(result.outcome, 'preview the import');
      return;
    }
    previewed = { mapping, customMapping, mode, totals: result.totals };
    importStep.hidden = false;
    updateImportButton();
    showReport(result.totals, true, mode, 'Preview: nothing has been imported yet');
  }

  async function startImport(): Promise<void> {
    if (!previewed || busy) return;
    const { mapping, customMapping, mode } = previewed;
    const previous = run && !run.done && run.batches > 0 ? run : undefined;
    const startOffset = previous ? previous.nextOffset : 0;
    banner.clear();
    cancelRequested = false;
    cancelButton.textContent = 'Cancel';
    cancelButton.disabled = false;
    cancelButton.hidden = false;
    progress.set(startOffset, previous ? previous.total : previewed.totals.total);
    const result = await withBusy(importButton, 'Importing…', 'import the customers', () =>
      runBatches({
        send: (offset) =>
          call('importCustomers', { mapping, customMapping, duplicates: mode, offset, limit: IMPORT_BATCH }),
        startOffset,
        previous: previous ?? emptyTotals(previewed?.totals.total ?? 0, 0),
        onBatch: (totals) => {
          run = totals;
          progress.set(totals.nextOffset, totals.total);
        },
        cancelled: () => cancelRequested,
      }),
    );
    cancelButton.hidden = true;
    if (!result) return;
    const { totals, outcome } = result;
    run = totals;
    updateImportButton();
    const c = countsOf(totals);
    const summary =
      `${plural(c.imported, 'customer')} imported` +
      (c.merged > 0 ? `, ${plural(c.merged, 'row')} merged into existing customers` : '') +
      `, ${plural(totals.skipped.length, 'row')} skipped.`;
    const where = `${formatCount(totals.nextOffset)} of ${formatCount(totals.total)} rows`;
    if (outcome.kind === 'done') {
      banner.show('success', `Import finished: ${summary}`);
      showReport(totals, false, mode, 'Import finished');
      return;
    }
    if (outcome.kind === 'cancelled') {
      banner.show('warning', `Import stopped after ${where}: ${summary} Continue import to do the remaining rows.`);
      showReport(totals, false, mode, 'Import stopped', `Stopped after ${where}.`);
      return;
    }
    showOutcomeError(outcome, `import rows after ${where}`);
    if (totals.batches > 0) {
      showReport(
        totals,
        false,
        mode,
        'Import interrupted',
        `Done before the error: ${where}. ${summary} Continue import carries on from there.`,
        false,
      );
    } else {
      progress.hide();
    }
  }

  refreshButton.addEventListener('click', () => void refresh(false));
  previewButton.addEventListener('click', () => void preview());
  importButton.addEventListener('click', () => void startImport());
  cancelButton.addEventListener('click', () => {
    cancelRequested = true;
    cancelButton.disabled = true;
    cancelButton.textContent = 'Stopping after this batch…';
  });
  for (const radio of [skipRadio, mergeRadio]) radio.addEventListener('change', invalidate);

  const view = h(
    'main',
    { class: 'view import-view' },
    pasteStep,
    mappingStep,
    previewStep,
    progress.element,
    reportBox,
    importStep,
  );
  document.body.append(banner.element, view);
  const { readOnly } = readState('import');
  if (readOnly !== undefined) banner.element.before(readOnlyNotice(readOnly));
  void refresh(true);
}

main();
