import type { Pt } from '../util/geometry.ts';
import type { Item } from './itemize.ts';
import { lineStart } from './firstFit.ts';
import { knuthPlass, prepare } from './knuthPlass.ts';

/** Halvings of the search between the shortest and the full measure: 1/2¹⁰ of the measure, well under a letter. */
const SEARCH_STEPS = 10;
/** Widths closer than this are equal (sums of glyph advances). */
const WIDTH_EPS = 0.01;

/**
 * Balanced ragged lines (CSS `text-wrap: balance`, InDesign's "Balance Ragged Lines"): the breaks of the narrowest
 * measure at which the text still takes as many lines as at the full one, so the lines come out of even length and
 * the last is no lone word when another break allows it. Never more lines, never an extra hyphenated line; the
 * lines are then set at the full measure (alignment is unchanged). One-line text and forced breaks stay as they are.
 */
export function balanceBreaks(items: readonly Item[], breaks: readonly number[], widthPt: Pt, rightStretch: Pt): readonly number[] {
  if (breaks.length < 2) return breaks;
  const hyphens = hyphenCount(items, breaks);
  let best = breaks;
  let lo = 0;
  let hi = widthPt;
  const prepared = prepare(items);
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const mid = (lo + hi) / 2;
    const trial = knuthPlass(items, mid, { rightStretch }, prepared);
    if (trial && trial.length === breaks.length && hyphenCount(items, trial) <= hyphens && fits(items, trial, mid)) {
      best = trial;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/** Lines ending in an added hyphen. */
function hyphenCount(items: readonly Item[], breaks: readonly number[]): number {
  return breaks.filter((b) => items[b]?.flagged === true).length;
}

/** True when no line is wider than the measure at its tightest (Knuth–Plass's last resort may return an overfull one). */
function fits(items: readonly Item[], breaks: readonly number[], widthPt: Pt): boolean {
  let from = 0;
  for (const b of breaks) {
    let w = items[b]!.kind === 'penalty' ? items[b]!.width : 0;
    for (let i = from; i < b; i++) if (items[i]!.kind !== 'penalty') w += items[i]!.width - items[i]!.shrink;
    if (w > widthPt + WIDTH_EPS) return false;
    from = lineStart(items, b);
  }
  return true;
}
