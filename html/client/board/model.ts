/**
 * The board as the dialog holds it: the server's columns, with cards moved at once (before the server answers) and
 * put back when it refuses. Counts, deal values and weighted values follow each card that moves.
 */

import type { Customer } from '../../../src/domain/customer';
import type { BoardColumn, PipelineBoard } from '../../../src/domain/results';

export interface CardAt {
  column: BoardColumn;
  index: number;
  customer: Customer;
}

/** Rounded to the cent, as the server's figures are (0.1 + 0.2 must not show 0.30000000000000004). */
function money(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

function dealValue(customer: Customer): number {
  return typeof customer.dealValue === 'number' && Number.isFinite(customer.dealValue) ? customer.dealValue : 0;
}

export function findCard(board: PipelineBoard, id: string): CardAt | null {
  for (const column of board.columns) {
    const index = column.customers.findIndex((c) => c.id === id);
    if (index >= 0) return { column, index, customer: column.customers[index] as Customer };
  }
  return null;
}

export function columnOf(board: PipelineBoard, status: string): BoardColumn | null {
  return board.columns.find((c) => c.status === status) ?? null;
}

export type CardMarks = BoardColumn['cards'][number];

/** What a card that just changed stage shows: 0 days in it, not stale (the Pipeline tab counts from the change). */
export const FRESH: CardMarks = { daysInStage: 0, stale: false };

/**
 * Takes the card `id` out of its column and puts `customer` (its new or current state) at the top of the column
 * of `customer.status`, where the user sees it land, with `marks`; the two columns' figures follow. Returns the
 * marks the card had (to put it back with them), or null when the card or its new column is not on the board.
 */
export function placeCard(board: PipelineBoard, id: string, customer: Customer, marks: CardMarks): CardMarks | null {
  const from = findCard(board, id);
  const to = columnOf(board, customer.status);
  if (!from || !to) return null;
  const { column, index } = from;
  const before = column.cards[index] ?? FRESH;
  column.customers.splice(index, 1);
  column.cards.splice(index, 1);
  column.count -= 1;
  column.value = money(column.value - dealValue(from.customer));
  column.weighted = money(column.value * column.probability);
  to.customers.unshift(customer);
  to.cards.unshift(marks);
  to.count += 1;
  to.value = money(to.value + dealValue(customer));
  to.weighted = money(to.value * to.probability);
  return before;
}
