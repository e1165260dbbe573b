import { describe, expect, test } from 'vitest';
import { EXPANSION_LIMIT, fitLine, MAX_SPACE_RATIO } from '../../src/text/justify.ts';
import { GLYPH_EXPANSION, SPACE_SHRINK, SPACE_STRETCH } from '../../src/text/itemize.ts';

/** 200 pt of words and 8 spaces of 2.5 pt (a 45-character body line). */
const LINE = { words: 200, spaces: 20, separators: 8 };
/** Width the fitted line occupies: scaled words plus visible separators. */
const drawn = (f: { scale: number; extraPt: number }, l = LINE) => f.scale * (l.words + l.spaces + l.separators * f.extraPt);

describe('fitLine', () => {
  test('spreads the adjustment over glyphs and spaces as Knuth–Plass assumed (ratio r moves both)', () => {
    const r = 0.6;
    const available = 220 + r * (GLYPH_EXPANSION * 200 + SPACE_STRETCH * 20);
    const f = fitLine(LINE, available, { stretch: true });
    expect(f.scale).toBeCloseTo(1 + r * GLYPH_EXPANSION, 9);
    expect(f.spaceRatio).toBeCloseTo(1 + r * SPACE_STRETCH, 9);
    expect(drawn(f)).toBeCloseTo(available, 9);
  });

  test('shrinks both down to r = −1 and never further (the line then sticks out)', () => {
    const tight = fitLine(LINE, 216, { stretch: true });
    expect(tight.scale).toBeLessThan(1);
    expect(drawn(tight)).toBeCloseTo(216, 9);
    const over = fitLine(LINE, 200, { stretch: true });
    expect(over.scale).toBeCloseTo(1 - GLYPH_EXPANSION, 9);
    expect(over.spaceRatio).toBeCloseTo(1 - SPACE_SHRINK, 9);
    expect(drawn(over)).toBeGreaterThan(200);
  });

  test('past r = 1 the spaces take the rest, and past 2× the glyphs widen up to the limit', () => {
    const loose = fitLine(LINE, 240, { stretch: true });
    expect(loose.scale).toBeCloseTo(1 + GLYPH_EXPANSION, 9);
    expect(loose.spaceRatio).toBeGreaterThan(1 + SPACE_STRETCH);
    expect(loose.spaceRatio).toBeLessThanOrEqual(MAX_SPACE_RATIO);
    expect(drawn(loose)).toBeCloseTo(240, 9);
    const rescue = fitLine(LINE, 247, { stretch: true });
    expect(rescue.spaceRatio).toBeCloseTo(MAX_SPACE_RATIO, 9);
    expect(rescue.scale).toBeGreaterThan(1 + GLYPH_EXPANSION);
    expect(rescue.scale).toBeLessThanOrEqual(1 + EXPANSION_LIMIT);
    expect(drawn(rescue)).toBeCloseTo(247, 9);
    const hopeless = fitLine(LINE, 300, { stretch: true });
    expect(hopeless.scale).toBeCloseTo(1 + EXPANSION_LIMIT, 9);
    expect(drawn(hopeless)).toBeCloseTo(300, 9);
  });

  test('a ragged or last line is never stretched; without expansion only the spaces shrink', () => {
    expect(fitLine(LINE, 240, { stretch: false })).toEqual({ scale: 1, extraPt: 0, spaceRatio: 1 });
    const f = fitLine(LINE, 218, { stretch: false, expansion: 0 });
    expect(f.scale).toBe(1);
    expect(drawn(f)).toBeCloseTo(218, 9);
  });
});
