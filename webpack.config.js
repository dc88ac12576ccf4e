/**
 * Build: bundles src/ for Apps Script (V8) twice from one definition, each output with its *.html and appsscript.json:
 *   'push' → dist/       minified Code.js and on-demand modules (onDemand_*.html, see ON_DEMAND_MODULES), devtool
 *                       false: what `clasp push` sends (rootDir dist);
 *   'test' → dist-test/  the same modules unminified, with external maps (Code.js.map, onDemand_<name>.js.map; no
 *                       sources inside: they are in src/) that the bundle tests apply to stacks.
 * `webpack` builds both; `webpack --config-name push` only dist/.
 * mode 'none': gas-webpack-plugin's top-level stubs break under 'production', and an eval devtool breaks the plugin
 * (see SPEC toolchain facts), so the test output's map is a separate file.
 */
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');
const GasPlugin = require('gas-webpack-plugin');
const terser = require('terser');

const htmlDir = path.join(__dirname, 'html');

/** Inlines `<!-- inline: file -->` markers: .css as <style>, .ts as a bundled, minified <script>. */
function buildHtmlPage(file) {
  const source = fs.readFileSync(path.join(htmlDir, file), 'utf8');
  return source.replace(/<!--\s*inline:\s*([\w./-]+)\s*-->/g, (_marker, target) => {
    const targetPath = path.join(htmlDir, target);
    if (target.endsWith('.css')) return `<style>\n${fs.readFileSync(targetPath, 'utf8')}</style>`;
    const result = esbuild.buildSync({
      entryPoints: [targetPath],
      bundle: true,
      format: 'iife',
      target: 'es2019',
      minify: true,
      write: false,
      tsconfig: path.join(htmlDir, 'tsconfig.json'),
    });
    // A literal "</script" inside the code would end the element early.
    const code = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    return `<script>${code}</script>`;
  });
}

/**
 * Minifies Code.js (and each on-demand module, before it becomes .html) as a classic script with terser: it
 * removes the code webpack's tree-shaking only marked unused (mode 'none' leaves that to the minifier; esbuild's
 * transform-only minify kept it, ~60 KB of zod), and with
 * `toplevel: false` it keeps the top-level function stubs gas-webpack-plugin writes, as Apps Script needs.
 * (esbuild-loader's EsbuildPlugin forces an IIFE or ESM format, which hides or renames those stubs.)
 */
class ScriptMinifier {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ScriptMinifier', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'ScriptMinifier', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        async (assets) => {
          const { RawSource } = compiler.webpack.sources;
          for (const name of Object.keys(assets).filter((n) => n.endsWith('.js'))) {
            const { code } = await terser.minify(assets[name].source().toString(), {
              ecma: 2019,
              toplevel: false,
              compress: { passes: 2 },
              mangle: true,
              format: { comments: false },
            });
            compilation.updateAsset(name, new RawSource(code));
          }
        },
      );
    });
  }
}

class HtmlAndManifestPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('HtmlAndManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'HtmlAndManifestPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const { RawSource } = compiler.webpack.sources;
          for (const file of fs.readdirSync(htmlDir).filter((f) => f.endsWith('.html'))) {
            compilation.emitAsset(file, new RawSource(buildHtmlPage(file)));
            for (const dep of fs.readdirSync(htmlDir, { recursive: true })) {
              compilation.fileDependencies.add(path.join(htmlDir, String(dep)));
            }
          }
          const manifest = fs.readFileSync(path.join(__dirname, 'appsscript.json'), 'utf8');
          compilation.emitAsset('appsscript.json', new RawSource(manifest));
        },
      );
    });
  }
}

/**
 * gas-webpack-plugin prepends the top-level stubs to Code.js but keeps the map of the code without them, so every
 * mapped line would be off by the stubs' lines. Re-wraps the asset as stubs + original source, which keeps its map.
 */
class GasStubsSourceMap {
  apply(compiler) {
    compiler.hooks.compilation.tap('GasStubsSourceMap', (compilation) => {
      const before = new Map();
      // Taps around GasPlugin's own chunkAsset tap (default stage 0): see the asset before and after the stubs.
      compilation.hooks.chunkAsset.tap({ name: 'GasStubsSourceMap', stage: -1 }, (_chunk, file) => {
        before.set(file, compilation.assets[file]);
      });
      compilation.hooks.chunkAsset.tap({ name: 'GasStubsSourceMap', stage: 1 }, (_chunk, file) => {
        const original = before.get(file);
        const code = original?.source().toString();
        const stubbed = compilation.assets[file].source().toString();
        if (!original || !stubbed.endsWith(code)) throw new Error(`GasStubsSourceMap: ${file} is not stubs + code`);
        const { ConcatSource, RawSource } = compiler.webpack.sources;
        compilation.assets[file] = new ConcatSource(
          new RawSource(stubbed.slice(0, stubbed.length - code.length)),
          original,
        );
      });
    });
  }
}

/**
 * The on-demand modules (src/onDemand/<name>.ts), loaded by src/server/onDemand.ts only in the calls that need them.
 * Apps Script parses every .gs file of a project on every call, so each is pushed as a project .html file whose
 * content is JavaScript: `var onDemand_<name> = {…}`, one global object. Each is its own entry with its own copy of
 * what it uses (no shared chunks), built like Code.js (minified in dist/, with a map in dist-test/), then renamed.
 */
// Split by what runs together, measured with `node local/run.js sizes`: each call loads only its own module.
const ON_DEMAND_MODULES = ['pipeline', 'setup', 'import', 'archive'];

/** The project file of an on-demand module, and the global its code defines (src/server/onDemand.ts onDemandFile). */
const onDemandFile = (name) => `onDemand_${name}`;

/**
 * Renames each built onDemand_<name>.js to onDemand_<name>.html (after the minifier and the source map, which work
 * on .js assets) and ends it with `//# sourceURL=onDemand_<name>.html`, so stack frames of the eval'd code name the
 * file (local/bundle maps them through dist-test's onDemand_<name>.js.map). Only appended: positions do not move.
 */
class OnDemandAsHtml {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('OnDemandAsHtml', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'OnDemandAsHtml', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          const { RawSource } = compiler.webpack.sources;
          for (const name of ON_DEMAND_MODULES) {
            const js = `${onDemandFile(name)}.js`;
            const html = `${onDemandFile(name)}.html`;
            const asset = compilation.getAsset(js);
            if (!asset) throw new Error(`OnDemandAsHtml: ${js} was not built`);
            const code = asset.source.source().toString();
            // The file is created as an HtmlTemplate before its raw content is read; Google's reference does not say
            // whether creating one parses scriptlets, so none may appear (a `<?` in a string would need escaping).
            if (code.includes('<?')) throw new Error(`OnDemandAsHtml: ${js} contains "<?", a scriptlet opening`);
            compilation.updateAsset(js, new RawSource(`${code.replace(/\n?$/, '\n')}//# sourceURL=${html}\n`));
            compilation.renameAsset(js, html);
          }
        },
      );
    });
  }
}

/** The build of one output: 'push' (dist/, minified, no map) or 'test' (dist-test/, readable, with a map). */
function config(target) {
  const push = target === 'push';
  const outDir = path.join(__dirname, push ? 'dist' : 'dist-test');
  return {
    name: target,
    mode: 'none',
    devtool: push ? false : 'nosources-source-map',
    context: __dirname,
    entry: {
      Code: './src/index.ts',
      ...Object.fromEntries(
        ON_DEMAND_MODULES.map((name) => [
          onDemandFile(name),
          {
            import: `./src/onDemand/${name}.ts`,
            // `var onDemand_<name> = …` at the top level of the eval'd code: one global, as the loader expects.
            library: { type: 'var', name: onDemandFile(name) },
          },
        ]),
      ),
    },
    output: {
      path: outDir,
      filename: '[name].js',
      clean: true,
      // Map sources relative to the map file (../src/server/customers.ts), as the source map spec resolves them.
      devtoolModuleFilenameTemplate: (info) =>
        path.relative(outDir, info.absoluteResourcePath).split(path.sep).join('/'),
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2019' } }],
    },
    optimization: {
      // Apps Script parses the whole bundle on every call, so tree-shake and minify it; the test output runs the
      // same modules, only not minified. Concatenation puts every module in one scope and innerGraph tracks which
      // exports each function uses, so the minifier can drop the unused ones (zod's namespace included).
      usedExports: true,
      sideEffects: true,
      providedExports: true,
      innerGraph: true,
      concatenateModules: true,
      minimize: push,
      minimizer: [new ScriptMinifier()],
    },
    performance: { hints: false },
    plugins: [
      new GasPlugin(),
      ...(push ? [] : [new GasStubsSourceMap()]),
      new HtmlAndManifestPlugin(),
      new OnDemandAsHtml(),
    ],
  };
}

module.exports = [config('push'), config('test')];
