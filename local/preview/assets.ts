/**
 * The page's own files (local/preview/page): index.html and style.css as they are, app.ts and runner.ts
 * bundled for the browser with esbuild at start-up. runner.ts becomes the `google.script` put in front of
 * every sidebar's and dialog's HTML (withRunner).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CONFIG_GLOBAL, type GoogleScriptConfig } from '../bundle/googleScript';

/** The project root: the nearest directory above this file holding package.json and local/preview/page. */
export function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'local', 'preview', 'page')))
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the project root above ${from}`);
  }
}

export interface PageAssets {
  readonly indexHtml: string;
  readonly styleCss: string;
  readonly appJs: string;
  readonly runnerJs: string;
  withRunner(html: string, config: GoogleScriptConfig): string;
}

/** `entry` and what it imports as one script for the browser (the preview's page and frames, the html tests' pages). */
export function browserBundle(entry: string): string {
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'chrome100',
    platform: 'browser',
    write: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * `html` with one <script> defining google.script in front of the page's own code: right after <head> when
 * there is one, else after the doctype (a script before the doctype would switch the page to quirks mode).
 */
export function injectScript(html: string, script: string): string {
  const tag = `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return html.slice(0, doctype[0].length) + tag + html.slice(doctype[0].length);
  return tag + html;
}

export function loadPageAssets(root = projectRoot()): PageAssets {
  const dir = path.join(root, 'local', 'preview', 'page');
  const runnerJs = browserBundle(path.join(dir, 'runner.ts'));
  return {
    indexHtml: fs.readFileSync(path.join(dir, 'index.html'), 'utf8'),
    styleCss: fs.readFileSync(path.join(dir, 'style.css'), 'utf8'),
    appJs: browserBundle(path.join(dir, 'app.ts')),
    runnerJs,
    withRunner: (html, config) => injectScript(html, `window.${CONFIG_GLOBAL}=${scriptJson(config)};\n${runnerJs}`),
  };
}
