/**
 * `node local/run.js sizes [--top N]`: what each source module adds to the minified bundle, largest first, to see
 * what grew toward the 100 KB target (dist/Code.js). webpack's concatenated output has no per-module boundaries
 * once minified, so this bundles src/index.ts again with esbuild (minified, tree-shaken, the same es2019 target)
 * and reads its metafile: the total comes within ~1% of dist/Code.js, and each module's bytes are its share.
 */

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

function main(): void {
  const top = Number(argValue('--top') ?? 40);
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2019',
    metafile: true,
    write: false,
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
  const output = Object.values(result.metafile.outputs)[0];
  if (output === undefined) throw new Error('esbuild wrote no output');
  const modules = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const groups = new Map<string, number>();
  for (const { file, bytes } of modules) {
    const group = file.includes('node_modules/') ? groupOf(file) : file.split('/').slice(0, 2).join('/');
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const kb = (bytes: number): string => (bytes / 1024).toFixed(1).padStart(7);
  console.log(`minified total ${kb(output.bytes)} KB (esbuild; dist/Code.js is terser's, within ~1%)`);
  console.log('\nby folder or package:');
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${kb(bytes)} KB  ${group}`);
  console.log(`\nlargest ${top} modules:`);
  for (const { file, bytes } of modules.slice(0, top)) console.log(`${kb(bytes)} KB  ${path.relative(ROOT, file)}`);
}

main();
