/** The built dist/Code.js exposes every function of the spec's API as Apps Script requires. */

import * as fs from 'fs';
import * as path from 'path';
import { DIST_DIR, topLevelFunctionNames } from '../../local/bundle/loadBundle';
import { OWNER, newCrm } from '../support/crm';

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
];

const MENU_FUNCTIONS = ['showRegisterSidebar', 'showSearchDialog', 'showPipelineSummary', 'showImportSidebar', 'showDataCheck', 'showSetUpCheck', 'showSetUp'];
const CLIENT_FUNCTIONS = ['openCustomerSidebar', 'proposeImportMapping', 'checkData', 'checkSetUp'];

const code = fs.readFileSync(path.join(DIST_DIR, 'Code.js'), 'utf8');

describe('dist/Code.js', () => {
  it.each([...SPEC_FUNCTIONS, ...MENU_FUNCTIONS, ...CLIENT_FUNCTIONS])('declares %s as a top-level function', (name) => {
    expect(topLevelFunctionNames(code)).toContain(name);
  });

  it('is a plain script Apps Script can load: no import/export, no require of Node modules', () => {
    expect(code).not.toMatch(/\brequire\(["'](fs|path|vm|node:)/);
    expect(() => new Function(code)).not.toThrow();
  });

  it('ships the manifest and the pages next to the code', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    for (const page of ['sidebar.html', 'search.html', 'import.html']) {
      expect(fs.existsSync(path.join(DIST_DIR, page))).toBe(true);
    }
  });

  it('runs the real implementation behind each stub, not the empty stub', () => {
    const crm = newCrm({ setUp: false });
    // Before set-up a write reaches the server code, which explains what to do.
    const result = crm.call(OWNER, 'registerCustomer', { name: 'Ada' });
    expect(result).toEqual({ ok: false, errors: { form: expect.stringContaining('Set up / repair') } });
    expect(crm.call(OWNER, 'searchCustomers', 'x')).toEqual({ ok: false, errors: { form: expect.stringContaining('Customers tab is missing') } });
  });
});
