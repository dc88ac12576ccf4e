/**
 * `npm start`'s preview runs the pushed build (dist/: minified Code.js and onDemand_*.html): every CRM menu item, and
 * every server function an on-demand module serves, works there — the modules are read from dist/ as Apps Script
 * reads them from the project, and none is reported missing. (No browser: the preview's JSON API, as its page calls
 * it.)
 */

import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { MENU_ITEMS } from '../../src/server/ui';
import { type PreviewProcess, startPreview } from '../browser/support';

jest.setTimeout(120_000);

function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        try {
          resolve(JSON.parse(text) as Record<string, unknown>);
        } catch {
          reject(new Error(`Not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('error', reject);
    req.write(data);
    req.end();
  });
}

const MISSING = /could not load its file/;

describe('the preview with on-demand modules', () => {
  let dir = '';
  let server: PreviewProcess;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ondemand-preview-'));
    server = await startPreview(path.join(dir, 'workbook.json')); // the seeded demo pipeline
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const items = MENU_ITEMS.flatMap((item) => (item ? [item] : []));

  it.each(items)('menu item %s (%s) shows its page or report', async (_caption, functionName) => {
    const outcome = await post(`${server.url}api/menu`, { functionName });
    expect(outcome).toMatchObject({ ok: true });
    const shown = outcome.ui as { kind: string; html?: string; prompt?: string; message?: string }[];
    expect(shown.length).toBeGreaterThan(0);
    for (const event of shown) expect(`${event.prompt ?? ''}${event.message ?? ''}`).not.toMatch(MISSING);
  });

  it.each([
    ['rebuildPipelineSummary', []],
    ['getPipelineBoard', [{}]],
    ['findDuplicateGroups', []],
    ['checkData', []],
    ['checkSetUp', []],
    ['proposeImportMapping', []],
  ])('google.script.run.%s answers from its module', async (fn, args) => {
    const reply = await post(`${server.url}api/run`, { fn, args });
    expect(reply).toMatchObject({ ok: true });
    expect(JSON.stringify(reply.result)).not.toMatch(MISSING);
    // Each answers with its own result, not a refusal (the demo's Import tab is empty: the module's own answer says so).
    const result = reply.result as { ok?: boolean; errors?: Record<string, string> };
    if (fn === 'proposeImportMapping')
      expect(result.errors).toEqual({ import: expect.stringMatching(/^The Import tab is empty/) });
    else expect(result.errors).toBeUndefined();
  });
});
