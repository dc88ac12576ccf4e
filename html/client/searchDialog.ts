/**
 * Search dialog entry point (CRM ▸ Search customers): the shared type-ahead; opening a result asks the
 * server to show that customer's card in the sidebar (openCustomerSidebar) and closes the dialog.
 */

import { createBanner } from './banner';
import { h } from './dom';
import { call, closeHost } from './server';
import { createTypeahead } from './typeahead';

function main(): void {
  const banner = createBanner();
  const typeahead = createTypeahead({
    banner,
    limit: 20,
    onOpen: async (customer) => {
      banner.clear();
      await call('openCustomerSidebar', customer.id);
      closeHost();
    },
  });
  document.body.append(banner.element, h('main', { class: 'view dialog' }, typeahead.element));
  typeahead.focus();
}

main();
