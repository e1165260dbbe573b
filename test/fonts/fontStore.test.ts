import { describe, expect, test, vi } from 'vitest';
import { createFontStore } from '../../src/fonts/fontStore.ts';

const fonts = createFontStore('fonts', { serif: 'SourceSerif4_400Regular.ttf', 'serif-bold': 'SourceSerif4_700Bold.ttf' });

describe('FontStore.prefixWidths', () => {
  test('ends at the shaped width of the whole text and never decreases', () => {
    for (const text of ['naturalisatieverzoeken', 'officieel', 'Vreemdelingenketen', 'AVA']) {
      const w = fonts.prefixWidths!(text, 'serif', 9.4);
      expect(w).toHaveLength(text.length + 1);
      expect(w[0]).toBe(0);
      expect(w[text.length]).toBeCloseTo(fonts.measure(text, 'serif', 9.4), 9);
      for (let i = 1; i < w.length; i++) expect(w[i]).toBeGreaterThanOrEqual(w[i - 1]);
    }
  });

  test('keeps kerning: "AVA" is narrower than its letters measured apart', () => {
    const w = fonts.prefixWidths!('AVA', 'serif', 10);
    const apart = fonts.measure('A', 'serif', 10) * 2 + fonts.measure('V', 'serif', 10);
    expect(w[3]).toBeLessThan(apart - 0.1);
  });

  test('splits a ligature evenly between its characters ("ffi" in "officieel")', () => {
    const w = fonts.prefixWidths!('officieel', 'serif', 10, ['kern', 'liga']);
    const lig = w[4] - w[1];
    expect(w[2] - w[1]).toBeCloseTo(lig / 3, 9);
    expect(w[9]).toBeCloseTo(fonts.measure('officieel', 'serif', 10, ['kern', 'liga']), 9);
  });

  test('bold is wider than regular at the same size', () => {
    const t = 'IND';
    expect(fonts.prefixWidths!(t, 'serif-bold', 10)[3]).toBeGreaterThan(fonts.prefixWidths!(t, 'serif', 10)[3]);
  });
});

describe('batched shaping (prefetch)', () => {
  test('gives every word of the report the width of shaping it alone, in every face', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '..', '..', 'content', 'jaarverslag-2020', 'sections');
    const text = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join(' ');
    const words = [...new Set(text.split(/[\s\u00ad]+/u).filter(Boolean))];
    expect(words.length).toBeGreaterThan(1500);
    const fontsDir = join(import.meta.dirname, '..', '..', 'fonts');
    for (const key of readdirSync(fontsDir).filter((f) => f.endsWith('.ttf'))) {
      const store = createFontStore(fontsDir, { [key]: key });
      const face = store.face(key);
      for (const features of [['kern', 'liga'], ['kern', 'liga', 'tnum']]) {
        const calls = vi.spyOn(face, 'layout');
        store.prefetch!(words.join(' '), key, features);
        // a few dozen calls for ~2,000 words, and none left for measuring them afterwards
        expect(calls.mock.calls.length).toBeLessThan(words.length / 20);
        calls.mockClear();
        for (const w of words) store.prefixWidths!(w, key, 10, features);
        expect(calls).not.toHaveBeenCalled();
        calls.mockRestore();
        for (const w of words) {
          // Reference: fontkit on the word alone, with the features that matter for it.
          const alone = face.layout(w, /\d/.test(w) && features.includes('tnum') ? features : undefined);
          const expected = (alone.positions.reduce((a, p) => a + p.xAdvance, 0) * 10) / face.unitsPerEm;
          const prefix = store.prefixWidths!(w, key, 10, features);
          expect(prefix[prefix.length - 1], `${key} ${w}`).toBeCloseTo(expected, 9);
        }
      }
    }
  });
});
