/**
 * The `npm start` server (Node http only): the sheet-like page at `/` and a small JSON API over one
 * PreviewSession (the built add-on in the stand-in). See protocol.ts for the shapes.
 *
 *   GET  /                 the page (index.html, /style.css, /app.js)
 *   GET  /api/state?user=  → { state }            (state as that user sees it)
 *   GET  /api/changes      → { changes }          (how many times the workbook changed: pages poll it)
 *   GET  /api/cell?sheet=Customers&a1=B2  → { input, display, note }   (formula bar)
 *   POST /api/run    { user, fn, args }          google.script.run.fn(...args) as that user
 *   POST /api/menu   { user, functionName }      a menu item
 *   POST /api/user   { email }                   someone sits down at a tab (onOpen runs for them)
 *   POST /api/select { user, sheet, a1? }        the tab/cell they look at (getActiveSheet / getActiveRange)
 *   POST /api/edit   { user, sheet, a1, value }  a person types into a cell (then onEdit)
 *   POST /api/paste  { user, sheet, a1, values } a person pastes rows of cells at a1 (then ONE onEdit)
 *
 * Each browser tab sends its own `user` (the page keeps it per tab), so two tabs can be two people; a request
 * without one runs as the server's default person (the owner, or whoever last sat down through /api/user).
 * Only requests addressed to localhost are answered (no DNS rebinding), and POSTs must be JSON (no
 * cross-site form posts). The workbook is saved to the data file after every request that may change it.
 */

import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createStandIn } from '../gas';
import { type PageAssets, loadPageAssets, projectRoot } from './assets';
import type { PreviewState } from './protocol';
import { DEMO_OWNER, DEMO_STAFF, DEMO_VISITOR, seedDemo } from './seed';
import { PreviewSession } from './session';
import { WorkbookStore } from './store';

export interface PreviewOptions {
  /** 0 = any free port. */
  port: number;
  /** Interface to listen on (default 127.0.0.1: the preview is for this machine only). */
  host?: string;
  /** The workbook file (CRM_DATA). */
  dataFile: string;
  /** With no workbook file yet: start from a blank spreadsheet instead of the demo pipeline. */
  empty?: boolean;
  /** The built add-on (default <project>/dist). */
  distDir?: string;
  /** Progress and execution logs (default console.log). */
  log?: (line: string) => void;
}

export interface RunningPreview {
  readonly url: string;
  readonly port: number;
  readonly session: PreviewSession;
  /** How the workbook was obtained: loaded from the file, seeded with the demo, or blank. */
  readonly origin: 'loaded' | 'demo' | 'empty';
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is in use: set PORT=... and try again`);
  }
}

export class PreviewStartError extends Error {}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `body()`, with a RangeError (a bad sheet, cell or person named by the page) answered as 400 Bad Request. */
function asBadRequest<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, error.message);
    throw error;
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) {
      reject(new HttpError(415, 'POST bodies must be application/json.'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function stringField(body: unknown, name: string, optional = false): string {
  const value = field(body, name);
  if (value === undefined && optional) return '';
  if (typeof value !== 'string') throw new HttpError(400, `"${name}" must be a string.`);
  return value;
}

/** A list of rows of strings (a pasted block). */
function rowsField(body: unknown, name: string): string[][] {
  const value = field(body, name);
  if (
    !Array.isArray(value) ||
    !value.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'))
  ) {
    throw new HttpError(400, `"${name}" must be a list of rows of strings.`);
  }
  return value as string[][];
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocalHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
  return LOCAL_HOSTS.has(host);
}

/** The workbook to start from: the data file, else the demo (or a blank spreadsheet with `empty`). */
function initialWorkbook(store: WorkbookStore, options: PreviewOptions, distDir: string, log: (line: string) => void) {
  const saved = store.load();
  if (saved) {
    if (options.empty)
      log(`Note: ${store.file} exists, so --empty has no effect (delete it or set CRM_DATA to start empty).`);
    return { saved, origin: 'loaded' as const };
  }
  if (options.empty) {
    const blank = createStandIn({ owner: DEMO_OWNER, editors: [...DEMO_STAFF, DEMO_VISITOR] }).toJSON();
    blank.workbook.name = 'Pipeline CRM';
    store.save(blank);
    return { saved: blank, origin: 'empty' as const };
  }
  const seeded = seedDemo({ distDir });
  store.save(seeded);
  return { saved: seeded, origin: 'demo' as const };
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? ((line: string) => console.log(line));
  const root = projectRoot();
  const distDir = options.distDir ?? path.join(root, 'dist');
  if (!fs.existsSync(path.join(distDir, 'Code.js'))) {
    throw new PreviewStartError(
      `${path.join(distDir, 'Code.js')} is missing: run \`npm run build\` first (npm start does).`,
    );
  }
  const assets: PageAssets = loadPageAssets(root);
  const store = new WorkbookStore(path.resolve(options.dataFile));
  const { saved, origin } = initialWorkbook(store, options, distDir, log);

  let port = options.port;
  const session = new PreviewSession({
    saved,
    distDir,
    store,
    withRunner: assets.withRunner,
    origin: () => `http://localhost:${port}`,
    log,
  });
  session.save();

  const api = (res: http.ServerResponse, status: number, user: string, value: object): void => {
    const state: PreviewState = session.state(user);
    sendJson(res, status, { ...value, state });
  };

  /** The person a request is from: its `user` (checked), else the session's default person. */
  const userOf = (email: unknown): string => {
    if (email !== undefined && typeof email !== 'string') throw new HttpError(400, '"user" must be a string.');
    try {
      return session.userOf(email);
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(400, error.message);
      throw error;
    }
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isLocalHost(req.headers.host)) throw new HttpError(421, 'This preview only answers requests for localhost.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        return send(res, 200, 'text/html; charset=utf-8', assets.indexHtml);
      case 'GET /style.css':
        return send(res, 200, 'text/css; charset=utf-8', assets.styleCss);
      case 'GET /app.js':
        return send(res, 200, 'text/javascript; charset=utf-8', assets.appJs);
      case 'GET /favicon.ico':
        res.writeHead(204).end();
        return;
      case 'GET /api/state':
        return api(res, 200, userOf(url.searchParams.get('user') ?? undefined), {});
      case 'GET /api/changes':
        return sendJson(res, 200, { changes: session.changeCount });
      case 'GET /api/cell': {
        try {
          return sendJson(
            res,
            200,
            session.cell(url.searchParams.get('sheet') ?? '', url.searchParams.get('a1') ?? ''),
          );
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
      }
      case 'POST /api/run': {
        const body = await readBody(req);
        const fn = stringField(body, 'fn');
        const args = field(body, 'args') ?? [];
        if (!Array.isArray(args)) throw new HttpError(400, '"args" must be an array.');
        const user = userOf(field(body, 'user'));
        return api(res, 200, user, session.run(user, fn, args));
      }
      case 'POST /api/menu': {
        const body = await readBody(req);
        const user = userOf(field(body, 'user'));
        return api(res, 200, user, session.menu(user, stringField(body, 'functionName')));
      }
      case 'POST /api/user': {
        const body = await readBody(req);
        const user = asBadRequest(() => session.switchUser(stringField(body, 'email')));
        return api(res, 200, user, { ok: true });
      }
      case 'POST /api/select': {
        const body = await readBody(req);
        const user = userOf(field(body, 'user'));
        asBadRequest(() =>
          session.select(user, stringField(body, 'sheet'), stringField(body, 'a1', true) || undefined),
        );
        return api(res, 200, user, { ok: true });
      }
      case 'POST /api/edit': {
        const body = await readBody(req);
        const user = userOf(field(body, 'user'));
        return api(
          res,
          200,
          user,
          session.edit(user, stringField(body, 'sheet'), stringField(body, 'a1'), stringField(body, 'value')),
        );
      }
      case 'POST /api/paste': {
        const body = await readBody(req);
        const user = userOf(field(body, 'user'));
        return api(
          res,
          200,
          user,
          session.paste(user, stringField(body, 'sheet'), stringField(body, 'a1'), rowsField(body, 'values')),
        );
      }
      default:
        throw new HttpError(
          url.pathname.startsWith('/api/') || req.method === 'GET' ? 404 : 405,
          `Not found: ${route}`,
        );
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { error: error.message });
        return;
      }
      log(`Internal error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, { error: `Internal error: ${(error as Error).message}` });
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(options.port));
      else if (error.code === 'EACCES')
        reject(
          new PreviewStartError(
            `Port ${options.port} needs privileges: set PORT=8080 (or another port above 1023) and try again`,
          ),
        );
      else reject(error);
    };
    server.once('error', onError);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}/`,
    port,
    session,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
