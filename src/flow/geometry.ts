import type { ResolvedTheme } from '../spec/theme.ts';
import type { Pt, Rect } from '../util/geometry.ts';

/** Tolerance for float comparisons of heights (sums of 13.2 drift). */
export const EPS = 0.01;

/** The text area of a page: odd (right-hand) pages have the inner margin on the left, even pages on the right. */
export function textAreaFor(theme: ResolvedTheme, pageNumber: number): Rect {
  const { width, height, margin } = theme.page;
  const left = pageNumber % 2 === 1 ? margin.inner : margin.outer;
  const right = pageNumber % 2 === 1 ? margin.outer : margin.inner;
  return { x: left, y: margin.top, width: width - left - right, height: height - margin.top - margin.bottom };
}

/** Width of one of `columns` columns separated by the theme gutter. */
export function columnWidth(totalWidth: Pt, columns: number, gutter: Pt): Pt {
  return (totalWidth - gutter * (columns - 1)) / columns;
}

/** The body leading: the baseline grid every column snaps to. */
export function gridOf(theme: ResolvedTheme): Pt {
  return theme.text.body?.leading ?? 12;
}

/** Rounds a distance up to whole multiples of the grid (tolerant of float drift). */
export function snapUp(dist: Pt, grid: Pt): Pt {
  if (grid <= 0) return dist;
  return Math.ceil(dist / grid - EPS) * grid;
}
