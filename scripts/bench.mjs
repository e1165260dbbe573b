// npm run bench: cold build (separate processes), rebuild after an edit (same process), and a 10× document.
// Prints medians; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = resolve(import.meta.dirname, '..');
const content = join(root, 'content', 'jaarverslag-2020');
const scratch = mkdtempSync(join(tmpdir(), 'reportpress-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function coldBuild(dir, label, extra = [], beforeEach = () => {}) {
  const walls = [];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    beforeEach();
    const json = join(scratch, `bench-${label}-${i}.json`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', dir, '-o', join(scratch, `${label}.pdf`), '--charts-dir', join(scratch, 'charts'), ...extra], {
      env: { ...process.env, REPORTPRESS_BENCH_JSON: json },
      encoding: 'utf8',
    });
    walls.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
    runs.push(JSON.parse(readFileSync(json, 'utf8')));
  }
  const stages = {};
  for (const [name] of runs[0].timings) stages[name] = median(runs.map((r) => r.timings.find((t) => t[0] === name)?.[1] ?? 0));
  return { wall: median(walls), rss: median(runs.map((r) => r.maxRssBytes)), pages: runs[0].pages, stages };
}

function print(title, r) {
  console.log(`\n${title}: median of ${RUNS} runs`);
  console.log(`  wall time   ${r.wall.toFixed(0)} ms   peak memory ${(r.rss / 2 ** 20).toFixed(0)} MiB${r.pages ? `   ${r.pages} pages` : ''}`);
  for (const [k, v] of Object.entries(r.stages)) console.log(`  ${k.padEnd(12)}${v.toFixed(1).padStart(8)} ms`);
}

/** A content folder with every article repeated ten times (ids made unique), for scaling. */
function tenfold() {
  const dir = join(scratch, 'tenfold');
  cpSync(content, dir, { recursive: true });
  const reportPath = join(dir, 'report.yaml');
  const report = readFileSync(reportPath, 'utf8');
  const sections = readdirSync(join(dir, 'sections')).filter((f) => /^0[1-8]/.test(f));
  const extra = [];
  for (let k = 1; k < 10; k++) {
    for (const f of sections) {
      const copy = f.replace(/\.yaml$/, `-x${k}.yaml`);
      cpSync(join(dir, 'sections', f), join(dir, 'sections', copy));
      extra.push(`  - sections/${copy}`);
    }
  }
  writeFileSync(reportPath, report.replace(/(sections:\n(?:\s+- .*\n)*?)(\s+- sections\/09)/, `$1${extra.join('\n')}\n$2`));
  return dir;
}

async function rebuildAfterEdit() {
  const { buildReport, createBuildContext } = await import(join(root, 'dist', 'index.js'));
  const session = createBuildContext(); // as a watcher keeps it: every cache by content
  const dir = join(scratch, 'edit');
  cpSync(content, dir, { recursive: true });
  await buildReport({ contentDir: dir }, session);
  const file = join(dir, 'sections', readdirSync(join(dir, 'sections')).find((f) => f.startsWith('01')));
  const original = readFileSync(file, 'utf8');
  const walls = [];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    writeFileSync(file, original.replace(/(- p: >-\n\s+)/, `$1Bewerking ${i}. `));
    const t0 = performance.now();
    const r = await buildReport({ contentDir: dir }, session);
    walls.push(performance.now() - t0);
    runs.push(r.timings);
  }
  const stages = {};
  for (const [name] of runs[0]) stages[name] = median(runs.map((t) => t.find((x) => x[0] === name)?.[1] ?? 0));
  return { wall: median(walls), rss: process.memoryUsage().rss, pages: 0, stages };
}

/** All chart work of a build: planning (sandbox, cache lookup) and drawing (vega import and renders). */
const chartMs = (timings) => timings.filter((t) => t[0] === 'chart plan' || t[0] === 'charts').reduce((n, t) => n + t[1], 0);

/** The charts stage of in-process rebuilds: unchanged charts, all 8 after a figure change, all 8 from nothing. */
async function chartRebuilds() {
  const { buildReport, createBuildContext } = await import(join(root, 'dist', 'index.js'));
  const session = createBuildContext();
  await buildReport({ contentDir: content }, session);
  const cases = {
    'unchanged (cache hits)': () => {},
    'all re-rendered, compiled specs kept (as after a figure change)': () => session.clear('chartRenders'),
    'all re-rendered from nothing': () => (session.clear('chartRenders'), session.clear('chartSpecs')),
  };
  const stages = {};
  for (const [name, prepare] of Object.entries(cases)) {
    const ms = [];
    for (let i = 0; i < RUNS; i++) {
      prepare();
      const r = await buildReport({ contentDir: content }, session);
      ms.push(chartMs(r.timings));
    }
    stages[name] = median(ms);
  }
  return stages;
}

try {
  print('cold build, bundled report, no caches (a first build)', coldBuild(content, 'cold', ['--no-cache']));
  const cached = coldBuild(content, 'cached');
  print('cold build, bundled report, caches in out/.cache filled (an editor\'s next build)', cached);
  // As after editing figures that every chart uses: a new process renders all 8 charts; word shapes are cached.
  const charts = coldBuild(content, 'cached', [], () => rmSync(join(scratch, '.cache', 'charts'), { recursive: true, force: true }));
  console.log(`\ncold build, all charts re-rendered (chart cache emptied, word shapes cached): median of ${RUNS} runs`);
  console.log(`  wall time   ${charts.wall.toFixed(0)} ms   chart plan + charts (vega import + 8 renders) ${(charts.stages['chart plan'] + charts.stages.charts).toFixed(1)} ms`);
  console.log(`\nchart plan + charts in a warm process (8 charts), median of ${RUNS} runs`);
  for (const [k, v] of Object.entries(await chartRebuilds())) console.log(`  ${k.padEnd(66)}${v.toFixed(1).padStart(8)} ms`);
  print('rebuild after an edit to one article (same process, warm caches)', await rebuildAfterEdit());
  print('cold build, 10× document, no caches', coldBuild(tenfold(), 'tenfold', ['--no-cache']));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
