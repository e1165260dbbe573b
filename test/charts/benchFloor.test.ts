/**
 * npm run bench's floor row (scripts/chart-floor.mjs) must time the real work: the request a first build gave its
 * chart worker, saved by REPORTPRESS_BENCH_CHARTS, rendered again in a process of its own gives every chart of the
 * report (one per chart file of the bundled content) and no error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const content = join(root, 'content', 'jaarverslag-2020');

it('the floor process renders every chart of the request a first build saved', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-floor-'));
  const request = join(dir, 'request.bin');
  const built = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', content, '-o', join(dir, 'r.pdf'), '--no-cache'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, REPORTPRESS_BENCH_CHARTS: request, REPORTPRESS_CHART_WORKER: '1', CI: '' },
  });
  expect(built.stderr).not.toMatch(/error/i);
  expect(built.status).toBe(0);
  expect(existsSync(request)).toBe(true);
  const floor = spawnSync(process.execPath, [join(root, 'scripts', 'chart-floor.mjs'), request], { encoding: 'utf8', timeout: 120_000 });
  expect(floor.stderr).toBe('');
  expect(floor.status).toBe(0);
  const charts = readdirSync(join(content, 'charts')).filter((f) => f.endsWith('.vl.yaml')).length;
  expect(charts).toBeGreaterThan(0);
  expect(JSON.parse(floor.stdout).charts).toBe(charts);
}, 120_000);

it('a build without REPORTPRESS_BENCH_CHARTS saves no request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-floor-'));
  const env: NodeJS.ProcessEnv = { ...process.env, REPORTPRESS_CHART_WORKER: '1', CI: '' };
  delete env.REPORTPRESS_BENCH_CHARTS;
  const built = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', content, '-o', join(dir, 'r.pdf'), '--no-cache'], { encoding: 'utf8', timeout: 120_000, env });
  expect(built.status).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(['charts', 'r.pdf']);
}, 120_000);
