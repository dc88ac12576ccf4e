/**
 * The on-demand modules (src/onDemand/*, pushed as onDemand_*.html; loaded by src/server/onDemand.ts): the everyday
 * calls load none, each occasional call loads its own module once, a missing or broken module file is a clear
 * refusal with nothing changed, and a failure inside a module names its TypeScript line.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createHarness } from '../../local/bundle/harness';
import { DIST_DIR, TEST_DIST_DIR, mapBundleStack } from '../../local/bundle/loadBundle';
import { type Crm, MANAGER, OWNER, REP, START_MS, newCrm, plainCells, succeeded } from '../support/crm';

const ROOT = path.resolve(__dirname, '..', '..');
const MODULES = ['onDemand_archive', 'onDemand_import', 'onDemand_pipeline', 'onDemand_setup'];

/** The files each call of `body` asked HtmlService for, per execution (the test's wrapper sees every call). */
function recordFileReads(crm: Crm): string[] {
  const files: string[] = [];
  const real = crm.gas.globals.HtmlService as { createTemplateFromFile(name: string): unknown };
  crm.gas.globals.HtmlService = {
    createTemplateFromFile(name: string): unknown {
      files.push(name);
      return real.createTemplateFromFile(name);
    },
  };
  return files;
}

/** HtmlService's counted calls during `body` (the stand-in's own counter). */
function htmlServiceCalls(crm: Crm, body: () => unknown): { files: number; raw: number } {
  crm.gas.runtime.calls.reset();
  body();
  return {
    files: crm.gas.runtime.calls.get('HtmlService.createTemplateFromFile'),
    raw: crm.gas.runtime.calls.get('HtmlTemplate.getRawContent'),
  };
}

describe('the everyday calls load no on-demand module', () => {
  it('search, get, register, update, status, list, My work, staff, activity and a hand edit: no HtmlService call', () => {
    const crm = newCrm();
    const files = recordFileReads(crm);
    const none = { files: 0, raw: 0 };
    let id = '';
    let version = 0;
    expect(
      htmlServiceCalls(crm, () => {
        const saved = succeeded(crm.call(REP, 'registerCustomer', { name: 'Ada Lovelace', email: 'ada@example.com' }));
        ({ id, version } = saved.customer);
      }),
    ).toEqual(none);
    expect(htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'searchCustomers', 'ada')))).toEqual(none);
    expect(htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'getCustomer', id)))).toEqual(none);
    expect(
      htmlServiceCalls(crm, () => {
        version = succeeded(crm.call(REP, 'updateCustomer', id, { company: 'Engines' }, version)).customer.version;
      }),
    ).toEqual(none);
    expect(
      htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'updateCustomerStatus', id, 'Qualified', version))),
    ).toEqual(none);
    expect(htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'listCustomers')))).toEqual(none);
    expect(htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'listFollowUps')))).toEqual(none);
    expect(htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'listStaff')))).toEqual(none);
    expect(htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'listLostReasons')))).toEqual(none);
    expect(htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'listCustomFields')))).toEqual(none);
    expect(
      htmlServiceCalls(crm, () => succeeded(crm.call(REP, 'logActivity', id, { type: 'call', summary: 'Rang her' }))),
    ).toEqual(none);
    expect(
      htmlServiceCalls(crm, () => crm.edit({ user: MANAGER, sheet: 'Customers', row: 2, column: 2, value: 'Ada L.' })),
    ).toEqual(none);
    expect(htmlServiceCalls(crm, () => crm.open(REP))).toEqual(none);
    // The hand edit was really logged (onEdit ran), so "no call" is not "did nothing".
    expect(crm.tab('History').some((row) => row.includes('Ada L.'))).toBe(true);
    expect(files).toEqual([]);
  });
});

describe('each occasional call loads its own module, once per execution', () => {
  it('rebuild, board, import, set up, checks, archive, restore, duplicates, merge: each its own module', () => {
    const crm = newCrm();
    const files = recordFileReads(crm);
    const loads = (body: () => unknown): string[] => {
      files.length = 0;
      const counted = htmlServiceCalls(crm, body);
      // A module load is one file read and one raw read (a page opener reads its page's template, evaluated).
      expect(counted).toEqual({ files: files.length, raw: files.filter((f) => f.startsWith('onDemand_')).length });
      return [...files];
    };
    const ada = succeeded(crm.call(REP, 'registerCustomer', { name: 'Ada Lovelace', email: 'ada@example.com' }));
    const ann = succeeded(crm.call(REP, 'registerCustomer', { name: 'Ann Lovelace', email: 'ann@example.com' }));
    expect(loads(() => succeeded(crm.call(REP, 'rebuildPipelineSummary')))).toEqual(['onDemand_pipeline']);
    expect(loads(() => succeeded(crm.call(REP, 'getPipelineBoard')))).toEqual(['onDemand_pipeline']);
    expect(loads(() => crm.call(OWNER, 'proposeImportMapping'))).toEqual(['onDemand_import']);
    expect(loads(() => crm.call(OWNER, 'importCustomers', { dryRun: true }))).toEqual(['onDemand_import']);
    expect(loads(() => succeeded(crm.call(OWNER, 'setUpCrm')))).toEqual(['onDemand_setup']);
    expect(loads(() => succeeded(crm.call(OWNER, 'checkSetUp')))).toEqual(['onDemand_setup']);
    expect(loads(() => succeeded(crm.call(OWNER, 'checkData')))).toEqual(['onDemand_setup']);
    expect(loads(() => succeeded(crm.call(OWNER, 'findDuplicateGroups')))).toEqual(['onDemand_archive']);
    const archived = loads(() =>
      succeeded(crm.call(REP, 'archiveCustomer', ann.customer.id, ann.customer.version, 'test')),
    );
    expect(archived).toEqual(['onDemand_archive']);
    expect(loads(() => succeeded(crm.call(REP, 'restoreCustomer', ann.customer.id)))).toEqual(['onDemand_archive']);
    const restored = succeeded(crm.call(REP, 'getCustomer', ann.customer.id)).customer;
    expect(
      loads(() =>
        succeeded(
          crm.call(REP, 'mergeCustomers', ada.customer.id, ann.customer.id, {
            [ada.customer.id]: ada.customer.version,
            [ann.customer.id]: restored.version,
          }),
        ),
      ),
    ).toEqual(['onDemand_archive']);
    // The menu items that run module code load it once, though they make several module calls (Check data's
    // report, then a restore per customer deleted by hand, all inside the module's own copy).
    expect(loads(() => crm.run(OWNER, 'showPipelineSummary'))).toEqual(['onDemand_pipeline']);
    expect(loads(() => crm.run(OWNER, 'showDataCheck'))).toEqual(['onDemand_setup']);
    expect(loads(() => crm.run(OWNER, 'showSetUpCheck'))).toEqual(['onDemand_setup']);
    expect(loads(() => crm.run(OWNER, 'showSetUp'))).toEqual(['onDemand_setup']);
    // The menu openers of pages stay in Code.js: only the page's own template is read.
    expect(loads(() => crm.run(OWNER, 'showImportSidebar'))).toEqual(['import']);
    expect(loads(() => crm.run(OWNER, 'showPipelineBoard'))).toEqual(['board']);
  });

  it('a module loaded once serves every later call of the same loaded script (the cache is the global scope)', () => {
    // reuseBundle keeps one global scope across calls, as one execution has: the module is read once.
    const crm = createHarness({ owner: OWNER, startMs: START_MS, distDir: TEST_DIST_DIR, reuseBundle: true });
    succeeded(crm.call(OWNER, 'setUpCrm'));
    crm.gas.runtime.calls.reset();
    succeeded(crm.call(OWNER, 'rebuildPipelineSummary'));
    succeeded(crm.call(OWNER, 'getPipelineBoard'));
    succeeded(crm.call(OWNER, 'rebuildPipelineSummary'));
    expect(crm.gas.runtime.calls.get('HtmlTemplate.getRawContent')).toBe(1);
  });
});

/** A copy of dist-test/ whose module files are changed by `edit` (file name → new content, or null to delete). */
function brokenBuild(edit: Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ondemand-'));
  for (const name of fs.readdirSync(TEST_DIST_DIR))
    fs.copyFileSync(path.join(TEST_DIST_DIR, name), path.join(dir, name));
  for (const [name, content] of Object.entries(edit)) {
    if (content === null) fs.rmSync(path.join(dir, name));
    else fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('a missing or broken module file', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const crmOver = (edit: Record<string, string | null>): Crm => {
    const dir = brokenBuild(edit);
    dirs.push(dir);
    const harness = createHarness({ owner: OWNER, editors: [REP], startMs: START_MS, distDir: dir });
    return { ...harness, tab: (name) => plainCells(harness.gas.sheets.sheetValues(name)) };
  };

  it('missing: the call answers a clear error naming the file and saying to push the whole build; nothing changes', () => {
    const crm = crmOver({ 'onDemand_setup.html': null });
    const before = crm.gas.sheets.sheetNames();
    const result = crm.call(OWNER, 'setUpCrm');
    expect(result).toEqual({ ok: false, errors: { form: expect.stringContaining('onDemand_setup.html') } });
    const message = result.ok ? '' : String(result.errors.form);
    expect(message).toMatch(/push the whole build/);
    expect(message).toMatch(/No HTML file named onDemand_setup was found/);
    expect(crm.gas.sheets.sheetNames()).toEqual(before);
    // A menu item says the same in an alert, rather than failing with a stack.
    crm.run(OWNER, 'showSetUp');
    expect(crm.gas.ui.last('alert')).toMatchObject({ title: 'Set up / repair', prompt: message });
  });

  it('the other module and the everyday calls still work when one module is missing', () => {
    const crm = crmOver({ 'onDemand_pipeline.html': null });
    succeeded(crm.call(OWNER, 'setUpCrm'));
    succeeded(crm.call(OWNER, 'registerCustomer', { name: 'Ada Lovelace' }));
    const rebuilt = crm.call(OWNER, 'rebuildPipelineSummary');
    expect(rebuilt).toEqual({ ok: false, errors: { form: expect.stringMatching(/onDemand_pipeline\.html.*push/) } });
    crm.run(OWNER, 'showPipelineSummary');
    expect(crm.gas.ui.last('alert')?.prompt).toMatch(/onDemand_pipeline\.html/);
  });

  it('broken (a cut-off push, or a file of an older build): named too, never a crash', () => {
    const cut = crmOver({ 'onDemand_setup.html': 'var onDemand_setup = (function () {' });
    expect(cut.call(OWNER, 'setUpCrm')).toEqual({
      ok: false,
      errors: {
        form: expect.stringMatching(/onDemand_setup\.html \(its code does not run: .+\).*push the whole build/),
      },
    });
    const empty = crmOver({ 'onDemand_setup.html': '// nothing here\n' });
    expect(empty.call(OWNER, 'checkData')).toEqual({
      ok: false,
      errors: { form: expect.stringMatching(/onDemand_setup\.html \(it does not define onDemand_setup\)/) },
    });
    const older = crmOver({ 'onDemand_setup.html': 'var onDemand_setup = { setUpCrm: function () {} };\n' });
    expect(older.call(OWNER, 'checkData')).toEqual({
      ok: false,
      errors: { form: expect.stringMatching(/onDemand_setup\.html \(it has no function checkData\)/) },
    });
  });
});

describe('stack traces through an on-demand module', () => {
  interface Frame {
    file: string;
    line: number;
    column: number;
  }
  const framesOf = (stack: string): Frame[] =>
    [...stack.matchAll(/^\s+at (?:.*\()?(.+?):(\d+):(\d+)\)?$/gm)].map(([, file, line, column]) => ({
      file: String(file),
      line: Number(line),
      column: Number(column),
    }));
  const codeAt = (frame: Frame): string =>
    (fs.readFileSync(frame.file, 'utf8').split('\n')[frame.line - 1] ?? '').slice(frame.column - 1);

  it('an error inside a module names its src/**/*.ts line, not onDemand_*.html', () => {
    const crm = newCrm();
    // The module's own copy of guard.ts throws where it takes the lock.
    delete crm.gas.globals.LockService;
    let stack = '';
    try {
      crm.call(REP, 'rebuildPipelineSummary');
    } catch (error) {
      stack = String((error as Error).stack);
    }
    expect(stack).toMatch(/^ReferenceError: LockService is not defined\n/);
    const [top] = framesOf(stack);
    expect(top && path.relative(ROOT, top.file)).toBe(path.join('src', 'server', 'guard.ts'));
    expect(top && codeAt(top)).toMatch(/^LockService\.getDocumentLock\(\)/);
    expect(stack).not.toContain('onDemand_pipeline.html');
    expect(framesOf(stack).map((f) => path.relative(ROOT, f.file))).toContain(
      path.join('src', 'server', 'pipeline.ts'),
    );
  });

  it('the loader maps a module position itself, without jest', () => {
    const lines = fs.readFileSync(path.join(TEST_DIST_DIR, 'onDemand_setup.html'), 'utf8').split('\n');
    const index = lines.findIndex((text) => text.includes('LockService.getDocumentLock()'));
    const column = (lines[index] ?? '').indexOf('LockService') + 1;
    const [frame] = framesOf(
      mapBundleStack(`Error: x\n    at handleWrite (onDemand_setup.html:${index + 1}:${column})`),
    );
    expect(frame && path.relative(ROOT, frame.file)).toMatch(/^src[\\/].+\.ts$/);
    expect(frame && codeAt(frame)).toMatch(/^LockService\.getDocumentLock\(\)/);
  });
});

describe('the module files in dist/ and dist-test/', () => {
  /** The global a module file defines, with its function names, run as the loader runs it. */
  const exportsOf = (dir: string, name: string): string[] => {
    const realm = vm.createContext({});
    vm.runInContext(fs.readFileSync(path.join(dir, `${name}.html`), 'utf8'), realm);
    const module = (realm as Record<string, unknown>)[name] as Record<string, unknown>;
    return Object.keys(module)
      .filter((key) => typeof module[key] === 'function')
      .sort();
  };

  it.each(MODULES)(
    '%s: minified without a map in dist/, readable with its map in dist-test/, same functions',
    (name) => {
      const pushed = fs.readFileSync(path.join(DIST_DIR, `${name}.html`), 'utf8');
      const tested = fs.readFileSync(path.join(TEST_DIST_DIR, `${name}.html`), 'utf8');
      expect(pushed).not.toContain('sourceMappingURL');
      // No scriptlet opening: the file is created as an HtmlTemplate before its raw content is read.
      expect(`${pushed}${tested}`).not.toContain('<?');
      expect(pushed.split('\n').length).toBeLessThan(5);
      expect(pushed).toMatch(new RegExp(`^var ${name};`));
      expect(tested).toMatch(new RegExp(`//# sourceMappingURL=${name}\\.js\\.map\\n//# sourceURL=${name}\\.html\\n$`));
      expect(pushed).toMatch(new RegExp(`//# sourceURL=${name}\\.html\\n$`));
      expect(fs.existsSync(path.join(TEST_DIST_DIR, `${name}.js.map`))).toBe(true);
      expect(fs.readdirSync(DIST_DIR).filter((f) => f.endsWith('.map') || f.startsWith(`${name}.js`))).toEqual([]);
      // The functions its entry (src/onDemand/<name>.ts) re-exports, and only those, in both builds.
      const entry = fs.readFileSync(path.join(ROOT, 'src', 'onDemand', `${name.replace('onDemand_', '')}.ts`), 'utf8');
      const declared = [...entry.matchAll(/export \{([^}]+)\}/g)]
        .flatMap((match) => (match[1] ?? '').split(',').map((word) => word.trim()))
        .sort();
      expect(declared.length).toBeGreaterThan(0);
      expect(exportsOf(DIST_DIR, name)).toEqual(declared);
      expect(exportsOf(TEST_DIST_DIR, name)).toEqual(declared);
    },
  );

  it('Code.js has none of the modules’ code: their entry points are stubs', () => {
    const code = fs.readFileSync(path.join(DIST_DIR, 'Code.js'), 'utf8');
    const modules = MODULES.map((name) => fs.readFileSync(path.join(DIST_DIR, `${name}.html`), 'utf8')).join('\n');
    // Texts only the modules' code writes: Set up's report, the rebuild's status line.
    for (const text of ['All tabs were already there.', 'Last rebuilt ']) {
      expect(modules).toContain(text);
      expect(code).not.toContain(text);
    }
  });
});
