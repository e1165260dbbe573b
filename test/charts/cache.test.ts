import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/index.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { createSink } from '../../src/diag/sink.ts';
import { readChecked, writeChecked } from '../../src/util/diskCache.ts';
import { chart, frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

/** The tests' build session: renders are cached in it, and cleared where a test needs a fresh render. */
const session = createBuildContext();
const opts = { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt, build: session };
const enc = { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'n', type: 'quantitative' } };
const rows = [
  { jaar: '2019', n: 20430 },
  { jaar: '2020', n: 12310 },
];

describe('render cache for rebuilds in one process', () => {
  it('reuses an unchanged chart, keeping its own id and alt, and renders a changed one again', async () => {
    session.clear('chartRenders');
    const first = (await renderCharts([chart('a', { mark: 'bar', encoding: enc }, rows)], opts, { diag: createSink() })).get('a')!;
    const again = (await renderCharts([chart('b', { mark: 'bar', encoding: enc }, rows, { alt: 'eigen tekst' })], opts, { diag: createSink() })).get('b')!;
    expect(again.svg).toBe(first.svg); // the same string object: not rendered again
    expect(await again.png()).toBe(await first.png()); // one PNG, rasterised once
    expect([again.id, again.alt]).toEqual(['b', 'eigen tekst']);

    const changed = [{ ...rows[0] }, { jaar: '2020', n: 11310 }];
    const next = (await renderCharts([chart('a', { mark: 'bar', encoding: enc }, changed)], opts, { diag: createSink() })).get('a')!;
    expect(next.svg).toContain('n: 11.310');
    expect(next.svg).not.toBe(first.svg);
    expect(next.alt).toContain('11.310');
    // A different frame width is a different chart too.
    const wide = (await renderCharts([{ ...chart('a', { mark: 'bar', encoding: enc }, rows), size: 'full' }], opts, { diag: createSink() })).get('a')!;
    expect(wide.widthPt).toBeGreaterThan(first.widthPt);
  });

  it('does not cache a chart that raised a warning, so every build reports it', async () => {
    session.clear('chartRenders');
    const linked = chart('l', { mark: { type: 'bar', href: 'javascript:alert(1)' }, encoding: enc }, rows);
    for (let i = 0; i < 2; i++) {
      const diag = createSink();
      await renderCharts([linked], opts, { diag });
      expect(diag.items.map((d) => d.code)).toEqual(['CHART106']);
    }
  });
});

describe('render cache on disk (the CLI keeps it in out/.cache)', () => {
  const bar = chart('a', { mark: 'bar', encoding: enc }, rows);
  const withDir = (cacheDir: string) => ({ ...opts, cacheDir });
  const entries = (dir: string, ext: string) => readdirSync(join(dir, 'charts')).filter((f) => f.endsWith(ext));

  it('serves a chart from disk in a later process, SVG and PNG, and renders again once the file is damaged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-cache-'));
    try {
      session.clear('chartRenders');
      const first = (await renderCharts([bar], withDir(dir), { diag: createSink() })).get('a')!;
      const png = await first.png();
      const [json] = entries(dir, '.json');
      expect(entries(dir, '.png')).toEqual([json.replace('.json', '.png')]);
      // Mark the stored SVG: a new process (empty memory cache) must take it from there, not from vega.
      const file = join(dir, 'charts', json);
      const stored = JSON.parse(readChecked(file)!);
      writeChecked(file, JSON.stringify({ ...stored, svg: stored.svg.replace('<svg', '<svg data-from-disk="1"') }));
      session.clear('chartRenders');
      const later = (await renderCharts([bar], withDir(dir), { diag: createSink() })).get('a')!;
      expect(later.svg).toContain('data-from-disk');
      expect(Buffer.from(await later.png()).equals(Buffer.from(png))).toBe(true);
      // A damaged entry is a miss: the chart renders again and the entry is rewritten. A changed byte that leaves
      // valid JSON and a valid SVG is damage too (the hash line tells).
      writeFileSync(file, readFileSync(file, 'utf8').replace('data-from-disk', 'data-from-dusk'));
      session.clear('chartRenders');
      expect((await renderCharts([bar], withDir(dir), { diag: createSink() })).get('a')!.svg).toBe(first.svg);
      writeFileSync(file, '{"svg": 12');
      session.clear('chartRenders');
      const again = (await renderCharts([bar], withDir(dir), { diag: createSink() })).get('a')!;
      expect(again.svg).toBe(first.svg);
      expect(JSON.parse(readChecked(file)!).svg).toBe(first.svg);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps nothing without a cache folder, and never stores a render that raised a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-cache-'));
    try {
      session.clear('chartRenders');
      // vega warns about a field it cannot find: the warning must come back on every build.
      const warns = chart('w', { mark: 'bar', encoding: { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'n', type: 'quantitative', scale: { type: 'log', zero: true } } } }, rows);
      for (let i = 0; i < 2; i++) {
        const diag = createSink();
        await renderCharts([warns], withDir(dir), { diag });
        expect(diag.items.length).toBeGreaterThan(0);
      }
      expect(existsSync(join(dir, 'charts')) ? entries(dir, '.json') : []).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
