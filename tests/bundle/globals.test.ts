/**
 * Both builds of the add-on — dist/ (what clasp pushes, minified) and dist-test/ (what the bundle tests run, readable,
 * with its source map) — expose every function of the spec's API as Apps Script requires, and differ in nothing else.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHarness } from '../../local/bundle/harness';
import { DIST_DIR, TEST_DIST_DIR, readHtmlFiles, topLevelFunctionNames } from '../../local/bundle/loadBundle';
import { OWNER, REP, START_MS, succeeded } from '../support/crm';

const SPEC_FUNCTIONS = [
  'onOpen',
  'onInstall',
  'onEdit',
  'setUpCrm',
  'registerCustomer',
  'updateCustomer',
  'updateCustomerStatus',
  'getCustomer',
  'searchCustomers',
  'listCustomers',
  'rebuildPipelineSummary',
  'importCustomers',
  'archiveCustomer',
  'restoreCustomer',
  'findDuplicateGroups',
  'mergeCustomers',
];

const MENU_FUNCTIONS = [
  'showRegisterSidebar',
  'showSearchDialog',
  'showPipelineBoard',
  'showPipelineSummary',
  'showImportSidebar',
  'showFindDuplicates',
  'showDataCheck',
  'showSetUpCheck',
  'showSetUp',
];
const CLIENT_FUNCTIONS = ['openCustomerSidebar', 'getPipelineBoard', 'proposeImportMapping', 'checkData', 'checkSetUp'];

const OUTPUTS = [
  ['dist', DIST_DIR],
  ['dist-test', TEST_DIST_DIR],
] as const;

const codeOf = (dir: string): string => fs.readFileSync(path.join(dir, 'Code.js'), 'utf8');

describe.each(OUTPUTS)('%s/Code.js', (_name, dir) => {
  const code = codeOf(dir);
  const names = topLevelFunctionNames(code);

  it.each([...SPEC_FUNCTIONS, ...MENU_FUNCTIONS, ...CLIENT_FUNCTIONS])(
    'declares %s as a top-level function',
    (name) => {
      expect(names).toContain(name);
    },
  );

  it('is a plain script Apps Script can load: no import/export, no require of Node modules', () => {
    expect(code).not.toMatch(/\brequire\(["'](fs|path|vm|node:)/);
    expect(() => new Function(code)).not.toThrow();
  });

  it('ships the manifest and the pages next to the code', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    for (const page of ['sidebar.html', 'search.html', 'import.html', 'duplicates.html']) {
      expect(fs.existsSync(path.join(dir, page))).toBe(true);
    }
  });

  it('runs the real implementation behind each stub, not the empty stub', () => {
    const crm = createHarness({ owner: OWNER, editors: [REP], startMs: START_MS, distDir: dir });
    // Before set-up a write reaches the server code, which explains what to do.
    const result = crm.call(OWNER, 'registerCustomer', { name: 'Ada' });
    expect(result).toEqual({ ok: false, errors: { form: expect.stringContaining('Set up / repair') } });
    expect(crm.call(OWNER, 'searchCustomers', 'x')).toEqual({
      ok: false,
      errors: { form: expect.stringContaining('Customers tab is missing') },
    });
    // After it, a save and a read go through the whole server code of this build.
    expect(crm.call(OWNER, 'setUpCrm').ok).toBe(true);
    const { customer } = succeeded(crm.call(OWNER, 'registerCustomer', { name: 'Ada Lovelace', dealValue: '1,200' }));
    expect(crm.call(REP, 'getCustomer', customer.id)).toMatchObject({
      ok: true,
      customer: { name: 'Ada Lovelace', dealValue: 1200 },
    });
  });
});

describe('dist/ and dist-test/', () => {
  it('dist/ has no source map and is minified; dist-test/ is readable and points at its map', () => {
    const pushed = codeOf(DIST_DIR);
    const tested = codeOf(TEST_DIST_DIR);
    expect(pushed).not.toContain('sourceMappingURL');
    expect(fs.existsSync(path.join(DIST_DIR, 'Code.js.map'))).toBe(false);
    expect(pushed.split('\n').length).toBeLessThan(100); // the stubs, then a few long lines
    expect(tested).toMatch(/\n\/\/# sourceMappingURL=Code\.js\.map\s*$/);
    expect(fs.existsSync(path.join(TEST_DIST_DIR, 'Code.js.map'))).toBe(true);
  });

  it('the pages and the manifest are the same bytes in both', () => {
    expect(readHtmlFiles(TEST_DIST_DIR)).toEqual(readHtmlFiles(DIST_DIR));
    const manifest = (dir: string): string => fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8');
    expect(manifest(TEST_DIST_DIR)).toBe(manifest(DIST_DIR));
  });
});
