/**
 * The preview server's contract without a browser: a busy port is reported plainly, `--empty` starts from a
 * blank spreadsheet, the JSON API answers as google.script.run would (as the user each request names), pastes
 * a block as one edit, refuses what is not for it, and the workbook file is rewritten (atomically) after a change.
 */

import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type PreviewProcess, runPreviewToExit, startPreview } from './support';

jest.setTimeout(120_000);

interface Json {
  status: number;
  body: Record<string, unknown>;
}

function request(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      { method, headers: { ...(data ? { 'Content-Type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
          } catch {
            reject(new Error(`Not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

describe('preview server', () => {
  let dir = '';

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-preview-server-'));
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says which port is busy and exits with 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const exit = await runPreviewToExit({ PORT: String(port), CRM_DATA: path.join(dir, 'busy.json') });
      expect(exit.code).toBe(1);
      expect(exit.stderr).toContain(`Port ${port} is in use: set PORT=... and try again`);
    } finally {
      blocker.close();
    }
  });

  describe('started with --empty', () => {
    let server: PreviewProcess;
    const dataFile = () => path.join(dir, 'empty.json');

    beforeAll(async () => {
      server = await startPreview(dataFile(), ['--empty']);
    });

    afterAll(async () => {
      await server?.stop();
    });

    it('serves the page and a blank spreadsheet with the CRM menu', async () => {
      const page = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
        http
          .get(server.url, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }),
            );
          })
          .on('error', reject);
      });
      expect(page.status).toBe(200);
      expect(page.type).toMatch(/text\/html/);
      expect(page.text).toContain('/app.js');

      const { body } = await request(`${server.url}api/state`, 'GET');
      const state = body.state as { sheets: { name: string }[]; user: string; menus: { caption: string }[] };
      expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
      expect(state.user).toBe('owner@example.com');
      expect(state.menus.map((m) => m.caption)).toEqual(['CRM']);
      expect(fs.existsSync(dataFile())).toBe(true);
    });

    it('runs server functions as google.script.run would, and saves the workbook after a change', async () => {
      const missing = await request(`${server.url}api/run`, 'POST', { fn: 'noSuchFunction', args: [] });
      expect(missing.body).toMatchObject({
        ok: false,
        error: 'ScriptError: Script function not found: noSuchFunction',
      });

      const before = fs.readFileSync(dataFile(), 'utf8');
      const setUp = await request(`${server.url}api/menu`, 'POST', { functionName: 'showSetUp' });
      expect(setUp.body).toMatchObject({ ok: true });
      expect((setUp.body.ui as { kind: string }[]).map((u) => u.kind)).toContain('alert');
      const after = fs.readFileSync(dataFile(), 'utf8');
      expect(after).not.toBe(before);
      expect(JSON.parse(after).workbook.sheets.map((s: { name: string }) => s.name)).toEqual(
        expect.arrayContaining(['Customers', 'History', 'Pipeline', 'Settings', 'Import']),
      );
      // The empty, untouched Sheet1 of the new spreadsheet is gone (issue 20).
      expect(JSON.parse(after).workbook.sheets.map((s: { name: string }) => s.name)).not.toContain('Sheet1');
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      const sidebar = await request(`${server.url}api/menu`, 'POST', { functionName: 'showRegisterSidebar' });
      const shown = (sidebar.body.ui as { kind: string; html: string }[]).find((u) => u.kind === 'sidebar');
      expect(shown?.html).toContain('window.__gasPreviewConfig=');
      expect(shown?.html.indexOf('__gasPreviewConfig')).toBeLessThan(shown?.html.indexOf('<body') ?? 0);

      const registered = await request(`${server.url}api/run`, 'POST', {
        fn: 'registerCustomer',
        args: [{ name: 'Ada Lovelace', company: 'Analytical Engines' }],
      });
      expect(registered.body).toMatchObject({
        ok: true,
        result: { ok: true, customer: { name: 'Ada Lovelace', createdBy: 'owner@example.com' } },
      });

      const switched = await request(`${server.url}api/user`, 'POST', { email: 'visitor@example.com' });
      expect((switched.body.state as { user: string }).user).toBe('visitor@example.com');
      const refused = await request(`${server.url}api/run`, 'POST', {
        fn: 'registerCustomer',
        args: [{ name: 'Eve' }],
      });
      expect(refused.body).toMatchObject({ ok: true, result: { ok: false } });
    });

    it('runs each request as the user it names (else the default), and pastes a block as one edit', async () => {
      // The previous test left visitor@example.com as the default person.
      const asOwner = await request(`${server.url}api/run`, 'POST', {
        user: 'owner@example.com',
        fn: 'registerCustomer',
        args: [{ name: 'Grace Hopper' }],
      });
      expect(asOwner.body).toMatchObject({
        ok: true,
        result: { ok: true, customer: { createdBy: 'owner@example.com' } },
      });
      expect((asOwner.body.state as { user: string }).user).toBe('owner@example.com');
      const asDefault = await request(`${server.url}api/state`, 'GET');
      expect((asDefault.body.state as { user: string }).user).toBe('visitor@example.com');
      expect((await request(`${server.url}api/state?user=not-an-email`, 'GET')).status).toBe(400);
      expect(
        (await request(`${server.url}api/run`, 'POST', { user: 42, fn: 'searchCustomers', args: [] })).status,
      ).toBe(400);

      const { changes } = (await request(`${server.url}api/changes`, 'GET')).body as { changes: number };
      const pasted = await request(`${server.url}api/paste`, 'POST', {
        user: 'owner@example.com',
        sheet: 'Import',
        a1: 'B2',
        values: [['a', 'b'], ['c']],
      });
      expect(pasted.body).toMatchObject({ ok: true });
      const sheet1 = (pasted.body.state as { sheets: { name: string; values: string[][] }[] }).sheets.find(
        (s) => s.name === 'Import',
      );
      expect(sheet1?.values.slice(1, 3).map((row) => row.slice(1, 3))).toEqual([
        ['a', 'b'],
        ['c', ''],
      ]);
      expect(server.output()).toContain(
        '[edit] owner@example.com: Import!B2:C3 pasted (2 rows × 2 columns), onEdit ran once',
      );
      expect(((await request(`${server.url}api/changes`, 'GET')).body as { changes: number }).changes).toBeGreaterThan(
        changes,
      );

      const tooBig = await request(`${server.url}api/paste`, 'POST', {
        sheet: 'Import',
        a1: 'Z1',
        values: [['a', 'b']],
      });
      expect(tooBig.body).toMatchObject({ ok: false, error: expect.stringContaining('does not fit in Import') });
      expect(
        (await request(`${server.url}api/paste`, 'POST', { sheet: 'Import', a1: 'A1', values: 'a\tb' })).status,
      ).toBe(400);
      expect(
        (await request(`${server.url}api/paste`, 'POST', { sheet: 'Import', a1: 'A1', values: [[1]] })).status,
      ).toBe(400);
    });

    it('refuses requests that are not for it', async () => {
      expect((await request(`${server.url}api/state`, 'GET', undefined, { Host: 'attacker.example' })).status).toBe(
        421,
      );
      expect((await request(`${server.url}api/run`, 'POST', undefined, { 'Content-Type': 'text/plain' })).status).toBe(
        415,
      );
      expect((await request(`${server.url}api/run`, 'POST', { fn: 'searchCustomers', args: 'x' })).status).toBe(400);
      expect((await request(`${server.url}api/nothing`, 'GET')).status).toBe(404);
    });
  });
});
