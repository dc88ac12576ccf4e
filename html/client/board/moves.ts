/**
 * Moving a card: each move is one updateCustomerStatus with the card's version. The card moves at once; a refusal
 * puts it back with the server's message on it; a conflict shows the stored customer where it now is and offers
 * to move it anyway (with the current version) or keep it; Closed-lost first asks the lost reason on the card.
 * Keyboard: arrow left/right choose the column, Enter moves (or opens the card when no move is chosen), Escape
 * cancels, arrow up/down go to the next card.
 */

import type { Customer } from '../../../src/domain/customer';
import type { PipelineBoard, SaveResult } from '../../../src/domain/results';
import type { Banner } from '../banner';
import { failureMessage } from '../failure';
import { errorsOf, pageMessages } from '../results';
import { call } from '../server';
import { type CardMarks, findCard, FRESH, placeCard } from './model';
import type { CardState } from './view';

const LOST = 'Closed-lost';

export interface MovesContext {
  board(): PipelineBoard | null;
  states: Map<string, CardState>;
  banner: Banner;
  announce(text: string): void;
  render(): void;
  focusCard(id: string, part?: string): void;
}

/** Where a card was before a move, to put it back exactly (customer and marks). */
interface Origin {
  customer: Customer;
  marks: CardMarks;
}

export function createMoves(ctx: MovesContext) {
  /** Cards moved but not settled yet (saving, asking a lost reason, in conflict): where they came from. */
  const origins = new Map<string, Origin>();

  function putBack(id: string): void {
    const board = ctx.board();
    const origin = origins.get(id);
    origins.delete(id);
    if (board && origin) placeCard(board, id, origin.customer, origin.marks);
  }

  /** Takes the card to `status` on screen (remembering where it came from), before the server is asked. */
  function relocate(id: string, status: string): Customer | null {
    const board = ctx.board();
    const at = board ? findCard(board, id) : null;
    if (!board || !at) return null;
    if (!origins.has(id)) origins.set(id, { customer: at.customer, marks: at.column.cards[at.index] ?? FRESH });
    if (at.customer.status !== status)
      placeCard(board, id, { ...at.customer, status: status as Customer['status'] }, FRESH);
    return (origins.get(id) as Origin).customer;
  }

  async function save(id: string, status: string, version: number, lostReason?: string): Promise<void> {
    if (!relocate(id, status)) return;
    const name = (origins.get(id) as Origin).customer.name;
    ctx.states.set(id, { kind: 'saving', status });
    ctx.render();
    let result: SaveResult;
    try {
      result = await call('updateCustomerStatus', id, status, version, undefined, lostReason);
    } catch (error) {
      refuse(id, failureMessage(`move ${name}`, error));
      return;
    }
    const board = ctx.board();
    if (!board || !findCard(board, id)) return; // the board was reloaded meanwhile: it shows the server's state
    if (result.ok) {
      origins.delete(id);
      placeCard(board, id, result.customer, FRESH);
      ctx.states.delete(id);
      ctx.announce(`${name} moved to ${result.customer.status}.`);
      ctx.render();
      return;
    }
    if ('conflict' in result && result.conflict) {
      const theirs = result.conflict;
      const marks =
        theirs.status === (origins.get(id) as Origin).customer.status ? (origins.get(id) as Origin).marks : FRESH;
      placeCard(board, id, theirs, marks);
      ctx.states.set(id, { kind: 'conflict', theirs, target: status });
      ctx.render();
      ctx.focusCard(id);
      return;
    }
    const errors = errorsOf(result) ?? {};
    if (status === LOST && errors.lostReason && Object.keys(errors).length === 1) {
      ctx.states.set(id, { kind: 'lostReason', error: errors.lostReason });
      ctx.render();
      ctx.focusCard(id, 'lost-reason');
      return;
    }
    refuse(id, `${name} was not moved: ${pageMessages(errors).join(' ') || 'the server refused the move.'}`);
  }

  function refuse(id: string, message: string): void {
    putBack(id);
    ctx.states.set(id, { kind: 'refused', message });
    ctx.banner.show('error', message);
    ctx.render();
    ctx.focusCard(id);
  }

  function move(id: string, status: string): void {
    const board = ctx.board();
    const at = board ? findCard(board, id) : null;
    const state = ctx.states.get(id);
    if (!at || state?.kind === 'saving' || state?.kind === 'lostReason') return;
    if (state?.kind === 'conflict') origins.delete(id); // the card is where the server says now: move from there
    if (at.customer.status === status) {
      ctx.states.delete(id);
      ctx.render();
      return;
    }
    ctx.banner.clear();
    if (status === LOST) {
      relocate(id, LOST);
      ctx.states.set(id, { kind: 'lostReason', error: '' });
      ctx.render();
      ctx.focusCard(id, 'lost-reason');
      return;
    }
    void save(id, status, at.customer.version);
  }

  return {
    move,

    chooseLostReason(id: string, reason: string): void {
      const origin = origins.get(id);
      if (!origin) return;
      // An empty choice is sent too: the server's lostReason message is the one shown.
      void save(id, LOST, origin.customer.version, reason);
    },

    cancelLostReason(id: string): void {
      putBack(id);
      ctx.states.delete(id);
      ctx.render();
      ctx.focusCard(id);
    },

    moveAnyway(id: string): void {
      const state = ctx.states.get(id);
      if (state?.kind !== 'conflict') return;
      origins.delete(id);
      ctx.states.delete(id);
      move(id, state.target);
    },

    /** Keeps the card as it is now (their values after a conflict, or where it was put back). */
    settle(id: string): void {
      origins.delete(id);
      ctx.states.delete(id);
      ctx.render();
      ctx.focusCard(id);
    },

    key(event: KeyboardEvent, id: string, open: (id: string) => void): void {
      const board = ctx.board();
      const at = board ? findCard(board, id) : null;
      if (!board || !at) return;
      const state = ctx.states.get(id);
      const statuses = board.columns.map((c) => c.status as string);
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        if (state && state.kind !== 'target' && state.kind !== 'refused' && state.kind !== 'conflict') return;
        const from = state?.kind === 'target' ? state.status : at.customer.status;
        const next = statuses.indexOf(from) + (event.key === 'ArrowRight' ? 1 : -1);
        const target = statuses[Math.max(0, Math.min(statuses.length - 1, next))] as string;
        if (target === at.customer.status) ctx.states.delete(id);
        else ctx.states.set(id, { kind: 'target', status: target });
        ctx.render();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (state?.kind === 'target') move(id, state.status);
        else if (!state || state.kind === 'refused') open(id);
      } else if (event.key === 'Escape' && state?.kind === 'target') {
        event.preventDefault();
        event.stopPropagation();
        ctx.states.delete(id);
        ctx.render();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = at.column.customers[at.index + (event.key === 'ArrowDown' ? 1 : -1)];
        if (next) ctx.focusCard(next.id);
      }
    },
  };
}
