/**
 * The person at this browser tab's keyboard, kept in sessionStorage: each tab (and its reloads) keeps its own,
 * so two tabs can be two people. Sent with every request (api.ts); null until the tab has one.
 */

import { win } from './dom';

const KEY = 'pipeline-crm-preview.user';

function stored(): string | null {
  try {
    return win.sessionStorage.getItem(KEY);
  } catch {
    return null; // storage refused: the tab's person lasts until the page is reloaded
  }
}

let current: string | null = stored();

export function tabUser(): string | null {
  return current;
}

export function setTabUser(email: string): void {
  current = email;
  try {
    win.sessionStorage.setItem(KEY, email);
  } catch {
    // Kept in `current` only (see stored()).
  }
}
