/**
 * Busy indicator for a button that starts a server call: while the call runs the button is disabled,
 * shows a spinner and a progress label (no double submit); a failure shows a retry hint in the banner.
 */

import type { Banner } from './banner';
import { failureMessage } from './failure';

/**
 * Runs `task` with `button` busy. Resolves with the task's value, or `undefined` when the task failed
 * (the message is then in the banner) or the button was already busy.
 */
export async function runBusy<T>(
  button: HTMLButtonElement,
  busyLabel: string,
  banner: Banner,
  what: string,
  task: () => Promise<T>,
): Promise<T | undefined> {
  if (button.dataset.busy === 'true') return undefined;
  const label = button.textContent ?? '';
  const hadFocus = document.activeElement === button;
  button.dataset.busy = 'true';
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.classList.add('is-busy');
  button.textContent = busyLabel;
  try {
    return await task();
  } catch (error) {
    banner.show('error', failureMessage(what, error));
    return undefined;
  } finally {
    delete button.dataset.busy;
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.classList.remove('is-busy');
    button.textContent = label;
    if (hadFocus && button.isConnected) button.focus();
  }
}
