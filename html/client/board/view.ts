/**
 * Draws the board: one column per stage (count, deal value, weighted value), its cards (name, company, value,
 * owner, next step and due date, days in stage; overdue and stale marked) and, on a card, what it is waiting for
 * (a keyboard move to confirm, a lost reason, a conflict to settle, a refusal). Text goes in as text only (h()).
 */

import type { Customer } from '../../../src/domain/customer';
import type { BoardColumn, PipelineBoard } from '../../../src/domain/results';
import { h, uniqueId } from '../dom';
import { formatDateTime, formatDay, formatDealValue } from '../format';
import type { CardMarks } from './model';

/** What a card is waiting for, drawn on it. */
export type CardState =
  | { kind: 'target'; status: string }
  | { kind: 'saving'; status: string }
  | { kind: 'lostReason'; error: string }
  | { kind: 'conflict'; theirs: Customer; target: string }
  | { kind: 'refused'; message: string };

export interface BoardHandlers {
  open(id: string): void;
  drop(id: string, status: string): void;
  /** A drag started (true) or ended (false). */
  dragging(on: boolean): void;
  key(event: KeyboardEvent, id: string): void;
  chooseLostReason(id: string, reason: string): void;
  cancelLostReason(id: string): void;
  moveAnyway(id: string): void;
  keepTheirs(id: string): void;
  dismiss(id: string): void;
  showMore(status: string): void;
}

export interface BoardView {
  board: PipelineBoard;
  today: string;
  states: ReadonlyMap<string, CardState>;
  /** Columns a "show more" is loading. */
  loadingMore: ReadonlySet<string>;
}

const DRAG_TYPE = 'text/plain';

/** The id of the page's one line on how to move a card by keyboard (main.ts draws it; every card points to it). */
export const BOARD_HELP_ID = 'board-help';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function figures(column: BoardColumn): HTMLElement {
  return h(
    'p',
    { class: 'column-figures' },
    h('span', { class: 'column-count' }, plural(column.count, 'deal', 'deals')),
    ' · ',
    h('span', { class: 'column-value', title: 'Deal value' }, formatDealValue(column.value)),
    ' · ',
    h('span', { class: 'column-weighted', title: 'Weighted value' }, `weighted ${formatDealValue(column.weighted)}`),
  );
}

function cardDetails(customer: Customer, marks: CardMarks, today: string): HTMLElement[] {
  const lines: HTMLElement[] = [h('p', { class: 'card-name' }, customer.name)];
  if (customer.company) lines.push(h('p', { class: 'card-company muted' }, customer.company));
  const value = formatDealValue(customer.dealValue);
  lines.push(
    h(
      'p',
      { class: 'card-line small' },
      value ? h('span', { class: 'card-value' }, value) : null,
      value && customer.owner ? ' · ' : null,
      customer.owner ? h('span', { class: 'card-owner muted' }, customer.owner) : null,
    ),
  );
  if (customer.nextStep || customer.nextStepDue) {
    const overdue = customer.nextStepDue !== '' && customer.nextStepDue < today;
    lines.push(
      h(
        'p',
        { class: 'card-next small' },
        customer.nextStep ? `Next: ${customer.nextStep}` : 'Next step',
        customer.nextStepDue ? ` · due ${formatDay(customer.nextStepDue)}` : null,
        overdue ? h('span', { class: 'mark mark-overdue' }, 'overdue') : null,
      ),
    );
  }
  if (marks.daysInStage !== null || marks.stale) {
    lines.push(
      h(
        'p',
        { class: 'card-days small muted' },
        marks.daysInStage === null ? null : `${plural(marks.daysInStage, 'day', 'days')} in stage`,
        marks.stale ? h('span', { class: 'mark mark-stale' }, 'stale') : null,
      ),
    );
  }
  return lines;
}

function stateBlock(id: string, customer: Customer, state: CardState, view: BoardView, on: BoardHandlers): HTMLElement {
  const button = (label: string, action: () => void, attrs: Record<string, string> = {}): HTMLButtonElement => {
    const b = h('button', { type: 'button', ...attrs }, label);
    b.addEventListener('click', (event) => {
      event.stopPropagation();
      action();
    });
    return b;
  };
  switch (state.kind) {
    case 'target':
      return h(
        'p',
        { class: 'card-state card-target', role: 'status' },
        `Move to ${state.status}? Enter moves it, Escape cancels.`,
      );
    case 'saving':
      return h('p', { class: 'card-state card-saving', role: 'status' }, `Moving to ${state.status}…`);
    case 'lostReason': {
      const selectId = uniqueId('lost-reason');
      const errorId = uniqueId('lost-reason-error');
      const select = h(
        'select',
        {
          id: selectId,
          class: 'lost-reason',
          'data-part': 'lost-reason',
          'aria-describedby': state.error ? errorId : null,
        },
        h('option', { value: '' }, 'Choose a reason…'),
        ...view.board.lostReasons.map((reason) => h('option', { value: reason }, reason)),
      );
      select.addEventListener('click', (event) => event.stopPropagation());
      select.addEventListener('keydown', (event) => {
        event.stopPropagation();
        if (event.key === 'Enter') on.chooseLostReason(id, select.value);
        if (event.key === 'Escape') on.cancelLostReason(id);
      });
      return h(
        'div',
        { class: 'card-state card-lost', role: 'group', 'aria-label': `Why was ${customer.name} lost?` },
        h('label', { for: selectId }, 'Lost reason'),
        select,
        state.error ? h('p', { id: errorId, class: 'field-error', role: 'alert' }, state.error) : null,
        h(
          'div',
          { class: 'card-actions' },
          button('Move to Closed-lost', () => on.chooseLostReason(id, select.value), { class: 'primary' }),
          button('Cancel', () => on.cancelLostReason(id), { class: 'secondary' }),
        ),
      );
    }
    case 'conflict': {
      const theirs = state.theirs;
      const who = [theirs.updatedBy ? `by ${theirs.updatedBy}` : '', formatDateTime(theirs.updatedAt)]
        .filter((p) => p !== '')
        .join(', ');
      return h(
        'div',
        { class: 'card-state notice notice-warning conflict', role: 'alert' },
        h('p', { class: 'notice-title' }, 'Someone else changed this customer first.'),
        h(
          'p',
          {},
          `Nothing was moved. It is now in ${theirs.status} (version ${theirs.version}${who ? `, ${who}` : ''}); the card shows their values.`,
        ),
        h(
          'div',
          { class: 'card-actions' },
          button(`Move to ${state.target} anyway`, () => on.moveAnyway(id), { class: 'primary' }),
          button('Keep theirs', () => on.keepTheirs(id), { class: 'secondary' }),
        ),
      );
    }
    case 'refused':
      return h(
        'div',
        { class: 'card-state notice notice-error', role: 'alert' },
        h('p', {}, state.message),
        button('Dismiss', () => on.dismiss(id), { class: 'link' }),
      );
  }
}

function card(customer: Customer, marks: CardMarks, view: BoardView, on: BoardHandlers): HTMLElement {
  const state = view.states.get(customer.id);
  const busy = state?.kind === 'saving';
  const element = h(
    'article',
    {
      class: `board-card${marks.stale ? ' is-stale' : ''}${state ? ` is-${state.kind}` : ''}`,
      tabindex: 0,
      draggable: busy ? 'false' : 'true',
      role: 'listitem',
      'data-id': customer.id,
      'aria-busy': busy ? 'true' : null,
      'aria-describedby': BOARD_HELP_ID,
    },
    ...cardDetails(customer, marks, view.today),
    state ? stateBlock(customer.id, customer, state, view, on) : null,
  );
  element.addEventListener('click', () => on.open(customer.id));
  element.addEventListener('keydown', (event) => {
    if (event.target === element) on.key(event, customer.id);
  });
  element.addEventListener('dragstart', (event) => {
    event.dataTransfer?.setData(DRAG_TYPE, customer.id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    element.classList.add('is-dragging');
    on.dragging(true);
  });
  element.addEventListener('dragend', () => {
    element.classList.remove('is-dragging');
    on.dragging(false);
  });
  return element;
}

function column(col: BoardColumn, view: BoardView, on: BoardHandlers): HTMLElement {
  const titleId = uniqueId('column');
  const targeted = [...view.states.values()].some((s) => s.kind === 'target' && s.status === col.status);
  const cards = h('div', { class: 'column-cards', role: 'list', 'aria-labelledby': titleId });
  col.customers.forEach((customer, i) => {
    cards.append(card(customer, col.cards[i] ?? { daysInStage: null, stale: false }, view, on));
  });
  const more = col.count - col.customers.length;
  const element = h(
    'section',
    { class: `board-column${targeted ? ' is-target' : ''}`, 'data-status': col.status, 'aria-labelledby': titleId },
    h('header', { class: 'column-head' }, h('h2', { id: titleId }, col.status), figures(col)),
    cards,
  );
  if (more > 0) {
    const loading = view.loadingMore.has(col.status);
    const button = h(
      'button',
      { type: 'button', class: 'show-more', disabled: loading },
      loading ? 'Loading…' : `Show more (${more.toLocaleString()} not shown)`,
    );
    button.addEventListener('click', () => on.showMore(col.status));
    element.append(button);
  }
  element.addEventListener('dragover', (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    element.classList.add('is-drop');
  });
  element.addEventListener('dragleave', (event) => {
    if (!element.contains(event.relatedTarget as Node | null)) element.classList.remove('is-drop');
  });
  element.addEventListener('drop', (event) => {
    event.preventDefault();
    element.classList.remove('is-drop');
    const id = event.dataTransfer?.getData(DRAG_TYPE) ?? '';
    // The drag is over once dropped: the move draws the board at once (dragend comes later, on a removed card).
    on.dragging(false);
    if (id !== '') on.drop(id, col.status);
  });
  return element;
}

export function renderBoard(view: BoardView, on: BoardHandlers): HTMLElement {
  return h('div', { class: 'board-columns' }, ...view.board.columns.map((col) => column(col, view, on)));
}
