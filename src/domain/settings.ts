/**
 * The `Settings` tab: three side-by-side tables under one header row, columns B and E left blank as spacers.
 *   A  "Staff e-mail"                      one e-mail per row from A2 down
 *   C  "Stage" / D "Win probability"       the 8 statuses in spec order, probability as a fraction 0..1
 *   F  "Setting" / G "Value"               "Stale after (days)" = 14
 *   N  "Lost reasons"                      one reason per row from N2 down (I:L is the custom-field table, M a spacer)
 * Reading is tolerant (an admin edits this tab by hand): a bad or missing cell falls back to its default and
 * adds a readable problem line naming the cell, instead of breaking every CRM call.
 */

import { cellName } from './columns';
import { isDate } from './dates';
import { DEFAULT_LOST_REASONS, LOST_REASONS_HEADER } from './lostReasons';
import { DEFAULT_STAGE_PROBABILITIES, parseStatus, STATUSES, STATUS_LIST_TEXT, type Status } from './statuses';
import { foldText, normaliseEmail } from './text';
import { isValidEmail, quote } from './validation';

export interface CrmSettings {
  /** Normalised (lowercase) e-mails of the staff allowed to change customers. */
  staff: string[];
  /** Win probability per stage, a fraction 0..1. */
  probabilities: Record<Status, number>;
  /** A prospect whose status has not changed for this many days is reported as stale. */
  staleDays: number;
  /** Why deals are lost: the list a move to Closed-lost chooses from, as the admin spells it. */
  lostReasons: string[];
}

export const SETTINGS_HEADERS = ['Staff e-mail', '', 'Stage', 'Win probability', '', 'Setting', 'Value'] as const;
export const STALE_DAYS_LABEL = 'Stale after (days)';
export const STALE_DAYS_DEFAULT = 14;
/** Ten years: anything larger is a typo, not a threshold. */
export const STALE_DAYS_MAX = 3650;

/** Zero-based column of each table in the grid. */
export const SETTINGS_COLUMNS = { staff: 0, stage: 2, probability: 3, setting: 5, value: 6, lostReasons: 13 } as const;
/** Columns A..N: every table above. */
export const SETTINGS_WIDTH = SETTINGS_COLUMNS.lostReasons + 1;

export const DEFAULT_SETTINGS: Readonly<CrmSettings> = Object.freeze({
  staff: Object.freeze([]) as unknown as string[], // frozen: a caller mutating the shared default is a bug
  probabilities: Object.freeze({ ...DEFAULT_STAGE_PROBABILITIES }) as Record<Status, number>,
  staleDays: STALE_DAYS_DEFAULT,
  lostReasons: Object.freeze([...DEFAULT_LOST_REASONS]) as unknown as string[],
});

function freshDefaults(): CrmSettings {
  return {
    staff: [],
    probabilities: { ...DEFAULT_STAGE_PROBABILITIES },
    staleDays: STALE_DAYS_DEFAULT,
    lostReasons: [...DEFAULT_LOST_REASONS],
  };
}

function isBlankCell(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value).trim();
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

/**
 * A win probability: a fraction 0..1 (a cell formatted as 40% holds 0.4), or a percentage 1..100 when above 1
 * (an admin typing 40), or text such as "40%", "40" or "0.4". Null when it is none of those.
 */
export function parseProbability(value: unknown): number | null {
  let n: number;
  let isPercentText = false;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(value);
    if (!match || match[1] === undefined) return null;
    n = Number(match[1]);
    isPercentText = match[2] === '%';
  } else return null;
  if (!Number.isFinite(n) || n < 0) return null;
  if (isPercentText || n > 1) n /= 100;
  return n <= 1 ? n : null;
}

function parseStaleDays(value: unknown): number | null {
  let n = Number.NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= STALE_DAYS_MAX ? n : null;
}

/** Settings read from the tab's values (getValues() of the whole data range), with readable problem lines. */
export function settingsFromGrid(values: unknown[][]): { settings: CrmSettings; problems: string[] } {
  const settings = freshDefaults();
  const problems: string[] = [];
  const grid: unknown[][] = Array.isArray(values) ? values.map((row) => (Array.isArray(row) ? row : [])) : [];
  const cell = (row: number, column: number): unknown => grid[row]?.[column];

  if (!grid.some((row) => row.some((value) => !isBlankCell(value)))) {
    problems.push(
      'The Settings tab is empty: default stage probabilities and stale threshold apply, and no staff are listed.',
    );
    return { settings, problems };
  }

  const wrongHeaders = SETTINGS_HEADERS.flatMap((header, column) =>
    header !== '' && foldText(cellText(cell(0, column))) !== foldText(header)
      ? [`${cellName(0, column)} "${header}"`]
      : [],
  );
  if (wrongHeaders.length > 0) {
    problems.push(
      `Settings: the header row has changed (expected ${wrongHeaders.join(', ')}). The tables are still read by column.`,
    );
  }

  // Staff e-mails (column A).
  for (let row = 1; row < grid.length; row++) {
    const value = cell(row, SETTINGS_COLUMNS.staff);
    if (isBlankCell(value)) continue;
    const email = normaliseEmail(cellText(value));
    if (!isValidEmail(email)) {
      problems.push(
        `Settings ${cellName(row, SETTINGS_COLUMNS.staff)}: ${quote(cellText(value))} is not a valid e-mail address, so it is ignored.`,
      );
    } else if (!settings.staff.includes(email)) {
      settings.staff.push(email);
    }
  }

  // Stage probabilities (columns C and D).
  const seen = new Set<Status>();
  for (let row = 1; row < grid.length; row++) {
    const label = cell(row, SETTINGS_COLUMNS.stage);
    const probability = cell(row, SETTINGS_COLUMNS.probability);
    if (isBlankCell(label) && isBlankCell(probability)) continue;
    const where = cellName(row, SETTINGS_COLUMNS.stage);
    const status = parseStatus(cellText(label));
    if (status === null) {
      problems.push(
        `Settings ${where}: ${quote(cellText(label))} is not a pipeline stage, so the row is ignored. Stages are: ${STATUS_LIST_TEXT}.`,
      );
      continue;
    }
    if (seen.has(status)) {
      problems.push(`Settings ${where}: ${status} is listed twice; the first row is used.`);
      continue;
    }
    seen.add(status);
    const parsed = parseProbability(probability);
    if (parsed === null) {
      const found = isBlankCell(probability)
        ? 'is empty'
        : `${quote(cellText(probability))} is not a percentage from 0% to 100%`;
      problems.push(
        `Settings ${cellName(row, SETTINGS_COLUMNS.probability)}: the win probability of ${status} ${found}; using ${percent(settings.probabilities[status])}.`,
      );
    } else {
      settings.probabilities[status] = parsed;
    }
  }
  for (const status of STATUSES) {
    if (!seen.has(status)) {
      problems.push(`Settings: no win probability for ${status}; using ${percent(settings.probabilities[status])}.`);
    }
  }

  // Other settings (columns F and G).
  const staleKey = foldText(STALE_DAYS_LABEL);
  const staleRow = grid.findIndex(
    (_, row) => row > 0 && foldText(cellText(cell(row, SETTINGS_COLUMNS.setting))) === staleKey,
  );
  if (staleRow < 0) {
    problems.push(`Settings: the "${STALE_DAYS_LABEL}" row is missing; using ${STALE_DAYS_DEFAULT} days.`);
  } else {
    const value = cell(staleRow, SETTINGS_COLUMNS.value);
    const days = parseStaleDays(value);
    if (days === null) {
      problems.push(
        `Settings ${cellName(staleRow, SETTINGS_COLUMNS.value)}: "${STALE_DAYS_LABEL}" must be a whole number of days from 1 to ${STALE_DAYS_MAX}` +
          ` (found ${isBlankCell(value) ? 'nothing' : quote(cellText(value))}); using ${STALE_DAYS_DEFAULT}.`,
      );
    } else {
      settings.staleDays = days;
    }
  }
  readLostReasons(grid, settings, problems);
  return { settings, problems };
}

/**
 * Lost reasons (column N): the list as written, blanks skipped, a repeat (case-insensitive) reported and dropped.
 * No header (a CRM set up before the list existed, until Set up adds it) or an empty list: the defaults apply.
 */
function readLostReasons(grid: unknown[][], settings: CrmSettings, problems: string[]): void {
  const column = SETTINGS_COLUMNS.lostReasons;
  // Not a problem line: Set up / repair adds the column to such a tab (and reports that it did).
  if (foldText(cellText(grid[0]?.[column])) !== foldText(LOST_REASONS_HEADER)) return;
  const reasons: string[] = [];
  for (let row = 1; row < grid.length; row++) {
    const reason = cellText(grid[row]?.[column]);
    if (reason === '') continue;
    if (reasons.some((r) => r.toLowerCase() === reason.toLowerCase())) {
      problems.push(
        `Settings ${cellName(row, column)}: the lost reason ${quote(reason)} is listed twice; it counts once.`,
      );
      continue;
    }
    reasons.push(reason);
  }
  if (reasons.length === 0) {
    problems.push(`Settings: the "${LOST_REASONS_HEADER}" list is empty; using the defaults.`);
    return;
  }
  settings.lostReasons = reasons;
}

/** The Lost reasons column (header + one reason per row), for Set up to write into column N. */
export function lostReasonsColumn(reasons: readonly string[]): string[][] {
  return [[LOST_REASONS_HEADER], ...reasons.map((reason) => [reason])];
}

/** The whole tab as one rectangle (header row + rows), so set-up writes it with a single setValues. */
export function settingsGrid(settings: CrmSettings): (string | number)[][] {
  const header: string[] = [...SETTINGS_HEADERS];
  while (header.length < SETTINGS_COLUMNS.lostReasons) header.push('');
  const rows: (string | number)[][] = [[...header, LOST_REASONS_HEADER]];
  const dataRows = Math.max(settings.staff.length, STATUSES.length, settings.lostReasons.length, 1);
  for (let i = 0; i < dataRows; i++) {
    const status = STATUSES[i];
    rows.push([
      settings.staff[i] ?? '',
      '',
      status ?? '',
      status === undefined ? '' : (settings.probabilities[status] ?? DEFAULT_STAGE_PROBABILITIES[status]),
      '',
      i === 0 ? STALE_DAYS_LABEL : '',
      i === 0 ? settings.staleDays : '',
      ...Array.from({ length: SETTINGS_COLUMNS.lostReasons - SETTINGS_COLUMNS.value - 1 }, () => ''),
      settings.lostReasons[i] ?? '',
    ]);
  }
  return rows;
}
