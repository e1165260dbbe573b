import type { ShapedRun } from './shaper.ts';

/**
 * Cumulative advance at each UTF-16 boundary of `text` (0..length), in ems, from its shaped run: each cluster's
 * advance (a ligature, a base with its marks) is shared evenly by the code units it covers, so the pieces of a
 * word between break points keep the word's kerning and ligatures.
 */
export function prefixUnits(text: string, run: ShapedRun): Float64Array {
  const out = new Float64Array(text.length + 1);
  const n = run.ids.length;
  let x = 0;
  let i = 0;
  while (i < n) {
    const start = run.clusters[i]!;
    let adv = 0;
    let j = i;
    for (; j < n && run.clusters[j] === start; j++) adv += run.advances[j]!;
    const end = j < n ? run.clusters[j]! : text.length;
    if (end <= start) {
      // Not left to right (should not happen for the scripts set here): the total at the end is still right.
      x += adv;
      i = j;
      continue;
    }
    for (let u = start + 1; u <= end; u++) out[u] = (x + (adv * (u - start)) / (end - start)) / run.unitsPerEm;
    x += adv;
    i = j;
  }
  out[text.length] = x / run.unitsPerEm;
  return out;
}
