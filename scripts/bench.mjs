// npm run bench: the issue 13 table (medians), then the stages of the cold builds. Nothing here asserts a time.
// Wall time says little on a shared machine, so every row also gives CPU time (all threads of the process, or of
// the rebuild in a watch session) and peak memory.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Edits of a watch session before the measured ones (their median is printed beside the row). */
const WARM = Number(process.env.BENCH_WARM ?? 5);
const root = resolve(import.meta.dirname, '..');
const content = join(root, 'content', 'jaarverslag-2020');
const scratch = mkdtempSync(join(tmpdir(), 'reportpress-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `RUNS` separate `build` processes; medians of wall time, CPU time, peak memory and each stage. */
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
  return { wall: median(walls), cpu: median(runs.map((r) => r.cpuMs)), rss: median(runs.map((r) => r.maxRssBytes)), pages: runs[0].pages, stages };
}

/**
 * The floor under the first build: a process that only renders its charts (scripts/chart-floor.mjs), given the
 * request one build's chart worker got. No first build can end sooner, however fast the text and the PDF become.
 */
function chartFloor() {
  const request = join(scratch, 'charts-request.bin');
  const built = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', content, '-o', join(scratch, 'floor.pdf'), '--no-cache'], {
    env: { ...process.env, REPORTPRESS_BENCH_CHARTS: request },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  const walls = [];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'chart-floor.mjs'), request], { encoding: 'utf8' });
    walls.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`chart floor failed:\n${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  return { wall: median(walls), cpu: median(runs.map((r) => r.cpuMs)), rss: median(runs.map((r) => r.maxRssBytes)), charts: runs[0].charts };
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

/**
 * A `watch` session (the real loop, one build context) on a copy of `dir`: `WARM` + `RUNS` edits made by
 * `edit(text, i)` on `file`, each timed from the start of its rebuild to the new PDF on disk (the loop's own clock;
 * the debounce before it is a deliberate wait and left out) and by the CPU time the process spent from the save to
 * that point. An editor's session saves hundreds of times: the row is the median of the `RUNS` edits after the first
 * `WARM` (while V8 is still compiling the rebuild path), and `first` the median of those first ones.
 */
async function watchEdits(dir, label, file, edit) {
  const { startWatch } = await import(join(root, 'dist', 'index.mjs'));
  const copy = join(scratch, `watch-${label}`);
  cpSync(dir, copy, { recursive: true });
  // An editor's folder holds files written long ago: a session takes a file whose stat is unchanged from memory only
  // once its change time is 2 s old (load/readSources.ts), so the fresh copy settles first, as a real folder has.
  await new Promise((res) => setTimeout(res, 2100));
  const path = join(copy, file);
  const original = readFileSync(path, 'utf8');
  let waiting;
  const handle = await startWatch({ contentDir: copy, output: join(scratch, `watch-${label}.pdf`), debounceMs: 60, onRebuild: (r) => waiting?.(r) });
  const walls = [];
  const cpus = [];
  const stages = [];
  try {
    for (let i = 0; i < WARM + RUNS; i++) {
      const done = new Promise((res) => (waiting = res));
      const cpu0 = process.cpuUsage();
      writeFileSync(path, edit(original, i));
      const r = await done;
      if (!r.ok) throw new Error(`rebuild failed: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      const cpu = process.cpuUsage(cpu0);
      walls.push(r.ms);
      cpus.push((cpu.user + cpu.system) / 1000);
      stages.push(r.build.timings);
    }
  } finally {
    await handle.close();
  }
  const first = walls.splice(0, WARM);
  cpus.splice(0, WARM);
  stages.splice(0, WARM);
  const byStage = {};
  for (const [name] of stages[0]) byStage[name] = median(stages.map((t) => t.find((x) => x[0] === name)?.[1] ?? 0));
  return { wall: median(walls), cpu: median(cpus), rss: process.memoryUsage().rss, stages: byStage, first: first.length ? median(first) : undefined };
}

/** One paragraph of the first article gets a new first sentence. */
const paragraphEdit = (text, i) => text.replace(/(- p: >-\n\s+)/, `$1Bewerking ${i}. `);
/** Every whole-number figure + i + 1: every chart's data changes (and the text citing those figures). */
const figuresEdit = (text, i) => text.replace(/(value: )(\d{2,})\b/g, (_, k, n) => `${k}${Number(n) + i + 1}`);

/** `RUNS` separate `--help` processes: what every command pays before any work (start-up, the CLI bundle). */
function startUp() {
  const walls = [];
  const cpus = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    // The child reports its own CPU time at exit (all threads), after commander has printed the help.
    const r = spawnSync(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write(`cpu ${(u.userCPUTime+u.systemCPUTime)/1000} rss ${u.maxRSS*1024}\\n`)})', join(root, 'dist', 'cli.js'), '--help'], { encoding: 'utf8' });
    walls.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`--help failed:\n${r.stderr}`);
    cpus.push(Number(/cpu ([\d.]+)/.exec(r.stderr)[1]));
    rss.push(Number(/rss (\d+)/.exec(r.stderr)[1]));
  }
  return { wall: median(walls), cpu: median(cpus), rss: median(rss) };
}

/**
 * `RUNS` bare `node -e 0` processes in this environment, and without NODE_EXTRA_CA_CERTS when it is set: Node 20
 * reads and parses that certificate bundle at every start, before any of our code (≈ 45 ms on the 2-core machine
 * where it is set), which every process row includes.
 */
function bareNode() {
  const time = (env) => median([...Array(RUNS)].map(() => {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env });
    return performance.now() - t0;
  }));
  const bare = time(process.env);
  if (!process.env.NODE_EXTRA_CA_CERTS) return `bare node: ${bare.toFixed(0)} ms`;
  const { NODE_EXTRA_CA_CERTS: _, ...without } = process.env;
  return `bare node: ${bare.toFixed(0)} ms, of which NODE_EXTRA_CA_CERTS ≈ ${(bare - time(without)).toFixed(0)} ms`;
}

/** The first article of a content folder (the one the edits change). */
const article = (dir) => join('sections', readdirSync(join(dir, 'sections')).find((f) => f.startsWith('01')));

const rows = [];
const row = (name, r, note = '') => rows.push([name, r.wall, r.cpu, r.rss, note]);
const details = [];
try {
  row('start-up: --help (process)', startUp(), bareNode());
  const cold = coldBuild(content, 'cold', ['--no-cache']);
  row('first build, no caches (process)', cold, `${cold.pages} pages`);
  details.push(['first build, no caches', cold]);
  const floor = chartFloor();
  row('└ floor: its charts alone (process)', floor, `${floor.charts} charts: Node start + vega + render, nothing else`);
  coldBuild(content, 'cached'); // fills out/.cache for the next row
  const cached = coldBuild(content, 'cached');
  row('next build, caches filled (process)', cached);
  details.push(['next build, caches filled', cached]);
  // An editor's next build follows an edit: each run first gives one paragraph of the first article a new first
  // sentence (as the watch rows do), on a copy whose cache the first build filled.
  const edited = join(scratch, 'next-edit');
  cpSync(content, edited, { recursive: true });
  const editedArticle = join(edited, article(edited));
  const editedOriginal = readFileSync(editedArticle, 'utf8');
  coldBuild(edited, 'next-edit');
  let edits = 0;
  const afterEdit = coldBuild(edited, 'next-edit', [], () => writeFileSync(editedArticle, paragraphEdit(editedOriginal, edits++)));
  row('next build after a one-paragraph edit (process)', afterEdit);
  details.push(['next build after a one-paragraph edit', afterEdit]);
  const big = tenfold();
  const ten = coldBuild(big, 'tenfold', ['--no-cache']);
  row('10× document, no caches (process)', ten, `${ten.pages} pages`);
  details.push(['10× document, no caches', ten]);
  const w1 = await watchEdits(content, 'para', article(content), paragraphEdit);
  row('watch: one-paragraph edit', w1, `save → PDF on disk; first ${WARM} edits: ${w1.first?.toFixed(0)} ms`);
  details.push(['watch: one-paragraph edit', w1]);
  const w10 = await watchEdits(big, 'para10', article(big), paragraphEdit);
  row('watch: one-paragraph edit, 10×', w10, `save → PDF on disk; first ${WARM} edits: ${w10.first?.toFixed(0)} ms`);
  details.push(['watch: one-paragraph edit, 10×', w10]);
  const wf = await watchEdits(content, 'figures', 'figures.yaml', figuresEdit);
  row('watch: figures edit reaching every chart', wf, `all 8 charts + cited text; first ${WARM} edits: ${wf.first?.toFixed(0)} ms`);
  details.push(['watch: figures edit reaching every chart', wf]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\nmedians of ${RUNS} runs (watch rows: of ${RUNS} edits after ${WARM} first ones; CPU: all threads; peak memory: of the process, watch rows: the bench process)\n`);
console.log(`| case | wall ms | CPU ms | peak MiB | |`);
console.log(`|---|---:|---:|---:|---|`);
for (const [name, wall, cpu, rss, note] of rows) console.log(`| ${name} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | ${(rss / 2 ** 20).toFixed(0)} | ${note} |`);
for (const [title, r] of details) {
  console.log(`\n${title}: stages (median ms)`);
  for (const [k, v] of Object.entries(r.stages)) console.log(`  ${k.padEnd(12)}${v.toFixed(1).padStart(8)}`);
}
