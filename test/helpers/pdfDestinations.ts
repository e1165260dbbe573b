/**
 * Where a PDF's outline entries and named destinations point, read from its objects (qpdf): page index and the XYZ
 * position (PDF user space, bottom-up), so the print variant's destinations can be compared with the screen's.
 */
import { str, type Json, type PdfObjects } from './pdfObjects.ts';

export interface Destination {
  /** Outline title, or the destination's name. */
  readonly title: string;
  /** Zero-based page index. */
  readonly page: number;
  readonly left: number;
  readonly top: number;
}

/** The outline entries in document order (depth first). */
export function outlineDestinations(o: PdfObjects): Destination[] {
  const pages = o.array(o.dict(o.catalog['/Pages'])['/Kids']);
  const out: Destination[] = [];
  const walk = (ref: Json | undefined): void => {
    for (let node = ref; typeof node === 'string'; node = o.dict(node)['/Next']) {
      const d = o.dict(node);
      const dest = o.array(d['/Dest']);
      out.push({ title: str(d['/Title']), page: pages.indexOf(dest[0]!), left: Number(dest[2]), top: Number(dest[3]) });
      walk(d['/First']);
    }
  };
  walk(o.dict(o.catalog['/Outlines'])['/First']);
  return out;
}

/** Every named destination (the catalog's /Names /Dests name tree). */
export function namedDestinations(o: PdfObjects): Destination[] {
  const pages = o.array(o.dict(o.catalog['/Pages'])['/Kids']);
  const out: Destination[] = [];
  const walk = (node: Json | undefined): void => {
    const d = o.dict(node);
    const names = o.array(d['/Names']);
    for (let i = 0; i + 1 < names.length; i += 2) {
      const dest = o.array(names[i + 1]);
      out.push({ title: str(names[i]), page: pages.indexOf(dest[0]!), left: Number(dest[2]), top: Number(dest[3]) });
    }
    for (const kid of o.array(d['/Kids'])) walk(kid);
  };
  walk(o.dict(o.catalog['/Names'])['/Dests']);
  return out;
}
