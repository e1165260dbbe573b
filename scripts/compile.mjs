// Bundles src/ into dist/ with esbuild (≈100 ms) so the CLI starts without a TS loader.
// Dependencies stay external: they are loaded from node_modules at run time.
import { build } from 'esbuild';
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
