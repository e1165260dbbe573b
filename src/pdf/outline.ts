import type { OutlineEntry, PagedDocument } from '../model/types.ts';

/**
 * Adds PDF bookmarks that open each section at its anchor (found by scanning the pages once). `offset` is where the
 * page's top-left corner sits on the sheet (the print variant's slug; 0 otherwise): pdfkit writes outline
 * destinations in the sheet's coordinates without the drawing's translation, so it is added here.
 */
export function addOutline(doc: PDFKit.PDFDocument, d: PagedDocument, offset = 0): void {
  const where = new Map<string, { page: number; y: number; width: number; height: number }>();
  d.pages.forEach((p, i) => {
    for (const it of p.items) {
      if (it.kind === 'anchor' && !where.has(it.name)) where.set(it.name, { page: i, y: it.y, width: p.widthPt, height: p.heightPt });
    }
  });
  const add = (parent: PDFKit.PDFOutline, e: OutlineEntry): void => {
    const at = where.get(e.dest);
    if (!at) return;
    // pdfkit computes XYZ as (media width - left, media height - top); this opens at the anchor's top-left.
    const item = parent.addItem(e.title, { pageNumber: at.page, left: at.width + offset, top: at.y + offset, expanded: true } as never);
    for (const c of e.children) add(item, c);
  };
  for (const e of d.outline) add(doc.outline, e);
}
