import { createHash } from 'node:crypto';
import type { CmykRaster, FrameItem } from '../model/types.ts';
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
 * images by their bytes object and by a hash of the bytes, so an image placed many times (a logo on every article,
 * the 10× bench document) is embedded once and referenced from every page, also when its placements carry
 * different copies of the bytes (sections read back from the disk cache: util/diskCache.ts).
 */
export function drawImage(doc: PDFKit.PDFDocument, im: Item<'image'>, opened: Map<unknown, unknown>): void {
  let image = opened.get(im.png);
  if (!image) {
    const hash = createHash('sha256').update(im.png).digest('hex');
    image = opened.get(hash);
    if (!image) opened.set(hash, (image = openImageNamed(doc, im.png)));
    opened.set(im.png, image);
  }
  doc.image(image as never, im.x, im.y, { width: im.width, height: im.height });
}

/** pdfkit internals for an image XObject of our own (pdfkit 0.20.2: ref(), page.xobjects, addContent). */
interface XObjectInternals {
  ref(data: Record<string, unknown>): { end(data: Buffer): void };
  page: { xobjects: Record<string, unknown> };
  addContent(s: string): unknown;
}

/**
 * The print variant's raster image: its CMYK pixels (images/printRaster.ts) as a DeviceCMYK image XObject with
 * 8 bits per component and no Decode array (plain, not Adobe-inverted, values: 0 is no ink), Flate-compressed by
 * pdfkit, the alpha channel as a DeviceGray soft mask. Drawn at the item's scale with the pad outside its box, and
 * clipped to the box plus its bleed, so the image inside the trim sits exactly where the screen variant has it.
 * `opened` maps each raster to its XObject name, so a raster placed many times is embedded once.
 */
export function drawCmykImage(doc: PDFKit.PDFDocument, im: Item<'image'>, raster: CmykRaster, opened: Map<unknown, unknown>): void {
  const d = doc as unknown as XObjectInternals;
  let xo = opened.get(raster) as { name: string; ref: unknown } | undefined;
  if (!xo) {
    const dims = { Type: 'XObject', Subtype: 'Image', Width: raster.widthPx, Height: raster.heightPx, BitsPerComponent: 8 };
    let smask: { end(data: Buffer): void } | undefined;
    if (raster.alpha) (smask = d.ref({ ...dims, ColorSpace: 'DeviceGray' })).end(Buffer.from(raster.alpha));
    const ref = d.ref({ ...dims, ColorSpace: 'DeviceCMYK', ...(smask ? { SMask: smask } : {}) });
    ref.end(Buffer.from(raster.data));
    opened.set(raster, (xo = { name: `Ik${opened.size + 1}`, ref }));
  }
  const name = xo.name;
  d.page.xobjects[name] = xo.ref;
  const { pad } = raster;
  const sx = im.width / (raster.widthPx - pad.left - pad.right);
  const sy = im.height / (raster.heightPx - pad.top - pad.bottom);
  const b = im.bleed ?? { top: 0, right: 0, bottom: 0, left: 0 };
  doc.save();
  doc.rect(im.x - b.left, im.y - b.top, im.width + b.left + b.right, im.height + b.top + b.bottom).clip();
  doc.transform(raster.widthPx * sx, 0, 0, -raster.heightPx * sy, im.x - pad.left * sx, im.y - pad.top * sy + raster.heightPx * sy);
  d.addContent(`/${name} Do`);
  doc.restore();
}
