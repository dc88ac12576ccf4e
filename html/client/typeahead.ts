/**
 * Customer type-ahead search, shared by the sidebar's Search view and the search dialog.
 * Calls searchCustomers after a ~250 ms pause in typing, keeps at most one call in flight (the latest
 * query is sent when it returns) and ignores responses to a query that is no longer in the box.
 * Keyboard: ↑/↓ move through results, Enter opens, Escape clears.
 */

import type { Customer } from '../../src/domain/customer';
import type { Banner } from './banner';
import { h, replaceChildren, uniqueId } from './dom';
import { failureMessage } from './failure';
import { errorsOf, pageMessages } from './results';
import { call } from './server';
import { statusSelect } from './statusSelect';
import { customerSummary } from './summary';

export interface TypeaheadOptions {
  banner: Banner;
  /** Opens a result; while a returned promise is pending the row shows it is busy and other opens wait. */
  onOpen(customer: Customer): void | Promise<void>;
  limit?: number;
  debounceMs?: number;
}

export interface Typeahead {
  readonly element: HTMLElement;
  focus(): void;
}

export function createTypeahead(options: TypeaheadOptions): Typeahead {
  const { banner } = options;
  const limit = options.limit ?? 20;
  const debounceMs = options.debounceMs ?? 250;
  const listId = uniqueId('results');
  const inputId = uniqueId('search');
  const filterId = uniqueId('status-filter');

  const input = h('input', {
    id: inputId,
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Name, company, e-mail or phone',
  });
  const filter = statusSelect(filterId, '', 'All statuses');
  const info = h('p', { class: 'search-info muted', 'aria-live': 'polite' }, 'Type to search.');
  const list = h('ul', { class: 'results', id: listId, role: 'listbox', 'aria-label': 'Customers found' });
  const element = h(
    'div',
    { class: 'typeahead' },
    h(
      'div',
      { class: 'typeahead-controls' },
      h('div', { class: 'field' }, h('label', { for: inputId }, 'Search customers'), input),
      h('div', { class: 'field' }, h('label', { for: filterId }, 'Status'), filter),
    ),
    info,
    list,
  );

  let results: Customer[] = [];
  let rows: HTMLLIElement[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  /** A search was due while another was in flight: send the latest query when it returns. */
  let queued = false;
  /** Key of the query whose results are on screen. */
  let shownKey = '';
  let opening = false;

  const query = (): string => input.value.trim();
  const keyOf = (): string => JSON.stringify([query(), filter.value]);

  function setActive(index: number): void {
    // -1 = none highlighted (Enter then opens the first result).
    active = rows.length === 0 ? -1 : Math.max(-1, Math.min(index, rows.length - 1));
    rows.forEach((row, i) => {
      row.setAttribute('aria-selected', String(i === active));
    });
    const row = rows[active];
    if (row) {
      input.setAttribute('aria-activedescendant', row.id);
      row.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function showResults(found: Customer[], total: number): void {
    results = found;
    rows = found.map((customer, index) => {
      const row = h(
        'li',
        { id: `${listId}-${index}`, role: 'option', 'aria-selected': 'false', class: 'result' },
        customerSummary(customer),
      );
      row.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the box
      row.addEventListener('click', () => void open(index));
      return row;
    });
    replaceChildren(list, ...rows);
    active = -1;
    setActive(-1);
    input.setAttribute('aria-expanded', String(rows.length > 0));
    if (found.length === 0) info.textContent = `No customer matches “${query()}”.`;
    else if (total > found.length)
      info.textContent = `Showing ${found.length} of ${total} matches: type more to narrow them down.`;
    else info.textContent = found.length === 1 ? '1 customer found.' : `${found.length} customers found.`;
  }

  function clearResults(message: string): void {
    results = [];
    rows = [];
    shownKey = '';
    replaceChildren(list);
    setActive(-1);
    input.setAttribute('aria-expanded', 'false');
    info.textContent = message;
  }

  function send(): void {
    timer = undefined;
    if (inFlight) {
      queued = true;
      return;
    }
    const text = query();
    const key = keyOf();
    if (text === '' || key === shownKey) return;
    inFlight = true;
    info.textContent = 'Searching…';
    const status = filter.value;
    call('searchCustomers', text, status ? { limit, status } : { limit })
      .then(
        (result) => {
          if (key !== keyOf()) return; // stale: the box changed since this was sent
          const errors = errorsOf(result);
          if (errors || !('results' in result)) {
            clearResults('Search is not available.');
            banner.show(
              'error',
              pageMessages(errors ?? {}).length > 0 ? pageMessages(errors ?? {}) : 'Search failed. Please try again.',
            );
            return;
          }
          banner.clear();
          shownKey = key;
          showResults(result.results, result.total);
        },
        (error: unknown) => {
          if (key !== keyOf()) return;
          info.textContent = 'Search failed.';
          banner.show('error', failureMessage('search', error));
        },
      )
      .finally(() => {
        inFlight = false;
        if (queued) {
          queued = false;
          send();
        }
      });
  }

  function schedule(delay: number): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (query() === '') {
      queued = false;
      clearResults('Type to search.');
      return;
    }
    timer = setTimeout(send, delay);
  }

  async function open(index: number): Promise<void> {
    const customer = results[index];
    const row = rows[index];
    if (!customer || !row || opening) return;
    setActive(index);
    opening = true;
    row.classList.add('is-busy');
    row.setAttribute('aria-busy', 'true');
    try {
      await options.onOpen(customer);
    } catch (error) {
      banner.show('error', failureMessage('open the customer', error));
    } finally {
      opening = false;
      row.classList.remove('is-busy');
      row.removeAttribute('aria-busy');
    }
  }

  input.addEventListener('input', () => schedule(debounceMs));
  filter.addEventListener('change', () => schedule(0));
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive(active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive(Math.max(active - 1, 0));
        break;
      case 'Enter':
        event.preventDefault();
        // Results of an older query are on screen: search now instead of opening the wrong one.
        if (keyOf() !== shownKey) schedule(0);
        else void open(Math.max(active, 0));
        break;
      case 'Escape':
        if (input.value !== '' || rows.length > 0) {
          event.preventDefault();
          event.stopPropagation();
          input.value = '';
          schedule(0);
        }
        break;
      default:
        break;
    }
  });

  return { element, focus: () => input.focus() };
}
