/** What the sidebar gives each of its views: the page banner and navigation to a customer's card. */

import type { Customer, HistoryEvent } from '../../../src/domain/customer';
import type { Banner } from '../banner';

export interface ViewContext {
  readonly banner: Banner;
  /**
   * Shows the card of customer `id`; `known` (when given) is shown at once while the card loads, and with
   * `history` (the events a save just returned) nothing needs loading at all.
   */
  openCustomer(id: string, known?: Customer, history?: HistoryEvent[]): void;
}
