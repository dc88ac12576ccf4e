/**
 * `node local/run.js sizes [--top N]`: per output of the build — dist/Code.js (loaded on every call, the 100 KB
 * target) and each on-demand module dist/onDemand_<name>.html (loaded only by the calls that need it) — what each
 * source module adds to it, largest first. webpack's concatenated output has no per-module boundaries once minified,
 * so this bundles each entry (src/index.ts, src/onDemand/<name>.ts) again with esbuild (minified, tree-shaken, the
 * same es2019 target) and reads its metafile: each total comes within a few % of the built file, and each module's
 * bytes are its share. A module that is in both Code.js and an on-demand module is in both outputs (each has its
 * own copy).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** node_modules/zod/v4/core/x.js → zod: package name of a dependency's file, or the file itself for our own. */
function groupOf(file: string): string {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) return file;
  const [first, second] = file.slice(at + 'node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? file);
}

/** The outputs of the build: [what dist/ calls it, its entry]. */
function outputs(): [string, string][] {
  const onDemandDir = path.join(ROOT, 'src', 'onDemand');
  const modules = fs
    .readdirSync(onDemandDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file): [string, string] => [`onDemand_${file.replace(/\.ts$/, '')}.html`, path.join(onDemandDir, file)]);
  return [['Code.js', path.join(ROOT, 'src', 'index.ts')], ...modules];
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1).padStart(7);

function report(output: string, entry: string, top: number): void {
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2019',
    metafile: true,
    write: false,
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
  const built = Object.values(result.metafile.outputs)[0];
  if (built === undefined) throw new Error('esbuild wrote no output');
  const modules = Object.entries(built.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const groups = new Map<string, number>();
  for (const { file, bytes } of modules) {
    const group = file.includes('node_modules/') ? groupOf(file) : file.split('/').slice(0, 2).join('/');
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const distFile = path.join(ROOT, 'dist', output);
  const builtSize = fs.existsSync(distFile)
    ? `; dist/${output} is ${kb(fs.statSync(distFile).size).trim()} KB (terser)`
    : '';
  const when = output === 'Code.js' ? 'loaded on every call' : 'loaded only by the calls that need it';
  console.log(`\n=== ${output} (${when}): minified total ${kb(built.bytes).trim()} KB (esbuild${builtSize})`);
  console.log('by folder or package:');
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${kb(bytes)} KB  ${group}`);
  console.log(`largest ${top} modules:`);
  for (const { file, bytes } of modules.slice(0, top)) console.log(`${kb(bytes)} KB  ${path.relative(ROOT, file)}`);
}

function main(): void {
  const top = Number(argValue('--top') ?? 40);
  for (const [output, entry] of outputs()) report(output, entry, top);
}

main();
