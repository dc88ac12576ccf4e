/**
 * The Lost reason dropdown of the card's status form: shown only while Closed-lost is picked (the server requires a
 * reason from the Settings list for that move). The list comes from listLostReasons(), asked once per page and only
 * when Closed-lost is first picked; until it arrives (or if it fails) the dropdown offers the customer's own reason.
 */

import { CLOSED_LOST } from '../../../../src/domain/lostReasons';
import { h, replaceChildren } from '../../dom';
import { call } from '../../server';

let loading: Promise<string[] | null> | null = null;

function loadLostReasons(): Promise<string[] | null> {
  loading =
    loading ??
    call('listLostReasons').then(
      (result) => ('reasons' in result ? result.reasons : null),
      () => null,
    );
  return loading;
}

export interface LostReasonField {
  /** The labelled field (hidden unless Closed-lost is picked). */
  readonly element: HTMLDivElement;
  readonly select: HTMLSelectElement;
  /** The picked reason, or undefined when the status picked is not Closed-lost (nothing is sent then). */
  value(): string | undefined;
  /** Shows or hides the field for the picked status; `current` is the customer's stored reason. */
  follow(status: string, current: string): void;
}

export function lostReasonField(id: string, describedBy: string): LostReasonField {
  const select = h('select', { id, name: 'lostReason', 'aria-describedby': describedBy });
  const element = h('div', { class: 'field', hidden: true }, h('label', { for: id }, 'Lost reason'), select);
  let reasons: string[] = [];
  let wanted = '';

  function render(): void {
    const options = [h('option', { value: '' }, 'Choose a reason…')];
    const all = wanted !== '' && !reasons.includes(wanted) ? [...reasons, wanted] : reasons;
    for (const reason of all) options.push(h('option', { value: reason }, reason));
    replaceChildren(select, ...options);
    select.value = wanted;
  }
  select.addEventListener('change', () => {
    wanted = select.value;
  });

  return {
    element,
    select,
    value: () => (element.hidden ? undefined : select.value),
    follow(status, current) {
      const show = status === CLOSED_LOST;
      element.hidden = !show;
      if (!show) return;
      if (wanted === '') wanted = current;
      render();
      void loadLostReasons().then((list) => {
        if (list === null) return;
        reasons = list;
        render();
      });
    },
  };
}
