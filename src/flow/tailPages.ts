import type { FlowState } from './distribute.ts';
import { floatCount, hasFloatOnlyColumn, holeLines, hyphenEnds, pageFillRatio, raggedness, textLineCount } from './pageScore.ts';
import type { FirstPageTweak, PagePlan, Reflowed, SectionContext } from './sectionPages.ts';

/** A last page under this share of its region is a stub ("no empty half pages"); the tail search tries to fill it. */
export const STUB_FILL = 0.35;
/** A last page holding floats should carry at least this many text lines (a legal widow). */
const MIN_TAIL_LINES = 2;
/**
 * At most this many lines are taken off each column of the page before (a short page, level bottoms). A page may
 * run a line or two short, as book pages do; more is a hole the reader sees (12 left 158 pt empty under the
 * text of a full page, issue 11), and a stub last page is the lesser evil.
 */
export const MAX_CUT_LINES = 2;
/**
 * A column of the page before may end at most this many whole lines above its foot: the cut plus one line the
 * widow and orphan rules move, or a cut of this many when only that gives a last page of floats alone any text.
 * Holding floats back frees their space on the page before; when the text runs out before that space is filled,
 * the hole moves to the page before (a section opener with a column twenty lines short and a last page of floats
 * alone), so such a candidate is dropped. A column the plain fill already leaves that short (a float or a kept
 * block that did not fit under it) is excused up to that length.
 */
export const MAX_SHORT_LINES = MAX_CUT_LINES + 1;
/** At most this many of the page-before's own floats are held back for the last page. */
const MAX_HELD_FLOATS = 3;
/** Score weights, in "percent of page left empty" units: a stub costs 1 per percent under STUB_FILL. */
const COST = {
  /** per line cut from each column of the page before: a short page is a visible compromise */
  cutLine: 0.6,
  /** times the square of the lines cut: a page short by a few lines passes, a page short by ten does not */
  cutLineSquared: 0.08,
  /** per float moved one page after its anchor */
  heldFloat: 1,
  /** a last page with floats but (almost) no text */
  textless: 60,
  /** a column of floats only with the text continuing in the next column */
  floatOnlyColumn: 6,
  /** a column or page ending with a hyphenated word */
  hyphenEnd: 2,
  /** per grid line between the highest and lowest column bottom of the page before (a short page stays level) */
  raggedLine: 0.8,
} as const;

/** Re-flows a section from a state; the first page (section page `index`) gets `tweak`; the last page balanced on demand. */
export type Reflow = (number: number, start: FlowState, tweak: FirstPageTweak, index: number) => Reflowed;

/**
 * Fixes a stub last page: re-flows the last two pages with the page before shortened (0…MAX_CUT_LINES lines per
 * column) and with its last floats held back for the last page (floats move later, text flows up), and keeps the
 * candidate with the lowest score (fill, cut, moved floats, float-only columns, hyphens at column feet).
 * Candidates that need an extra page, force a break, add warnings or leave a hole at the foot of the page before
 * (more than MAX_SHORT_LINES) are discarded. When the best tail still ends on floats alone, a cut of
 * MAX_SHORT_LINES is tried too: a page a line shorter is the price of a last page where the text ends beside
 * its chart, not a chart left behind after a full page.
 */
export function improveTail(ctx: SectionContext, pages: PagePlan[], reflow: Reflow): PagePlan[] {
  const n = pages.length;
  if (n < 2 || ctx.columns < 1) return pages;
  const last = pages[n - 1]!;
  if (pageFillRatio(ctx.spec, last.fill, last.region.height) >= STUB_FILL && !isTextless(ctx, last)) return pages;
  const prev = pages[n - 2]!;
  const start: FlowState = n >= 3 ? pages[n - 3]!.fill.state : { next: 0, deferred: [], pageDeferred: [] };
  const warnings = warningCount(pages.slice(n - 2));
  const allowed = holeLines(ctx.spec, prev.fill, prev.region.height).map((h) => Math.max(h, MAX_SHORT_LINES));
  let best: { score: number; tail: readonly PagePlan[] } = { score: score(ctx, pages.slice(n - 2), 0, 0), tail: pages.slice(n - 2) };
  /**
   * Re-flows with one cut and held set; `needText`: kept only when the last page gets text and no column of the
   * page before ends more than MAX_SHORT_LINES short (no excuse from the plain fill). False when no larger cut
   * of this set can win (the costs grow with the cut).
   */
  const attempt = (held: ReadonlySet<number>, cut: number, needText = false): boolean => {
    if (fixedCost(cut, held.size) >= best.score) return false;
    const reflowed = reflow(prev.number, start, { cutPt: cut * ctx.spec.gridPt, holdFloats: held }, n - 2);
    // Balancing the last page keeps the page count, its items (so its lines and floats) and whether a break was
    // forced, and never adds warnings: these tests read the unbalanced pages, and only a fill with more warnings is
    // balanced first (balancing may drop some). What stays of the score without the last page is a lower bound.
    let tail = reflowed.pages;
    if (tail.length > 2 || tail.some((p) => p.fill.forced)) return true;
    if (warningCount(tail) > warnings && warningCount((tail = reflowed.settled())) > warnings) return true;
    if (tail.length === 2 && leavesHole(ctx, tail[0]!, needText ? [] : allowed)) return true;
    if (needText && tail.length > 1 && isTextless(ctx, tail[tail.length - 1]!)) return true;
    if (score(ctx, tail, cut, held.size, false) >= best.score - 1e-9) return true;
    tail = reflowed.settled();
    const s = score(ctx, tail, cut, held.size);
    if (s < best.score - 1e-9) best = { score: s, tail };
    return true;
  };
  const sets = heldSets(ctx, prev, start);
  for (const held of sets) {
    for (let cut = held.size === 0 ? 1 : 0; cut <= MAX_CUT_LINES; cut++) if (!attempt(held, cut)) break;
  }
  const end = best.tail[best.tail.length - 1]!;
  if (best.tail.length > 1 && isTextless(ctx, end)) for (const held of sets) attempt(held, MAX_SHORT_LINES, true);
  return [...pages.slice(0, n - 2), ...best.tail];
}

/** The floats anchored on the page before (not carried into it), held back as growing suffixes in content order. */
function heldSets(ctx: SectionContext, prev: PagePlan, start: FlowState): ReadonlySet<number>[] {
  const own: number[] = [];
  for (const col of prev.fill.columns) {
    for (const p of col.placements) {
      const it = ctx.spec.items[p.index]!;
      if (it.kind === 'block' && it.float && it.span === 'column' && !p.box && p.index >= start.next && !start.deferred.includes(p.index)) own.push(p.index);
    }
  }
  own.sort((a, b) => a - b);
  const sets: ReadonlySet<number>[] = [new Set()];
  for (let j = 1; j <= Math.min(own.length, MAX_HELD_FLOATS); j++) sets.push(new Set(own.slice(own.length - j)));
  return sets;
}

/**
 * Lower is better; a tail that fits on one page has no stub at all. With `settled` false the last page is not
 * balanced yet and its shape terms (fill, float-only column, hyphen) count 0: the same sums with terms left out,
 * so never more than the full score (rounding is monotone), a bound that rejects a candidate without balancing it.
 */
function score(ctx: SectionContext, tail: readonly PagePlan[], cut: number, held: number, settled = true): number {
  const last = tail[tail.length - 1]!;
  const fill = tail.length === 1 || !settled ? 1 : pageFillRatio(ctx.spec, last.fill, last.region.height);
  let s = Math.max(0, STUB_FILL - fill) * 100 + fixedCost(cut, held);
  if (tail.length > 1 && isTextless(ctx, last)) s += COST.textless;
  if (settled && hasFloatOnlyColumn(ctx.spec, last.fill)) s += COST.floatOnlyColumn;
  for (const p of tail) if (settled || p !== last) s += hyphenEnds(ctx.spec, p.fill) * COST.hyphenEnd;
  for (const p of tail.slice(0, -1)) s += (raggedness(ctx.spec, p.fill) / ctx.spec.gridPt) * COST.raggedLine;
  return s;
}

/** True when a column of a page that continues ends more whole lines short than `allowed` (per column). */
function leavesHole(ctx: SectionContext, page: PagePlan, allowed: readonly number[]): boolean {
  return holeLines(ctx.spec, page.fill, page.region.height).some((h, c) => h > (allowed[c] ?? MAX_SHORT_LINES));
}

/** A last page with floats but fewer than MIN_TAIL_LINES text lines: the floats look left behind. */
function isTextless(ctx: SectionContext, page: PagePlan): boolean {
  return floatCount(ctx.spec, page.fill) > 0 && textLineCount(ctx.spec, page.fill) < MIN_TAIL_LINES;
}

/** The part of the score known before re-flowing: the short page and the moved floats. */
function fixedCost(cut: number, held: number): number {
  return cut * COST.cutLine + cut * cut * COST.cutLineSquared + held * COST.heldFloat;
}

function warningCount(pages: readonly PagePlan[]): number {
  return pages.reduce((n, p) => n + p.fill.warnings.length, 0);
}
