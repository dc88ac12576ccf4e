/**
 * Sidebar entry point: reads the initial SidebarState from <body data-state>, shows the top nav
 * (My work · Register · Search), the banner and one view at a time (follow-ups, register form, customer card,
 * search). Without a state it opens on My work, as the spec says.
 */

import type { Customer, HistoryEvent } from '../../src/domain/customer';
import { createBanner, readOnlyNotice } from './banner';
import { h, replaceChildren } from './dom';
import { readState } from './state';
import type { ViewContext } from './views/context';
import { customerView } from './views/customer/card';
import { myWorkView } from './views/myWork';
import { registerView } from './views/register';
import { searchView, type SearchView } from './views/search';

type Tab = 'mywork' | 'register' | 'search' | null;

function main(): void {
  const state = readState('mywork');
  const banner = createBanner();
  const viewRoot = h('main', { class: 'view' });
  const myWorkTab = h('button', { type: 'button', class: 'nav-link' }, 'My work');
  const registerTab = h('button', { type: 'button', class: 'nav-link' }, 'Register');
  const searchTab = h('button', { type: 'button', class: 'nav-link' }, 'Search');
  const nav = h(
    'nav',
    { class: 'nav', 'aria-label': 'CRM' },
    myWorkTab,
    h('span', { class: 'nav-sep', 'aria-hidden': 'true' }, '·'),
    registerTab,
    h('span', { class: 'nav-sep', 'aria-hidden': 'true' }, '·'),
    searchTab,
  );

  /** The search view is kept, so coming back to it shows the last query and results. */
  let search: SearchView | null = null;
  /** The view on screen, so focus arriving in the sidebar (Tab, a click, the host) lands in its first field. */
  let current: { focus(): void } | null = null;

  function show(view: { element: HTMLElement; focus(): void }, tab: Tab, focus: boolean): void {
    banner.clear();
    for (const [button, name] of [
      [myWorkTab, 'mywork'],
      [registerTab, 'register'],
      [searchTab, 'search'],
    ] as const) {
      if (tab === name) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    replaceChildren(viewRoot, view.element);
    window.scrollTo(0, 0);
    current = view;
    if (focus) view.focus();
  }

  // The sidebar opens while the spreadsheet may still hold the keyboard (a menu closing hands it back to the
  // grid): when focus comes into the sidebar later by the keyboard (Tab, the host) and lands on nothing in
  // particular, it goes to the view's first field (Name, after CRM ▸ Register customer), not to the top of the
  // page. Not after a click: the clicked control takes the focus, and moving it would scroll the click away.
  let pointerAt = 0;
  window.addEventListener('pointerdown', () => (pointerAt = Date.now()), true);
  window.addEventListener('focus', () => {
    if (Date.now() - pointerAt < 500) return;
    setTimeout(() => {
      if (document.activeElement === null || document.activeElement === document.body) current?.focus();
    }, 0);
  });

  const ctx: ViewContext = {
    banner,
    openCustomer: (id: string, known?: Customer, history?: HistoryEvent[]) =>
      show(customerView(ctx, id, known, history), null, true),
  };
  // A fresh list each time: what is due changes with every save.
  const showMyWork = (focus: boolean) => show(myWorkView(ctx), 'mywork', focus);
  const showRegister = (focus: boolean) => show(registerView(ctx), 'register', focus);
  const showSearch = (focus: boolean) => {
    search = search ?? searchView(ctx);
    show(search, 'search', focus);
  };

  myWorkTab.addEventListener('click', () => showMyWork(true));
  registerTab.addEventListener('click', () => showRegister(true));
  searchTab.addEventListener('click', () => showSearch(true));

  document.body.append(h('header', { class: 'top' }, nav), banner.element, viewRoot);
  if (state.readOnly !== undefined) banner.element.before(readOnlyNotice(state.readOnly));
  if (state.view === 'customer' && state.customerId) ctx.openCustomer(state.customerId);
  else if (state.view === 'search') showSearch(true);
  else if (state.view === 'register') showRegister(true);
  else showMyWork(true);
}

main();
