import { fillPage, isFinished, type FillOptions, type FlowSpec, type FlowState, type PageFill, type Region } from './distribute.ts';
import { hasFloatOnlyColumn, hyphenEnds } from './pageScore.ts';
import { EPS } from './geometry.ts';
import type { FlowItem } from './types.ts';
import type { Pt } from '../util/geometry.ts';

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
  const need = columnNeed(spec, state);
  // undefined: a height at which the columns cannot take what is left (no fill needed to know it fails)
  const trial = (lines: number): PageFill | undefined => {
    if (cannotFinish(need, lines * spec.gridPt, region.columns, spec.gridPt)) return undefined;
    let f = trials.get(lines);
    if (!f) trials.set(lines, (f = fillPage(spec, region, state, { ...opts, maxTextPt: lines * spec.gridPt })));
    return f;
  };
  const ok = (f: PageFill | undefined): f is PageFill => f !== undefined && isFinished(spec, f.state) && !f.forced && f.warnings.length <= fill.warnings.length;
  const strict = (f: PageFill | undefined): f is PageFill => ok(f) && !hasFloatOnlyColumn(spec, f);
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
function lowest(max: number, trial: (lines: number) => PageFill | undefined, ok: (f: PageFill | undefined) => f is PageFill): { lines: number; fill: PageFill } | null {
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

/** What the columns of a last page must take: the items left to place in them (page-wide floats aside). */
export interface ColumnNeed {
  /** Sum of their heights. */
  readonly totalPt: Pt;
  readonly tallestPt: Pt;
  readonly count: number;
  /** Some item has negative space before or after (could overlap the one before). */
  readonly negativeSpace: boolean;
}

/** The column items of a fill from `state`: carried floats and every item from `state.next` on that is not page-wide. */
export function columnNeed(spec: FlowSpec, state: FlowState): ColumnNeed {
  let totalPt = 0;
  let tallestPt = 0;
  let count = 0;
  let negativeSpace = false;
  const add = (it: FlowItem) => {
    const h = it.kind === 'line' ? it.line.heightPt : it.box.heightPt;
    totalPt += h;
    tallestPt = Math.max(tallestPt, h);
    count++;
    negativeSpace ||= it.spaceBeforePt < 0 || it.spaceAfterPt < 0;
  };
  for (const d of state.deferred) add(spec.items[d]!);
  for (let i = state.next; i < spec.items.length; i++) {
    const it = spec.items[i]!;
    if (!(it.kind === 'block' && it.span === 'page')) add(it);
  }
  return { totalPt, tallestPt, count, negativeSpace };
}

/**
 * True when `columns` columns whose text ends at `maxTextPt` surely cannot take `need`, so a fill could only fail.
 * In a column, items are placed one under the other and each must end above maxTextPt + EPS, except one placed
 * alone at the top (not taller than maxTextPt here); snapping to the grid may move an item up by at most EPS of
 * a grid line (twice per item: its top and its bottom). Repeated headers and notes only take more room.
 */
export function cannotFinish(need: ColumnNeed, maxTextPt: Pt, columns: number, gridPt: Pt): boolean {
  if (need.negativeSpace || need.tallestPt > maxTextPt) return false;
  const slack = columns * EPS + 2 * need.count * EPS * gridPt + 1e-6;
  return need.totalPt > columns * maxTextPt + slack;
}
