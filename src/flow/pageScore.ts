import { notesHeight } from './footnotes.ts';
import type { ColumnResult } from './columns.ts';
import type { FlowSpec, PageFill } from './distribute.ts';
import type { Pt } from '../util/geometry.ts';

/** What a finished column looks like to an art director: how full, text or floats only, ends mid-word. */
export interface ColumnShape {
  /** Bottom of the last placed item, relative to the column top (0 when empty). */
  readonly bottomPt: Pt;
  readonly lines: number;
  /** Floating boxes (quotes, charts, facts…); table parts and signatures are neither lines nor floats. */
  readonly floats: number;
  /** The column's last item is a hyphenated line whose paragraph continues in the next column. */
  readonly hyphenEnd: boolean;
}

/** Measures one column of a page fill. */
export function columnShape(spec: FlowSpec, col: ColumnResult): ColumnShape {
  let bottomPt = 0;
  let lines = 0;
  let floats = 0;
  for (const p of col.placements) {
    const it = spec.items[p.index]!;
    const h = p.box ? p.box.heightPt : it.kind === 'line' ? it.line.heightPt : it.box.heightPt;
    bottomPt = Math.max(bottomPt, p.y + h);
    if (it.kind === 'line') lines++;
    else if (it.float && !p.box) floats++;
  }
  const last = col.placements[col.placements.length - 1];
  const lastItem = last ? spec.items[last.index] : undefined;
  const next = spec.items[col.next];
  const hyphenEnd = lastItem?.kind === 'line' && lastItem.line.hyphenated && next?.kind === 'line' && next.para === lastItem.para;
  return { bottomPt, lines, floats, hyphenEnd };
}

/** Share of the region the page uses: the page-wide floats plus the mean column bottom, over the region height. */
export function pageFillRatio(spec: FlowSpec, fill: PageFill, regionHeight: Pt): number {
  if (regionHeight <= 0) return 1;
  const shapes = fill.columns.map((c) => columnShape(spec, c));
  const mean = shapes.reduce((s, c) => s + c.bottomPt, 0) / Math.max(shapes.length, 1);
  return (fill.columnTop + mean) / regionHeight;
}

/**
 * True when a column holds floats but no text while a later column of the page holds text: the reader meets a
 * chart alone in the left column and the story continuing on the right (it reads better under the float).
 */
export function hasFloatOnlyColumn(spec: FlowSpec, fill: PageFill): boolean {
  const shapes = fill.columns.map((c) => columnShape(spec, c));
  return shapes.some((c, i) => c.lines === 0 && c.floats > 0 && shapes.slice(i + 1).some((d) => d.lines > 0));
}

/** Number of columns on the page that end with a hyphenated word continued in the next column. */
export function hyphenEnds(spec: FlowSpec, fill: PageFill): number {
  return fill.columns.filter((c) => columnShape(spec, c).hyphenEnd).length;
}

/** Number of floats on the page (column floats; page-wide floats are not counted). */
export function floatCount(spec: FlowSpec, fill: PageFill): number {
  return fill.columns.reduce((n, c) => n + columnShape(spec, c).floats, 0);
}

/** Number of text lines on the page. */
export function textLineCount(spec: FlowSpec, fill: PageFill): number {
  return fill.columns.reduce((n, c) => n + columnShape(spec, c).lines, 0);
}

/** Distance between the highest and the lowest column bottom of a page (0 for a level page). */
export function raggedness(spec: FlowSpec, fill: PageFill): Pt {
  const bottoms = fill.columns.map((c) => columnShape(spec, c).bottomPt);
  return bottoms.length ? Math.max(...bottoms) - Math.min(...bottoms) : 0;
}

/**
 * Whole grid lines that would still fit under each column's last item, above its notes (0 for a full column,
 * the column's height in lines for an empty one): the hole a reader sees at the foot of a page that continues.
 */
export function holeLines(spec: FlowSpec, fill: PageFill, regionHeight: Pt): number[] {
  const height = regionHeight - fill.columnTop;
  return fill.columns.map((c) => {
    const free = height - notesHeight(c.notes, spec.notes, spec.footnoteGapPt) - columnShape(spec, c).bottomPt;
    return Math.max(0, Math.floor(free / spec.gridPt + 1e-6));
  });
}
