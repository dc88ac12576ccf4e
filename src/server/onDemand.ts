/**
 * Loads an on-demand module (src/onDemand/<name>.ts, pushed as the project file onDemand_<name>.html) by name,
 * once per execution. Apps Script parses every .gs file on every call, so the occasional features live in .html
 * files instead: their raw content is read (HtmlTemplate.getRawContent) and run by an indirect eval, which defines
 * the one global object the module's code declares (`var onDemand_<name> = …`), only in the calls that need it.
 *
 * The module is a separate copy of the code it uses and runs each entry point whole (access, lock, error mapping),
 * so only plain values cross: its errors are not `instanceof` this copy's classes, and nothing here needs them to be.
 */

import type * as ArchiveModule from '../onDemand/archive';
import type * as ImportModule from '../onDemand/import';
import type * as PipelineModule from '../onDemand/pipeline';
import type * as SetupModule from '../onDemand/setup';
import type { Failure } from '../domain/results';
import { failure } from './failure';

/** The on-demand modules and what each exports (type-only imports: no code of theirs enters Code.js). */
export interface OnDemandModules {
  archive: typeof ArchiveModule;
  import: typeof ImportModule;
  pipeline: typeof PipelineModule;
  setup: typeof SetupModule;
}

export type OnDemandName = keyof OnDemandModules;

/** The project file that holds module `name` (without ".html", as createTemplateFromFile takes it). */
export function onDemandFile(name: OnDemandName): string {
  return `onDemand_${name}`;
}

/** A module file missing from the project, unreadable, or not what this Code.js expects (a partial push). */
export class OnDemandLoadError extends Error {
  constructor(file: string, reason: string) {
    super(
      `The CRM could not load its file ${file}.html (${reason}). Nothing was changed. The project is incomplete: ` +
        'push the whole build again (every file of dist/, e.g. npm run deploy), then try again.',
    );
    this.name = 'OnDemandLoadError';
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Modules already loaded in this execution (each execution starts with a fresh global scope). */
const loaded = new Map<OnDemandName, unknown>();

/** Module `name`, loaded on first use in this execution; throws OnDemandLoadError when its file cannot serve. */
export function loadOnDemand<K extends OnDemandName>(name: K): OnDemandModules[K] {
  const cached = loaded.get(name);
  if (cached !== undefined) return cached as OnDemandModules[K];
  const file = onDemandFile(name);
  let code: string;
  try {
    code = HtmlService.createTemplateFromFile(file).getRawContent();
  } catch (error) {
    throw new OnDemandLoadError(file, reasonOf(error));
  }
  try {
    // Why eval is safe here: the code is our own project file, pushed with Code.js from the same build and of the
    // same trust as Code.js; no data (cells, arguments, properties) ever reaches this line. Indirect eval: the
    // module's top-level `var` becomes a global, and none of this function's scope is visible to it.
    // biome-ignore lint/security/noGlobalEval: loads our own on-demand module file, never data (see above).
    globalThis.eval(code);
  } catch (error) {
    throw new OnDemandLoadError(file, `its code does not run: ${reasonOf(error)}`);
  }
  const module: unknown = (globalThis as Record<string, unknown>)[file];
  if (typeof module !== 'object' || module === null) {
    throw new OnDemandLoadError(file, `it does not define ${file}`);
  }
  loaded.set(name, module);
  return module as OnDemandModules[K];
}

/** Function `fn` of module `name`, checked: a file from an older build may lack it. */
function functionOf(name: OnDemandName, fn: string): (...args: unknown[]) => unknown {
  const target = (loadOnDemand(name) as unknown as Record<string, unknown>)[fn];
  if (typeof target !== 'function') throw new OnDemandLoadError(onDemandFile(name), `it has no function ${fn}`);
  return target as (...args: unknown[]) => unknown;
}

/**
 * A server function (google.script.run) that runs `fn` of module `name`: a module that cannot be loaded answers
 * the API's `{ ok: false, errors: { form } }` with nothing changed, like any refused call.
 */
export function onDemandCall<K extends OnDemandName, F extends keyof OnDemandModules[K] & string>(
  name: K,
  fn: F,
): OnDemandModules[K][F] {
  const call = (...args: unknown[]): unknown => {
    let target: (...args: unknown[]) => unknown;
    try {
      target = functionOf(name, fn);
    } catch (error) {
      if (error instanceof OnDemandLoadError) return failure({ form: error.message }) satisfies Failure;
      throw error;
    }
    return target(...args);
  };
  // The wrapper passes its arguments through and returns the module's result (or a Failure, which every server
  // function's result type includes): it has the module function's type.
  return call as unknown as OnDemandModules[K][F];
}

/** A menu item that runs `fn` of module `name`: a module that cannot be loaded is said in an alert titled `title`. */
export function onDemandMenuItem<K extends OnDemandName, F extends keyof OnDemandModules[K] & string>(
  name: K,
  fn: F,
  title: string,
): () => void {
  return (): void => {
    let target: (...args: unknown[]) => unknown;
    try {
      target = functionOf(name, fn);
    } catch (error) {
      if (!(error instanceof OnDemandLoadError)) throw error;
      const ui = SpreadsheetApp.getUi();
      ui.alert(title, error.message, ui.ButtonSet.OK);
      return;
    }
    target();
  };
}
