/**
 * pdf stage: PagedDocument → PDF bytes, with pdfkit (the only folder that imports it).
 * Input: finished pages of positioned items. Output: a complete PDF in memory (the CLI writes it
 * atomically). Invariants: byte-identical output for identical input (fixed dates, no randomness);
 * every font comes from the template's files and is embedded as a subset. Never lays anything out.
 */
import PDFDocument from 'pdfkit';
import type { PagedDocument, Page } from '../model/types.ts';
import { assertNever } from '../util/assertNever.ts';
import { createGlyphWriter, type ShapeFn } from './glyphRuns.ts';
import { drawImage, drawRect, drawRule } from './drawShapes.ts';
import { drawSvg } from './drawSvg.ts';
import { addOutline } from './outline.ts';
import { documentInfo, installMetadata } from './metadata.ts';
import { addOutputIntent, FOGRA39_INTENT, SRGB_INTENT } from './outputIntent.ts';
import { documentId } from './documentId.ts';

/**
 * What the PDF is for. screen: the default, tagged, sRGB output intent, XMP like the archival one without
 * claims. pdfa: the same file claiming PDF/A-2a and PDF/UA-1. print: the print shop's file (bleed, crop marks,
 * page boxes, DeviceCMYK from the template, FOGRA39 output intent, no links).
 */
export type PdfVariant = 'screen' | 'pdfa' | 'print';

/** Options the CLI passes through; the chart font mapping comes from the template. */
export interface PdfOptions {
  /** Maps an SVG font (family, bold, italic) to a registered font key, for charts. */
  readonly svgFontKey: (family: string, bold: boolean, italic: boolean) => string;
  /** The shaped run of a glyph item's text, as layout measured it (fonts/ FontStore.shape). */
  readonly shape: ShapeFn;
  /** Rendered chart SVGs by chart id, for the document's chart items. */
  readonly charts?: ReadonlyMap<string, { readonly svg: string }>;
  /** Default 'screen'. */
  readonly variant?: PdfVariant;
}

/** Draws every page and returns the PDF bytes. */
export function writePdf(docData: PagedDocument, opts: PdfOptions): Promise<Uint8Array> {
  const first = docData.pages[0];
  const variant = opts.variant ?? 'screen';
  const info = documentInfo(docData.meta);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: first ? [first.widthPt, first.heightPt] : 'A4',
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: docData.meta.language,
    displayTitle: true,
    info,
  } as PDFKit.PDFDocumentOptions);
  // Our XMP (escaped, with ModifyDate) instead of pdfkit's; pdfkit's `subset` option is not used, since it would
  // write its own unescaped XMP and an sRGB profile whose licence we cannot pass on.
  const claims = variant === 'pdfa' ? { pdfa: { part: 2, conformance: 'A' as const }, pdfua: 1 } : {};
  installMetadata(doc, info, docData.meta.language, documentId(docData, variant), claims);
  addOutputIntent(doc, variant === 'print' ? FOGRA39_INTENT : SRGB_INTENT);
  for (const [key, file] of Object.entries(docData.fonts)) doc.registerFont(key, file);

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const drawGlyphs = createGlyphWriter(doc, opts.shape);
  docData.pages.forEach((page) => drawPage(doc, page, opts, drawGlyphs));
  addOutline(doc, docData);
  doc.end();
  return done;
}

function drawPage(doc: PDFKit.PDFDocument, page: Page, opts: PdfOptions, drawGlyphs: (g: Extract<Page['items'][number], { kind: 'glyphs' }>) => void): void {
  doc.addPage({ size: [page.widthPt, page.heightPt], margin: 0 });
  for (const item of page.items) {
    switch (item.kind) {
      case 'glyphs':
        drawGlyphs(item);
        break;
      case 'rect':
        drawRect(doc, item);
        break;
      case 'rule':
        drawRule(doc, item);
        break;
      case 'image':
        drawImage(doc, item);
        break;
      case 'svg':
        drawSvg(doc, item.svg, item.x, item.y, item.width, item.height, opts.svgFontKey);
        break;
      case 'chart': {
        const chart = opts.charts?.get(item.chartId);
        if (!chart) throw new Error(`chart "${item.chartId}" was laid out but not rendered`);
        drawSvg(doc, chart.svg, item.x, item.y, item.width, item.height, opts.svgFontKey);
        break;
      }
      case 'link':
        doc.link(item.x, item.y, item.width, item.height, item.url);
        break;
      case 'goto':
        doc.goTo(item.x, item.y, item.width, item.height, item.dest);
        break;
      case 'anchor':
        doc.addNamedDestination(item.name, 'XYZ', 0, item.y, null);
        break;
      default:
        assertNever(item, 'frame item');
    }
  }
}
