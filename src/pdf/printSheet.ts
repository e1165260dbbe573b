/**
 * The print variant's sheet around each page: the trimmed page sits inside a larger media box with room for
 * 3 mm bleed and crop marks; page boxes tell the printer where to cut (TrimBox) and how far colour runs
 * (BleedBox). Everything that reaches the trim edge (backgrounds, rules, images, illustrations) is extended into
 * the bleed, so a slightly-off cut shows no white edge. Crop marks are drawn outside the bleed as Artifacts (production aids, not content).
 */
import type { FrameItem, Page } from '../model/types.ts';
import type { Insets } from '../util/geometry.ts';

const MM = 72 / 25.4;

/** Geometry of the print sheet, in points. */
export interface SheetGeometry {
  /** How far backgrounds run past the trim (3 mm). */
  readonly bleed: number;
  /** Space between the trim and the start of a crop mark: the bleed, so marks never print into it. */
  readonly markOffset: number;
  readonly markLength: number;
  readonly markWidth: number;
  /** Margin of media around the trim on every side: offset + length + 1 mm. */
  readonly slug: number;
}

export const PRINT_SHEET: SheetGeometry = {
  bleed: 3 * MM,
  markOffset: 3 * MM,
  markLength: 6 * MM,
  markWidth: 0.25,
  slug: 10 * MM,
};

/** An item edge within this distance of the trim edge counts as reaching it. */
const EDGE = 0.5;

/** How far past each trim edge an area reaching it runs (the bleed on the sides it reaches, 0 elsewhere). */
export function reachedEdges(box: { x: number; y: number; width: number; height: number }, page: { widthPt: number; heightPt: number }, bleed: number): Insets {
  return {
    left: box.x <= EDGE ? bleed : 0,
    top: box.y <= EDGE ? bleed : 0,
    right: box.x + box.width >= page.widthPt - EDGE ? bleed : 0,
    bottom: box.y + box.height >= page.heightPt - EDGE ? bleed : 0,
  };
}

const none = (e: Insets) => !e.left && !e.top && !e.right && !e.bottom;

/**
 * The page's items with everything that reaches a trim edge running the bleed past it, and nothing else moved:
 * filled rectangles grow; straight rules along an edge's normal grow at the end on the edge; images and SVGs keep
 * their box and scale and get `bleed`, which pdf/ draws as a wider viewport (an SVG shows what it draws past its
 * viewBox, a raster image the edge pixels images/printRaster.ts mirrored into its pad).
 */
export function withBleed(page: Page, bleed: number): FrameItem[] {
  return page.items.map((it) => {
    if (it.kind === 'rect' && it.fill) {
      const e = reachedEdges(it, page, bleed);
      if (none(e)) return it;
      return { ...it, x: it.x - e.left, y: it.y - e.top, width: it.width + e.left + e.right, height: it.height + e.top + e.bottom };
    }
    if (it.kind === 'rule') return ruleWithBleed(it, page, bleed);
    if (it.kind === 'image' || it.kind === 'svg') {
      const e = reachedEdges(it, page, bleed);
      return none(e) ? it : { ...it, bleed: e };
    }
    return it;
  });
}

/** A horizontal rule touching the left or right trim edge, or a vertical one touching the top or bottom, runs on. */
function ruleWithBleed(r: Extract<FrameItem, { kind: 'rule' }>, page: Page, bleed: number): FrameItem {
  const grow = (a: number, b: number, size: number): [number, number] => {
    const lo = Math.min(a, b) <= EDGE ? bleed : 0;
    const hi = Math.max(a, b) >= size - EDGE ? bleed : 0;
    return a <= b ? [a - lo, b + hi] : [a + hi, b - lo];
  };
  if (Math.abs(r.y1 - r.y2) < 1e-6) {
    const [x1, x2] = grow(r.x1, r.x2, page.widthPt);
    return x1 === r.x1 && x2 === r.x2 ? r : { ...r, x1, x2 };
  }
  if (Math.abs(r.x1 - r.x2) < 1e-6) {
    const [y1, y2] = grow(r.y1, r.y2, page.heightPt);
    return y1 === r.y1 && y2 === r.y2 ? r : { ...r, y1, y2 };
  }
  return r;
}

/** Crop-mark segments in the sheet's top-down coordinates (x1, y1, x2, y2), two per corner. */
export function cropMarks(trimW: number, trimH: number, g: SheetGeometry = PRINT_SHEET): [number, number, number, number][] {
  const s = g.slug;
  const out: [number, number, number, number][] = [];
  for (const x of [s, s + trimW]) {
    for (const y of [s, s + trimH]) {
      const dx = x === s ? -1 : 1;
      const dy = y === s ? -1 : 1;
      // Horizontal mark on the trim line y, running outward from the corner; vertical mark on x.
      out.push([x + dx * g.markOffset, y, x + dx * (g.markOffset + g.markLength), y]);
      out.push([x, y + dy * g.markOffset, x, y + dy * (g.markOffset + g.markLength)]);
    }
  }
  return out;
}

/** pdfkit page internals used for the page boxes (pdfkit 0.20.2: PDFPage.dictionary is a reference with data). */
interface PageDictionary {
  page: { dictionary: { data: Record<string, unknown> } };
  addContent(s: string): unknown;
}

/** PDF boxes (bottom-up user space) of the trimmed page inside the sheet. */
export function pageBoxes(trimW: number, trimH: number, g: SheetGeometry = PRINT_SHEET): { trim: number[]; bleed: number[]; media: number[] } {
  const s = g.slug;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return {
    media: [0, 0, r(trimW + 2 * s), r(trimH + 2 * s)],
    trim: [r(s), r(s), r(s + trimW), r(s + trimH)],
    bleed: [r(s - g.bleed), r(s - g.bleed), r(s + trimW + g.bleed), r(s + trimH + g.bleed)],
  };
}

/** Sets TrimBox and BleedBox on the current page and draws its crop marks as a page artifact (registration black). */
export function finishSheet(doc: PDFKit.PDFDocument, trimW: number, trimH: number, g: SheetGeometry = PRINT_SHEET): void {
  const d = doc as unknown as PageDictionary;
  const boxes = pageBoxes(trimW, trimH, g);
  d.page.dictionary.data.TrimBox = boxes.trim;
  d.page.dictionary.data.BleedBox = boxes.bleed;
  // Cut marks are production aids: Artifact of type Page (ISO 32000-1, 14.8.2.2.2), not part of the reading order.
  d.addContent('/Artifact <</Type /Page>> BDC');
  doc.save();
  doc.lineWidth(g.markWidth).strokeColor([100, 100, 100, 100]);
  for (const [x1, y1, x2, y2] of cropMarks(trimW, trimH, g)) doc.moveTo(x1, y1).lineTo(x2, y2);
  doc.stroke();
  doc.restore();
  d.addContent('EMC');
}
