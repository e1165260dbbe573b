/**
 * Charts rendered in a worker thread (one-shot CLI builds, src/charts/renderInWorker.ts) give the same PDF, chart
 * files, diagnostics, exit code and chart progress as charts rendered in the main thread. The compiled CLI is run
 * both ways on a copy of the bundled report whose charts raise a sandbox warning, a vega warning and a layout
 * warning, and on one whose chart expression is refused (an error).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

/** A copy of the bundled report with `edit` applied to one chart file. */
function report(chart: string, edit: (text: string) => string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rp-worker-')), 'c');
  cpSync(join(root, 'content', 'jaarverslag-2020'), dir, { recursive: true });
  const file = join(dir, 'charts', chart);
  const text = readFileSync(file, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return dir;
}

/** Builds `dir` with the chart worker on ('1': required, a failing worker is an error) or off ('0'). */
function build(dir: string, worker: '0' | '1') {
  const out = join(dir, '..', `w${worker}`);
  const r = spawnSync(process.execPath, [cli, 'build', dir, '-o', join(out, 'r.pdf'), '--no-cache'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, REPORTPRESS_CHART_WORKER: worker, CI: '' },
  });
  const charts = r.status === 0 ? readdirSync(join(out, 'charts')).sort() : [];
  return {
    code: r.status,
    err: r.stderr,
    // the progress lines without their times
    progress: r.stdout.split('\n').filter((l) => l.startsWith('charts')).map((l) => l.replace(/\(.*\)/, '')),
    pdf: r.status === 0 ? readFileSync(join(out, 'r.pdf')) : undefined,
    charts: charts.map((f) => [f, readFileSync(join(out, 'charts', f))] as const),
  };
}

describe('charts rendered in a worker thread', () => {
  it('give the same PDF, chart files, warnings and progress as in the main thread', () => {
    const dir = report('brexit.vl.yaml', (t) => t.replace('encoding:\n  y:', 'encoding:\n  href: { value: "ftp://example.org/x" }\n  x2: { datum: 1e9 }\n  y:'));
    const [inThread, inWorker] = [build(dir, '0'), build(dir, '1')];
    expect(inThread.code, inThread.err).toBe(0);
    expect(inWorker.code, inWorker.err).toBe(0);
    // the oracle: what the edit is known to cause (sandbox, vega and layout warnings), in the same order both ways
    for (const code of ['CHART106', 'CHART111', 'CHART115']) expect(inThread.err).toContain(`warning[${code}]`);
    expect(inWorker.err).toBe(inThread.err);
    expect(inThread.progress).toEqual(['charts 8/8 done ']);
    expect(inWorker.progress).toEqual(inThread.progress);
    expect(inWorker.charts.map(([f]) => f)).toEqual(inThread.charts.map(([f]) => f));
    expect(inThread.charts.length).toBeGreaterThanOrEqual(16); // an SVG and a PNG per chart
    for (const [i, [f, bytes]] of inWorker.charts.entries()) expect(bytes.equals(inThread.charts[i]![1]), f).toBe(true);
    expect(inWorker.pdf!.equals(inThread.pdf!)).toBe(true);
  }, 240_000);

  it('report a refused chart expression the same way (exit 1, same error, no PDF)', () => {
    const dir = report('nareis.vl.yaml', (t) => t.replace('data:', 'transform:\n  - calculate: "foo(datum.x)"\n    as: y\ndata:'));
    const [inThread, inWorker] = [build(dir, '0'), build(dir, '1')];
    expect(inThread.code).toBe(1);
    expect(inThread.err).toContain('error[CHART119]');
    expect(inWorker.code).toBe(1);
    expect(inWorker.err).toBe(inThread.err);
  }, 240_000);
});
