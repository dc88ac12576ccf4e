/**
 * Loads the BUILT add-on (dist/Code.js) into a fresh node:vm context whose globals are the stand-in's
 * services, as Apps Script loads the whole bundle for every execution. `new Date()` and `Date.now()`
 * inside the bundle follow the stand-in's clock, so tests control time.
 */

import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

export const DIST_DIR = path.resolve(__dirname, '..', '..', 'dist');

/** A global function of the bundle, called with whatever a client sends. */
export type GlobalFunction = (...args: unknown[]) => unknown;

export interface LoadedBundle {
  readonly context: vm.Context;
  /** The global function `name`; throws if the bundle does not define it. */
  fn(name: string): GlobalFunction;
}

/** A Date whose "now" is the stand-in's virtual clock (Apps Script code only has `new Date()`). */
export function clockDate(now: () => number): DateConstructor {
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
  }
  return ClockDate as unknown as DateConstructor;
}

let cachedScript: { mtimeMs: number; script: vm.Script } | null = null;

/** The compiled bundle, recompiled only when dist/Code.js changes (parsing 150 KB costs ~10 ms). */
function bundleScript(file: string): vm.Script {
  const { mtimeMs } = fs.statSync(file);
  if (!cachedScript || cachedScript.mtimeMs !== mtimeMs) {
    cachedScript = { mtimeMs, script: new vm.Script(fs.readFileSync(file, 'utf8'), { filename: 'Code.js' }) };
  }
  return cachedScript.script;
}

/**
 * A fresh context with `globals` (and `DateCtor` as its Date, so cell Dates and script Dates are one
 * class) and the bundle run in it.
 */
export function loadBundle(
  globals: Record<string, unknown>,
  DateCtor: DateConstructor,
  file = path.join(DIST_DIR, 'Code.js'),
): LoadedBundle {
  const context = vm.createContext({ ...globals, Date: DateCtor });
  bundleScript(file).runInContext(context);
  return {
    context,
    fn(name: string): GlobalFunction {
      const value = (context as Record<string, unknown>)[name];
      if (typeof value !== 'function') throw new Error(`The bundle has no global function ${name}`);
      return value as GlobalFunction;
    },
  };
}

/** The names of the top-level function declarations of a script (what Apps Script lists as callable). */
export function topLevelFunctionNames(code: string): string[] {
  // A real parse (acorn, webpack's own parser), so nested functions never count.
  const program = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script' });
  return program.body.flatMap((node) => (node.type === 'FunctionDeclaration' && node.id ? [node.id.name] : []));
}

export function readHtmlFiles(dir = DIST_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    files[name.replace(/\.html$/, '')] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return files;
}
