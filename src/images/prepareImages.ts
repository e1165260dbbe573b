/**
 * images stage: image files from the content folder → PNG at print resolution with sharp.
 * SVG is rendered at SVG_DENSITY so the print shop gets a sharp raster; PNG/JPEG are normalised to PNG
 * (orientation applied, 8-bit sRGB). Output order follows the input map, so builds are deterministic.
 */
import { createHash } from 'node:crypto';
import { ReportError } from '../diag/errors.ts';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import { imageMessages } from './messages.ts';
import type { PreparedImage } from './types.ts';

/**
 * Rendering density for vector images (dots per inch of their nominal size): an SVG 600 units wide becomes
 * 1,250 px, which is over 300 dpi at the full text width (≈ 6.7 in) and cheap to encode.
 */
const SVG_DENSITY = 150;

/** Converted images by content, so a rebuild in the same process does not rasterise again. */
const converted = new Map<string, PreparedImage>();

/**
 * Converts every referenced image once; sharp is imported only when the report has images. A file sharp cannot
 * decode is a content error at the place that references it (all such files reported together), never a crash.
 */
export async function prepareImages(
  files: ReadonlyMap<string, Uint8Array>,
  spans?: ReadonlyMap<string, SourceSpan>,
): Promise<ReadonlyMap<string, PreparedImage>> {
  const out = new Map<string, PreparedImage>();
  if (files.size === 0) return out;
  const sharp = (await import('sharp')).default;
  const errors: Diagnostic[] = [];
  for (const [src, bytes] of files) {
    const key = `${src}\u0000${createHash('sha256').update(bytes).digest('hex')}`;
    let image = converted.get(key);
    if (!image) {
      const isSvg = /\.svg$/i.test(src);
      try {
        const img = sharp(Buffer.from(bytes), isSvg ? { density: SVG_DENSITY } : {}).rotate();
        const png = await img.png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
        image = { png: new Uint8Array(png.data), aspect: png.info.height / png.info.width };
      } catch (e) {
        errors.push(imageMessages.undecodable(src, reasonOf(e), spans?.get(src)));
        continue;
      }
      converted.set(key, image);
    }
    out.set(src, image);
  }
  if (errors.length) throw new ReportError(errors);
  return out;
}

/** sharp's first line, lower-cased and without libvips' trailing details, e.g. "input buffer contains unsupported image format". */
function reasonOf(e: unknown): string {
  const line = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
  return line.charAt(0).toLowerCase() + line.slice(1);
}
