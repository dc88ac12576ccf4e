/** What the sidebar gives each of its views: the page banner and navigation to a customer's card. */

import type { Customer } from '../../../src/domain/customer';
import type { Banner } from '../banner';

export interface ViewContext {
  readonly banner: Banner;
  /** Shows the card of customer `id`; `known` (when given) is shown at once while the card loads. */
  openCustomer(id: string, known?: Customer): void;
}
