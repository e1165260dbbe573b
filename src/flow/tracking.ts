import type { Line } from '../text/types.ts';
import type { Pt } from '../util/geometry.ts';

/**
 * Letter-spaces set lines by `trackingPt` per character (the template's `tracking`, meant for uppercase kickers and
 * labels): each run gets letterSpacingPt and grows by (characters − 1) × tracking, later runs move right.
 * Lines are assumed left-aligned (labels); the break itself was made without tracking, so callers use it on
 * short labels that do not wrap.
 */
export function trackLines(lines: readonly Line[], trackingPt: Pt): Line[] {
  if (!(trackingPt > 0)) return [...lines];
  return lines.map((line) => {
    let shift = 0;
    const runs = line.runs.map((r) => {
      const chars = Array.from(r.text).length;
      const extra = chars > 0 ? chars * trackingPt : 0;
      // the trailing spacing after the last character of the line is not ink: it is left out of the width
      const run = { ...r, xPt: r.xPt + shift, widthPt: r.widthPt + extra, letterSpacingPt: trackingPt };
      shift += extra;
      return run;
    });
    const lastIndex = runs.findLastIndex((r) => r.text.length > 0);
    const last = runs[lastIndex];
    if (last) runs[lastIndex] = { ...last, widthPt: last.widthPt - trackingPt };
    return { ...line, runs, widthPt: line.widthPt + shift - (last ? trackingPt : 0) };
  });
}
