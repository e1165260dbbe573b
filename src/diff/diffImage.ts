/**
 * The picture of one changed page, three panels side by side: old, new (changed regions outlined in red on both)
 * and the difference (ink only in the old page red, only in the new page green, shared ink light grey).
 * An inserted or removed page is shown alone with a green or red frame.
 */
import type { RgbaImage } from '../raster/openPdf.ts';
import type { Region } from './comparePixels.ts';
import type { PageChange } from './diffPdfs.ts';

const GAP = 16;
const BACKDROP = 200;
const RED: readonly [number, number, number] = [220, 30, 30];
const GREEN: readonly [number, number, number] = [20, 150, 60];
/** Same threshold as comparePixels, so the third panel shows exactly what was counted. */
const THRESHOLD = 16;

/** Composes the change's panels into one RGBA image (undefined in text mode: nothing was rendered). */
export function diffImage(c: PageChange): RgbaImage | undefined {
  if (c.kind === 'inserted' && c.newImage) return framed(c.newImage, GREEN);
  if (c.kind === 'removed' && c.oldImage) return framed(c.oldImage, RED);
  if (!c.oldImage || !c.newImage) return undefined;
  const old = outlined(c.oldImage, c.regions);
  const neu = outlined(c.newImage, c.regions);
  const panels = [old, neu];
  if (c.oldImage.width === c.newImage.width && c.oldImage.height === c.newImage.height) panels.push(difference(c.oldImage, c.newImage));
  return sideBySide(panels);
}

function blank(width: number, height: number, grey: number): RgbaImage {
  const data = new Uint8Array(width * height * 4).fill(grey);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width, height, data };
}

function sideBySide(panels: readonly RgbaImage[]): RgbaImage {
  const width = GAP + panels.reduce((s, p) => s + p.width + GAP, 0);
  const height = GAP * 2 + Math.max(...panels.map((p) => p.height));
  const out = blank(width, height, BACKDROP);
  let x = GAP;
  for (const p of panels) {
    blit(out, p, x, GAP);
    x += p.width + GAP;
  }
  return out;
}

function blit(dst: RgbaImage, src: RgbaImage, dx: number, dy: number): void {
  for (let y = 0; y < src.height; y++) dst.data.set(src.data.subarray(y * src.width * 4, (y + 1) * src.width * 4), ((dy + y) * dst.width + dx) * 4);
}

function framed(img: RgbaImage, color: readonly [number, number, number]): RgbaImage {
  const out = sideBySide([img]);
  strokeRect(out, { x: GAP - 4, y: GAP - 4, width: img.width + 8, height: img.height + 8 }, color, 4);
  return out;
}

function outlined(img: RgbaImage, regions: readonly Region[]): RgbaImage {
  const out = { ...img, data: img.data.slice() };
  for (const r of regions) strokeRect(out, { x: r.x - 2, y: r.y - 2, width: r.width + 4, height: r.height + 4 }, RED, 2);
  return out;
}

function strokeRect(img: RgbaImage, r: Region, color: readonly [number, number, number], w: number): void {
  const put = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
    img.data.set(color, (y * img.width + x) * 4);
  };
  for (let t = 0; t < w; t++) {
    for (let x = r.x; x < r.x + r.width; x++) put(x, r.y + t), put(x, r.y + r.height - 1 - t);
    for (let y = r.y; y < r.y + r.height; y++) put(r.x + t, y), put(r.x + r.width - 1 - t, y);
  }
}

function difference(a: RgbaImage, b: RgbaImage): RgbaImage {
  const out = blank(a.width, a.height, 255);
  const luma = (d: Uint8Array, i: number) => 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
  for (let i = 0; i < a.data.length; i += 4) {
    const la = luma(a.data, i);
    const lb = luma(b.data, i);
    if (Math.abs(la - lb) > THRESHOLD) out.data.set(la < lb ? RED : GREEN, i);
    else out.data.fill(Math.round(255 - (255 - lb) * 0.25), i, i + 3);
  }
  return out;
}
