import { describe, expect, it } from 'vitest';
import { createWidthFunction, fontKeyFor } from '../../src/charts/textMetrics.ts';
import { renderCharts } from '../../src/charts/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { chart, frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

const keys = loadTestTheme().chart.fontKeys;

describe('chart text measurement with the report font', () => {
  const width = createWidthFunction(testFonts(), keys);

  it('measures "Naturalisatieverzoeken" at 10px as about 96, not vega\'s 176 estimate', () => {
    const w = width({ fontSize: 10 }, 'Naturalisatieverzoeken');
    expect(w).toBeGreaterThan(95);
    expect(w).toBeLessThan(97.5);
  });

  it('uses the bold and semibold faces for heavy weights', () => {
    const regular = width({ fontSize: 10 }, 'Aanvragen');
    expect(width({ fontSize: 10, fontWeight: 'bold' }, 'Aanvragen')).toBeGreaterThan(regular);
    expect(width({ fontSize: 10, fontWeight: 600 }, 'Aanvragen')).toBeGreaterThan(regular);
    expect(fontKeyFor(keys, 700, undefined)).toBe('sans-bold');
    expect(fontKeyFor(keys, '600', undefined)).toBe('sans-semibold');
    expect(fontKeyFor(keys, 'normal', 'italic')).toBe('sans-italic');
  });

  it('measures the truncated label when a limit applies, as vega draws it', () => {
    const w = width({ fontSize: 10, limit: 50 }, 'Naturalisatieverzoeken');
    expect(w).toBeLessThanOrEqual(50);
    expect(w).toBeGreaterThan(40);
  });

  it('lays out a horizontal bar chart with the real label width, not the estimate', async () => {
    const theme = loadTestTheme().chart;
    const c = chart('h', { mark: 'bar', encoding: { y: { field: 'k', type: 'nominal', title: null }, x: { field: 'v', type: 'quantitative', title: null } } }, [
      { k: 'Naturalisatieverzoeken', v: 3 },
      { k: 'Asiel', v: 5 },
    ]);
    const asset = (await renderCharts([c], { theme, fonts: testFonts(), frameWidthPt }, { diag: createSink() })).get('h')!;
    // The plot starts right of the longest label: its width + tick (5) + label padding (2) + view padding (2).
    const label = testFonts().measure('Naturalisatieverzoeken', keys.normal, theme.fontSize);
    const plotX = Number(/<g[^>]*transform="translate\(([\d.]+),/.exec(asset.svg)![1]);
    expect(label).toBeCloseTo(76.9, 0);
    expect(plotX).toBeGreaterThan(label);
    expect(plotX).toBeLessThan(label + 12); // vega's 0.8·size·chars guess would put it at 141+
  });
});
