import { describe, expect, test } from 'vitest';
import { firstFit, lineStart } from '../../src/text/firstFit.ts';
import { INFINITY_PENALTY, type Item } from '../../src/text/itemize.ts';
import { adjustmentRatio, knuthPlass, totalDemerits } from '../../src/text/knuthPlass.ts';

const base = { stretch: 0, shrink: 0, fil: false, penalty: 0, flagged: false, hyphen: false, run: 0, text: 'x' };
const box = (width: number): Item => ({ ...base, kind: 'box', width });
const glue = (width: number): Item => ({ ...base, kind: 'glue', width, stretch: width, shrink: width / 3, text: ' ' });
const end = (): Item[] => [
  { ...base, kind: 'penalty', width: 0, penalty: INFINITY_PENALTY },
  { ...base, kind: 'glue', width: 0, fil: true },
  { ...base, kind: 'penalty', width: 0, penalty: -INFINITY_PENALTY },
];
/** A paragraph of boxes with the given widths, separated by 3 pt spaces. */
const paragraph = (widths: readonly number[]): Item[] => [...widths.flatMap((w, i) => (i ? [glue(3), box(w)] : [box(w)])), ...end()];

/** Deterministic pseudo-random numbers (mulberry32) so the property test is reproducible. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adjustment ratio of every line of a break sequence. */
function ratios(items: readonly Item[], breaks: readonly number[], width: number): number[] {
  let from = 0;
  return breaks.map((b) => {
    let L = 0, Y = 0, Z = 0, F = 0;
    for (let i = from; i < b; i++) {
      if (items[i].kind === 'penalty') continue;
      L += items[i].width; Y += items[i].stretch; Z += items[i].shrink; F += items[i].fil ? 1 : 0;
    }
    from = lineStart(items, b);
    return adjustmentRatio(L, Y, Z, F, width);
  });
}

describe('knuthPlass', () => {
  test('never has more total demerits than first-fit when first-fit stays within tolerance 1', () => {
    const rnd = random(42);
    let compared = 0;
    for (let n = 0; n < 300; n++) {
      const items = paragraph(Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => 6 + Math.floor(rnd() * 6) * 6));
      const ff = firstFit(items, 200);
      if (ratios(items, ff, 200).some((r) => r > 1 || r < -1)) continue;
      const kp = knuthPlass(items, 200);
      expect(kp).not.toBeNull();
      expect(totalDemerits(items, kp!, 200)).toBeLessThanOrEqual(totalDemerits(items, ff, 200) + 1e-6);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  test('every line it sets lies within the shrink limit', () => {
    const rnd = random(7);
    for (let n = 0; n < 50; n++) {
      const items = paragraph(Array.from({ length: 40 }, () => 6 + Math.floor(rnd() * 8) * 6));
      const kp = knuthPlass(items, 240)!;
      for (const r of ratios(items, kp, 240)) expect(r).toBeGreaterThanOrEqual(-1);
    }
  });

  test('returns null for a box wider than the measure; first-fit then sets it alone, overfull', () => {
    const items = paragraph([30, 300, 30]);
    expect(knuthPlass(items, 100)).toBeNull();
    const ff = firstFit(items, 100);
    expect(ff).toEqual([1, 3, items.length - 1]);
  });

  test('no line before the last ends in an added hyphen, unless nothing else can be set', () => {
    const stretchy = (stretch: number): Item => ({ ...base, kind: 'glue', width: 3, stretch, shrink: 1, text: ' ' });
    const hyphen: Item = { ...base, kind: 'penalty', width: 6, penalty: 50, flagged: true, hyphen: true, text: '' };
    // "A1 A2 B1-" fits at r ≈ 0 but leaves "B2 C" as a fragment; "A1 A2" alone needs r = 1.6
    const para = (stretch: number): Item[] => [box(28), stretchy(stretch), box(29), stretchy(stretch), box(30), hyphen, box(30), stretchy(stretch), box(20), ...end()];
    const avoid = para(25);
    expect(knuthPlass(avoid, 100)).toEqual([3, avoid.length - 1]);
    // with too little stretch for "A1 A2" the hyphen is the last resort
    const forced = para(5);
    expect(knuthPlass(forced, 100)).toEqual([5, forced.length - 1]);
  });
});

