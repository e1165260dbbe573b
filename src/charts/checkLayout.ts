/**
 * After vega has drawn a chart: every mark and label must lie inside the chart's frame and no two visible labels
 * may overlap (issue 11). Reads vega's scenegraph, whose text bounds come from the report's fonts (textMetrics.ts),
 * and returns what is wrong so renderSvg can warn at the chart's source position.
 */

/** Bounds of a scenegraph item in its group's coordinates. */
interface Bounds {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A vega scenegraph mark: its type and role, and its items (a group item holds marks in turn). */
export interface SceneMark {
  readonly marktype: string;
  readonly role?: string;
  readonly items: readonly SceneItem[];
}

/** One drawn item of a mark. */
export interface SceneItem {
  readonly items?: readonly SceneMark[];
  readonly bounds?: Bounds;
  readonly x?: number;
  readonly y?: number;
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly opacity?: number;
}

/** A leaf item with the mark it belongs to. */
interface Leaf {
  readonly marktype: string;
  readonly item: SceneItem;
  readonly box: Bounds;
}

/** Allowance at the frame: vega's bounds include half a stroke and anti-aliasing margins that draw no ink. */
const SLACK_PT = 1;
/**
 * vega's text bounds span the whole line box (fontSize high around the baseline); digits and capitals ink only
 * about three quarters of it, so that much of the box may stick out above or below without cutting a glyph.
 */
const TEXT_INK_INSET_EM = 0.25;
/** vega pads an arc's bounds beyond its outer radius (stroke, joins); the ring itself stays inside by this much. */
const ARC_BOUNDS_PT = 1;
/** Overlap allowed between two labels (ascender/descender boxes of stacked lines touch). */
const OVERLAP_PT = 1;

/** How far drawn items reach past each edge of the frame (0 = inside). */
export interface Overflow {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A problem found: an item outside the frame or two overlapping labels. */
export type LayoutProblem = { readonly kind: 'outside'; readonly what: string; readonly byPt: number } | { readonly kind: 'overlap'; readonly a: string; readonly b: string };

/** Checks a drawn chart: `origin` is where vega's (0,0) lies in the SVG, `width`/`height` the SVG's size. */
export function checkLayout(root: SceneMark, origin: readonly [number, number], width: number, height: number): LayoutProblem[] {
  return inspectLayout(root, origin, width, height).problems;
}

/** checkLayout's problems plus the overflow per edge, from which renderSvg widens the chart's padding. */
export function inspectLayout(root: SceneMark, origin: readonly [number, number], width: number, height: number): { problems: LayoutProblem[]; overflow: Overflow } {
  const leaves: Leaf[] = [];
  collect(root, origin[0], origin[1], leaves);
  const problems: LayoutProblem[] = [];
  const over = (v: number) => (v > SLACK_PT ? v : 0);
  const overflow = {
    left: over(Math.max(0, ...leaves.map((l) => -l.box.x1))),
    top: over(Math.max(0, ...leaves.map((l) => -l.box.y1))),
    right: over(Math.max(0, ...leaves.map((l) => l.box.x2 - width))),
    bottom: over(Math.max(0, ...leaves.map((l) => l.box.y2 - height))),
  };
  let worst: { what: string; byPt: number } | undefined;
  for (const leaf of leaves) {
    const { box } = leaf;
    const by = Math.max(-box.x1, -box.y1, box.x2 - width, box.y2 - height);
    if (by > SLACK_PT && (!worst || by > worst.byPt)) worst = { what: describe(leaf), byPt: by };
  }
  if (worst) problems.push({ kind: 'outside', ...worst });
  const labels = leaves.filter((l) => l.marktype === 'text' && String(l.item.text ?? '') !== '');
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlaps(labels[i]!.box, labels[j]!.box)) {
        problems.push({ kind: 'overlap', a: describe(labels[i]!), b: describe(labels[j]!) });
        return { problems, overflow };
      }
    }
  }
  return { problems, overflow };
}

/** Visible leaf items with absolute bounds; a group item moves its marks by its x/y. */
function collect(mark: SceneMark, dx: number, dy: number, out: Leaf[]): void {
  for (const item of mark.items ?? []) {
    if (item.opacity === 0) continue;
    if (mark.marktype === 'group') {
      for (const child of item.items ?? []) collect(child, dx + (item.x ?? 0), dy + (item.y ?? 0), out);
      continue;
    }
    const b = item.bounds;
    // map outlines are cut at the frame on purpose (the projection shows one region of the world)
    if (mark.marktype === 'shape' || !b || !Number.isFinite(b.x1) || b.x2 < b.x1) continue;
    const inset = mark.marktype === 'text' ? TEXT_INK_INSET_EM * (item.fontSize ?? 0) : mark.marktype === 'arc' ? ARC_BOUNDS_PT : 0;
    const side = mark.marktype === 'arc' ? inset : 0;
    out.push({ marktype: mark.marktype, item, box: { x1: b.x1 + dx + side, y1: b.y1 + dy + inset, x2: b.x2 + dx - side, y2: b.y2 + dy - inset } });
  }
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x1 + OVERLAP_PT < b.x2 && b.x1 + OVERLAP_PT < a.x2 && a.y1 + OVERLAP_PT < b.y2 && b.y1 + OVERLAP_PT < a.y2;
}

function describe(leaf: Leaf): string {
  return leaf.marktype === 'text' ? `label "${String(leaf.item.text)}"` : `a ${leaf.marktype} mark`;
}
