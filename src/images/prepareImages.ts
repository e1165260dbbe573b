/**
 * images stage: image files from the content folder → PNG at print resolution with sharp.
 * SVG is rendered at 300 dpi so the print shop gets a sharp raster; PNG/JPEG are normalised to PNG
 * (orientation applied, 8-bit sRGB). Output order follows the input map, so builds are deterministic.
 */
import type { PreparedImage } from './types.ts';

/** Print resolution for rendered vector images (dots per inch). */
const PRINT_DPI = 300;

/** Converts every referenced image once; sharp is imported only when the report has images. */
export async function prepareImages(files: ReadonlyMap<string, Uint8Array>): Promise<ReadonlyMap<string, PreparedImage>> {
  const out = new Map<string, PreparedImage>();
  if (files.size === 0) return out;
  const sharp = (await import('sharp')).default;
  for (const [src, bytes] of files) {
    const isSvg = /\.svg$/i.test(src);
    const img = sharp(Buffer.from(bytes), isSvg ? { density: PRINT_DPI } : {}).rotate();
    const png = await img.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
    out.set(src, { png: new Uint8Array(png.data), aspect: png.info.height / png.info.width });
  }
  return out;
}
