import { fillPage, isFinished, type FillOptions, type FlowSpec, type FlowState, type PageFill, type Region } from './distribute.ts';
import { hasFloatOnlyColumn, hyphenEnds } from './pageScore.ts';

/** Extra grid lines the balancer may add to the shortest height to avoid a hyphen at a column foot. */
const HYPHEN_SLACK_LINES = 2;

/**
 * Balances the last page of a multi-column section: binary search for the lowest column height (whole grid
 * lines) at which everything left still fits, with the widow, orphan and keep rules intact. Heights that leave
 * a float alone in a column while the text continues in the next are avoided when another height works, and
 * of the shortest height and up to two lines more, the first whose columns do not end mid-word is kept.
 */
export function balanceLastPage(spec: FlowSpec, region: Region, state: FlowState, fill: PageFill, opts: FillOptions = {}): PageFill {
  if (region.columns < 2 || !isFinished(spec, fill.state) || fill.forced) return fill;
  const maxLines = Math.floor((region.height - fill.columnTop) / spec.gridPt + 1e-6);
  // The strict search, the lenient one and the hyphen slack meet the same heights: each is filled once.
  const trials = new Map<number, PageFill>();
  const trial = (lines: number): PageFill => {
    let f = trials.get(lines);
    if (!f) trials.set(lines, (f = fillPage(spec, region, state, { ...opts, maxTextPt: lines * spec.gridPt })));
    return f;
  };
  const ok = (f: PageFill) => isFinished(spec, f.state) && !f.forced && f.warnings.length <= fill.warnings.length;
  const strict = (f: PageFill) => ok(f) && !hasFloatOnlyColumn(spec, f);
  const found = lowest(maxLines, trial, strict) ?? lowest(maxLines, trial, ok);
  if (!found) return fill;
  const accept = hasFloatOnlyColumn(spec, found.fill) ? ok : strict;
  if (hyphenEnds(spec, found.fill) === 0) return found.fill;
  for (let extra = 1; extra <= HYPHEN_SLACK_LINES && found.lines + extra <= maxLines; extra++) {
    const f = trial(found.lines + extra);
    if (accept(f) && hyphenEnds(spec, f) === 0) return f;
  }
  return found.fill;
}

/** Binary search for the fewest lines (1…max) whose fill passes `ok`. */
function lowest(max: number, trial: (lines: number) => PageFill, ok: (f: PageFill) => boolean): { lines: number; fill: PageFill } | null {
  let lo = 1;
  let hi = max;
  let best: { lines: number; fill: PageFill } | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = trial(mid);
    if (ok(f)) {
      best = { lines: mid, fill: f };
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return best;
}
