import type { Pt } from '../util/geometry.ts';
import { INFINITY_PENALTY, type Item } from './itemize.ts';

/** Index of the first item of the line that follows a break at `b` (glue and penalties after a break vanish). */
export function lineStart(items: readonly Item[], b: number): number {
  let i = b + 1;
  while (i < items.length && items[i].kind !== 'box' && !(items[i].kind === 'penalty' && items[i].penalty <= -INFINITY_PENALTY)) i++;
  return i;
}

/** True when item i is a legal breakpoint: a glue after a box, or a penalty below infinity. */
export function isBreakpoint(items: readonly Item[], i: number): boolean {
  const it = items[i];
  if (it.kind === 'penalty') return it.penalty < INFINITY_PENALTY;
  return it.kind === 'glue' && i > 0 && items[i - 1].kind === 'box';
}

/**
 * Greedy first-fit (the K&P paper's baseline): fill each line as far as it goes with shrink, break at the last
 * feasible breakpoint; a line with none breaks at its first breakpoint and stays overfull. Returns break indices.
 */
export function firstFit(items: readonly Item[], widthPt: Pt): number[] {
  const breaks: number[] = [];
  let width = 0;
  let shrink = 0;
  let lastFeasible = -1;
  let i = 0;
  while (i < items.length) {
    const it = items[i];
    if (isBreakpoint(items, i)) {
      const fits = width + (it.kind === 'penalty' ? it.width : 0) - shrink <= widthPt;
      const forced = it.kind === 'penalty' && it.penalty <= -INFINITY_PENALTY;
      const target = fits ? i : lastFeasible >= 0 ? lastFeasible : i;
      if (forced || !fits) {
        const b = forced && fits ? i : target;
        breaks.push(b);
        if (b === items.length - 1) break;
        i = lineStart(items, b);
        width = 0;
        shrink = 0;
        lastFeasible = -1;
        continue;
      }
      lastFeasible = i;
    }
    if (it.kind !== 'penalty') {
      width += it.width;
      shrink += it.shrink;
    }
    i++;
  }
  if (breaks[breaks.length - 1] !== items.length - 1) breaks.push(items.length - 1);
  return breaks;
}
