/** Progress display, --json summary and GitHub annotations: unit checks plus the CLI on a scratch report. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgressDisplay, progressMode } from '../../src/cli/progress.ts';
import { annotation } from '../../src/cli/annotations.ts';
import { openPdf } from '../../src/raster/openPdf.ts';
import { editFile, scratchReport } from '../helpers/scratchReport.ts';

const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function recorder() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

describe('progress display', () => {
  it('is live on a terminal, plain in CI or without a terminal, off for --json', () => {
    expect(progressMode({ isTTY: true }, {}, false)).toBe('live');
    expect(progressMode({ isTTY: true }, { CI: 'true' }, false)).toBe('plain');
    expect(progressMode({ isTTY: false }, {}, false)).toBe('plain');
    expect(progressMode({ isTTY: true }, {}, true)).toBe('off');
  });

  const run = (mode: 'live' | 'plain') => {
    const out = recorder();
    const p = createProgressDisplay(out, mode);
    for (const s of ['load', 'theme', 'bind', 'style', 'layout', 'charts', 'pdf', 'write']) {
      p.stage!(s, 'start');
      if (s === 'pdf') for (let n = 1; n <= 20; n++) p.page!(n, 20);
      if (s === 'charts') for (let n = 1; n <= 3; n++) p.chart!(n, 3);
      p.stage!(s, 'end', 10);
    }
    p.end();
    return out.text();
  };

  it('prints one plain line per step, with charts and pages n/N', () => {
    expect(run('plain').split('\n').filter(Boolean)).toEqual([
      'load done (30 ms)',
      'typesetting done (20 ms)',
      'charts 3/3 done (10 ms)',
      'pages 20/20 done (10 ms)',
      'write done (10 ms)',
    ]);
  });

  it('prints no "done" line for a step that failed', () => {
    const out = recorder();
    const p = createProgressDisplay(out, 'plain');
    p.stage!('load', 'start');
    p.stage!('load', 'end', 5);
    p.stage!('bind', 'start');
    p.end(true);
    expect(out.text()).toBe('');
  });

  it('redraws one line in place on a terminal and erases it at the end', () => {
    const t = run('live');
    expect(t).toContain('pages 20/20');
    expect(t).toContain('charts 2/3');
    expect(t).not.toContain('\n');
    expect(t.endsWith('\r\x1b[2K')).toBe(true);
  });
});

describe('GitHub annotations', () => {
  it('writes a workflow command with the file relative to the workspace, escaped', () => {
    const d = { severity: 'error' as const, code: 'SPEC001', message: 'unknown key "x, y"\nsecond', span: { file: '/ws/content/a.yaml', line: 3, column: 7, endLine: 3, endColumn: 9 }, hints: [] };
    expect(annotation(d, '/ws')).toBe('::error file=content/a.yaml,line=3,col=7,endLine=3,endColumn=9,title=SPEC001::unknown key "x, y"%0Asecond');
  });
});

describe('progress through the CLI', () => {
  it('counts the charts vega draws: every chart block on a cold build, none on a warm one', () => {
    const dir = resolve(import.meta.dirname, '..', '..', 'content', 'jaarverslag-2020');
    // The oracle: chart blocks as the content writes them (the bundled report has no two alike).
    const sections = readdirSync(join(dir, 'sections')).map((f) => readFileSync(join(dir, 'sections', f), 'utf8'));
    const charts = sections.join('\n').match(/^\s*- chart:/gm)!.length;
    const out = join(mkdtempSync(join(tmpdir(), 'rp-progress-')), 'r.pdf');
    const cache = join(dirname(out), 'cache');
    const build = () => spawnSync(process.execPath, [cli, 'build', dir, '-o', out, '--cache-dir', cache], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    const cold = build();
    expect(cold.status, cold.stderr).toBe(0);
    expect(cold.stdout).toMatch(new RegExp(`^charts ${charts}/${charts} done \\(\\d+ ms\\)$`, 'm'));
    const warm = build();
    expect(warm.stdout).toMatch(/^charts done \(\d+ ms\)$/m);
  }, 120_000);
});

describe('build --json and annotations through the CLI', () => {
  it('prints a JSON summary whose page count and files match the PDF', async () => {
    const dir = scratchReport();
    const out = join(dir, '..', 'r.pdf');
    const r = spawnSync(process.execPath, [cli, 'build', dir, '-o', out, '--json', '--no-cache'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const pdf = await openPdf(readFileSync(out));
    expect(j).toMatchObject({ ok: true, output: out, pages: pdf.pageCount, errors: [], files: [out] });
    await pdf.close();
    expect(j.bytes).toBe(readFileSync(out).length);
    expect(Object.keys(j.timings)).toEqual(expect.arrayContaining(['load', 'layout', 'pdf']));
  }, 60_000);

  it('reports a content error in the JSON and as a GitHub annotation at its line and column', () => {
    const dir = scratchReport();
    const file = join(dir, 'sections', '01-artikel.yaml');
    editFile(file, 'kind: article', 'kind: essay');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('kind: essay')) + 1;
    const r = spawnSync(process.execPath, [cli, 'build', dir, '-o', join(dir, '..', 'r.pdf'), '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.errors).toEqual([expect.objectContaining({ code: 'SPEC005', line, column: 7 })]);
    const gh = spawnSync(process.execPath, [cli, 'build', dir, '-o', join(dir, '..', 'r.pdf')], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } });
    expect(gh.status).toBe(1);
    expect(gh.stdout).toContain(`::error file=sections/01-artikel.yaml,line=${line},col=7`);
  }, 60_000);
});
