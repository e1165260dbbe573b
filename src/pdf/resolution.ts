import type { Diagnostic } from '../diag/types.ts';
import type { PagedDocument } from '../model/types.ts';
import { pdfMessages } from './messages.ts';

/** What a print shop asks of a raster image at the size it is printed. */
export const PRINT_DPI = 300;

/**
 * A warning (PRINT102, at the image block) for every raster image placed at less than 300 pixels per inch;
 * SVG images are vectors and have no resolution. An image placed twice is judged at each placement.
 */
export function lowResolutionImages(doc: PagedDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  doc.pages.forEach((page, i) => {
    for (const it of page.items) {
      if (it.kind !== 'image' || !it.widthPx || it.width <= 0) continue;
      const dpi = it.widthPx / (it.width / 72);
      if (dpi < PRINT_DPI) out.push(pdfMessages.lowResolution(dpi, page.number ?? i + 1, it.source));
    }
  });
  return out;
}
