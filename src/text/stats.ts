import type { Line, LineStats } from './types.ts';

/** Counts for the typographic report: hyphenated lines, longest run of hyphenated lines, overfull lines, space ratios. */
export function lineStats(lines: readonly Line[]): LineStats {
  let hyphenated = 0;
  let run = 0;
  let maxConsecutiveHyphens = 0;
  let overfull = 0;
  const spaceRatios: number[] = [];
  for (const l of lines) {
    if (l.hyphenated) {
      hyphenated++;
      run++;
      maxConsecutiveHyphens = Math.max(maxConsecutiveHyphens, run);
    } else run = 0;
    if (l.overfull) overfull++;
    if (l.spaceRatio !== undefined) spaceRatios.push(l.spaceRatio);
  }
  return { lines: lines.length, hyphenated, maxConsecutiveHyphens, overfull, spaceRatios };
}
