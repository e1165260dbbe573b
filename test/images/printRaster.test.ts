/**
 * The print variant's raster images: separated into DeviceCMYK through the press profile, padded with mirrored edge
 * pixels for the bleed, cached by content. The colour check is independent of sharp: Ghostscript (its own lcms2
 * build) separates the screen variant's RGB image through the same profile, and renders the print variant's CMYK
 * image as it is; the two must agree within the tolerance below.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { printRasters, PRESS_PROFILE } from '../../src/images/printRaster.ts';
import type { CmykRaster, FrameItem } from '../../src/model/types.ts';
import { colourSpaceCounts } from '../helpers/colourSpaces.ts';
import { hasTool } from '../helpers/pdfObjects.ts';
import { doc, H, page, W, write } from '../pdf/fixture.ts';

/** Colours of the test patches: the corporate petrol, mid grey, coral, a pale tint (all inside the press gamut). */
const PATCHES = [[0x0b, 0x55, 0x63], [128, 128, 128], [0xe4, 0x57, 0x2e], [0xcf, 0xe3, 0xe6]] as const;

/**
 * Largest difference per ink (percent) between two CMMs separating the same colour through FOGRA39L.icc: the
 * profile's B2A tables have a 9-point grid (colprof -ql), and lcms in libvips and in Ghostscript interpolate within
 * a cell differently (measured up to 4.7 % on the petrol). Libvips' built-in CMYK conversion misses by 16–24 %.
 */
const TOLERANCE = 6;

function patchesPng(width: number, height: number, alpha = 255): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set([...PATCHES[Math.floor((x * PATCHES.length) / width)]!, alpha], (y * width + x) * 4);
  }
  return new Uint8Array(PNG.sync.write(png));
}

const image = (png: Uint8Array, x: number, y: number, width: number, height: number): FrameItem => ({ kind: 'image', x, y, width, height, png, alt: 'Vlakken' });
const rasterOf = (d: { pages: readonly { items: readonly FrameItem[] }[] }, i = 0) => (d.pages[0]!.items[i] as { cmyk?: CmykRaster }).cmyk!;

describe('separating raster images for print', () => {
  it('gives 4 channels per pixel at the image\'s own size, no soft mask for an opaque image, one for a transparent one', async () => {
    const d = await printRasters(doc([page([image(patchesPng(40, 10), 100, 100, 80, 20), image(patchesPng(40, 10, 128), 100, 200, 80, 20)])]), 8.5, new Map());
    const [opaque, half] = [rasterOf(d, 0), rasterOf(d, 1)];
    expect([opaque.widthPx, opaque.heightPx, opaque.data.length, opaque.alpha]).toEqual([40, 10, 40 * 10 * 4, undefined]);
    expect(half.alpha?.length).toBe(400);
    expect(new Set(half.alpha)).toEqual(new Set([128]));
  });

  it('pads the sides that reach the trim by the bleed in pixels (rounded up), mirroring the edge pixels', async () => {
    // 40 px over 80 pt: 2 pt per pixel, so 8.5 pt of bleed takes 5 pixels.
    const d = await printRasters(doc([page([image(patchesPng(40, 10), 0, 0, 80, 20)])]), 8.5, new Map());
    const r = rasterOf(d);
    expect(r.pad).toEqual({ top: 5, right: 0, bottom: 0, left: 5 });
    expect([r.widthPx, r.heightPx]).toEqual([45, 15]);
    const px = (x: number, y: number) => [...r.data.subarray((y * r.widthPx + x) * 4, (y * r.widthPx + x) * 4 + 4)];
    // the left pad repeats the first patch (petrol) and the image starts at column 5, row 5
    expect(px(0, 0)).toEqual(px(5, 5));
    expect(px(44, 0)).toEqual(px(44, 14));
    // an image in the middle of the page is not padded; one at the right and bottom edges is padded there
    const inner = rasterOf(await printRasters(doc([page([image(patchesPng(40, 10), 100, 100, 80, 20)])]), 8.5, new Map()));
    expect(inner.pad).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    const corner = rasterOf(await printRasters(doc([page([image(patchesPng(40, 10), W - 80, H - 20, 80, 20)])]), 8.5, new Map()));
    expect(corner.pad).toEqual({ top: 0, right: 5, bottom: 5, left: 0 });
  });

  it('is cached by content: equal bytes in another array give the cached raster; the result is the same bytes cold or warm', async () => {
    const cache = new Map<string, Promise<CmykRaster>>();
    const a = rasterOf(await printRasters(doc([page([image(patchesPng(40, 10), 100, 100, 80, 20)])]), 8.5, cache));
    const b = rasterOf(await printRasters(doc([page([image(patchesPng(40, 10), 100, 300, 80, 20)])]), 8.5, cache));
    expect(b).toBe(a);
    expect(cache.size).toBe(1);
    const cold = rasterOf(await printRasters(doc([page([image(patchesPng(40, 10), 100, 100, 80, 20)])]), 8.5, new Map()));
    expect(Buffer.from(cold.data).equals(Buffer.from(a.data))).toBe(true);
  });
});

describe('the print PDF of a page with a raster image', () => {
  const placed = () => doc([page([image(patchesPng(400, 100), 62, 200, 400, 100)])]);

  it('uses DeviceCMYK only (read with the object walker): no DeviceRGB or ICCBased/N3 anywhere, as the screen variant has', async () => {
    const print = colourSpaceCounts(await write(placed(), 'print'));
    const screen = colourSpaceCounts(await write(placed(), 'screen'));
    expect(screen.DeviceRGB).toBeGreaterThan(0);
    expect(Object.keys(print)).toEqual(['DeviceCMYK']);
  });

  it('prints each patch with the inks Ghostscript separates the screen variant\'s RGB into through FOGRA39L.icc', async () => {
    expect(hasTool('gs')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'rp-cmyk-'));
    writeFileSync(join(dir, 'print.pdf'), await write(placed(), 'print'));
    writeFileSync(join(dir, 'screen.pdf'), await write(placed(), 'screen'));
    const render = (file: string, extra: string[]) => {
      execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', '-r72', ...extra, `-sOutputFile=${join(dir, `${file}.pam`)}`, join(dir, `${file}.pdf`)]);
      return readPam(readFileSync(join(dir, `${file}.pam`)));
    };
    const print = render('print', []);
    const screen = render('screen', [`-sOutputICCProfile=${PRESS_PROFILE}`]);
    const slug = Math.round(10 * (72 / 25.4));
    // naive separation (libvips' own CMYK profile), to show the tolerance tells a wrong separation apart
    const naive = await Promise.all(PATCHES.map(async (c) => [...(await sharp(Buffer.from(c), { raw: { width: 1, height: 1, channels: 3 } }).toColourspace('cmyk').raw().toBuffer())]));
    PATCHES.forEach((c, k) => {
      const x = 62 + 50 + 100 * k;
      const expected = screen.at(x, 250).map((v) => (v * 100) / 255);
      const got = print.at(x + slug, 250 + slug).map((v) => (v * 100) / 255);
      expect(expected.reduce((a, v) => a + v, 0), 'sampled inside the image, not on paper').toBeGreaterThan(20);
      for (let ch = 0; ch < 4; ch++) expect(Math.abs(got[ch]! - expected[ch]!), `patch ${c.join(',')} ink ${'CMYK'[ch]}: ${got.map(Math.round)} vs ${expected.map(Math.round)}`).toBeLessThanOrEqual(TOLERANCE);
      if (k < 2) expect(Math.max(...naive[k]!.map((v, ch) => Math.abs((v * 100) / 255 - expected[ch]!)))).toBeGreaterThan(TOLERANCE);
    });
  }, 60_000);
});

/** A PAM image (P7, TUPLTYPE CMYK) with a pixel reader. */
function readPam(b: Buffer): { width: number; at(x: number, y: number): number[] } {
  const end = b.indexOf('ENDHDR\n') + 7;
  const head = b.subarray(0, end).toString('latin1');
  const width = Number(/WIDTH (\d+)/.exec(head)![1]);
  return { width, at: (x, y) => [...b.subarray(end + (y * width + x) * 4, end + (y * width + x) * 4 + 4)] };
}
