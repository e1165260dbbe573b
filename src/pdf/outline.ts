/**
 * Navigation: the PDF's bookmarks and the order of its named destinations.
 */
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

/** A name tree key as pdfkit writes it (a text string): Latin-1 as is when all ASCII, else UTF-16BE after FE FF. */
function keyBytes(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  let out = '\u00fe\u00ff';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff);
  return out;
}

/**
 * Sorts the named destinations (the catalog's /Dests name tree) by their bytes, the lexical order ISO 32000-1
 * (7.9.6) asks of a name tree's keys. pdfkit 0.20.2 (pinned) sorts them with String.localeCompare: an order that
 * depends on the machine's locale (Lithuanian puts y before j), and whose first call loads ICU's collation data,
 * ≈ 12 ms of a next build that otherwise starts no Intl service. For the ids reports use (lower-case letters,
 * digits, "-", ".") the two orders agree; the tree (PDFNameTree) gets its own comparison on this document only.
 */
export function sortDestinationsByBytes(doc: PDFKit.PDFDocument): void {
  const names = (doc as unknown as { _root: { data: { Names?: { data?: { Dests?: { _compareKeys?: unknown } } } } } })._root.data.Names?.data?.Dests;
  if (!names || typeof names._compareKeys !== 'function') throw new Error('pdfkit name tree internals changed: pdf/outline.ts is written against pdfkit 0.20.2');
  names._compareKeys = (a: string, b: string) => {
    const x = keyBytes(a);
    const y = keyBytes(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
