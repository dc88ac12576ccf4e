/**
 * Build: bundles src/ into dist/Code.js for Apps Script (V8) and writes dist/*.html and dist/appsscript.json.
 * mode 'none' + devtool false: gas-webpack-plugin's top-level stubs break under 'production' (see SPEC toolchain facts).
 */
const path = require('path');
const fs = require('fs');
const esbuild = require('esbuild');
const GasPlugin = require('gas-webpack-plugin');

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
 * Minifies Code.js as a classic script. esbuild-loader's EsbuildPlugin forces an IIFE (or ESM) format,
 * which hides or renames the top-level function stubs gas-webpack-plugin writes; a plain-script
 * transform keeps top-level names, as Apps Script needs.
 */
class ScriptMinifier {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ScriptMinifier', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ScriptMinifier', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        (assets) => {
          const { RawSource } = compiler.webpack.sources;
          for (const name of Object.keys(assets).filter((n) => n.endsWith('.js'))) {
            const { code } = esbuild.transformSync(assets[name].source().toString(), { minify: true, target: 'es2019' });
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

module.exports = {
  mode: 'none',
  devtool: false,
  context: __dirname,
  entry: './src/index.ts',
  output: { path: path.join(__dirname, 'dist'), filename: 'Code.js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2019' } }],
  },
  optimization: {
    // Apps Script parses the whole bundle on every call, so tree-shake and minify it.
    usedExports: true,
    sideEffects: true,
    concatenateModules: false,
    minimize: true,
    minimizer: [new ScriptMinifier()],
  },
  performance: { hints: false },
  plugins: [new GasPlugin(), new HtmlAndManifestPlugin()],
};
