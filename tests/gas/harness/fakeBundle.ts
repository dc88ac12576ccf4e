/**
 * A tiny stand-in for the built add-on (dist/Code.js), so the harness's trigger plumbing is tested without the
 * product: onOpen/onEdit record what the script can see (Session, the event) through a host function `__record`,
 * and onEdit tries to write Sheet1!Z1 so a test can see whose permissions the trigger runs with.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Harness, type HarnessOptions, createHarness } from '../../../local/bundle/harness';

const CODE = `
function describe_(kind, e) {
  var entry = {
    kind: kind,
    activeUser: Session.getActiveUser().getEmail(),
    effectiveUser: Session.getEffectiveUser().getEmail(),
    eventUser: e && e.user ? e.user.getEmail() : null,
    authMode: e ? String(e.authMode) : null
  };
  if (e && e.range) {
    entry.a1 = e.range.getA1Notation();
    entry.value = e.value === undefined ? '(undefined)' : e.value;
    entry.oldValue = e.oldValue === undefined ? '(undefined)' : e.oldValue;
    entry.hasValue = 'value' in e && e.value !== undefined;
  }
  return entry;
}
function onOpen(e) { __record(describe_('onOpen', e)); }
function onEdit(e) {
  var entry = describe_('onEdit', e);
  try {
    SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange('Z1').setValue('touched by onEdit');
    entry.wroteZ1 = 'ok';
  } catch (err) {
    entry.wroteZ1 = String(err);
  }
  __record(entry);
}
function whoAmI() { return Session.getActiveUser().getEmail(); }
function ownerAndEditors() {
  var ss = SpreadsheetApp.getActive();
  var owner = ss.getOwner();
  return { owner: owner === null ? null : owner.getEmail(), editors: ss.getEditors().map(function (u) { return u.getEmail(); }) };
}
function saveName(name) {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Sheet1');
  var row = sheet.getRange('A2:B2').getValues()[0];
  row[0] = name;
  sheet.getRange('A2').setValues([[row[0]]]);
}
`;

export interface Recorded {
  kind: string;
  activeUser: string;
  effectiveUser: string;
  eventUser: string | null;
  authMode: string | null;
  a1?: string;
  value?: string;
  oldValue?: string;
  hasValue?: boolean;
  wroteZ1?: string;
}

let dir: string | null = null;

function distDir(): string {
  if (dir) return dir;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-fake-bundle-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  return dir;
}

/** A harness over the fake bundle; `log` collects what the triggers recorded. */
export function fakeHarness(options: Omit<HarnessOptions, 'distDir'>): Harness & { log: Recorded[] } {
  const harness = createHarness({ ...options, distDir: distDir() });
  const log: Recorded[] = [];
  (harness.gas.globals as Record<string, unknown>).__record = (entry: Recorded) =>
    log.push(JSON.parse(JSON.stringify(entry)) as Recorded);
  return Object.assign(harness, { log });
}
