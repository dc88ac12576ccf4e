/**
 * Pipeline board dialog entry point (CRM ▸ Pipeline board): loads getPipelineBoard once, draws it, and moves cards
 * by drag and drop or by keyboard (moves.ts). The owner filter and "show more" ask the server again.
 */

import type { PipelineBoard } from '../../../src/domain/results';
import { createBanner } from '../banner';
import { h, replaceChildren } from '../dom';
import { failureMessage } from '../failure';
import { errorsOf, pageMessages } from '../results';
import { call, closeHost } from '../server';
import { createMoves } from './moves';
import { BOARD_HELP_ID, type BoardHandlers, type CardState, renderBoard } from './view';

/** Cards per column at first, and how many more each "show more" asks for. */
const PAGE = 50;
/** The owner filter's value for "everyone" (the server's default) and for "mine". */
const EVERYONE = '';
const MINE = '@me';

function main(): void {
  const banner = createBanner();
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const filter = h('select', { id: 'board-owner', class: 'board-owner' }, h('option', { value: EVERYONE }, 'Everyone'));
  const summary = h('p', { class: 'board-summary muted small' });
  const area = h('div', { class: 'board-area' }, h('p', { class: 'muted' }, 'Loading the board…'));
  const states = new Map<string, CardState>();
  const loadingMore = new Set<string>();
  let board: PipelineBoard | null = null;
  let perStage = PAGE;
  let loads = 0;

  const ownerOption = (): string => (filter.value === MINE ? (board?.me ?? '') : filter.value);

  function fillFilter(loaded: PipelineBoard): void {
    const chosen = filter.value;
    replaceChildren(
      filter,
      h('option', { value: EVERYONE }, 'Everyone'),
      loaded.me ? h('option', { value: MINE }, `Mine (${loaded.me})`) : null,
      ...loaded.staff.map((email) => h('option', { value: email }, email)),
    );
    filter.value = [...filter.options].some((o) => o.value === chosen) ? chosen : EVERYONE;
  }

  /** True while a card is being dragged: drawing again would take the dragged card away and end the drag. */
  let dragging = false;
  let renderAfterDrag = false;

  /** Draws the board again, keeping the focus on the card (or its control) that had it and every column's scroll. */
  function render(): void {
    if (!board) return;
    if (dragging) {
      renderAfterDrag = true;
      return;
    }
    const active = document.activeElement as HTMLElement | null;
    const cardId = active?.closest<HTMLElement>('.board-card')?.dataset.id;
    const part = active?.dataset.part;
    const scrolls = new Map<string, number>();
    for (const cards of area.querySelectorAll<HTMLElement>('.board-column')) {
      scrolls.set(cards.dataset.status ?? '', cards.querySelector('.column-cards')?.scrollTop ?? 0);
    }
    const scrollLeft = area.scrollLeft;
    const total = board.columns.reduce((n, c) => n + c.count, 0);
    summary.textContent = `${total.toLocaleString()} customers; stale = no change for more than ${board.staleDays} days.`;
    replaceChildren(area, renderBoard({ board, today: board.today, states, loadingMore }, handlers));
    area.scrollLeft = scrollLeft;
    for (const column of area.querySelectorAll<HTMLElement>('.board-column')) {
      const cards = column.querySelector<HTMLElement>('.column-cards');
      if (cards) cards.scrollTop = scrolls.get(column.dataset.status ?? '') ?? 0;
    }
    if (cardId) focusCard(cardId, part);
  }

  function focusCard(id: string, part?: string): void {
    const cardElement = area.querySelector<HTMLElement>(`.board-card[data-id="${CSS.escape(id)}"]`);
    if (!cardElement) return;
    const inner = part ? cardElement.querySelector<HTMLElement>(`[data-part="${part}"]`) : null;
    (inner ?? cardElement).focus();
  }

  async function load(): Promise<void> {
    const mine = ++loads;
    try {
      const owner = ownerOption();
      const result = await call('getPipelineBoard', { owner, perStage });
      if (mine !== loads) return; // a newer filter or "show more" has been asked for since
      const errors = errorsOf(result);
      if (errors || !('columns' in result)) {
        banner.show('error', pageMessages(errors ?? {}));
        return;
      }
      board = result;
      states.clear();
      fillFilter(result);
      render();
    } catch (error) {
      if (mine === loads) banner.show('error', failureMessage('load the board', error));
    } finally {
      if (mine === loads) {
        loadingMore.clear();
        render();
      }
    }
  }

  const moves = createMoves({
    board: () => board,
    states,
    banner,
    announce: (text) => {
      live.textContent = text;
    },
    render,
    focusCard,
  });

  const handlers: BoardHandlers = {
    open: (id) => {
      const state = states.get(id);
      if (state && state.kind !== 'refused') return; // a card waiting for an answer is not left behind
      banner.clear();
      call('openCustomerSidebar', id).then(closeHost, (error) =>
        banner.show('error', failureMessage('open the customer', error)),
      );
    },
    drop: (id, status) => moves.move(id, status),
    dragging: (on) => {
      dragging = on;
      if (!on && renderAfterDrag) {
        renderAfterDrag = false;
        render();
      }
    },
    key: (event, id) => moves.key(event, id, handlers.open),
    chooseLostReason: (id, reason) => moves.chooseLostReason(id, reason),
    cancelLostReason: (id) => moves.cancelLostReason(id),
    moveAnyway: (id) => moves.moveAnyway(id),
    keepTheirs: (id) => moves.settle(id),
    dismiss: (id) => moves.settle(id),
    showMore: (status) => {
      loadingMore.add(status);
      perStage = Math.max(perStage, (board?.columns.find((c) => c.status === status)?.customers.length ?? 0) + PAGE);
      render();
      void load();
    },
  };

  filter.addEventListener('change', () => {
    perStage = PAGE;
    void load();
  });

  document.body.append(
    banner.element,
    h(
      'main',
      { class: 'view dialog board' },
      h(
        'div',
        { class: 'board-toolbar' },
        h('label', { for: 'board-owner' }, 'Owner'),
        filter,
        summary,
        live,
        h(
          'p',
          { id: BOARD_HELP_ID, class: 'board-help muted small' },
          'Drag a card to another stage, or focus it and use ← → to choose a stage and Enter to move it (Escape cancels). Click or Enter opens the customer in the sidebar.',
        ),
      ),
      area,
    ),
  );
  void load();
}

main();
