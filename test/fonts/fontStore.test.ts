import { describe, expect, test } from 'vitest';
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
