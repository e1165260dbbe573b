import { describe, expect, it } from 'vitest';
import { fitTable, MIN_COLUMN_EM, waterFill } from '../../src/style/fitTable.ts';

describe('waterFill', () => {
  it('keeps the short columns at their longest word and levels the longest ones', () => {
    // 20 + 30 + 300 into 150: the level C with 20 + 30 + C = 150 is 100
    expect(waterFill([20, 30, 300], 150, 10)).toEqual([20, 30, 100]);
    // two long columns share what the short one leaves: (150 − 20) / 2 = 65
    expect(waterFill([200, 20, 300], 150, 10)).toEqual([65, 20, 65]);
  });
  it('refuses a level below the floor', () => {
    expect(waterFill([100, 100, 100], 60, 25)).toBeUndefined();
    expect(waterFill([100, 100, 100], 75, 25)).toEqual([25, 25, 25]);
  });
});

describe('fitTable', () => {
  const pad = 2;
  const m = (min: number[], max = min) => ({ min, max });
  it('keeps full size when the longest words fit side by side', () => {
    const f = fitTable(m([30, 30], [60, 30]), ['left', 'right'], 100, pad, 10, 0.7);
    expect(f).toMatchObject({ ok: true, scale: 1, breaksWords: false });
  });
  it('sets the type smaller, rounded down to a quarter point, when that makes the words fit', () => {
    // text room 100 − 4 × 2 = 92 for 100 of words: 9.2 pt would fit exactly, 9 pt is chosen
    const f = fitTable(m([50, 50]), ['left', 'left'], 100, pad, 10, 0.7);
    expect(f).toMatchObject({ ok: true, scale: 0.9, breaksWords: false });
  });
  it('breaks the one long word rather than squeezing the other columns (full size: as many broken columns)', () => {
    const f = fitTable(m([20, 20, 400]), ['left', 'left', 'left'], 200, pad, 10, 0.7);
    if (!f.ok) throw new Error('refused');
    expect(f.scale).toBe(1);
    expect(f.breaksWords).toBe(true);
    // the short columns keep their word plus 0.5 pt slack and padding
    expect(f.widths[0]! * 200).toBeCloseTo(20 + 0.5 + 2 * pad, 6);
    expect(f.widths[1]! * 200).toBeCloseTo(20 + 0.5 + 2 * pad, 6);
    expect(f.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
  it('refuses a table whose columns would be narrower than MIN_COLUMN_EM even in the smallest type', () => {
    const f = fitTable(m(new Array(12).fill(60)), new Array(12).fill('left'), 232, pad, 10, 0.7);
    expect(f.ok).toBe(false);
    // each column at its floor (3 em of 7 pt) plus padding
    if (!f.ok) expect(f.neededPt).toBeCloseTo(12 * (MIN_COLUMN_EM * 7 + 2 * pad), 6);
  });
});
