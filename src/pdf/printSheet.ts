/**
 * The print variant's sheet around each page: the trimmed page sits inside a larger media box with room for
 * 3 mm bleed and crop marks; page boxes tell the printer where to cut (TrimBox) and how far colour runs
 * (BleedBox). Backgrounds that reach the trim edge are extended into the bleed, so a slightly-off cut shows no
 * white edge. Crop marks are drawn outside the bleed as Artifacts (production aids, not content).
 */
import type { FrameItem, Page } from '../model/types.ts';

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

/**
 * The page's items with every filled rectangle that reaches a trim edge extended by the bleed past that edge.
 * Other items are unchanged (an image at the edge would have to be scaled, which is the designer's call).
 */
export function withBleed(page: Page, bleed: number): FrameItem[] {
  return page.items.map((it) => {
    if (it.kind !== 'rect' || !it.fill) return it;
    const left = it.x <= EDGE ? bleed : 0;
    const top = it.y <= EDGE ? bleed : 0;
    const right = it.x + it.width >= page.widthPt - EDGE ? bleed : 0;
    const bottom = it.y + it.height >= page.heightPt - EDGE ? bleed : 0;
    if (!left && !top && !right && !bottom) return it;
    return { ...it, x: it.x - left, y: it.y - top, width: it.width + left + right, height: it.height + top + bottom };
  });
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
