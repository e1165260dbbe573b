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

/** A section's geometry as fills read it: what all pages share, and each item's own. */
export interface FillsGeometry {
  readonly shared: string;
  readonly items: readonly string[];
}

/**
 * The geometry a section's fills depend on besides the page heads (checked page by page when kept fills are used):
 * the first page, the section kind and columns (the theme's text areas), the page limit, grid, note gap, every
 * note height, and every item.
 */
export function fillsGeometry(spec: FlowSpec, first: number, kind: string, columns: number, maxPages: number): FillsGeometry {
  const shared: string[] = [`${first}\u0000${kind}\u0000${columns}\u0000${maxPages}\u0000${spec.gridPt}\u0000${spec.footnoteGapPt}`];
  for (const [id, note] of spec.notes) shared.push(`N${id}\u0001${note.heightPt}`);
  return { shared: shared.join('\u0000'), items: spec.items.map(itemGeometry) };
}

/** The key of the fills for exactly this geometry. */
export const fillsKey = (g: FillsGeometry): string => `${g.shared}\u0000${g.items.join('\u0000')}`;

/** The section's latest fills with their item geometry, kept per section and shared geometry (a prefix may still fit). */
export interface LatestFills {
  readonly items: readonly string[];
  readonly pages: readonly KeptPage[];
}

/**
 * Where a section's latest fills are kept: its id and the shared geometry. Only a place to look: what is used of
 * them is checked item by item and head by head, whichever section they came from.
 */
export const latestKey = (id: string, g: FillsGeometry): string => `latest\u0000${id}\u0000${g.shared}`;

/**
 * How many of the latest fills' leading pages hold for the items now: pages before the last two (those the tail
 * search may have changed), none of which looked at an item whose geometry changed since. 0: none.
 */
export function keptPrefix(latest: LatestFills, items: readonly string[]): number {
  let changed = 0;
  const n = Math.min(latest.items.length, items.length);
  while (changed < n && latest.items[changed] === items[changed]) changed++;
  if (changed === latest.items.length && changed === items.length) return 0; // the same geometry: the whole key hits
  let pages = 0;
  for (const page of latest.pages.slice(0, -2)) {
    if (page.fill.warnings.length > 0 || page.fill.columns.some((c) => c.reach >= changed)) break;
    pages++;
  }
  return pages;
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
