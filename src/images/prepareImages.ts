/**
 * images stage: image files from the content folder → placeable images. SVG stays SVG (pdf/ draws it as
 * vectors; sharp only reads its size); PNG/JPEG are normalised to PNG with sharp (orientation applied, 8-bit
 * sRGB). Output order follows the input map, so builds are deterministic.
 */
import { createHash } from 'node:crypto';
import { ReportError } from '../diag/errors.ts';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import { imageMessages } from './messages.ts';
import type { PreparedImage } from './types.ts';
import { DEFAULT_LIMITS, type Limits } from '../spec/limitDefaults.ts';
import { imageEntryFile, readImageEntry, writeImageEntry } from './imageCache.ts';

/**
 * Converts every referenced image once; sharp is imported only when the report has images. A file sharp cannot
 * decode is a content error at the place that references it (all such files reported together), never a crash.
 * `converted` is the session's image cache (build context `images`), keyed by path and a hash of the bytes; with
 * `cacheDir`, prepared images are also kept on disk for the next process (imageCache.ts). `svgSizes`: SVG sizes
 * that another thread's sharp read (the same call as below), by the SHA-256 of the SVG's bytes; sharp is loaded
 * here for an SVG not in it.
 */
export async function prepareImages(
  files: ReadonlyMap<string, Uint8Array>,
  spans?: ReadonlyMap<string, SourceSpan>,
  limits: Pick<Limits, 'imagePixels'> = DEFAULT_LIMITS,
  converted: Map<string, PreparedImage> = new Map(),
  cacheDir?: string,
  svgSizes?: Promise<ReadonlyMap<string, SvgSize>>,
): Promise<ReadonlyMap<string, PreparedImage>> {
  const out = new Map<string, PreparedImage>();
  if (files.size === 0) return out;
  // sharp (≈ 40 ms to load) only when an image is in no cache
  let sharpModule: typeof import('sharp') | undefined;
  const errors: Diagnostic[] = [];
  for (const [src, bytes] of files) {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const key = `${src}\u0000${hash}\u0000${limits.imagePixels}`;
    const isSvg = /\.svg$/i.test(src);
    const file = cacheDir && imageEntryFile(cacheDir, isSvg, hash, limits.imagePixels);
    let image = converted.get(key) ?? (file ? readImageEntry(file, bytes, isSvg) : undefined);
    if (!image) {
      const asked = isSvg ? (await svgSizes)?.get(hash) : undefined;
      if (asked && 'error' in asked) {
        errors.push(imageMessages.undecodable(src, reasonOf(asked.error), spans?.get(src)));
        continue;
      }
      try {
        if (asked) {
          image = { svg: new TextDecoder().decode(bytes), aspect: (asked.height ?? 1) / (asked.width ?? 1) };
        } else if (isSvg) {
          const sharp = (sharpModule ??= await import('sharp')).default;
          // sharp (librsvg) parses it, so a broken SVG is reported here as for any image; it is not rasterised.
          const { width = 1, height = 1 } = await sharp(Buffer.from(bytes), { limitInputPixels: false }).metadata(); // drawn as vectors: any nominal size is fine
          image = { svg: new TextDecoder().decode(bytes), aspect: height / width };
        } else {
          const sharp = (sharpModule ??= await import('sharp')).default;
          // limitInputPixels: sharp checks the header before decoding (load checked it too); failOn 'error': a
          // damaged file is an error, not a half-grey picture.
          const img = sharp(Buffer.from(bytes), { limitInputPixels: limits.imagePixels, failOn: 'error' }).rotate();
          const png = await img.png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
          image = { png: new Uint8Array(png.data), aspect: png.info.height / png.info.width, widthPx: png.info.width };
        }
      } catch (e) {
        errors.push(imageMessages.undecodable(src, reasonOf(e), spans?.get(src)));
        continue;
      }
      if (file) writeImageEntry(file, image);
    }
    converted.set(key, image);
    out.set(src, image);
  }
  if (errors.length) throw new ReportError(errors);
  return out;
}

/** An SVG's size as sharp's metadata gives it (either may be missing), or sharp's complaint about the file. */
export type SvgSize = { readonly width?: number; readonly height?: number } | { readonly error: string };

/** sharp's (libvips') complaint, first line, without its "Input buffer has corrupt header:" and library prefixes. */
function reasonOf(e: unknown): string {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
  if (/unsupported image format/i.test(first)) return 'not a supported image format';
  const detail = first.replace(/^Input (buffer|file) has corrupt header:\s*/i, '').replace(/^(glib|Vips\w*):\s*/i, '').trim();
  return (/^[A-Z][a-z]/.test(detail) ? detail.charAt(0).toLowerCase() + detail.slice(1) : detail) || 'the image data is damaged';
}
