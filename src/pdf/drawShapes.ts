import type { FrameItem } from '../model/types.ts';

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

/** Places a raster image (PNG bytes prepared by the image stage) at its frame size. */
export function drawImage(doc: PDFKit.PDFDocument, im: Item<'image'>): void {
  doc.image(Buffer.from(im.png), im.x, im.y, { width: im.width, height: im.height });
}
