/**
 * One image with every page as a thumbnail and its page number underneath, drawn with @napi-rs/canvas in the
 * bundled Source Sans 3 (registered from fonts/, never a system font, so the sheet looks the same everywhere).
 */
import { createCanvas, GlobalFonts, ImageData } from '@napi-rs/canvas';
import { join } from 'node:path';
import { FONTS_DIR } from '../paths.ts';
import type { RgbaImage } from './openPdf.ts';
import { resizeRgba } from './png.ts';

/** Thumbnail width in pixels: 5 across fits a 1280 px screen (an A4 page at ≈ 21 dpi). */
export const THUMB_WIDTH = 220;
const COLUMNS = 5;
const GAP = 24;
const LABEL = 28;
const FAMILY = 'reportpress-sheet';
const FONT_FILE = 'SourceSans3_400Regular.ttf';

/** Lays the pages out in rows of five on grey, each with a thin frame and "n" below it; returns RGBA. */
export async function contactSheet(pages: readonly RgbaImage[]): Promise<RgbaImage> {
  if (!GlobalFonts.has(FAMILY)) GlobalFonts.registerFromPath(join(FONTS_DIR, FONT_FILE), FAMILY);
  const thumbs = await Promise.all(pages.map((p) => resizeRgba(p, THUMB_WIDTH)));
  const cellH = Math.max(1, ...thumbs.map((t) => t.height)) + LABEL;
  const cols = Math.min(COLUMNS, Math.max(1, thumbs.length));
  const rows = Math.max(1, Math.ceil(thumbs.length / COLUMNS));
  const width = GAP + cols * (THUMB_WIDTH + GAP);
  const height = GAP + rows * (cellH + GAP);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#d9d9d9';
  ctx.fillRect(0, 0, width, height);
  ctx.font = `16px ${FAMILY}`;
  ctx.textAlign = 'center';
  thumbs.forEach((t, i) => {
    const x = GAP + (i % COLUMNS) * (THUMB_WIDTH + GAP);
    const y = GAP + Math.floor(i / COLUMNS) * (cellH + GAP);
    ctx.putImageData(new ImageData(new Uint8ClampedArray(t.data.buffer, t.data.byteOffset, t.data.byteLength), t.width, t.height), x, y);
    ctx.strokeStyle = '#8c8c8c';
    ctx.lineWidth = 1;
    ctx.strokeRect(x - 0.5, y - 0.5, t.width + 1, t.height + 1);
    ctx.fillStyle = '#222222';
    ctx.fillText(String(i + 1), x + t.width / 2, y + t.height + 20);
  });
  const data = ctx.getImageData(0, 0, width, height).data;
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
