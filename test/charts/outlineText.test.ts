/**
 * Chart text as glyph outlines (charts/outlineText.ts) with each glyph's path drawn by HarfBuzz once per face: the
 * same SVG as drawing every glyph of every line again (the oracle: a store without font files, which the caches
 * skip), and one outline call per distinct glyph and face.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { outlineText } from '../../src/charts/outlineText.ts';
import { outlinesReady } from '../../src/fonts/shaper.ts';
import type { FontStore } from '../../src/fonts/fontStore.ts';
import { loadTestTheme, testFonts } from './helpers.ts';

const keys = loadTestTheme().chart.fontKeys;
const svg = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">',
  '<text transform="translate(10,20)" font-size="10px" text-anchor="middle" fill="#333">Aanvragen 2020</text>',
  '<text transform="translate(10,40)" font-weight="bold">Aanvragen &amp; besluiten</text>',
  '<text transform="translate(10,60)" font-size="9px"><tspan dy="0">2019</tspan><tspan dy="11">2020</tspan></text>',
  '<text transform="translate(10,80)" font-size="10px" text-anchor="end">Aanvragen 2020</text>',
  '</svg>',
].join('');

/** The test store with its outline calls counted; `withFiles: false` leaves out the files (nothing is cached). */
function counted(withFiles: boolean): { store: FontStore; calls: string[] } {
  const base = testFonts();
  const calls: string[] = [];
  const store: FontStore = { ...base, ...(withFiles ? {} : { files: {}, hashes: {} }), outline: (key, id) => (calls.push(`${key}|${id}`), base.outline!(key, id)) };
  return { store, calls };
}


// glyph outlines come from harfbuzzjs, loaded on demand (fonts/shaper.ts)
beforeAll(outlinesReady);
describe('chart text outlines', () => {
  it('draw the same paths with each glyph outlined once per face', () => {
    const plain = counted(false);
    const cached = counted(true);
    const expected = outlineText(svg, plain.store, keys);
    const cache = new Map<string, string>();
    const got = outlineText(svg, cached.store, keys, cache);
    expect(got).toBe(expected);
    expect(got).not.toContain('<text');
    // every glyph drawn again without the cache (repeated letters, the repeated label); once each with it
    expect(plain.calls.length).toBeGreaterThan(new Set(plain.calls).size);
    expect(cached.calls.length).toBe(new Set(plain.calls).size);
    expect(new Set(cached.calls)).toEqual(new Set(plain.calls));
    // a second SVG through the same cache draws no glyph again, and still the same paths
    expect(outlineText(svg, cached.store, keys, cache)).toBe(expected);
    expect(cached.calls.length).toBe(new Set(plain.calls).size);
  });
});
