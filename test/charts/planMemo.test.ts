/**
 * The session's sandboxed charts (charts/plan.ts ChartPlanMemo): a chart bound before (the same object) with the
 * same theme, fonts and frame is not sandboxed again (the very same sandboxed spec comes back) and has the key a
 * plan without the memo computes; each of those inputs changed is a miss; the sandbox's warnings are said again.
 */
import { describe, expect, it } from 'vitest';
import { planChart, type ChartPlanMemo } from '../../src/charts/plan.ts';
import { createSink } from '../../src/diag/sink.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { chart, FONTS_DIR, frameWidthPt as frameOf, loadTestTheme, testFonts } from './helpers.ts';

const rows = [
  { jaar: '2019', n: 3 },
  { jaar: '2020', n: 5 },
];
const frameWidthPt = frameOf('column');
const spec = { mark: 'bar', encoding: { x: { field: 'jaar', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } } };

describe('chart plans kept for the session', () => {
  const theme = loadTestTheme().chart;
  const fonts = testFonts();

  it('gives back the sandboxed spec it made, with the key of a plan made without the memo', () => {
    const memo: ChartPlanMemo = new WeakMap();
    const c = chart('c', spec, rows);
    const first = planChart(c, theme, fonts, frameWidthPt, createSink(), undefined, memo);
    const again = planChart(c, theme, fonts, frameWidthPt, createSink(), undefined, memo);
    expect(again.safe).toBe(first.safe);
    const fresh = planChart(c, theme, fonts, frameWidthPt, createSink());
    expect(fresh.safe).not.toBe(first.safe);
    expect(again.key).toBe(fresh.key);
    expect(again.safe).toEqual(fresh.safe);
    expect(again.alt).toBe(fresh.alt);
  });

  it('misses when the chart object, the frame, the theme or the fonts differ', () => {
    const memo: ChartPlanMemo = new WeakMap();
    const c = chart('c', spec, rows);
    const base = planChart(c, theme, fonts, frameWidthPt, createSink(), undefined, memo);
    const cases = {
      'chart bound again (another object, same content)': () => planChart(chart('c', spec, rows), theme, fonts, frameWidthPt, createSink(), undefined, memo),
      frame: () => planChart(c, theme, fonts, frameWidthPt + 10, createSink(), undefined, memo),
      theme: () => planChart(c, { ...theme }, fonts, frameWidthPt, createSink(), undefined, memo),
      fonts: () => planChart(c, theme, createFontStore(FONTS_DIR, loadTestTheme().fontFiles), frameWidthPt, createSink(), undefined, memo),
    };
    for (const [what, plan] of Object.entries(cases)) {
      // each case starts from the base entry: put it back after the previous case replaced it
      planChart(c, theme, fonts, frameWidthPt, createSink(), undefined, memo);
      expect(plan().safe, what).not.toBe(base.safe);
    }
    // the frame is part of the key; a new theme object or font store with the same content gives the same key
    expect(planChart(c, theme, fonts, frameWidthPt + 10, createSink(), undefined, memo).key).not.toBe(base.key);
    expect(planChart(c, { ...theme }, fonts, frameWidthPt, createSink(), undefined, memo).key).toBe(base.key);
  });

  it('says the sandbox\'s warnings again when it gives back a kept plan', () => {
    const memo: ChartPlanMemo = new WeakMap();
    const c = chart('c', { ...spec, mark: { type: 'bar', href: 'javascript:alert(1)' } }, rows);
    const first = createSink();
    planChart(c, theme, fonts, frameWidthPt, first, undefined, memo);
    expect(first.items.map((d) => d.code)).toHaveLength(1);
    const second = createSink();
    const again = planChart(c, theme, fonts, frameWidthPt, second, undefined, memo);
    expect(second.items).toEqual(first.items);
    expect((again.safe.mark as Record<string, unknown>).href).toBeUndefined();
  });
});
