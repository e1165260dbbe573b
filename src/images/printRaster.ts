/**
 * The print variant's raster images: every placed PNG separated into DeviceCMYK through the press profile (the
 * FOGRA39 profile the print PDF names as its output intent), so nothing in the file is RGB, and widened by mirrored
 * edge pixels where the image runs into the bleed. Lossless: the CMYK pixels go into the PDF Flate-compressed, as
 * the screen variant's PNG does, so the separation is the only change and there is no JPEG Decode-array ambiguity.
 *
 * sharp: `withIccProfile(file)` on an sRGB input (the image stage normalised every raster image to untagged 8-bit
 * sRGB PNG) is an lcms transform from sRGB to that profile and gives 4 channels; `toColourspace('cmyk')` must NOT be
 * added, since it first converts through libvips' own built-in CMYK profile (measured: mid grey 128 gives
 * 27/23/21/54 % with it, 24/20/20/51 % without, ArgyllCMS xicclu through FOGRA39L.icc says 24/20/20/51 %).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { CmykRaster, FrameItem, PagedDocument } from '../model/types.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { reachedEdges } from '../pdf/printSheet.ts';
import { memo } from '../util/buildContext.ts';

/** The press profile (icc/README.md): the same file the print variant's output intent embeds. */
export const PRESS_PROFILE = join(PACKAGE_ROOT, 'icc', 'FOGRA39L.icc');

/** Pixels to add on each side. */
type Pad = CmykRaster['pad'];

/**
 * The document with a CMYK raster on every image item, padded for the bleed on the trim edges it reaches.
 * `cache` is the build context's `printImages` (key: the PNG's hash, the pad and the profile's path).
 */
export async function printRasters(doc: PagedDocument, bleed: number, cache: Map<string, Promise<CmykRaster>>, profile = PRESS_PROFILE): Promise<PagedDocument> {
  if (!doc.pages.some((p) => p.items.some((it) => it.kind === 'image'))) return doc;
  const sharp = (await import('sharp')).default;
  const pages = await Promise.all(
    doc.pages.map(async (page) => {
      const items = await Promise.all(
        page.items.map(async (it): Promise<FrameItem> => {
          if (it.kind !== 'image') return it;
          const { width: wPx = 1, height: hPx = 1 } = await sharp(Buffer.from(it.png)).metadata();
          const e = reachedEdges(it, page, bleed);
          const pad: Pad = {
            left: Math.ceil((e.left * wPx) / it.width),
            right: Math.ceil((e.right * wPx) / it.width),
            top: Math.ceil((e.top * hPx) / it.height),
            bottom: Math.ceil((e.bottom * hPx) / it.height),
          };
          const key = `${createHash('sha256').update(it.png).digest('hex')}\u0000${pad.top},${pad.right},${pad.bottom},${pad.left}\u0000${profile}`;
          return { ...it, cmyk: await memo(cache, key, () => separate(sharp, it.png, pad, profile)) };
        }),
      );
      return { ...page, items };
    }),
  );
  return { ...doc, pages };
}

type Sharp = typeof import('sharp').default;

/** CMYK pixels (and alpha apart) of a PNG, its edges mirrored outward by `pad`. */
async function separate(sharp: Sharp, png: Uint8Array, pad: Pad, profile: string): Promise<CmykRaster> {
  const padded = async () => {
    const img = sharp(Buffer.from(png));
    return pad.top || pad.right || pad.bottom || pad.left ? sharp(await img.extend({ ...pad, extendWith: 'mirror' }).png().toBuffer()) : img;
  };
  const meta = await sharp(Buffer.from(png)).metadata();
  // An alpha channel that hides nothing (the image stage's PNGs often carry one) needs no soft mask.
  const transparent = meta.hasAlpha && !(await sharp(Buffer.from(png)).stats()).isOpaque;
  const cmyk = await (await padded()).removeAlpha().withIccProfile(profile, { attach: false }).raw().toBuffer({ resolveWithObject: true });
  if (cmyk.info.channels !== 4) throw new Error(`CMYK separation gave ${cmyk.info.channels} channels`);
  const alpha = transparent ? new Uint8Array(await (await padded()).extractChannel(3).raw().toBuffer()) : undefined;
  return { data: new Uint8Array(cmyk.data), widthPx: cmyk.info.width, heightPx: cmyk.info.height, pad, ...(alpha ? { alpha } : {}) };
}
