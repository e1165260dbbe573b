// npm run golden:update: the only way golden references change. Regenerates the pixel goldens (test/golden/cases,
// via test/golden/update.ts, bundled with esbuild so it runs the same source the tests run) and the text and
// structure goldens of the document cases (expected.txt, structure.json), then lists what changed. Golden updates go
// in a commit of their own (README, "Contributing").
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Written beside the helpers so the bundle's import.meta.url resolves test/golden as they do.
const bundle = 'test/helpers/.golden-update.bundle.mjs';
await build({ entryPoints: ['test/golden/update.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' });
try {
  const pixels = spawnSync(process.execPath, [bundle], { stdio: 'inherit' });
  if (pixels.status !== 0) process.exit(pixels.status ?? 1);
} finally {
  rmSync(bundle, { force: true });
}
const docs = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/golden/minimal.test.ts', 'test/golden/long-table.test.ts', 'test/golden/chart.test.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, UPDATE_GOLDEN: '1' },
});
if (docs.status !== 0) process.exit(docs.status ?? 1);
const status = spawnSync('git', ['status', '--short', '--', 'test/golden'], { encoding: 'utf8' }).stdout.trim();
console.log(status ? `\nchanged golden files:\n${status}` : '\nno golden file changed');
