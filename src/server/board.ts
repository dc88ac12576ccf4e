/** The Pipeline board: getPipelineBoard (one read of Customers and Settings) and the dialog that shows it. */

import type { SidebarState } from '../domain/api';
import { buildBoard, DEFAULT_PER_STAGE, MAX_PER_STAGE } from '../domain/board';
import { effectiveStaleDays } from '../domain/pipeline/summary';
import type { Failure, PipelineBoard } from '../domain/results';
import { normaliseEmail } from '../domain/text';
import { checkedField, checkText, integerOptionSchema, issue, OWNER_MAX, parseOptions } from '../domain/validation';
import * as z from 'zod/mini';
import { pipelineRows } from '../sheets/customerRecords';
import { CustomersTable } from '../sheets/customersTable';
import { failure } from './failure';
import { handleRead } from './guard';
import { staffChoices } from './myWork';
import { page } from './ui';

const boardOptionsSchema = z.strictObject({
  // Text only, as listFollowUps' owner (a number is a client's mistake, not an e-mail). '' and '*' (listFollowUps'
  // "everyone") both mean everyone, the board's default.
  owner: checkedField((raw, ctx): string | null => {
    const checked = checkText(raw, { label: 'Owner filter', max: OWNER_MAX, textOnly: true });
    if (!checked.ok) return issue(ctx, checked.message);
    return checked.value === '' || checked.value === '*' ? null : checked.value.toLowerCase();
  }),
  perStage: integerOptionSchema('Cards per stage', 1, MAX_PER_STAGE, DEFAULT_PER_STAGE),
});

/**
 * The dialog's size: Google's reference gives no maximum; a dialog larger than the window is fitted to it (modelled
 * as the reference is silent), so the board asks for a wide screen's worth and uses what it gets (CSS fits the page).
 */
const BOARD_WIDTH = 1600;
const BOARD_HEIGHT = 900;

/** Options { owner?, perStage? } → every stage's figures and its stalest cards. */
export function getPipelineBoard(options?: unknown): PipelineBoard | Failure {
  return handleRead((ctx): PipelineBoard | Failure => {
    const parsed = parseOptions(boardOptionsSchema, options);
    if (!parsed.ok) return failure(parsed.errors);
    const table = CustomersTable.open(ctx.ss, ctx.customFields);
    const columns = buildBoard({
      rows: pipelineRows(table),
      owner: parsed.value.owner,
      perStage: parsed.value.perStage,
      probabilities: ctx.settings.probabilities,
      staleDays: ctx.settings.staleDays,
      nowIso: ctx.nowIso,
    });
    return {
      columns: columns.map((column) => ({
        status: column.status,
        count: column.count,
        value: column.value,
        weighted: column.weighted,
        probability: column.probability,
        customers: column.cards.map((card) => table.toCustomer(card.item)),
        cards: column.cards.map((card) => ({ daysInStage: card.daysInStage, stale: card.stale })),
      })),
      staleDays: effectiveStaleDays(ctx.settings.staleDays),
      today: ctx.today,
      staff: staffChoices(ctx),
      me: normaliseEmail(ctx.user),
      // In the same reply, so that opening the board stays one call (the sidebar asks listLostReasons instead).
      lostReasons: [...ctx.settings.lostReasons],
    };
  });
}

/** Menu: CRM ▸ Pipeline board, a modal dialog as wide as Google lets one be (see BOARD_WIDTH). */
export function showPipelineBoard(): void {
  const state: SidebarState = { view: 'board' };
  SpreadsheetApp.getUi().showModalDialog(
    page('board', state).setWidth(BOARD_WIDTH).setHeight(BOARD_HEIGHT),
    'Pipeline board',
  );
}
