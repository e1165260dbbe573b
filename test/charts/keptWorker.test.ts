/**
 * A kept build context (watch, preview) renders its charts in a worker of its own (src/charts/renderInWorker.ts
 * renderInKeptWorker), kept between rebuilds with vega and the compiled specs loaded. The compiled build is run with
 * the worker required (a failing worker is then an error) on a copy of the bundled report, three times with the
 * figures edited in between so every chart changes; each PDF (started while the worker runs vega) must equal a
 * one-shot build's with charts rendered in the main thread.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const saved = process.env.REPORTPRESS_CHART_WORKER;
afterEach(() => {
  if (saved === undefined) delete process.env.REPORTPRESS_CHART_WORKER;
  else process.env.REPORTPRESS_CHART_WORKER = saved;
});

/** Every whole-number figure + n + 1 (as npm run bench's figures edit): every chart's data changes. */
const edit = (text: string, n: number) => text.replace(/(value: )(\d{2,})\b/g, (_, k: string, v: string) => `${k}${Number(v) + n + 1}`);

describe('charts of a kept build context', () => {
  it('render in the context\'s own worker, and each rebuild after a figures edit equals a one-shot build rendering in-thread', async () => {
    process.env.REPORTPRESS_CHART_WORKER = '1';
    const { buildReport, createBuildContext } = (await import(join(root, 'dist', 'index.mjs'))) as typeof import('../../src/index.ts');
    const dir = join(mkdtempSync(join(tmpdir(), 'rp-kept-')), 'c');
    cpSync(join(root, 'content', 'jaarverslag-2020'), dir, { recursive: true });
    const figures = join(dir, 'figures.yaml');
    const original = readFileSync(figures, 'utf8');
    const ctx = createBuildContext();
    const slot = ctx.cache<{ worker: { terminate(): Promise<number> } }>('chartWorker');
    try {
      for (let n = -1; n < 2; n++) {
        if (n >= 0) writeFileSync(figures, edit(original, n));
        const kept = await buildReport({ contentDir: dir }, ctx);
        expect(kept.diagnostics.items.filter((d) => d.severity === 'error')).toEqual([]);
        expect(slot.get('worker'), 'the kept worker').toBeDefined();
        // the PDF was started while the worker ran vega (cli/build.ts), and still equals the one-shot build below
        expect(kept.timings.map(([k]) => k)).toContain('pdf before charts');
        const out = join(dir, '..', `one-${n}.pdf`);
        const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', dir, '-o', out, '--no-cache'], { encoding: 'utf8', env: { ...process.env, REPORTPRESS_CHART_WORKER: '0' } });
        expect(r.status, r.stderr).toBe(0);
        expect(Buffer.compare(Buffer.from(kept.pdf), readFileSync(out)), `PDF after edit ${n}`).toBe(0);
      }
    } finally {
      await slot.get('worker')?.worker.terminate();
    }
  }, 180_000);
});
