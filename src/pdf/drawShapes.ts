import type { FrameItem } from '../model/types.ts';
import { openImageNamed } from './resourceNames.ts';

type Item<K extends FrameItem['kind']> = Extract<FrameItem, { kind: K }>;

/** Fills and/or strokes a rectangle (box backgrounds, accent bars, cover band). */
export function drawRect(doc: PDFKit.PDFDocument, r: Item<'rect'>): void {
  doc.save();
  doc.rect(r.x, r.y, r.width, r.height);
  if (r.fill && r.stroke) {
    doc.lineWidth(r.strokeWidthPt ?? 0.5).fillAndStroke(r.fill, r.stroke);
  } else if (r.fill) {
    doc.fill(r.fill);
  } else if (r.stroke) {
    doc.lineWidth(r.strokeWidthPt ?? 0.5).stroke(r.stroke);
  }
  doc.restore();
}

/** Strokes a straight rule (table lines, running-head rule, footnote separator). */
export function drawRule(doc: PDFKit.PDFDocument, r: Item<'rule'>): void {
  doc.save();
  doc.moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).lineWidth(r.widthPt).stroke(r.color);
  doc.restore();
}

/**
 * Places a raster image (PNG bytes prepared by the image stage) at its frame size. `opened` holds the document's
 * images by their bytes, so an image placed many times (a logo on every article, the 10× bench document) is
 * embedded once and referenced from every page.
 */
export function drawImage(doc: PDFKit.PDFDocument, im: Item<'image'>, opened: Map<Uint8Array, unknown>): void {
  let image = opened.get(im.png);
  if (!image) opened.set(im.png, (image = openImageNamed(doc, im.png)));
  doc.image(image as never, im.x, im.y, { width: im.width, height: im.height });
}
