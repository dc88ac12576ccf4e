/**
 * Reads the initial SidebarState the server put in `<body data-state="...">` through the HtmlService template.
 * A missing or malformed state falls back to `fallback` rather than breaking the page.
 */

import type { SidebarState } from '../../src/domain/api';

const VIEWS: readonly SidebarState['view'][] = ['mywork', 'register', 'customer', 'search', 'import'];

export function readState(fallback: SidebarState['view']): SidebarState {
  let raw: unknown;
  try {
    raw = JSON.parse(document.body.dataset.state || '{}');
  } catch {
    raw = {};
  }
  const data = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const view = VIEWS.find((v) => v === data.view) ?? fallback;
  const state: SidebarState = { view };
  if (typeof data.customerId === 'string' && data.customerId !== '') state.customerId = data.customerId;
  if (typeof data.readOnly === 'string' && data.readOnly !== '') state.readOnly = data.readOnly;
  return state;
}
