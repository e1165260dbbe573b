/**
 * Resource names that say what the resource is, not when it was first used. pdfkit names images `I1, I2 …` and
 * constant-alpha graphics states `Gs1, Gs2 …` in first-use order, and a page's content stream refers to them by
 * name, so one new image or opacity on an earlier page would change every later page's stream. Here an image is
 * named after a hash of its bytes, a graphics state after its alpha values and a gradient (svg-to-pdfkit draws
 * SVG gradients as shading patterns, `Sh1 …`) by its place on its page, so a page's content stream depends only
 * on that page (cidFonts.ts does the same for fonts and glyph codes).
 *
 * Written against pdfkit 0.20.2 (pinned): replaces the document's `_doOpacity` (the same dictionary, registry and
 * page resource as pdfkit's, with another name), restarts `_gradCount` (which PDFGradient.embed numbers from) on
 * every new page (a gradient is embedded into the page that paints it) and sets a PDFImage's `label` before its
 * first use.
 */
import { createHash } from 'node:crypto';
import { quietly, recorderOf } from './drawRecorder.ts';

/** pdfkit's document internals used for graphics states (mixins/color.js `_doOpacity`). */
interface OpacityInternals {
  _gradCount: number;
  _opacityRegistry: Record<string, [unknown, string]>;
  _doOpacity(fill?: number | null, stroke?: number | null): unknown;
  ref(data: Record<string, unknown>): { end(): void };
  page: { ext_gstates: Record<string, unknown> };
  addContent(s: string): unknown;
}

/** An alpha value in a PDF name: digits only (0.35 → 035, 1 → 1). */
const alphaName = (a: number): string => String(a).replace('.', '');

/** Makes `doc` name its graphics states by content and gradients per page (images: openImageNamed). */
export function nameResourcesByContent(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as OpacityInternals;
  doc.on('pageAdded', () => {
    d._gradCount = 0;
  });
  d._doOpacity = function doOpacity(this: OpacityInternals, fill?: number | null, stroke?: number | null) {
    if (fill == null && stroke == null) return;
    // reported to a drawing's recorder (drawRecorder.ts): a new state allocates its dictionary
    const r = recorderOf(this);
    r?.events.push(['gs', fill ?? undefined, stroke ?? undefined]);
    const f = fill == null ? undefined : Math.max(0, Math.min(1, fill));
    const s = stroke == null ? undefined : Math.max(0, Math.min(1, stroke));
    const key = `${f}_${s}`;
    let entry = this._opacityRegistry[key];
    if (!entry) {
      const dict = quietly(r, () => this.ref({ Type: 'ExtGState', ...(f !== undefined && { ca: f }), ...(s !== undefined && { CA: s }) }));
      dict.end();
      const name = `Gs${f === undefined ? '' : `f${alphaName(f)}`}${s === undefined ? '' : `s${alphaName(s)}`}`;
      this._opacityRegistry[key] = entry = [dict, name];
    }
    this.page.ext_gstates[entry[1]] = entry[0];
    return this.addContent(`/${entry[1]} gs`);
  };
}

/** Opens an image (pdfkit's openImage) named after its bytes, e.g. /Im3f9a… */
export function openImageNamed(doc: PDFKit.PDFDocument, bytes: Uint8Array): unknown {
  // openImage is public pdfkit API that @types/pdfkit 0.17 does not declare; `label` is the name pages use
  const image = (doc as unknown as { openImage(b: Buffer): { label: string } }).openImage(Buffer.from(bytes));
  image.label = `Im${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
  return image;
}
