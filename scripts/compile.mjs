// Bundles src/ into dist/ with esbuild (≈ 0.5 s) so the CLI starts without a TS loader.
// - dist/index.mjs (the library, ES modules): runtime dependencies stay external (loaded from node_modules).
// - dist/cli.cjs (the command line): our code and the pure-JS dependencies in one CommonJS file, started by
//   dist/cli.js (src/cli/launch.ts) with a V8 code cache made by running one build of the bundled report.
//   dist/package.json says "commonjs", so `node dist/cli.js` never starts Node's ES-module loader (≈ 20 ms of a
//   next build's CPU); the ES modules in dist/ are .mjs files.
// - dist/vega.cjs: vega, vega-lite and vega-interpreter in one CommonJS file, loaded with its own code cache
//   (src/charts/loadVega.ts) only when a chart must be rendered. Its code cache is made by rendering the bundled
//   report's charts once.
// Each cache is redone only when its inputs change (the bundle, the lockfile, the Node version), so a rebuild
// without source changes stays ≈ 0.5 s.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const BUNDLED = new Set(['vega', 'vega-lite', 'vega-interpreter']);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d));
// Bundled CommonJS inside vega's dependency tree may call require(); give ESM output one.
// The chart render cache's key includes the chart code (src/charts/chartKey.ts hashes the same files).
const chartsHash = createHash('sha256');
for (const f of readdirSync('src/charts').filter((n) => n.endsWith('.ts')).sort()) chartsHash.update(f).update(readFileSync(`src/charts/${f}`));
// Every disk cache (packs, templates, images, coverage) is named with the whole tool's hash (src/util/diskCache.ts toolVersion).
const toolHash = createHash('sha256');
const walk = (d) => readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).forEach((e) => (e.isDirectory() ? walk(`${d}/${e.name}`) : e.name.endsWith('.ts') && toolHash.update(`${d}/${e.name}`).update(readFileSync(`${d}/${e.name}`))));
walk('src');
if (existsSync('package-lock.json')) toolHash.update(readFileSync('package-lock.json'));
const requireBanner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
const define = { __CHARTS_CODE_HASH__: JSON.stringify(chartsHash.digest('hex').slice(0, 16)), __TOOL_CODE_HASH__: JSON.stringify(toolHash.digest('hex').slice(0, 16)) };

await build({
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  minifySyntax: true,
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: requireBanner },
  define,
});

// Dependencies the CLI bundle leaves in node_modules: brotli (see below), native addons (sharp, the canvas binding), pdf.js (only `pages` and `diff` load it), chokidar (only `watch`), the map
// data resolved as files, and vega (dist/vega.cjs).
const CLI_EXTERNAL = ['brotli', 'sharp', '@napi-rs/canvas', 'pdfjs-dist', 'chokidar', 'world-atlas', ...BUNDLED];
/**
 * Rewrites of dependencies for the CLI bundle. `import.meta.url` of our code is dist/cli.js's (launch.ts passes it);
 * a dependency's is its own file's, so pdfkit still finds its standard fonts (`#standard-fonts/…`) and data files.
 */
const cliRewrites = {
  name: 'cli-rewrites',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/].*\.(m?js|cjs)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      let out = text;
      // Emscripten's loader makes itself a require() from an imported node:module; in the bundle the bundle's own
      // require() serves (Node's built-ins only), and the import would shadow it with a hoisted var
      if (/harfbuzzjs[\\/]dist[\\/]harfbuzz\.js$/.test(args.path)) {
        const own = out.replace('const{createRequire}=await import("module");var require=createRequire(import.meta.url)', '');
        if (own === out) throw new Error('compile: harfbuzzjs no longer makes its require() as expected');
        out = own;
      }
      if (out.includes('import.meta.url')) {
        const rel = relative('dist', args.path).split('\\').join('/');
        out = out.replaceAll('import.meta.url', `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(rel)})).href`);
      }
      // fontkit's brotli (1.4 MB of the bundle) decodes WOFF2 fonts only: required from node_modules on first use.
      if (/fontkit[\\/]dist[\\/]module\.mjs$/.test(args.path)) {
        const lazy = out.replace(/import (\$\w+\$brotlidecompressjs) from "brotli\/decompress\.js";/, (_, name) => `const ${name} = (...a) => require("brotli/decompress.js")(...a);`);
        if (lazy === out) throw new Error('compile: fontkit no longer imports brotli/decompress.js as expected');
        out = lazy;
      }
      // Tables built when a module loads but used only by some documents are built on first use instead:
      // unicode-trie data (fontkit's script shapers, unicode-properties, linebreak: ≈ 25 ms) ...
      if (out.includes('unicodetrie')) {
        out = out.replace(/^const (\$[\w$]+) = (new (?:\(0, )?\$\w+\$unicodetrie\)?\(.*\));$/gm, 'const $1 = __rpLazyTrie(() => $2);');
        if (out.includes('__rpLazyTrie')) out = `const __rpLazyTrie = (make) => { let t; return { get: (c) => (t ??= make()).get(c) }; };\n${out}`;
      }
      // ... and AES's tables (@noble/ciphers, ≈ 10 ms), which pdfkit needs for encrypted PDFs only; fontkit itself
      // (its module builds every table's decoder when it loads: ≈ 10–15 ms) is evaluated when pdfkit first opens a
      // font file, so a build whose fonts pdf/ takes from its caches never loads it; likewise linebreak.
      if (/pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/.test(args.path)) {
        let lazy = out.replace("import { cbc, ecb } from '@noble/ciphers/aes';", "const cbc = (...a) => require('@noble/ciphers/aes').cbc(...a), ecb = (...a) => require('@noble/ciphers/aes').ecb(...a);");
        if (lazy === out) throw new Error('compile: pdfkit no longer imports @noble/ciphers/aes as expected');
        const before = lazy;
        // fontkit's ES module (what pdfkit imports), so the rewrites above apply to it as before
        const fontkitEsm = JSON.stringify(fileURLToPath(import.meta.resolve('fontkit')));
        lazy = lazy.replace("import { create } from 'fontkit';", `const create = (...a) => require(${fontkitEsm}).create(...a);`);
        // linebreak (its Unicode tables) serves pdfkit's own text layout only, which builds do not use for body text
        const linebreakEsm = JSON.stringify(fileURLToPath(import.meta.resolve('linebreak')));
        lazy = lazy.replace("import LineBreaker from 'linebreak';", `function LineBreaker(...a) { return new (require(${linebreakEsm}).default)(...a); }`);
        if (!lazy.includes('function LineBreaker(') || lazy.includes("from 'fontkit'")) throw new Error('compile: pdfkit no longer imports fontkit and linebreak as expected');
        out = lazy;
      }
      // HarfBuzz's JavaScript (its WebAssembly stays a file beside it) in the bundle and its code cache: imported as
      // an ES module it was compiled at every start and read through the module loader's thread-pool reads (≈ 13 ms,
      // more on a busy machine). Its module ends in a top-level await, which CommonJS has not: the bundle's copy
      // exports that promise as `ready` instead, which fonts/shaper.ts outlinesReady awaits after its import()
      // (the one user: glyph outlines for the charts' PNGs; a build that makes none never evaluates the module).
      if (/harfbuzzjs[\\/]dist[\\/]index\.mjs$/.test(args.path)) {
        const ready = out.replace('init(await createHarfBuzz());', 'const ready = createHarfBuzz().then(init);').replace('export { AxisFlags,', 'export { ready, AxisFlags,');
        if (!ready.includes('const ready = createHarfBuzz()') || !ready.includes('export { ready,')) throw new Error('compile: harfbuzzjs no longer starts with init(await createHarfBuzz()) as expected');
        out = ready;
      }
      // commander spawns only for executable subcommands (none here): node:child_process (with net and dgram,
      // ≈ 3 ms of every start) is loaded when it first spawns
      if (/commander[\\/]lib[\\/]command\.js$/.test(args.path)) {
        const lazy = out.replace("const childProcess = require('node:child_process');", "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };");
        if (lazy === out || /childProcess\.(?!spawn\()/.test(lazy)) throw new Error('compile: commander no longer uses node:child_process as expected');
        out = lazy;
      }
      return out === text ? undefined : { contents: out, loader: 'js', resolveDir: dirname(args.path) };
    });
    // svg-to-pdfkit, required on first use by drawSvg.ts through createRequire (esbuild leaves that to run time):
    // a plain require() puts it into the bundle, still run on first use, and into the code cache.
    b.onLoad({ filter: /src[\\/]pdf[\\/]drawSvg\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const out = text.replace("createRequire(import.meta.url)('svg-to-pdfkit')", "require('svg-to-pdfkit')");
      if (out === text) throw new Error('compile: drawSvg.ts no longer loads svg-to-pdfkit as expected');
      return { contents: asciiSource(out), loader: 'ts', resolveDir: dirname(args.path) };
    });
    // lazyFont.ts opens a font with fontkit only when a cached face turns out to be needed: the fontkit pdfkit
    // imports (its ES module, bundled and evaluated on first use), not a second copy from node_modules at run time.
    b.onLoad({ filter: /src[\\/]pdf[\\/]lazyFont\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const esm = JSON.stringify(fileURLToPath(import.meta.resolve('fontkit')));
      const out = text.replace("createRequire(import.meta.url)('fontkit')", `require(${esm})`);
      if (out === text) throw new Error('compile: lazyFont.ts no longer loads fontkit as expected');
      return { contents: asciiSource(out), loader: 'ts', resolveDir: dirname(args.path) };
    });
    // spec/zod.ts requires zod on first use (a schema made): zod in the bundle and its code cache, evaluated then.
    b.onLoad({ filter: /src[\\/]spec[\\/]zod\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const out = text.replace("createRequire(import.meta.url)('zod')", "require('zod')");
      if (out === text) throw new Error('compile: spec/zod.ts no longer loads zod as expected');
      return { contents: asciiSource(out), loader: 'ts', resolveDir: dirname(args.path) };
    });
    // Our sources with their non-ASCII characters escaped: esbuild's `charset: 'ascii'` leaves regular expression
    // literals as written, and one such character makes the whole 2 MB bundle a two-byte string in V8, decoded
    // from UTF-8 at every start (≈ 8 ms) where an ASCII file is read as Latin-1 (launch.ts).
    b.onLoad({ filter: /src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const out = asciiSource(text);
      return out === text ? undefined : { contents: out, loader: 'ts', resolveDir: dirname(args.path) };
    });
    // loadVega.ts falls back to the unbundled vega only from sources; never put vega into the CLI bundle.
    b.onResolve({ filter: /vegaBundle\.ts$/ }, (args) => ({ path: args.path, external: true }));
  },
};
/**
 * TypeScript source with every non-ASCII character as a \\u escape (UTF-16 code units), which means the same
 * character in a string, a template, a regular expression (with or without the u flag) and an identifier; in a
 * comment it is dropped with the comment. (src/ has no String.raw and no backslash before such a character.)
 */
function asciiSource(text) {
  return text.replace(/[^\x00-\x7f]/gu, (ch) => [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}
/**
 * Side bundles: dependencies that a next build (every input in its caches) never evaluates, each in a file of its
 * own beside dist/cli.cjs with its own code cache, loaded on first use (launch.ts `__rpSide`). In the CLI bundle they
 * were read, checked and their cached code deserialized at every start: zod (≈ 0.7 MB: only schemas that validate
 * content not in the load cache), fontkit (≈ 0.4 MB with its tables' decoders: only a face the PDF's font cache
 * lacks), svg-to-pdfkit (an SVG image no page-stream cache holds) and linebreak (pdfkit's own text layout). Name →
 * what the CLI's code requires (a package or, for an ES module pdfkit imports, its file).
 */
const SIDES = {
  zod: 'zod',
  fontkit: fileURLToPath(import.meta.resolve('fontkit')),
  'svg-to-pdfkit': 'svg-to-pdfkit',
  linebreak: fileURLToPath(import.meta.resolve('linebreak')),
};
const sideStubs = {
  name: 'side-stubs',
  setup(b) {
    const byTarget = new Map(Object.entries(SIDES).map(([name, target]) => [target, name]));
    b.onResolve({ filter: /./ }, (args) => {
      const name = byTarget.get(args.path);
      return name === undefined ? undefined : { path: name, namespace: 'rp-side' };
    });
    b.onLoad({ filter: /./, namespace: 'rp-side' }, (args) => ({ contents: `module.exports = __rpSide(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
/** What the CLI bundle and the side bundles share: CommonJS that launch.ts runs through vm.Script with a code cache. */
const launched = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: CLI_EXTERNAL,
  // No comments or indentation: the launcher reads and V8 checks the whole file on every start (2.5 → 2.0 MB).
  // Names are not minified, so CPU profiles of the CLI stay readable (the source map gives original positions).
  minifySyntax: true,
  minifyWhitespace: true,
  charset: 'ascii',
  // dependencies' license comments (some not ASCII, "©") go to dist/cli.cjs.LEGAL.txt, kept as written
  legalComments: 'external',
  logLevel: 'warning',
  // import() of a dependency becomes require(): code run from a V8 code cache by vm.Script has no working
  // dynamic-import callback in Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and require() loads ES modules.
  supported: { 'dynamic-import': false },
};
await build({
  ...launched,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  sourcemap: true,
  define: { ...define, 'import.meta.url': '__rpImportMetaUrl' },
  plugins: [sideStubs, cliRewrites],
});
for (const [name, target] of Object.entries(SIDES)) {
  await build({
    ...launched,
    stdin: { contents: `module.exports = require(${JSON.stringify(target)});`, resolveDir: process.cwd(), loader: 'js', sourcefile: `side-${name}.js` },
    outfile: `dist/side-${name}.cjs`,
    plugins: [cliRewrites],
  });
}
{
  // launch.ts reads an ASCII bundle as Latin-1 (no UTF-8 decoding, a one-byte string): say where it is not
  for (const file of ['dist/cli.cjs', ...Object.keys(SIDES).map((name) => `dist/side-${name}.cjs`)]) {
    const bundle = readFileSync(file);
    const at = bundle.findIndex((b) => b > 0x7f);
    if (at >= 0) process.stderr.write(`compile: ${file} is not ASCII at byte ${at} (${JSON.stringify(bundle.toString('utf8', Math.max(0, at - 40), at + 20))}): every start decodes it as UTF-8\n`);
  }
}
// The chart worker (src/charts/renderInWorker.ts): an ES module, since it imports HarfBuzz (top-level await).
const noVegaSources = { name: 'no-vega-sources', setup: (b) => b.onResolve({ filter: /vegaBundle\.ts$/ }, (args) => ({ path: args.path, external: true })) };
// Its entry (workerEntry.ts) answers the SVG sizes before it imports the renderer, a bundle of its own.
const workerMain = { name: 'worker-main', setup: (b) => b.onResolve({ filter: /^\.\/renderWorker\.ts$/ }, (args) => (args.importer.endsWith('workerEntry.ts') ? { path: './chartWorkerMain.mjs', external: true } : undefined)) };
await build({
  entryPoints: { chartWorker: 'src/charts/workerEntry.ts', chartWorkerMain: 'src/charts/renderWorker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  minifySyntax: true,
  logLevel: 'warning',
  banner: { js: requireBanner },
  define,
  plugins: [noVegaSources, workerMain],
});
// The launcher is CommonJS (dist/package.json below); its `import.meta.url` is its own file's URL.
await build({
  entryPoints: { cli: 'src/cli/launch.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "const __rpLauncherUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__rpLauncherUrl' },
});
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
// ES modules that earlier versions wrote under .js names: in a commonjs dist/ they would not even load
for (const f of ['index.js', 'index.js.map', 'chartWorker.js', 'chartWorkerMain.js']) rmSync(join('dist', f), { force: true });
for (const f of existsSync('dist/chunks') ? readdirSync('dist/chunks') : []) if (/\.js(\.map)?$/.test(f)) rmSync(join('dist', 'chunks', f), { force: true });

const VEGA_INPUTS = ['package-lock.json', 'src/charts/vegaBundle.ts', 'src/charts/canvasStub.ts', 'scripts/compile.mjs'];
const stamp = createHash('sha256')
  .update(process.version)
  .update(VEGA_INPUTS.map((f) => (existsSync(f) ? readFileSync(f) : '')).join('\0'))
  .digest('hex');
const STAMP_FILE = 'dist/vega.cjs.stamp';
const fresh = existsSync('dist/vega.cjs') && existsSync('dist/vega.cjs.cache') && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8') === stamp;
if (!fresh) {
  rmSync('dist/vega.cjs.cache', { force: true });
  await build({
    entryPoints: ['src/charts/vegaBundle.ts'],
    outfile: 'dist/vega.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minifySyntax: true,
    logLevel: 'warning',
    alias: { 'vega-canvas': './src/charts/canvasStub.ts' },
  });
  // Render the bundled report's charts once and keep V8's compiled code of everything that ran.
  const out = mkdtempSync(join(tmpdir(), 'reportpress-warmup-'));
  const r = spawnSync(process.execPath, ['dist/cli.js', 'charts', '-o', out, '--no-cache'], {
    env: { ...process.env, REPORTPRESS_WRITE_VEGA_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  rmSync(out, { recursive: true, force: true });
  if (r.status === 0 && existsSync('dist/vega.cjs.cache')) writeFileSync(STAMP_FILE, stamp);
  else process.stderr.write(`compile: no vega code cache (charts render ≈ 2× slower cold):\n${r.stderr}\n`);
}

// The CLI bundle's code cache: builds of the bundled report (into a scratch folder: a first build filling an empty
// cache folder, then a next build reading it, in one process; see launch.ts) compile what builds run; the launcher
// writes V8's cache of it at exit. Redone when the bundle, the launcher or Node changes.
const CLI_STAMP_FILE = 'dist/cli.cjs.stamp';
const cliBundles = ['dist/cli.cjs', ...Object.keys(SIDES).map((name) => `dist/side-${name}.cjs`)];
const cliStamp = cliBundles.reduce((h, f) => h.update(readFileSync(f)), createHash('sha256').update(process.version)).update(readFileSync('dist/cli.js')).update(readFileSync('scripts/compile.mjs')).digest('hex');
if (existsSync('dist/cli.cjs.cache') && existsSync(CLI_STAMP_FILE) && readFileSync(CLI_STAMP_FILE, 'utf8') === cliStamp) {
  // esbuild wrote the same bundles again: the caches still fit them (the launcher uses only a cache not older than its bundle)
  const now = new Date();
  for (const f of cliBundles) if (existsSync(`${f}.cache`)) utimesSync(`${f}.cache`, now, now);
} else {
  for (const f of cliBundles) rmSync(`${f}.cache`, { force: true });
  rmSync(CLI_STAMP_FILE, { force: true });
  const out = mkdtempSync(join(tmpdir(), 'reportpress-warmup-'));
  const r = spawnSync(process.execPath, ['dist/cli.js', 'build', '-o', join(out, 'warmup.pdf'), '--charts-dir', join(out, 'charts'), '--cache-dir', join(out, 'cache')], {
    env: { ...process.env, REPORTPRESS_WRITE_CLI_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  rmSync(out, { recursive: true, force: true });
  if (r.status === 0 && existsSync('dist/cli.cjs.cache')) writeFileSync(CLI_STAMP_FILE, cliStamp);
  else process.stderr.write(`compile: no code cache for the CLI (every start compiles it again):\n${r.stderr}\n`);
}

// The editor's JSON Schemas (from the loader's zod schemas), which the bundled YAML files name on their
// `# yaml-language-server: $schema=…` lines.
const schemas = spawnSync(process.execPath, ['dist/cli.js', 'schema', '-o', 'schemas'], { encoding: 'utf8' });
if (schemas.status !== 0) process.stderr.write(`compile: no JSON Schemas written:\n${schemas.stderr}\n`);
