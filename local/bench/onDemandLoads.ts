/**
 * Which on-demand modules (dist/onDemand_*.html) each measured execution loaded, for the cost model: the bundle
 * reads a module with HtmlService.createTemplateFromFile(name).getRawContent(), so a wrapper over the stand-in's
 * HtmlService (the globals every fresh bundle load starts from) records the onDemand_* names asked for.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Harness } from '../bundle/harness';
import { ON_DEMAND_PREFIX } from '../bundle/loadBundle';

const watched = new WeakMap<Harness, string[]>();

/** The module names read since the list was last emptied (the caller empties it before each measured call). */
export function onDemandLoadsOf(crm: Harness): string[] {
  let loads = watched.get(crm);
  if (!loads) {
    const list: string[] = [];
    const real = crm.gas.globals.HtmlService as { createTemplateFromFile(name: unknown): unknown };
    crm.gas.globals.HtmlService = new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'createTemplateFromFile') return Reflect.get(target, key, receiver);
        return (name: unknown): unknown => {
          if (typeof name === 'string' && name.startsWith(ON_DEMAND_PREFIX)) list.push(name);
          return target.createTemplateFromFile(name);
        };
      },
    });
    watched.set(crm, list);
    loads = list;
  }
  return loads;
}

/** `dist/<name>.html`'s bytes for each module name. */
export function onDemandBytes(distDir: string, names: readonly string[]): number[] {
  return names.map((name) => fs.statSync(path.join(distDir, `${name}.html`)).size);
}

/** Every on-demand module of a build with its bytes, largest first. */
export function onDemandModuleSizes(distDir: string): { file: string; bytes: number }[] {
  return fs
    .readdirSync(distDir)
    .filter((file) => file.startsWith(ON_DEMAND_PREFIX) && file.endsWith('.html'))
    .map((file) => ({ file, bytes: fs.statSync(path.join(distDir, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
}
