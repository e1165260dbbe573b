import { describe, expect, test } from 'vitest';
import { lineStats } from '../../src/text/stats.ts';
import type { Line } from '../../src/text/types.ts';

const line = (hyphenated: boolean, extra: Partial<Line> = {}): Line => ({
  runs: [], widthPt: 100, ascentPt: 9, descentPt: 3, heightPt: 12, hyphenated, ...extra,
});

describe('lineStats', () => {
  test('counts hyphenated lines, the longest hyphen ladder, overfull lines and space ratios', () => {
    const lines = [
      line(true, { spaceRatio: 1.2 }), line(true, { spaceRatio: 0.9 }), line(false, { overfull: true }),
      line(true), line(true), line(true, { spaceRatio: 1.5 }), line(false),
    ];
    expect(lineStats(lines)).toEqual({ lines: 7, hyphenated: 5, maxConsecutiveHyphens: 3, overfull: 1, spaceRatios: [1.2, 0.9, 1.5] });
  });
  test('empty input', () => {
    expect(lineStats([])).toEqual({ lines: 0, hyphenated: 0, maxConsecutiveHyphens: 0, overfull: 0, spaceRatios: [] });
  });
});
