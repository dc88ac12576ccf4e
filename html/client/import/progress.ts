/**
 * The progress bar of a run of batches: a native-looking bar (role progressbar, aria-valuenow) and its label
 * ("1,500 of 5,200 rows"), updated after each batch.
 */

import { h } from '../dom';
import { formatCount } from './text';

export interface Progress {
  readonly element: HTMLElement;
  /** Shows `done` of `total` rows, with `verb` before the numbers when given ("Checked 2,000 of 5,200 rows"). */
  set(done: number, total: number, verb?: string): void;
  hide(): void;
}

export function createProgress(label: string): Progress {
  const fill = h('div', { class: 'progress-fill' });
  const bar = h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': 0,
      'aria-valuenow': 0,
    },
    fill,
  );
  const text = h('p', { class: 'progress-label', 'aria-live': 'polite' });
  const element = h('div', { class: 'progress-box', hidden: true }, bar, text);
  return {
    element,
    set(done, total, verb) {
      const shown = Math.min(done, total);
      const words = `${formatCount(shown)} of ${formatCount(total)} rows`;
      bar.setAttribute('aria-valuemax', String(total));
      bar.setAttribute('aria-valuenow', String(shown));
      bar.setAttribute('aria-valuetext', words);
      fill.style.width = `${total === 0 ? 100 : Math.round((shown / total) * 100)}%`;
      text.textContent = verb ? `${verb} ${words}` : words;
      element.hidden = false;
    },
    hide() {
      element.hidden = true;
    },
  };
}
