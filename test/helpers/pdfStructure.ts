/**
 * Reads a PDF's navigation structure back with pdfjs-dist, with every destination resolved to a page:
 * the outline (bookmarks), the link annotations per page and the named destinations.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A bookmark with the 1-based page its destination lands on (null when it does not resolve). */
export interface OutlineNode {
  readonly title: string;
  readonly page: number | null;
  readonly children: readonly OutlineNode[];
}

/** A link annotation: internal (`dest` + resolved `target` page) or external (`url`); rect in PDF user space. */
export interface PdfLink {
  readonly page: number;
  readonly rect: readonly [number, number, number, number];
  readonly dest?: string;
  readonly target?: number | null;
  readonly url?: string;
}

/** Navigation structure of a whole document. */
export interface PdfStructure {
  readonly pageCount: number;
  readonly outline: readonly OutlineNode[];
  readonly links: readonly PdfLink[];
  /** Named destination → 1-based page. */
  readonly destinations: ReadonlyMap<string, number>;
}

type Doc = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
type Dest = string | unknown[] | null;

/** Opens the PDF and resolves outline entries, links and named destinations to page numbers. */
export async function readStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  try {
    const destinations = new Map<string, number>();
    const named = ((await doc.getDestinations()) ?? {}) as Record<string, unknown[]>;
    for (const [name, d] of Object.entries(named)) {
      const p = await destPage(doc, d);
      if (p !== null) destinations.set(name, p);
    }
    const links: PdfLink[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const annots = (await (await doc.getPage(i)).getAnnotations()) as { subtype: string; rect: number[]; dest?: Dest; url?: string }[];
      for (const a of annots) {
        if (a.subtype !== 'Link') continue;
        const rect = a.rect.map((v) => Math.round(v * 10) / 10) as unknown as PdfLink['rect'];
        if (a.url) links.push({ page: i, rect, url: a.url });
        else if (a.dest != null) links.push({ page: i, rect, dest: typeof a.dest === 'string' ? a.dest : undefined, target: await destPage(doc, a.dest) });
      }
    }
    const outline = await outlineNodes(doc, ((await doc.getOutline()) ?? []) as RawOutline[]);
    return { pageCount: doc.numPages, outline, links, destinations };
  } finally {
    await doc.destroy();
  }
}

interface RawOutline {
  title: string;
  dest: Dest;
  items: RawOutline[];
}

async function outlineNodes(doc: Doc, items: readonly RawOutline[]): Promise<OutlineNode[]> {
  const out: OutlineNode[] = [];
  for (const it of items) out.push({ title: it.title, page: await destPage(doc, it.dest), children: await outlineNodes(doc, it.items ?? []) });
  return out;
}

/** 1-based page of an explicit or named destination. */
async function destPage(doc: Doc, dest: Dest): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  if (!Array.isArray(explicit) || explicit[0] == null) return null;
  const ref = explicit[0];
  if (typeof ref === 'number') return ref + 1;
  try {
    return (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
  } catch {
    return null;
  }
}
