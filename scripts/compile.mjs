// Bundles src/ into dist/ with esbuild (≈ 0.5 s) so the CLI starts without a TS loader.
// Runtime dependencies stay external (loaded from node_modules), except vega, vega-lite and vega-interpreter:
// as dozens of small ES modules they took ≈ 0.4–0.7 s to import; bundled into one lazily loaded chunk ≈ 0.15 s.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const BUNDLED = new Set(['vega', 'vega-lite', 'vega-interpreter']);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d));

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
  // Bundled CommonJS inside vega's dependency tree may call require(); give ESM output one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
