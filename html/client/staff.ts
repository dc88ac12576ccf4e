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
  /** Asks for the staff list (once per page) and fills the options when it arrives. */
  load(): void;
}

/**
 * A <select> of the staff; "(me)" marks the user at the keyboard; default: me. `eager` loads the list at once
 * (the register form); otherwise `load()` does, when the form is opened (the card's closed "Edit details").
 */
export function ownerSelect(attrs: Record<string, string | null>, eager: boolean): OwnerSelect {
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

  let asked = false;
  function load(): void {
    if (asked) return;
    asked = true;
    // Before the list arrives the only choices are "Me" and the shown owner: nothing the user chose is lost here.
    void loadStaff().then((list) => {
      staff = list;
      render();
    });
  }

  render();
  if (eager) load();

  return {
    element,
    load,
    setValue(email) {
      wanted = email.trim().toLowerCase();
      render();
    },
  };
}
