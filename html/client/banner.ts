/**
 * The status banner at the top of a page: one message at a time (error, warning, info or success),
 * announced to screen readers, dismissable with its × button.
 */

import { h, replaceChildren } from './dom';

export type BannerKind = 'error' | 'warning' | 'info' | 'success';

export interface Banner {
  readonly element: HTMLElement;
  /** Shows `message` (several lines when given an array), replacing any previous message. */
  show(kind: BannerKind, message: string | readonly string[]): void;
  clear(): void;
}

export function createBanner(): Banner {
  const text = h('div', { class: 'banner-text' });
  const close = h(
    'button',
    { type: 'button', class: 'banner-close', 'aria-label': 'Dismiss message', title: 'Dismiss' },
    '×',
  );
  const element = h('div', { class: 'banner', hidden: true }, text, close);

  const banner: Banner = {
    element,
    show(kind, message) {
      const lines = typeof message === 'string' ? [message] : message;
      element.className = `banner banner-${kind}`;
      element.setAttribute('role', kind === 'error' || kind === 'warning' ? 'alert' : 'status');
      replaceChildren(text, ...lines.map((line) => h('p', {}, line)));
      element.hidden = false;
    },
    clear() {
      element.hidden = true;
      element.removeAttribute('role');
      replaceChildren(text);
    },
  };
  close.addEventListener('click', () => banner.clear());
  return banner;
}

/**
 * The standing notice of a page opened by someone who may only look (SidebarState.readOnly): said as the page
 * opens, before they fill a form in, and kept while they move between views (unlike the banner).
 */
export function readOnlyNotice(text: string): HTMLElement {
  return h('p', { class: 'notice notice-warning read-only', id: 'read-only-notice', role: 'note' }, text);
}
