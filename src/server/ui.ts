/** The CRM menu and the sidebar/dialogs it opens. */

import type { SidebarState } from '../domain/api';
import { openContext } from './context';
import { keyboardRole, readOnlyNoticeForUser } from './guard';

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

/** The items after the separator are the owner's (SPEC Menu): Import customers … Set up / repair. */
const OWNER_ITEMS_FROM = MENU_ITEMS.indexOf(null);

/**
 * Adds the CRM menu. In AuthMode.NONE (an add-on not yet used in this document) nothing may be read,
 * and only an add-on menu may be built. The owner's items are left out only for someone known not to be the
 * admin; a simple onOpen usually cannot see who is at the keyboard, and then everyone gets the whole menu and
 * the owner's items refuse others when chosen (refusedOwnerItem).
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const none = e !== undefined && e.authMode === ScriptApp.AuthMode.NONE;
  const menu = none ? ui.createAddonMenu() : ui.createMenu('CRM');
  const items = !none && keyboardRole() === 'other' ? MENU_ITEMS.slice(0, OWNER_ITEMS_FROM) : MENU_ITEMS;
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/**
 * For an owner's menu item: when someone known not to be the admin chose it (a menu built before they were
 * known, or shared), says so in an alert and returns true; the item then does nothing.
 */
export function refusedOwnerItem(caption: string): boolean {
  const ctx = openContext();
  if (keyboardRole(ctx) !== 'other') return false;
  const staffItems = MENU_ITEMS.slice(0, OWNER_ITEMS_FROM).flatMap((item) => (item ? [item[0]] : []));
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    caption,
    `${caption} is for the CRM's admin (${ctx.admin}): ask them to run it. Staff use ${staffItems.join(', ')}.`,
    ui.ButtonSet.OK,
  );
  return true;
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/**
 * The page `file` with its initial state passed through the template (escaped by HtmlService). A page that
 * writes says at once when the person at the keyboard may only look, rather than at their first Save.
 */
export function page(
  file: 'sidebar' | 'search' | 'import' | 'duplicates' | 'board',
  state: SidebarState,
): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile(file);
  const readOnly = file === 'search' ? null : readOnlyNoticeForUser();
  template.state = JSON.stringify(readOnly === null ? state : { ...state, readOnly });
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
  if (refusedOwnerItem('Import customers')) return;
  SpreadsheetApp.getUi().showSidebar(page('import', { view: 'import' }));
}

/** CRM ▸ Find duplicates: groups side by side, the one to keep chosen, a preview of the merged result. */
export function showFindDuplicates(): void {
  if (refusedOwnerItem('Find duplicates')) return;
  SpreadsheetApp.getUi().showModalDialog(
    page('duplicates', { view: 'duplicates' }).setWidth(900).setHeight(600),
    'Find duplicates',
  );
}
