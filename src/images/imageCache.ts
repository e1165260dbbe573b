/**
 * Prepared images on disk (`<cacheDir>/images/`), so the next CLI run neither loads sharp nor decodes an image it
 * prepared before (the images stage was 60–75 ms of every build for the bundled report's one SVG). One file per
 * prepared image, named by a hash of what decides it: the image's kind (SVG or raster), a hash of its bytes, the
 * pixel limit and the tool's version (util/diskCache.ts: the lockfile fixes sharp's). An SVG's entry holds only its
 * aspect (the SVG itself is the file's text); a raster's holds its PNG. A damaged or unreadable entry is a miss.
 */
import { cacheFile, readChecked, writeChecked } from '../util/diskCache.ts';
import { richDecode, richEncode } from '../util/richJson.ts';
import type { PreparedImage } from './types.ts';

/** The disk entry's file for an image (`svg`: drawn as vectors) with bytes hash `hash`. */
export function imageEntryFile(cacheDir: string, svg: boolean, hash: string, imagePixels: number): string {
  return cacheFile(cacheDir, 'images', JSON.stringify([svg ? 'svg' : 'raster', hash, imagePixels]));
}

/** The prepared image stored in `file`, or undefined. */
export function readImageEntry(file: string, bytes: Uint8Array, svg: boolean): PreparedImage | undefined {
  const body = readChecked(file);
  if (body === undefined) return undefined;
  try {
    const e = richDecode(JSON.parse(body)) as { aspect?: unknown; png?: unknown; widthPx?: unknown };
    if (typeof e.aspect !== 'number') return undefined;
    if (svg) return { svg: new TextDecoder().decode(bytes), aspect: e.aspect };
    return e.png instanceof Uint8Array && typeof e.widthPx === 'number' ? { png: e.png, aspect: e.aspect, widthPx: e.widthPx } : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a prepared image (best effort: a failed write only means the next build prepares it again). */
export function writeImageEntry(file: string, image: PreparedImage): void {
  const entry = image.svg !== undefined ? { aspect: image.aspect } : { png: image.png, aspect: image.aspect, widthPx: image.widthPx };
  writeChecked(file, JSON.stringify(richEncode(entry)));
}
