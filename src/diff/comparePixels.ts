/**
 * Compares two page renders pixel by pixel and groups the differing pixels into rectangles (the "changed regions"
 * a reviewer looks at): differences are binned into CELL × CELL squares, and touching squares merge into one box.
 */
import type { RgbaImage } from '../raster/openPdf.ts';

/** A changed region in pixels of the new page's render. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Result of comparing two renders. */
export interface PixelDiff {
  /** Pixels whose luminance differs by more than THRESHOLD (pages of different size: every pixel). */
  readonly differing: number;
  readonly regions: readonly Region[];
}

/** Luminance step that counts as a difference: pdf.js renders are exact, so only anti-aliasing noise is excluded. */
const THRESHOLD = 16;
/** Bin size in pixels; at 72 dpi about one line of body text high. */
const CELL = 12;

function luma(d: Uint8Array, i: number): number {
  return 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
}

/** Counts differing pixels and returns merged regions (whole page when the sizes differ). */
export function comparePixels(a: RgbaImage, b: RgbaImage): PixelDiff {
  if (a.width !== b.width || a.height !== b.height) return { differing: b.width * b.height, regions: [{ x: 0, y: 0, width: b.width, height: b.height }] };
  const cols = Math.ceil(a.width / CELL);
  const rows = Math.ceil(a.height / CELL);
  const hot = new Uint8Array(cols * rows);
  let differing = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(luma(a.data, i) - luma(b.data, i)) > THRESHOLD) {
        differing++;
        hot[Math.floor(y / CELL) * cols + Math.floor(x / CELL)] = 1;
      }
    }
  }
  return { differing, regions: differing ? mergeCells(hot, cols, rows, a.width, a.height) : [] };
}

/** Connected components of hot cells (8-neighbourhood) as bounding boxes, clipped to the page. */
function mergeCells(hot: Uint8Array, cols: number, rows: number, width: number, height: number): Region[] {
  const seen = new Uint8Array(hot.length);
  const out: Region[] = [];
  for (let start = 0; start < hot.length; start++) {
    if (!hot[start] || seen[start]) continue;
    let [x0, y0, x1, y1] = [cols, rows, -1, -1];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % cols;
      const cy = (c - cx) / cols;
      [x0, y0, x1, y1] = [Math.min(x0, cx), Math.min(y0, cy), Math.max(x1, cx), Math.max(y1, cy)];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const k = ny * cols + nx;
          if (hot[k] && !seen[k]) (seen[k] = 1), stack.push(k);
        }
      }
    }
    const x = x0 * CELL;
    const y = y0 * CELL;
    out.push({ x, y, width: Math.min(width, (x1 + 1) * CELL) - x, height: Math.min(height, (y1 + 1) * CELL) - y });
  }
  return out;
}
