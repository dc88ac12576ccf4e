/**
 * Loads a BUILT add-on (dist/Code.js, or the tests' dist-test/Code.js) into a fresh node:vm context whose globals are
 * the stand-in's services, as Apps Script loads the whole bundle for every execution. `new Date()` and `Date.now()`
 * inside the bundle follow the stand-in's clock, so tests control time. When the bundle has a source map (dist-test),
 * the stacks of errors thrown out of it name the TypeScript sources (src/server/guard.ts:48:18), not Code.js positions.
 */

import * as acorn from 'acorn';
import * as fs from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const ROOT = path.resolve(__dirname, '..', '..');
/** What `clasp push` sends: minified, no source map. Local tools (preview, bench) run it. */
export const DIST_DIR = path.join(ROOT, 'dist');
/** The same modules unminified, with Code.js.map: what the bundle tests run (webpack.config.js, config 'test'). */
export const TEST_DIST_DIR = path.join(ROOT, 'dist-test');

/** The project file name prefix of the on-demand modules (webpack.config.js, src/server/onDemand.ts). */
export const ON_DEMAND_PREFIX = 'onDemand_';

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

/** Rewrites the bundle's `file:line:column` positions in a stack's text to the TypeScript sources they came from. */
type StackMapper = (stack: string) => string;

/** Rewrites `<name>:line:column` positions in a stack through the source map `mapFile` (read on first use). */
function positionMapper(name: string, mapFile: string): StackMapper {
  let map: SourceMap | null = null;
  const positions = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g');
  return (stack) =>
    stack.replace(positions, (whole, line: string, column: string) => {
      map ??= new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')) as SourceMapPayload);
      const origin = map.findOrigin(Number(line), Number(column));
      // Lines without a mapping (gas-webpack-plugin's stubs, webpack's runtime) keep their bundle position.
      if (!('fileName' in origin)) return whole;
      return `${path.resolve(path.dirname(mapFile), origin.fileName)}:${origin.lineNumber}:${origin.columnNumber}`;
    });
}

/**
 * The mapper of `file` from its `//# sourceMappingURL=` map (null when it has none), read on first use: most
 * executions never format a stack.
 */
function stackMapper(file: string, code: string): StackMapper | null {
  const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  if (!url) return null;
  return positionMapper(file, path.resolve(path.dirname(file), url));
}

/**
 * Frames of the on-demand modules (onDemand_<name>.html next to Code.js) that the bundle ran by eval: V8 names
 * them by the `//# sourceURL=onDemand_<name>.html` the build ends each with, and each has its own map in
 * dist-test/. A module's mapper is made when a stack first names it (re-made when the file changes).
 */
function onDemandMapper(dir: string): StackMapper {
  const mappers = new Map<string, { mtimeMs: number; map: StackMapper | null }>();
  const frameNames = new RegExp(`\\b(${ON_DEMAND_PREFIX}\\w+\\.html):\\d+:\\d+`, 'g');
  const mapperOf = (name: string): StackMapper | null => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return null;
    const { mtimeMs } = fs.statSync(file);
    let entry = mappers.get(name);
    if (entry?.mtimeMs !== mtimeMs) {
      const code = fs.readFileSync(file, 'utf8');
      // The map comment comes before the sourceURL comment the build appends.
      const url = /\/\/# sourceMappingURL=(\S+)\s*(?:\/\/# sourceURL=\S+\s*)?$/.exec(code)?.[1];
      entry = { mtimeMs, map: url ? positionMapper(name, path.join(dir, url)) : null };
      mappers.set(name, entry);
    }
    return entry.map;
  };
  return (stack) => {
    const names = new Set([...stack.matchAll(frameNames)].map((match) => match[1] as string));
    let mapped = stack;
    for (const name of names) mapped = mapperOf(name)?.(mapped) ?? mapped;
    return mapped;
  };
}

interface CompiledBundle {
  mtimeMs: number;
  script: vm.Script;
  mapStack: StackMapper | null;
}

const compiled = new Map<string, CompiledBundle>();

/**
 * The compiled bundle, recompiled only when the file changes (compiling costs ~12 ms, minified or not). Named by its
 * absolute path, so stacks say which file and a source-map reader can find its map.
 */
function compiledBundle(file: string): CompiledBundle {
  const { mtimeMs } = fs.statSync(file);
  let entry = compiled.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) {
    const code = fs.readFileSync(file, 'utf8');
    const ownMapper = stackMapper(file, code);
    // A bundle with a map (dist-test) maps its on-demand modules' frames too; the minified dist/ has no maps.
    const modules = ownMapper ? onDemandMapper(path.dirname(file)) : null;
    const mapStack = ownMapper && modules ? (stack: string) => modules(ownMapper(stack)) : null;
    entry = { mtimeMs, script: new vm.Script(code, { filename: file }), mapStack };
    compiled.set(file, entry);
  }
  return entry;
}

/**
 * The error thrown out of the bundle with its stack mapped. Under jest, whose source-map-support reads the
 * sourceMappingURL of the file a vm.Script is named after, the stack is mapped already; elsewhere (the preview,
 * plain node) this does it. Reading `stack` here formats it while the bundle's frames are known.
 */
function withMappedStack(error: unknown, mapStack: StackMapper): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { stack } = error as { stack?: unknown };
  if (typeof stack !== 'string') return error;
  const mapped = mapStack(stack);
  if (mapped !== stack) (error as { stack: string }).stack = mapped;
  return error;
}

/** `stack` with the positions in `file` (a built Code.js with a source map) rewritten to the TypeScript sources. */
export function mapBundleStack(stack: string, file = path.join(TEST_DIST_DIR, 'Code.js')): string {
  const { mapStack } = compiledBundle(file);
  return mapStack ? mapStack(stack) : stack;
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
  const { script, mapStack } = compiledBundle(file);
  const context = vm.createContext({ ...globals, Date: DateCtor });
  script.runInContext(context);
  return {
    context,
    fn(name: string): GlobalFunction {
      const value = (context as Record<string, unknown>)[name];
      if (typeof value !== 'function') throw new Error(`The bundle has no global function ${name}`);
      if (!mapStack) return value as GlobalFunction;
      return (...args) => {
        try {
          return (value as GlobalFunction)(...args);
        } catch (error) {
          throw withMappedStack(error, mapStack);
        }
      };
    },
  };
}

/** The names of the top-level function declarations of a script (what Apps Script lists as callable). */
export function topLevelFunctionNames(code: string): string[] {
  // A real parse (acorn, webpack's own parser), so nested functions never count.
  const program = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script' });
  return program.body.flatMap((node) => (node.type === 'FunctionDeclaration' && node.id ? [node.id.name] : []));
}

/**
 * The built .html files of `dir` by name without extension: the pages (sidebar, dialogs), and with `'all'` also the
 * on-demand modules (onDemand_*.html, JavaScript that the bundle reads with getRawContent) — what HtmlService serves.
 */
export function readHtmlFiles(dir = DIST_DIR, which: 'pages' | 'all' = 'pages'): Record<string, string> {
  const files: Record<string, string> = {};
  const wanted = (f: string): boolean => f.endsWith('.html') && (which === 'all' || !f.startsWith(ON_DEMAND_PREFIX));
  for (const name of fs.readdirSync(dir).filter(wanted)) {
    files[name.replace(/\.html$/, '')] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return files;
}
