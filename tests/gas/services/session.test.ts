/** Session, ScriptApp, console stand-ins, and running the services inside a vm realm. */
import vm from 'node:vm';
import { AuthMode } from '../../../local/gas/services';
import { OWNER, REP, START, makeServices } from './setup';

describe('Session', () => {
  it('reports the user of the running execution', () => {
    const { runtime, globals } = makeServices();
    expect(globals.Session.getActiveUser().getEmail()).toBe(OWNER);
    runtime.run(REP, () => {
      expect(globals.Session.getActiveUser().getEmail()).toBe(REP);
      expect(globals.Session.getEffectiveUser().getEmail()).toBe(REP);
    });
    runtime.run('', () => expect(globals.Session.getActiveUser().getEmail()).toBe(''));
    expect(globals.Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(runtime.calls.get('Session.getActiveUser')).toBe(3);
    expect(runtime.calls.get('User.getEmail')).toBe(4); // 3 active + 1 effective
  });
});

describe('Session in an execution whose identity is hidden (simple triggers)', () => {
  // developers.google.com/apps-script/reference/base/session#getActiveUser(): "the user's email address is not
  // available in any context that allows a script to run without that user's authorization, like a simple
  // onOpen(e) or onEdit(e) trigger". getEffectiveUser(): "In most other scenarios, this returns the same account as
  // getActiveUser()."
  it("gives '' for the active and effective user while the execution still runs as that person", () => {
    const { runtime, globals } = makeServices();
    runtime.run(
      REP,
      () => {
        expect(globals.Session.getActiveUser().getEmail()).toBe('');
        expect(globals.Session.getEffectiveUser().getEmail()).toBe('');
        expect(runtime.execution().user).toBe(REP); // who really runs it (protections)
      },
      'LIMITED',
      { identity: 'hidden' },
    );
    runtime.run(REP, () => expect(globals.Session.getActiveUser().getEmail()).toBe(REP), 'LIMITED', {
      identity: 'visible',
    });
    expect(runtime.calls.get('Session.getActiveUser')).toBe(2);
    expect(runtime.calls.get('Session.getEffectiveUser')).toBe(1);
  });
});

describe('ScriptApp', () => {
  it('exposes AuthMode values whose names are the runtime auth modes', () => {
    const { globals, host } = makeServices();
    expect(host.authModeOf('NONE')).toBe(globals.ScriptApp.AuthMode.NONE);
    expect(globals.ScriptApp.AuthMode).toBe(AuthMode);
    expect(String(globals.ScriptApp.AuthMode.LIMITED)).toBe('LIMITED');
  });
});

describe('console', () => {
  it('keeps lines per execution for the host', () => {
    const { runtime, globals, host } = makeServices();
    runtime.run(REP, () => {
      globals.console.log({ a: 1 });
      globals.console.warn('slow', 3);
    });
    expect(host.logs().map((e) => [e.level, e.message, e.user])).toEqual([
      ['log', '{"a":1}', REP],
      ['warn', 'slow 3', REP],
    ]);
    expect(host.logs()[0]!.at).toBe(START);
  });
});

describe('inside a vm realm', () => {
  it('throws errors of the bundle realm and accepts its Dates', () => {
    const { globals, host } = makeServices({ htmlFiles: { Page: '<p><?= greet() ?></p>' } });
    const context = vm.createContext({ ...globals });
    host.useRealm(context);
    vm.runInContext('function greet() { return "<hi>"; }', context);
    const result = vm.runInContext(
      `(function () {
        var out = {};
        try { HtmlService.createTemplateFromFile('Nope'); } catch (e) { out.isError = e instanceof Error; out.text = String(e); }
        out.date = Utilities.formatDate(new Date(0), 'UTC', 'yyyy-MM-dd');
        out.page = HtmlService.createTemplateFromFile('Page').evaluate().getContent();
        return out;
      })()`,
      context,
    ) as { isError: boolean; text: string; date: string; page: string };
    expect(result).toEqual({
      isError: true,
      text: 'Exception: No HTML file named Nope was found.',
      date: '1970-01-01',
      page: '<p>&lt;hi&gt;</p>',
    });
  });
});
