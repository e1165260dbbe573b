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

describe('FontStore caches', () => {
  const files = { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' };
  test('a width is the same whether the text was first broken (prefix only), drawn (glyph run) or neither', () => {
    const texts = ['naturalisatieverzoeken', 'officieel', 'AVA', 'Tot V. Wij', '2.345', 'ĳsje'];
    const byPrefix = createFontStore('fonts', files);
    const byRun = createFontStore('fonts', files);
    const fresh = () => createFontStore('fonts', files);
    for (const t of texts) {
      byPrefix.prefixWidths!(t, 'serif', 9.4);
      byRun.shape!(t, 'serif');
      const expected = fresh().measure(t, 'serif', 9.4);
      expect(byPrefix.measure(t, 'serif', 9.4), t).toBe(expected);
      expect(byRun.measure(t, 'serif', 9.4), t).toBe(expected);
      // and prefix widths taken from a glyph run are those of the prefix-only shaping
      expect(byRun.prefixWidths!(t, 'serif', 9.4)).toEqual(fresh().prefixWidths!(t, 'serif', 9.4));
    }
  });

  test('prefixUnits × size is prefixWidths, number for number (what breaking multiplies itself)', () => {
    const fonts = createFontStore('fonts', files);
    for (const t of ['naturalisatieverzoeken', 'officieel', 'AVA', 'ĳsje']) {
      const units = fonts.prefixUnits!(t, 'serif');
      expect([...units].map((u) => u * 9.4)).toEqual(fonts.prefixWidths!(t, 'serif', 9.4));
      expect(units[t.length]! * 9.4).toBeCloseTo(fonts.measure(t, 'serif', 9.4), 9);
    }
  });

  test('runs are kept per face and per feature set, found by content not by array', () => {
    const fonts = createFontStore('fonts', files);
    const t = '0123456789';
    const tnum = fonts.measure(t, 'sans', 10, ['kern', 'liga', 'tnum']);
    const pnum = fonts.measure(t, 'sans', 10, ['kern', 'liga', 'pnum']);
    expect(tnum).not.toBe(pnum); // Source Sans 3's default figures are proportional: tnum widens "1"
    expect(fonts.measure(t, 'sans', 10, ['kern', 'liga', 'tnum'])).toBe(tnum); // another array, same features
    expect(fonts.shape!(t, 'sans', ['kern', 'liga', 'pnum'])).toBe(fonts.shape!(t, 'sans', ['kern', 'liga', 'pnum']));
    expect(fonts.measure(t, 'serif', 10, ['kern', 'liga', 'tnum'])).not.toBe(tnum);
  });
});

describe('FontStore.readBytes', () => {
  test('hands on the file bytes read to hash a face (a first build reads each face once), none for an unknown key', async () => {
    const { readFileSync } = await import('node:fs');
    const store = createFontStore('fonts', { serif: 'SourceSerif4_400Regular.ttf', 'serif-bold': 'SourceSerif4_700Bold.ttf' });
    expect(Buffer.from(store.readBytes!('serif')!).equals(readFileSync('fonts/SourceSerif4_400Regular.ttf'))).toBe(true);
    expect(Buffer.from(store.readBytes!('serif-bold')!).equals(readFileSync('fonts/SourceSerif4_700Bold.ttf'))).toBe(true);
    expect(store.readBytes!('nope')).toBeUndefined();
  });
});
