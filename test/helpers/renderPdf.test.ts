/** Pixel comparison of renders: identical pages pass, a moved word is counted, a size change is a failure. */
import { describe, expect, it } from 'vitest';
import { comparePages, decodePng, encodeGray, type RenderedPage } from './renderPdf.ts';

function page(w: number, h: number, box?: { x: number; y: number; s: number }): RenderedPage & { png: Buffer } {
  const rgba = new Uint8Array(w * h * 4).fill(255);
  if (box) for (let y = box.y; y < box.y + box.s; y++) for (let x = box.x; x < box.x + box.s; x++) rgba.fill(0, (y * w + x) * 4, (y * w + x) * 4 + 3);
  return { width: w, height: h, rgba, png: encodeGray(rgba, w, h) };
}

describe('comparePages', () => {
  it('finds no difference between a page and its own grayscale PNG round trip', () => {
    const p = page(60, 80, { x: 10, y: 10, s: 8 });
    const back = decodePng(p.png);
    expect(back.rgba.slice(0, 8)).toEqual(p.rgba.slice(0, 8));
    expect(comparePages(p, back).differing).toBe(0);
  });

  it('counts the pixels of a block that moved', () => {
    const d = comparePages(page(60, 80, { x: 10, y: 10, s: 8 }), page(60, 80, { x: 30, y: 10, s: 8 }));
    expect(d.differing).toBeGreaterThanOrEqual(100);
    expect(d.share).toBeGreaterThan(0.001);
    expect(d.diffPng).toBeDefined();
  });

  it('fails outright when the page size differs', () => {
    expect(comparePages(page(60, 80), page(60, 81)).sizeMatches).toBe(false);
  });
});
