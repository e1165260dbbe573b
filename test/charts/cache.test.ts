import { describe, expect, it } from 'vitest';
import { clearRenderCache, renderCharts } from '../../src/charts/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { chart, frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

const opts = { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt };
const enc = { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'n', type: 'quantitative' } };
const rows = [
  { jaar: '2019', n: 20430 },
  { jaar: '2020', n: 12310 },
];

describe('render cache for rebuilds in one process', () => {
  it('reuses an unchanged chart, keeping its own id and alt, and renders a changed one again', async () => {
    clearRenderCache();
    const first = (await renderCharts([chart('a', { mark: 'bar', encoding: enc }, rows)], opts, { diag: createSink() })).get('a')!;
    const t = performance.now();
    const again = (await renderCharts([chart('b', { mark: 'bar', encoding: enc }, rows, { alt: 'eigen tekst' })], opts, { diag: createSink() })).get('b')!;
    expect(performance.now() - t).toBeLessThan(50);
    expect(again.svg).toBe(first.svg); // the same string object: not rendered again
    expect(again.png).toBe(first.png);
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
    clearRenderCache();
    const linked = chart('l', { mark: { type: 'bar', href: 'javascript:alert(1)' }, encoding: enc }, rows);
    for (let i = 0; i < 2; i++) {
      const diag = createSink();
      await renderCharts([linked], opts, { diag });
      expect(diag.items.map((d) => d.code)).toEqual(['CHART106']);
    }
  });
});
