/**
 * Opens a PDF with pdfjs-dist and renders its pages with pdf.js's own canvas factory (@napi-rs/canvas, a binary
 * shipped inside its npm package: no system packages). Shared by `pages`, `diff` and `preview`; never used by
 * `build`, so it is imported lazily. Renders are deterministic on one machine (0 px differ between runs).
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** RGBA pixels of one rendered page (4 bytes per pixel, rows top to bottom). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** One word-ish text item of a page, in points from the page's top-left corner. */
export interface PageWord {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An open PDF: page count, per-page rendering and text. Call close() when done. */
export interface OpenPdf {
  readonly pageCount: number;
  /** Page size in points (1-based page number). */
  pageSize(page: number): Promise<{ width: number; height: number }>;
  /** Renders a page (1-based) on white at `dpi`. */
  render(page: number, dpi: number): Promise<RgbaImage>;
  /** The page's text items in content order. */
  text(page: number): Promise<PageWord[]>;
  close(): Promise<void>;
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: { getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }; context: unknown };
  destroy(entry: unknown): void;
}

/** Opens PDF bytes (copied into a plain Uint8Array: pdf.js refuses Buffers and detaches what it is given). */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  return {
    pageCount: doc.numPages,
    async pageSize(n) {
      const vp = (await doc.getPage(n)).getViewport({ scale: 1 });
      return { width: vp.width, height: vp.height };
    },
    async render(n, dpi) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const w = Math.round(viewport.width);
      const h = Math.round(viewport.height);
      const entry = factory.create(w, h);
      try {
        const params = { canvasContext: entry.context, canvas: entry.canvas, viewport, background: '#ffffff' };
        await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
        const data = entry.canvas.getContext('2d').getImageData(0, 0, w, h).data;
        return { width: w, height: h, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
      } finally {
        factory.destroy(entry);
        page.cleanup();
      }
    },
    async text(n) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const tc = await page.getTextContent();
      const out: PageWord[] = [];
      for (const it of tc.items as { str?: string; transform: number[]; width: number; height: number }[]) {
        if (typeof it.str !== 'string' || !it.str.trim()) continue;
        out.push({ str: it.str, x: it.transform[4]!, y: vp.height - it.transform[5]! - it.height, width: it.width, height: it.height });
      }
      return out;
    },
    close: () => doc.destroy(),
  };
}
