// Bundles src/ into dist/ with esbuild (≈ 0.5 s) so the CLI starts without a TS loader.
// Runtime dependencies stay external (loaded from node_modules), except vega, vega-lite and vega-interpreter,
// which go into one CommonJS file, dist/vega.cjs, loaded with a V8 code cache (src/charts/loadVega.ts).
// The code cache is made by rendering the bundled report's charts once; both are redone only when their
// inputs change (the lockfile, the bundle's entry, the Node version), so a rebuild stays ≈ 0.5 s.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const BUNDLED = new Set(['vega', 'vega-lite', 'vega-interpreter']);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d));
// Bundled CommonJS inside vega's dependency tree may call require(); give ESM output one.
// The chart render cache's key includes the chart code (src/charts/chartKey.ts hashes the same files).
const chartsHash = createHash('sha256');
for (const f of readdirSync('src/charts').filter((n) => n.endsWith('.ts')).sort()) chartsHash.update(f).update(readFileSync(`src/charts/${f}`));
// The line cache's key includes the text and font code (src/text/lineCache.ts hashes the same files).
const textHash = createHash('sha256');
for (const dir of ['src/text', 'src/fonts']) for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) textHash.update(f).update(readFileSync(`${dir}/${f}`));
// The load record pack's key includes the load code (src/load/recordPack.ts hashes the same folders).
const loadHash = createHash('sha256');
for (const dir of ['load', 'spec', 'diag', 'locale', 'util', 'images'].map((d) => `src/${d}`)) for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) loadHash.update(f).update(readFileSync(`${dir}/${f}`));
// The disk packs of flowed sections, page streams and font subsets are keyed by the whole tool (src/util/diskPack.ts).
const toolHash = createHash('sha256');
const walk = (d) => readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).forEach((e) => (e.isDirectory() ? walk(`${d}/${e.name}`) : e.name.endsWith('.ts') && toolHash.update(`${d}/${e.name}`).update(readFileSync(`${d}/${e.name}`))));
walk('src');
if (existsSync('package-lock.json')) toolHash.update(readFileSync('package-lock.json'));
const requireBanner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
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
  define: { __CHARTS_CODE_HASH__: JSON.stringify(chartsHash.digest('hex').slice(0, 16)), __TEXT_CODE_HASH__: JSON.stringify(textHash.digest('hex').slice(0, 16)), __TOOL_CODE_HASH__: JSON.stringify(toolHash.digest('hex').slice(0, 16)), __LOAD_CODE_HASH__: JSON.stringify(loadHash.digest('hex').slice(0, 16)) },
});

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

// The editor's JSON Schemas (from the loader's zod schemas), which the bundled YAML files name on their
// `# yaml-language-server: $schema=…` lines.
const schemas = spawnSync(process.execPath, ['dist/cli.js', 'schema', '-o', 'schemas'], { encoding: 'utf8' });
if (schemas.status !== 0) process.stderr.write(`compile: no JSON Schemas written:\n${schemas.stderr}\n`);
