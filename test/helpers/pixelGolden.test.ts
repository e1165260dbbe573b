/** The pixel comparison of the goldens: ±1 per channel is rounding, anything more, even one pixel, is a difference. */
import { describe, expect, it } from 'vitest';
import { decodeRgba, encodePng, pixelDiff } from './pixelGolden.ts';
import type { RenderedPage } from './renderPdf.ts';

/** An A6 page at 144 dpi (the goldens' size), white, with a 1 px grey rule across it at `y`. */
function page(y: number, grey = 159): RenderedPage {
  const w = 595;
  const h = 839;
  const rgba = new Uint8Array(w * h * 4).fill(255);
  for (let x = 40; x < w - 40; x++) rgba.fill(grey, (y * w + x) * 4, (y * w + x) * 4 + 3);
  return { width: w, height: h, rgba };
}

describe('pixelDiff', () => {
  it('finds nothing between a page and its PNG round trip', () => {
    const p = page(124);
    expect(pixelDiff(p, decodeRgba(encodePng(p))).differing).toBe(0);
  });

  it('allows ±1 per channel and counts ±2', () => {
    expect(pixelDiff(page(124, 159), page(124, 160)).differing).toBe(0);
    expect(pixelDiff(page(124, 159), page(124, 161)).differing).toBe(515);
  });

  it('fails a rule moved by 1 pt (2 px at 144 dpi) on a whole A6 page', () => {
    expect(pixelDiff(page(124), page(126)).differing).toBe(2 * 515);
  });

  it('fails outright when the page size differs', () => {
    const p = page(10);
    expect(pixelDiff(p, { ...p, height: p.height - 1, rgba: p.rgba.subarray(0, p.rgba.length - p.width * 4) }).differing).toBe(Infinity);
  });
});
