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
  const names = (doc as unknown as { _root: { data: { Names?: { data?: { Dests?: NameTree } } } } })._root.data.Names?.data?.Dests;
  if (!names || typeof names._compareKeys !== 'function' || typeof names.toString !== 'function' || typeof names._items !== 'object') throw new Error('pdfkit name tree internals changed: pdf/outline.ts is written against pdfkit 0.20.2');
  names._compareKeys = (a: string, b: string) => {
    const x = keyBytes(a);
    const y = keyBytes(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  names.toString = destsText(names.toString);
}

/** pdfkit's PDFNameTree as its toString reads it. */
interface NameTree {
  _items: Record<string, unknown>;
  limits: boolean;
  _compareKeys(a: string, b: string): number;
  toString(encryptFn?: unknown): string;
}

const ESCAPABLE = /[\n\r\t\b\f()\\]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
/** A text string from its bytes as keyBytes writes them, escaped as pdfkit escapes them. */
const stringText = (bytes: string) => `(${bytes.replace(ESCAPABLE, (c) => ESCAPES[c]!)})`;
/** A number as pdfkit writes it (six decimals), or undefined where pdfkit would throw. */
const numText = (n: unknown) => (n === null ? 'null' : typeof n === 'number' && n > -1e21 && n < 1e21 ? `${Math.round(n * 1e6) / 1e6}` : undefined);

/**
 * The name tree's text, as pdfkit's PDFTree.toString writes it with the byte order above, for the destinations
 * addNamedDestination makes ([page, /XYZ, left, top, zoom]), each key's bytes made once instead of in every
 * comparison and each destination written directly: a 10× report has ≈ 1,500 of them, and pdfkit's sort and
 * convert took ≈ 2–3 ms of every rebuild. Any other value, or encryption, is left to pdfkit's own.
 */
function destsText(pdfkitText: (this: NameTree, encryptFn?: unknown) => string): (this: NameTree, encryptFn?: unknown) => string {
  return function text(this: NameTree, encryptFn?: unknown): string {
    if (encryptFn) return pdfkitText.call(this, encryptFn);
    const entries: [bytes: string, value: string][] = [];
    for (const key of Object.keys(this._items)) {
      const item = this._items[key];
      const v = Array.isArray(item) ? (item as unknown[]) : [];
      const page = v.length === 5 && v[1] === 'XYZ' && v[4] === null ? (v[0] as { id?: unknown; gen?: unknown } | null) : null;
      const x = page && numText(v[2]);
      const y = page && numText(v[3]);
      if (!page || typeof page.id !== 'number' || page.gen !== 0 || x === undefined || y === undefined) return pdfkitText.call(this, encryptFn);
      entries.push([keyBytes(key), `[${String(page)} /XYZ ${x} ${y} null]`]);
    }
    // keys are distinct, and so are their bytes: no ties
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out = ['<<'];
    if (this.limits && entries.length > 1) out.push(`  /Limits [${stringText(entries[0]![0])} ${stringText(entries[entries.length - 1]![0])}]`);
    out.push('  /Names [');
    for (const [bytes, value] of entries) out.push(`    ${stringText(bytes)} ${value}`);
    out.push(']', '>>');
    return out.join('\n');
  };
}
