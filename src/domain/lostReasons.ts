/**
 * THE lost-reason rule, one function every path calls (sidebar saves, register, import, hand edits seen by onEdit):
 * a customer in `Closed-lost` carries a reason from the `Lost reasons` list in Settings, stored as the list spells it
 * (input matched case-insensitively); any other status carries none (leaving Closed-lost clears it; History keeps
 * the old value as an ordinary field change).
 *
 * The API refuses a missing or unknown reason (`strictLostReason` → errors.lostReason, nothing written). Import and
 * a hand edit cannot be refused that way (the row is already in the old sheet, the cell already typed), so they take
 * the lenient reading (`lenientLostReason`): the status is kept, the reason left empty, and a warning says so.
 */

import type { CustomerFields } from './customer';
import type { Status } from './statuses';

export const CLOSED_LOST: Status = 'Closed-lost';

/** Settings header of the list (one reason per row below it). */
export const LOST_REASONS_HEADER = 'Lost reasons';

export const DEFAULT_LOST_REASONS: readonly string[] = Object.freeze([
  'Price',
  'Timing',
  'Chose a competitor',
  'No budget',
  'No response',
  'Other',
]);

/** The list's own spelling of `input` (trimmed, case-insensitive), or null when it is not in the list. */
export function matchLostReason(input: string, list: readonly string[]): string | null {
  const key = input.trim().toLowerCase();
  if (key === '') return null;
  return list.find((reason) => reason.trim().toLowerCase() === key) ?? null;
}

/** What the rule decided for one change. */
export type LostReasonVerdict =
  /** The reason the customer carries after the change ('' outside Closed-lost). */
  { ok: true; lostReason: string } | { ok: false; problem: 'missing' | 'unknown' | 'notLost'; message: string };

export interface LostReasonChange {
  /** Status and reason before the change; null for a new customer. */
  before: { status: Status; lostReason: string } | null;
  /** Status after the change. */
  status: Status;
  /** The reason the change gives; undefined when it gives none (an update that does not touch it). */
  given: string | undefined;
}

function listText(list: readonly string[]): string {
  return list.length > 0 ? list.join(', ') : '(the list in Settings is empty: ask the owner to fill it)';
}

/** The rule itself: what reason the customer carries after `change`, or why it cannot. */
export function decideLostReason(change: LostReasonChange, list: () => readonly string[]): LostReasonVerdict {
  const given = (change.given ?? '').trim();
  if (change.status !== CLOSED_LOST) {
    if (given !== '') {
      return {
        ok: false,
        problem: 'notLost',
        message: `Lost reason is only for customers moved to ${CLOSED_LOST}; this one is going to ${change.status}.`,
      };
    }
    return { ok: true, lostReason: '' };
  }
  if (given === '') {
    // Already Closed-lost and the change does not name a reason: it keeps what it has. The rule is about MOVING
    // to Closed-lost; a customer put there by hand or by import without one can still be edited (its reason is
    // then asked for when someone picks one, or counted as "(no reason given)").
    if (change.given === undefined && change.before?.status === CLOSED_LOST) {
      return { ok: true, lostReason: change.before.lostReason };
    }
    return {
      ok: false,
      problem: 'missing',
      message: `Lost reason is required for ${CLOSED_LOST}: choose one of ${listText(list())}.`,
    };
  }
  const matched = matchLostReason(given, list());
  if (matched !== null) return { ok: true, lostReason: matched };
  const shown = given.length > 60 ? `${given.slice(0, 60)}…` : given;
  return {
    ok: false,
    problem: 'unknown',
    message: `Lost reason "${shown}" is not in the list: choose one of ${listText(list())}.`,
  };
}

/**
 * The API's reading: `fields` with the reason the rule decided, or the field error. `before` null = a new customer.
 * The Settings list is asked for only when the change needs it (the getter may read a tab).
 */
export function strictLostReason(
  before: { status: Status; lostReason: string } | null,
  fields: Partial<CustomerFields>,
  list: () => readonly string[],
): { ok: true; fields: Partial<CustomerFields> } | { ok: false; errors: { lostReason: string } } {
  const status = fields.status ?? before?.status ?? 'Lead';
  const verdict = decideLostReason({ before, status, given: fields.lostReason }, list);
  if (!verdict.ok) return { ok: false, errors: { lostReason: verdict.message } };
  // A copy without the key when the reason stays as it is (an undefined value would blank it when spread).
  const { lostReason: _given, ...rest } = fields;
  const unchanged = before !== null && verdict.lostReason === before.lostReason;
  return { ok: true, fields: unchanged ? rest : { ...rest, lostReason: verdict.lostReason } };
}

/**
 * Import and hand edits: never refused. The reason to store ('' when missing or unknown: a hand-typed reason
 * outside the list is kept as typed, since the person typed it into the cell) and, when there is one, a warning.
 */
export function lenientLostReason(
  change: LostReasonChange,
  list: () => readonly string[],
): { lostReason: string; warning: string | null } {
  const verdict = decideLostReason(change, list);
  if (verdict.ok) return { lostReason: verdict.lostReason, warning: null };
  if (verdict.problem === 'missing') {
    return {
      lostReason: '',
      warning: `${CLOSED_LOST} without a lost reason: it counts as "${NO_LOST_REASON}" until one is chosen in the sidebar.`,
    };
  }
  if (verdict.problem === 'unknown') {
    return { lostReason: (change.given ?? '').trim(), warning: `${verdict.message} It was kept as typed.` };
  }
  return { lostReason: '', warning: null };
}

/** How the Pipeline tab's Lost reasons table shows a Closed-lost customer without a reason. */
export const NO_LOST_REASON = '(no reason given)';

/**
 * Import (never refused): a row imported as Closed-lost has no reason (the old sheet has no such list), so it is
 * imported with the reason empty and reported in `warnings`. Merges never change a status, so they need no rule.
 */
export function warnImportedLostRows(plan: {
  toImport: readonly { row: number; fields: { status: Status; lostReason: string } }[];
  warnings: { row: number; reason: string }[];
}): void {
  let added = false;
  for (const planned of plan.toImport) {
    const { status, lostReason } = planned.fields;
    const checked = lenientLostReason({ before: null, status, given: lostReason }, () => []);
    planned.fields.lostReason = checked.lostReason;
    if (checked.warning === null) continue;
    plan.warnings.push({ row: planned.row, reason: `Row ${planned.row}: ${checked.warning}` });
    added = true;
  }
  if (added) plan.warnings.sort((a, b) => a.row - b.row);
}

/**
 * A hand edit (onEdit) that moved the status: the same rule, read leniently. Leaving Closed-lost (any status but
 * Closed-lost) clears a reason left in the row; arriving in Closed-lost without one keeps the row as typed and
 * warns (the reason is then chosen in the sidebar). A reason typed by hand is logged like any edit, as typed.
 */
export function handEditLostReason(
  status: { from: string; to: string } | null,
  reasonCell: string,
): { clear: boolean; warning: string | null } {
  if (status === null || status.from === status.to) return { clear: false, warning: null };
  const checked = lenientLostReason(
    { before: null, status: status.to as Status, given: reasonCell },
    () => [reasonCell.trim()], // the reason in the cell stands as typed: a hand edit is not refused
  );
  return { clear: reasonCell.trim() !== '' && checked.lostReason === '', warning: checked.warning };
}
