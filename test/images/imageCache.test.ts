import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImages } from '../../src/images/prepareImages.ts';
import { imageEntryFile, writeImageEntry } from '../../src/images/imageCache.ts';
import { DEFAULT_LIMITS } from '../../src/spec/limits.ts';

const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/>');
const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const prepare = (files: Record<string, Uint8Array>, cacheDir: string, limits = DEFAULT_LIMITS) =>
  prepareImages(new Map(Object.entries(files)), undefined, limits, new Map(), cacheDir);

describe('prepared images on disk', () => {
  it('the next process gets the same prepared SVG and PNG from the cache folder', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 3, height: 2, channels: 3, background: '#336699' } }).jpeg().toBuffer());
    const files = { 'images/a.svg': SVG, 'images/b.jpg': png };
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-img-'));
    const fresh = await prepareImages(new Map(Object.entries(files)));
    expect(await prepare(files, cacheDir)).toStrictEqual(fresh);
    expect(existsSync(imageEntryFile(cacheDir, false, hash(png), DEFAULT_LIMITS.imagePixels))).toBe(true);
    expect(await prepare(files, cacheDir)).toStrictEqual(fresh);
  });

  it('uses a stored entry instead of decoding (an entry saying aspect 7 is what comes back)', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-img-'));
    writeImageEntry(imageEntryFile(cacheDir, true, hash(SVG), DEFAULT_LIMITS.imagePixels), { svg: '', aspect: 7 });
    expect((await prepare({ 'x.svg': SVG }, cacheDir)).get('x.svg')).toEqual({ svg: new TextDecoder().decode(SVG), aspect: 7 });
  });

  it('the entry changes with the bytes, the kind of image and the pixel limit; a damaged entry is a miss', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-img-'));
    const base = imageEntryFile(cacheDir, true, hash(SVG), 100);
    expect(imageEntryFile(cacheDir, true, hash(new Uint8Array([1])), 100)).not.toBe(base);
    expect(imageEntryFile(cacheDir, false, hash(SVG), 100)).not.toBe(base);
    expect(imageEntryFile(cacheDir, true, hash(SVG), 101)).not.toBe(base);
    const file = imageEntryFile(cacheDir, true, hash(SVG), DEFAULT_LIMITS.imagePixels);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'damaged');
    expect((await prepare({ 'x.svg': SVG }, cacheDir)).get('x.svg')).toEqual({ svg: new TextDecoder().decode(SVG), aspect: 0.25 });
  });
});
