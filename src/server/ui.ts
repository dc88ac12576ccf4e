/** The CRM menu and the sidebar/dialogs it opens. */

import type { SidebarState } from '../domain/api';

const TITLE = 'Pipeline CRM';

export const MENU_ITEMS: ReadonlyArray<readonly [caption: string, functionName: string] | null> = [
  ['My work', 'showMyWork'],
  ['Register customer', 'showRegisterSidebar'],
  ['Search customers', 'showSearchDialog'],
  ['Pipeline board', 'showPipelineBoard'],
  ['Pipeline summary', 'showPipelineSummary'],
  null,
  ['Import customers', 'showImportSidebar'],
  ['Find duplicates', 'showFindDuplicates'],
  ['Check data', 'showDataCheck'],
  ['Check set-up', 'showSetUpCheck'],
  ['Set up / repair', 'showSetUp'],
];

/**
 * Adds the CRM menu. In AuthMode.NONE (an add-on not yet used in this document) nothing may be read,
 * and only an add-on menu may be built.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = e && e.authMode === ScriptApp.AuthMode.NONE ? ui.createAddonMenu() : ui.createMenu('CRM');
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** The page `file` with its initial state passed through the template (escaped by HtmlService). */
export function page(
  file: 'sidebar' | 'search' | 'import' | 'duplicates' | 'board',
  state: SidebarState,
): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile(file);
  template.state = JSON.stringify(state);
  return template.evaluate().setTitle(TITLE);
}

/** The sidebar on "My work": the user's follow-ups (listFollowUps). */
export function showMyWork(): void {
  SpreadsheetApp.getUi().showSidebar(page('sidebar', { view: 'mywork' }));
}

export function showRegisterSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(page('sidebar', { view: 'register' }));
}

export function showSearchDialog(): void {
  SpreadsheetApp.getUi().showModalDialog(
    page('search', { view: 'search' }).setWidth(560).setHeight(480),
    'Search customers',
  );
}

/** Called from the search dialog: opens the sidebar on one customer's card. */
export function openCustomerSidebar(id: string): void {
  SpreadsheetApp.getUi().showSidebar(page('sidebar', { view: 'customer', customerId: String(id) }));
}

export function showImportSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(page('import', { view: 'import' }));
}

/** CRM ▸ Find duplicates: groups side by side, the one to keep chosen, a preview of the merged result. */
export function showFindDuplicates(): void {
  SpreadsheetApp.getUi().showModalDialog(
    page('duplicates', { view: 'duplicates' }).setWidth(900).setHeight(600),
    'Find duplicates',
  );
}
