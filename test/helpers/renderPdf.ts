/**
 * Renders PDF pages with pdfjs-dist and its own canvas factory (@napi-rs/canvas, no system packages). Renders are
 * deterministic on one machine (0 px differ); test/helpers/pixelGolden.ts compares them.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';

/** Golden pages are rendered at 72 dpi: one pixel per point keeps reference PNGs around 30 KiB. */
export const GOLDEN_DPI = 72;

/** One rendered page: RGBA pixels with r = g = b (encode with `encodeGray` only when a PNG is written). */
export interface RenderedPage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

interface CanvasLike {
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
interface CanvasFactory {
  create(w: number, h: number): { canvas: CanvasLike; context: unknown };
  destroy(entry: unknown): void;
}

/**
 * Renders every page (or the 1-based `pages` listed) on a white background at `dpi`, converted to grayscale
 * (Rec. 601 luma) unless `colour` is set.
 */
export async function renderPages(bytes: Uint8Array, dpi = GOLDEN_DPI, opts: { colour?: boolean; pages?: readonly number[] } = {}): Promise<RenderedPage[]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const out: RenderedPage[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      if (opts.pages && !opts.pages.includes(i)) continue;
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const w = Math.round(viewport.width);
      const h = Math.round(viewport.height);
      const entry = factory.create(w, h);
      const params = { canvasContext: entry.context, canvas: entry.canvas, viewport, background: '#ffffff' };
      await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
      const data = entry.canvas.getContext('2d').getImageData(0, 0, w, h).data;
      const rgba = opts.colour ? new Uint8Array(data) : toGray(data);
      out.push({ width: w, height: h, rgba });
      factory.destroy(entry);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

function toGray(src: Uint8ClampedArray): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i += 4) {
    const y = Math.round(0.299 * src[i]! + 0.587 * src[i + 1]! + 0.114 * src[i + 2]!);
    out[i] = out[i + 1] = out[i + 2] = y;
    out[i + 3] = 255;
  }
  return out;
}

/** Encodes RGBA pixels whose channels are equal as an 8-bit grayscale PNG (a third of the RGB size). */
export function encodeGray(rgba: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 6, bitDepth: 8 });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 6, bitDepth: 8, deflateLevel: 9 });
}

/** Decodes a PNG to RGBA pixels. */
export function decodePng(bytes: Buffer): RenderedPage {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}
