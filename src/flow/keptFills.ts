/**
 * A section's page fills kept by geometry (build context `sectionFills`, through SectionFlowCache.fills). Filling
 * pages (columns, floats, footnotes, balancing, the tail search) reads of each item only its geometry and break
 * rules (heights, spacing, keeps, snaps, footnote ids, float/span, table part, a line's paragraph, place, count and
 * hyphen), of the notes only their heights, and of each page its text area and head (height, notes). A fill says
 * where items go by index, never what they draw; so an edit that changes what a section's lines and boxes say but
 * not their geometry (a word that fits on its line, a chart redrawn at the same size) takes the fills kept under
 * that geometry instead of filling every page again, and only the frame items are made anew (runFlow.ts).
 * A repeated table header is a placement's own box: it is taken from the item as it is now. Fills that raised a
 * warning are not kept (a warning's position is content, not geometry), so a hit says nothing a fill would have.
 */
import type { Placement } from './columns.ts';
import type { FlowSpec, PageFill } from './distribute.ts';
import type { FlowItem } from './types.ts';
import type { Pt } from '../util/geometry.ts';

/** One page as kept: its number, the head it was filled under, and the fill. */
export interface KeptPage {
  readonly number: number;
  readonly headHeightPt: Pt;
  readonly headNotes: readonly string[];
  readonly fill: PageFill;
}

/** What one item's fill reads of it, as text (numbers as JS prints them: exact). */
function itemGeometry(it: FlowItem): string {
  const common = `${it.spaceBeforePt},${it.spaceAfterPt},${+it.keepWithNext}${+it.snapBefore}${+it.snapAfter},${it.footnotes.join('\u0001')}`;
  if (it.kind === 'line') return `L${it.line.heightPt},${common},${it.para},${it.index},${it.count},${+it.line.hyphenated}`;
  const t = it.table;
  const table = t ? `${t.id},${t.row},${t.rows},${t.whole === undefined ? '' : +t.whole},${t.repeat ? t.repeat.heightPt : ''}` : '';
  return `B${it.box.heightPt},${common},${+it.float},${it.span},${table}`;
}

/**
 * The geometry a section's fills depend on besides the page heads (checked page by page when kept fills are used):
 * the first page, the section kind and columns (the theme's text areas), the page limit, grid, note gap, every
 * item and every note height.
 */
export function fillsKey(spec: FlowSpec, first: number, kind: string, columns: number, maxPages: number): string {
  const parts: string[] = [`${first}\u0000${kind}\u0000${columns}\u0000${maxPages}\u0000${spec.gridPt}\u0000${spec.footnoteGapPt}`];
  for (const [id, note] of spec.notes) parts.push(`N${id}\u0001${note.heightPt}`);
  for (const it of spec.items) parts.push(itemGeometry(it));
  return parts.join('\u0000');
}

/** A kept fill for the items as they are now: a repeated table header placed is the item's current one. */
export function refill(spec: FlowSpec, fill: PageFill): PageFill {
  if (!fill.columns.some((c) => c.placements.some((p) => p.box))) return fill;
  const current = (p: Placement): Placement => {
    if (!p.box) return p;
    const it = spec.items[p.index]!;
    return { ...p, box: it.kind === 'block' && it.table?.repeat ? it.table.repeat : p.box };
  };
  return { ...fill, columns: fill.columns.map((c) => ({ ...c, placements: c.placements.map(current) })) };
}
