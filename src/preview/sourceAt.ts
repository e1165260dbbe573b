/** Which source position a click on a page means: the glyph run under (or nearest to) the point, and its span. */
import type { SourceSpan } from '../diag/types.ts';
import type { Page } from '../model/types.ts';

/** How far from a run a click may land and still pick it (points): about two lines of body text. */
const NEAR_PT = 24;

/** The span of the text run at (x, y) in points from the page's top-left corner, if one is near enough. */
export function sourceAt(page: Page, x: number, y: number): SourceSpan | undefined {
  let best: SourceSpan | undefined;
  let bestDist = NEAR_PT;
  for (const it of page.items) {
    if (it.kind !== 'glyphs' || !it.source) continue;
    // The run's box: from about the cap height above the baseline to the descender below it.
    const top = it.y - it.sizePt * 0.8;
    const bottom = it.y + it.sizePt * 0.25;
    const dx = x < it.x ? it.x - x : x > it.x + it.widthPt ? x - it.x - it.widthPt : 0;
    const dy = y < top ? top - y : y > bottom ? y - bottom : 0;
    const d = Math.hypot(dx, dy);
    if (d < bestDist || (d === 0 && bestDist === 0 && !best)) (best = it.source), (bestDist = d);
    if (d === 0) return it.source;
  }
  return best;
}
