/**
 * Each Figure structure element's /A /Layout /BBox (object walker) beside the rectangle its content is drawn in,
 * read with pdf.js: the first clipping path inside the Figure's marked content (the SVG viewport of a chart or an
 * illustration) or, for a raster image, the image's own square. Both in PDF user space, y up.
 */
import { Name, readObjects, Ref, type PdfDict, type PdfValue } from './pdfObjectWalker.ts';
import { paintedElements } from './pdfElements.ts';

export interface FigureBox {
  readonly alt: string;
  readonly page: number;
  /** The element's /BBox, or undefined when it has none. */
  readonly bbox?: number[];
  /** The drawn rectangle, or undefined when nothing was drawn in the Figure's sequences. */
  readonly drawn?: number[];
}

export async function figureBoxes(bytes: Uint8Array): Promise<FigureBox[]> {
  const o = readObjects(bytes);
  const pages = (o.dict(o.dict(o.dict(o.trailer.Root).Pages)).Kids as Ref[]).map((r) => r.num);
  const heights = pages.map((n) => Number((o.dict(new Ref(n)).MediaBox as number[])[3]));
  const drawn = await paintedElements(bytes, { clips: true });
  const out: FigureBox[] = [];
  for (const v of o.objects.values()) {
    const d = v as PdfDict;
    if (!(d?.S instanceof Name) || d.S.name !== 'Figure' || !(d.Type instanceof Name) || d.Type.name !== 'StructElem') continue;
    const page = pages.indexOf((d.Pg as Ref).num);
    const kids = [d.K].flat() as PdfValue[];
    const mcids = new Set(kids.map((k) => (typeof k === 'number' ? k : Number(o.dict(k).MCID))));
    const a = o.dict(d.A);
    const bbox = a.O instanceof Name && a.O.name === 'Layout' ? (a.BBox as number[]) : undefined;
    const inside = drawn[page]!.filter((e) => e.mcid !== undefined && mcids.has(e.mcid));
    const frame = inside.find((e) => e.kind === 'clip' || e.kind === 'image');
    const h = heights[page]!;
    out.push({ alt: String(d.Alt ?? ''), page, ...(bbox && { bbox }), ...(frame && { drawn: [frame.visible.x1, h - frame.visible.y2, frame.visible.x2, h - frame.visible.y1] }) });
  }
  return out;
}
