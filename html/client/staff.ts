/**
 * The staff list for Owner dropdowns: listStaff() is asked once per page (it changes only when the admin runs
 * Set up), and every Owner <select> fills itself from that one answer. Until it arrives — or if it fails — the
 * select offers "Me", whose value '' the server reads as the user at the keyboard.
 */

import type { StaffList } from '../../src/domain/results';
import { h, replaceChildren } from './dom';
import { call } from './server';

let loading: Promise<StaffList | null> | null = null;

/** The staff list, or null when it could not be loaded (the dropdown then keeps "Me" and any shown owner). */
export function loadStaff(): Promise<StaffList | null> {
  loading =
    loading ??
    call('listStaff').then(
      (result) => ('staff' in result ? result : null),
      () => null,
    );
  return loading;
}

export interface OwnerSelect {
  readonly element: HTMLSelectElement;
  /** Shows `email` selected ('' = me); an owner not on the staff list is added so it is never lost. */
  setValue(email: string): void;
}

/** A <select> of the staff; "(me)" marks the user at the keyboard; default: me. */
export function ownerSelect(attrs: Record<string, string | null>): OwnerSelect {
  const element = h('select', attrs);
  let staff: StaffList | null = null;
  /** The wanted value, kept while the list loads. */
  let wanted = '';

  function render(): void {
    const emails = staff ? [...staff.staff] : [];
    const me = staff?.me ?? '';
    const options: HTMLOptionElement[] = [];
    if (!staff || me === '' || !emails.includes(me)) options.push(h('option', { value: '' }, 'Me'));
    for (const email of emails) options.push(h('option', { value: email }, email === me ? `${email} (me)` : email));
    const target = wanted === '' && me !== '' && emails.includes(me) ? me : wanted;
    if (target !== '' && !emails.includes(target)) options.push(h('option', { value: target }, target));
    replaceChildren(element, ...options);
    element.value = target;
  }

  render();
  // Before the list arrives the only choice is "Me", so nothing the user chose can be lost here.
  void loadStaff().then((list) => {
    staff = list;
    render();
  });

  return {
    element,
    setValue(email) {
      wanted = email.trim().toLowerCase();
      render();
    },
  };
}
