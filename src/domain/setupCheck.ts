/**
 * CRM ▸ Check set-up: what the CRM relies on, judged point by point from facts the server gathers in the real
 * spreadsheet, so the first deployment on Google shows at once what the local stand-in could not. Pure: the facts
 * come in, the report goes out.
 */

import { columnLetter } from './columns';
import type { CustomFieldDefinition } from './customFields/types';
import { normaliseEmail } from './text';

/** A dropdown over a column's data cells, as Set up makes them (the Status column, a Choice field's column). */
export type DropdownVerdict = 'ok' | 'missing' | 'allows invalid' | 'wrong list';

/** One custom field's column on a tab that has one per field (Customers, Archive), as the spreadsheet holds it. */
export interface CustomColumnFacts {
  /** The tab the column is on. */
  tab: string;
  definition: CustomFieldDefinition;
  /** 1-based column whose header names the field, or null when no header does. */
  column: number | null;
  /** A Choice field's dropdown over the column's data cells; null for the other types (and without a column). */
  dropdown: DropdownVerdict | null;
  /** A Date or Number column's distinct number formats below the header; null for Text and Choice. */
  formats: string[] | null;
}

/** One tab's protection as Google reports it. */
export interface ProtectionFacts {
  tab: string;
  exists: boolean;
  /** Null when the tab has no sheet protection, or it could not be read (the user may not edit it). */
  protection: {
    warningOnly: boolean;
    domainEdit: boolean;
    editors: string[];
  } | null;
  /** Why the protection could not be read, when it could not. */
  unreadable?: string;
  /** Who should be able to edit it: the admin (and the applied staff for data tabs). */
  intended: string[];
}

export interface SetUpFacts {
  /** The e-mail Session reports for the person running the check ('' when Google hides it). */
  userEmail: string;
  owner: string | null;
  admin: string | null;
  documentLock: 'available' | 'missing' | 'busy';
  protections: ProtectionFacts[];
  /** When Set up last made the protections explicit (document property), or null. */
  protectionsAppliedAt: string | null;
  /** File editors besides the owner (Spreadsheet.getEditors()), for the "mirrors the file" diagnosis. */
  fileEditors: string[];
  headers: Array<{ tab: string; problem: string | null }>;
  statusDropdown: DropdownVerdict;
  /** Each custom field calls use (the applied ones), with its column as found: on Customers, then on Archive. */
  customColumns: CustomColumnFacts[];
  /** The custom fields the Settings table defines now. */
  settingsCustomFields: CustomFieldDefinition[];
  /** The custom fields Set up last applied, or null when it never stored any. */
  appliedCustomFields: CustomFieldDefinition[] | null;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  settingsStaff: string[];
  appliedStaff: string[] | null;
}

export interface SetUpCheckPoint {
  point: string;
  ok: boolean;
  detail: string;
}

export interface SetUpCheckReport {
  ok: true;
  /** True when every point holds. */
  allOk: boolean;
  points: SetUpCheckPoint[];
}

const RUN_SET_UP = 'Run CRM ▸ Set up / repair.';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(normaliseEmail));
  const right = new Set(b.map(normaliseEmail));
  return left.size === right.size && [...left].every((e) => right.has(e));
}

function list(emails: readonly string[]): string {
  return emails.length === 0 ? 'nobody' : emails.join(', ');
}

function protectionPoint(facts: ProtectionFacts, all: SetUpFacts): SetUpCheckPoint {
  const point = `${facts.tab} tab protected for ${list(facts.intended)}`;
  if (!facts.exists) return { point, ok: false, detail: `The ${facts.tab} tab is missing. ${RUN_SET_UP}` };
  const p = facts.protection;
  if (p === null) {
    const why = facts.unreadable ?? 'The tab has no protection: every editor of the file can change it.';
    return { point, ok: false, detail: `${why} ${RUN_SET_UP}` };
  }
  if (p.warningOnly)
    return { point, ok: false, detail: `The protection only warns: anyone may go on and edit. ${RUN_SET_UP}` };
  if (p.domainEdit) {
    return { point, ok: false, detail: `Everyone in the domain may edit it. ${RUN_SET_UP}` };
  }
  if (!sameSet(p.editors, facts.intended)) {
    const extra = p.editors.filter((e) => !facts.intended.some((i) => normaliseEmail(i) === normaliseEmail(e)));
    const missing = facts.intended.filter((i) => !p.editors.some((e) => normaliseEmail(i) === normaliseEmail(e)));
    const mirrors =
      all.fileEditors.length > 0 && sameSet(p.editors, [...(all.owner ? [all.owner] : []), ...all.fileEditors]);
    const parts = [
      mirrors
        ? "It still mirrors the file's sharing (Google leaves a protection open until its editors are changed)."
        : '',
      extra.length > 0 ? `Editors not intended: ${extra.join(', ')}.` : '',
      missing.length > 0 ? `Missing: ${missing.join(', ')}.` : '',
    ].filter((part) => part !== '');
    return { point, ok: false, detail: `${parts.join(' ')} ${RUN_SET_UP}` };
  }
  if (all.protectionsAppliedAt === null) {
    return {
      point,
      ok: false,
      detail: `The editors look right, but this version of Set up has not applied them, so the protection may still mirror the file's sharing. ${RUN_SET_UP}`,
    };
  }
  return {
    point,
    ok: true,
    detail: `Only ${list(p.editors)} may edit it (applied by Set up ${all.protectionsAppliedAt.slice(0, 16).replace('T', ' ')} UTC).`,
  };
}

/** The format Set up gives a Date field's column (customColumnsSetup.ts). */
export const CUSTOM_DATE_FORMAT = 'yyyy-mm-dd';

/** Pattern letters of dates and times, once quoted text, escapes and [colours]/[conditions] are taken out. */
function isDateOrTimeFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare);
}

/**
 * What a Number column's format is when it is not one Set up leaves it in ("plain text …"), or null. Set up gives a Number column no format of
 * its own (Sheets' automatic one), so any number format passes; plain text (`@`: numbers typed become text the
 * CRM cannot count) and date or time formats (a number shown as a date) do not.
 */
export function numberFormatProblem(format: string): string | null {
  if (format.trim() === '@') return 'plain text ("@"), so numbers typed there are stored as text';
  if (isDateOrTimeFormat(format)) return `a date or time (${JSON.stringify(format)})`;
  return null;
}

const DROPDOWN_PROBLEMS: Readonly<Record<Exclude<DropdownVerdict, 'ok'>, string>> = {
  missing: 'some of its cells have no dropdown',
  'allows invalid': 'its dropdown only warns about other text',
  'wrong list': 'its dropdown does not offer exactly the choices in Settings',
};

/** What a custom field's missing column costs, by tab (any other tab: nothing the CRM writes). */
function missingColumnCost(tab: string): string {
  if (tab === 'Customers') return 'so its values cannot be saved';
  if (tab === 'Archive') return 'so archiving a customer does not keep its value of the field';
  return 'so the CRM does not keep its values there';
}

/**
 * One point per custom field and tab (Customers, Archive): its column present with its header, with the dropdown
 * (Choice) or format (Date, Number) Set up gives it on both. What is wrong is said in one detail, with how to put
 * it right.
 */
function customColumnPoint(facts: CustomColumnFacts): SetUpCheckPoint {
  const { definition, tab } = facts;
  const point = `Custom field "${definition.name}" (${definition.type}) column in place on ${tab}`;
  if (facts.column === null) {
    return {
      point,
      ok: false,
      detail: `No ${tab} column is headed "${definition.name}", ${missingColumnCost(tab)}. ${RUN_SET_UP}`,
    };
  }
  const where = `Column ${columnLetter(facts.column)}`;
  const problems: string[] = [];
  let fix = RUN_SET_UP;
  if (facts.dropdown !== null && facts.dropdown !== 'ok') problems.push(DROPDOWN_PROBLEMS[facts.dropdown]);
  for (const format of facts.formats ?? []) {
    if (definition.type === 'Date' && format.toLowerCase() !== CUSTOM_DATE_FORMAT) {
      problems.push(`some of its cells are formatted ${JSON.stringify(format)}, not ${CUSTOM_DATE_FORMAT}`);
    }
    if (definition.type === 'Number') {
      const problem = numberFormatProblem(format);
      if (problem === null) continue;
      problems.push(`some of its cells are formatted as ${problem}`);
      // Set up gives a Number column no format, so it cannot put one back: said how to by hand.
      fix = 'Select the column and choose Format ▸ Number ▸ Automatic.';
    }
  }
  if (problems.length > 0) return { point, ok: false, detail: `${where}: ${problems.join('; ')}. ${fix}` };
  const what: Record<CustomFieldDefinition['type'], string> = {
    Text: '',
    Choice: `, with its dropdown (${definition.choices.join(', ')})`,
    Date: `, formatted ${CUSTOM_DATE_FORMAT}`,
    Number: ', in a number format',
  };
  return { point, ok: true, detail: `${where}${what[definition.type]}.` };
}

function sameDefinitions(a: readonly CustomFieldDefinition[], b: readonly CustomFieldDefinition[]): boolean {
  const key = (d: CustomFieldDefinition): string => JSON.stringify([d.name, d.type, d.choices, d.required]);
  return a.length === b.length && a.every((d, i) => key(d) === key(b[i] as CustomFieldDefinition));
}

function names(definitions: readonly CustomFieldDefinition[]): string {
  return definitions.length === 0 ? 'none' : definitions.map((d) => d.name).join(', ');
}

/** Whether the Settings table's custom fields are the ones Set up applied (null: nothing to say, none anywhere). */
function customFieldsAppliedPoint(facts: SetUpFacts): SetUpCheckPoint | null {
  const applied = facts.appliedCustomFields;
  if (facts.settingsCustomFields.length === 0 && (applied === null || applied.length === 0)) return null;
  const point = 'Custom fields applied';
  if (applied !== null && sameDefinitions(applied, facts.settingsCustomFields)) {
    return { point, ok: true, detail: `Custom fields: ${names(applied)}.` };
  }
  return {
    point,
    ok: false,
    detail: `The Settings tab defines ${names(facts.settingsCustomFields)}, but Set up last applied ${applied === null ? 'no custom fields' : names(applied)} (a field, its type, choices or Required changed). ${RUN_SET_UP}`,
  };
}

export function setUpChecks(facts: SetUpFacts): SetUpCheckReport {
  const points: SetUpCheckPoint[] = [];
  points.push(
    facts.userEmail === ''
      ? {
          point: 'Your e-mail is visible to the CRM',
          ok: false,
          detail:
            'Google did not tell the script who you are, so writes are refused and History cannot say who changed what. ' +
            'Use an account of the same Google Workspace domain as the file, or sign in again.',
        }
      : { point: 'Your e-mail is visible to the CRM', ok: true, detail: `Signed in as ${facts.userEmail}.` },
  );
  points.push(
    facts.owner !== null
      ? { point: 'An admin is known', ok: true, detail: `The file's owner, ${facts.owner}, is the CRM's admin.` }
      : facts.admin !== null
        ? {
            point: 'An admin is known',
            ok: true,
            detail: `Shared drive (no owner): ${facts.admin} was recorded as admin by the first Set up.`,
          }
        : {
            point: 'An admin is known',
            ok: false,
            detail: `Shared drive (no owner) and no admin recorded yet. ${RUN_SET_UP}`,
          },
  );
  const lock: Record<SetUpFacts['documentLock'], SetUpCheckPoint> = {
    available: {
      point: 'The document lock is available',
      ok: true,
      detail: 'Saves can wait for each other, so none overwrites another.',
    },
    busy: {
      point: 'The document lock is available',
      ok: true,
      detail: 'Another save held it just now; it exists and works.',
    },
    missing: {
      point: 'The document lock is available',
      ok: false,
      detail:
        'LockService.getDocumentLock() returned null: the script is not bound to this spreadsheet. Install the CRM in the spreadsheet itself.',
    },
  };
  points.push(lock[facts.documentLock]);
  for (const protection of facts.protections) points.push(protectionPoint(protection, facts));
  for (const header of facts.headers) {
    points.push({
      point: `${header.tab} headers in place`,
      ok: header.problem === null,
      detail: header.problem ?? 'Every column is where the CRM writes it.', // the problem says what to do
    });
  }
  const dropdown: Record<DropdownVerdict, string> = {
    ok: 'Every Status cell offers the 8 stages and rejects anything else.',
    missing: `Some Status cells have no dropdown. ${RUN_SET_UP}`,
    'allows invalid': `The dropdown only warns about other text. ${RUN_SET_UP}`,
    'wrong list': `The dropdown does not offer exactly the 8 stages. ${RUN_SET_UP}`,
  };
  points.push({
    point: 'Status dropdown in place',
    ok: facts.statusDropdown === 'ok',
    detail: dropdown[facts.statusDropdown],
  });
  for (const column of facts.customColumns) points.push(customColumnPoint(column));
  const applied = customFieldsAppliedPoint(facts);
  if (applied !== null) points.push(applied);
  points.push({
    point: 'Staff list applied',
    ok: facts.appliedStaff !== null && sameSet(facts.appliedStaff, facts.settingsStaff),
    detail:
      facts.appliedStaff !== null && sameSet(facts.appliedStaff, facts.settingsStaff)
        ? `Staff: ${list(facts.settingsStaff)}.`
        : `The Settings tab lists ${list(facts.settingsStaff)}, but Set up last applied ${facts.appliedStaff === null ? 'no list' : list(facts.appliedStaff)}. ${RUN_SET_UP}`,
  });
  const sameZone = facts.spreadsheetTimeZone === facts.scriptTimeZone;
  points.push({
    point: 'Time zone',
    ok: sameZone,
    detail: sameZone
      ? `Dates are shown in ${facts.spreadsheetTimeZone}.`
      : `The spreadsheet uses ${facts.spreadsheetTimeZone} but the script ${facts.scriptTimeZone}: dates typed by hand and dates the CRM writes may differ by the offset. Set both to the same zone (File ▸ Settings; Project settings).`,
  });
  return { ok: true, allOk: points.every((p) => p.ok), points };
}

/** The report as the alert shows it: one line per point. */
export function setUpCheckText(report: SetUpCheckReport): string {
  const head = report.allOk ? 'Everything the CRM relies on holds in this spreadsheet.' : 'Some points need attention:';
  return [head, ...report.points.map((p) => `${p.ok ? '✓' : '✗'} ${p.point}: ${p.detail}`)].join('\n');
}
