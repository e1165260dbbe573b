import { fillPage, isFinished, type FillOptions, type FlowSpec, type FlowState, type PageFill, type Region } from './distribute.ts';

/**
 * Balances the last page of a multi-column section: binary search for the lowest column height (whole grid
 * lines) at which everything left still fits, with the widow, orphan and keep rules intact.
 */
export function balanceLastPage(spec: FlowSpec, region: Region, state: FlowState, fill: PageFill, opts: FillOptions = {}): PageFill {
  if (region.columns < 2 || !isFinished(spec, fill.state) || fill.forced) return fill;
  const free = region.height - fill.columnTop;
  let lo = 1;
  let hi = Math.floor(free / spec.gridPt + 1e-6);
  let best: PageFill | null = null;
  const ok = (f: PageFill) => isFinished(spec, f.state) && !f.forced && f.warnings.length <= fill.warnings.length;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const trial = fillPage(spec, region, state, { ...opts, maxTextPt: mid * spec.gridPt });
    if (ok(trial)) {
      best = trial;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return best ?? fill;
}
