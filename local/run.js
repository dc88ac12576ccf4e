#!/usr/bin/env node
/**
 * Launcher for the local TypeScript tools: `node local/run.js <tool> [args...]`.
 * Bundles the tool's entry (local/<tool>/main.ts; sizes: local/bench/bundleSizes.ts) with esbuild (platform node, packages external) into local/.build/<tool>.js
 * and runs it in this process with `process.argv = [node, <bundle>, ...args]`.
 * Tools: preview (the `npm start` server), bench (the benchmark), sizes (what each module adds to the bundle); and
 * `ensure [--browser]` (local/ensure.js: the packages, and Chromium for the tests, installed when missing), which runs
 * before any package is there.
 */

const fs = require('node:fs');
const path = require('node:path');

if (process.argv[2] === 'ensure') require('./ensure').main(process.argv.slice(3));
else runTool();

/** Bundles and runs a TypeScript tool (esbuild is required here: `ensure` runs before packages exist). */
function runTool() {
  const esbuild = require('esbuild');

  const ROOT = path.resolve(__dirname, '..');
  const TOOLS = { preview: 'local/preview/main.ts', bench: 'local/bench/main.ts', sizes: 'local/bench/bundleSizes.ts' };

  function usage(message) {
    if (message) console.error(message);
    console.error(`usage: node local/run.js <${Object.keys(TOOLS).join('|')}|ensure> [args...]`);
    process.exit(2);
  }

  const [tool, ...args] = process.argv.slice(2);
  if (!tool) usage();
  if (!Object.hasOwn(TOOLS, tool)) usage(`Unknown tool: ${tool}`);
  const entry = path.join(ROOT, TOOLS[tool]);
  if (!fs.existsSync(entry)) usage(`${TOOLS[tool]} does not exist yet.`);

  // Two levels below the project root, like local/<dir>/*.ts, so `__dirname`-relative paths in them still hold.
  const outfile = path.join(ROOT, 'local', '.build', `${tool}.js`);
  try {
    esbuild.buildSync({
      entryPoints: [entry],
      outfile,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      bundle: true,
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'warning',
      absWorkingDir: ROOT,
    });
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }

  process.setSourceMapsEnabled(true);
  process.argv = [process.argv[0], outfile, ...args];
  require(outfile);
}
