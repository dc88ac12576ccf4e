/**
 * CRM ▸ Check set-up: what the CRM relies on, judged point by point from facts the server gathers in the real
 * spreadsheet, so the first deployment on Google shows at once what the local stand-in could not. Pure: the facts
 * come in, the report goes out.
 */

import { normaliseEmail } from './text';

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
  statusDropdown: 'ok' | 'missing' | 'allows invalid' | 'wrong list';
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
  const dropdown: Record<SetUpFacts['statusDropdown'], string> = {
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
