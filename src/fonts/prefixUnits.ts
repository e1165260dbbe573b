import type { ShapedPrefix, ShapedRun } from './shaper.ts';

/**
 * Cumulative advance at each UTF-16 boundary of `text` (0..length), in ems, from its shaped run: each cluster's
 * advance (a ligature, a base with its marks) is shared evenly by the code units it covers, so the pieces of a
 * word between break points keep the word's kerning and ligatures.
 */
export function prefixUnits(text: string, run: ShapedRun): Float64Array {
  return clusterPrefix(text.length, run.ids.length, run.clusters, run.advances, run.unitsPerEm).units;
}

/** prefixUnits from the first `n` glyphs' clusters and advances (a text of `length` code units), with their sum. */
export function clusterPrefix(length: number, n: number, clusters: ArrayLike<number>, advances: ArrayLike<number>, unitsPerEm: number): ShapedPrefix {
  const out = new Float64Array(length + 1);
  let x = 0;
  let i = 0;
  while (i < n) {
    const start = clusters[i]!;
    let adv = 0;
    let j = i;
    for (; j < n && clusters[j] === start; j++) adv += advances[j]!;
    const end = j < n ? clusters[j]! : length;
    if (end <= start) {
      // Not left to right (should not happen for the scripts set here): the total at the end is still right.
      x += adv;
      i = j;
      continue;
    }
    for (let u = start + 1; u <= end; u++) out[u] = (x + (adv * (u - start)) / (end - start)) / unitsPerEm;
    x += adv;
    i = j;
  }
  out[length] = x / unitsPerEm;
  return { units: out, advance: x };
}
