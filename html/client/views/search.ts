/** Sidebar Search view: the shared type-ahead; opening a result shows its card in the sidebar. */

import { h } from '../dom';
import { createTypeahead } from '../typeahead';
import type { ViewContext } from './context';

export interface SearchView {
  readonly element: HTMLElement;
  focus(): void;
}

export function searchView(ctx: ViewContext): SearchView {
  const typeahead = createTypeahead({
    banner: ctx.banner,
    limit: 20,
    onOpen: (customer) => ctx.openCustomer(customer.id, customer),
  });
  const element = h('div', { class: 'search-view' }, h('h2', {}, 'Find a customer'), typeahead.element);
  return { element, focus: () => typeahead.focus() };
}
