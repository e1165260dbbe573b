/**
 * pdf stage: PagedDocument → PDF bytes, with pdfkit (the only folder that imports it).
 * Input: finished pages of positioned items. Output: a complete PDF in memory (the CLI writes it
 * atomically). Invariants: byte-identical output for identical input (fixed dates, no randomness);
 * every font comes from the template's files and is embedded as a subset. Never lays anything out.
 * Tagged PDF (PDF/UA-1): every painted item is drawn inside the marked-content sequence its tag asks for
 * (structure.ts plans them, tagged.ts writes them); the structure tree is written after the last page.
 */
import PDFDocument from 'pdfkit';
import type { PagedDocument, Page } from '../model/types.ts';
import { assertNever } from '../util/assertNever.ts';
import { createGlyphWriter, type GlyphRecord, type GlyphWriter, type ShapeFn } from './glyphRuns.ts';
import { fontsByKey, isStableFont, openFontsInOrder, type EmbeddedFont } from './cidFonts.ts';
import { recordDrawing, type DrawEvent } from './drawRecorder.ts';
import { nameResourcesByContent } from './resourceNames.ts';
import { compressPage, muteContent, pageStreamKey, putStream, rememberStream, replayDrawing, type PageStreamCache } from './pageStreams.ts';
import { drawCmykImage, drawImage, drawRect, drawRule } from './drawShapes.ts';
import { drawSvg } from './drawSvg.ts';
import { addOutline } from './outline.ts';
import { documentInfo, installMetadata } from './metadata.ts';
import { addOutputIntent, FOGRA39_INTENT, SRGB_INTENT } from './outputIntent.ts';
import { documentId } from './documentId.ts';
import { createItemJson, type ItemJson } from './itemJson.ts';
import { planStructure, type PageMarks } from './structure.ts';
import { beginMark, currentPageRef, endMark, StructParents, writeStructTree } from './tagged.ts';
import { cmykResolver, type Cmyk } from './cmyk.ts';
import { installCmykPaint } from './paint.ts';
import { finishSheet, PRINT_SHEET, withBleed } from './printSheet.ts';
import { pdfMessages } from './messages.ts';
import { ReportError } from '../diag/errors.ts';
import type { SourceSpan } from '../diag/types.ts';
import type { SvgCmyk } from './drawSvg.ts';

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
  /** print: the template's CMYK value of each colour (by "#rrggbb"). */
  readonly cmyk?: ReadonlyMap<string, Cmyk>;
  /**
   * Parsed font programs of earlier documents by font bytes (the build context's `pdfFonts`): pdfkit takes a parsed
   * font as a font source, so a rebuild does not parse the same tables again; never changes the output.
   */
  readonly fontCache?: { readonly hashes: Readonly<Record<string, string>>; readonly parsed: Map<string, object>; readonly encoded?: Map<string, Uint8Array>; readonly used?: Set<string> };
  /** Page content streams of earlier builds (the build context's `pageStreams`); never changes the output. */
  readonly pageCache?: PageStreamCache;
  /** Called after each page is drawn (the CLI's "pages n/N" progress); never changes the output. */
  readonly onPage?: (done: number, total: number) => void;
}

/** What every page of one document is drawn with besides its items. */
interface DrawEnv {
  readonly opts: PdfOptions;
  /** The document's fonts by resource name (replayed SVG records name them so). */
  readonly fonts: ReadonlyMap<string, EmbeddedFont>;
  readonly itemJson: ItemJson;
  readonly drawGlyphs: GlyphWriter;
  readonly print: boolean;
  /** The document's images by their bytes: each distinct image is embedded once (drawShapes.ts drawImage). */
  readonly images: Map<unknown, unknown>;
  /** print: the document's CMYK rasters and their XObject names (drawShapes.ts drawCmykImage). */
  readonly cmykImages: Map<unknown, unknown>;
  /** print: the SVG colour mapping (svg-to-pdfkit's colorCallback). */
  svgCmyk?: SvgCmyk;
  /** The source position of the item being drawn, for colour errors. */
  at: SourceSpan | undefined;
  /** Where the page's top-left corner sits on the sheet (print: the slug), for destinations pdfkit does not transform. */
  readonly origin: number;
  /** The current page's stream comes from the page cache: items are walked for their other effects only. */
  muted: boolean;
  /** Every font draws glyph ids as codes (cidFonts.ts), so a page's stream depends on that page alone. */
  readonly stableCodes: boolean;
}

/** Draws every page and returns the PDF bytes. */
export async function writePdf(docData: PagedDocument, opts: PdfOptions): Promise<Uint8Array> {
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
  const itemJson = createItemJson(opts.pageCache?.itemJson);
  installMetadata(doc, info, docData.meta.language, documentId(docData, variant, itemJson), claims);
  addOutputIntent(doc, variant === 'print' ? FOGRA39_INTENT : SRGB_INTENT);
  const parsed = (key: string) => (opts.fontCache?.hashes[key] ? opts.fontCache.parsed.get(opts.fontCache.hashes[key]!) : undefined);
  for (const [key, file] of Object.entries(docData.fonts)) doc.registerFont(key, (parsed(key) ?? file) as string);
  // Resource names and glyph codes that do not depend on which page draws something first (cidFonts.ts,
  // resourceNames.ts): a page's content stream is then a function of that page alone.
  const fc = opts.fontCache;
  const fonts = openFontsInOrder(doc, Object.keys(docData.fonts), opts.shape, fc?.encoded && { hashes: fc.hashes, encoded: fc.encoded, used: fc.used });
  if (opts.fontCache) for (const [key, font] of fontsByKey(doc, Object.keys(docData.fonts))) if (opts.fontCache.hashes[key]) opts.fontCache.parsed.set(opts.fontCache.hashes[key]!, font.font);
  nameResourcesByContent(doc);

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const print = variant === 'print';
  const origin = print ? PRINT_SHEET.slug : 0;
  const env: DrawEnv = { fonts, itemJson, opts, drawGlyphs: createGlyphWriter(doc, opts.shape, () => env.muted), print, images: new Map(), cmykImages: new Map(), at: undefined, origin, muted: false, stableCodes: [...fonts.values()].every(isStableFont) };
  if (print) {
    const resolve = cmykResolver(opts.cmyk ?? new Map());
    installCmykPaint(doc, resolve, () => env.at);
    env.svgCmyk = (hex, raw) => {
      const c = resolve(hex);
      if (!c) throw new ReportError(pdfMessages.noCmyk(raw === hex ? hex : `${raw} (${hex})`, env.at));
      return c;
    };
  }
  // print: backgrounds run into the bleed, and paper has no links (so the structure has no Link elements either).
  const pages = print ? docData.pages.map(printPage) : docData.pages;
  const plan = planStructure(pages);
  const parents = new StructParents();
  const pageRefs = pages.map((page, i) => {
    drawPage(doc, page, { index: i, marks: plan.pages[i]!, parents }, env);
    opts.onPage?.(i + 1, pages.length);
    return currentPageRef(doc);
  });
  // Figure boxes in each sheet's user space: y up from the media box's foot, the page placed at `origin`
  writeStructTree(doc, plan, parents, pageRefs, (i, [x0, y0, x1, y1]) => {
    const h = pages[i]!.heightPt + 2 * origin;
    return [x0! + origin, h - origin - y1!, x1! + origin, h - origin - y0!];
  });
  addOutline(doc, docData, origin);
  doc.end();
  return done;
}

type GlyphItem = Extract<Page['items'][number], { kind: 'glyphs' }>;

/** A page's place in the structure: its index, planned marked-content sequences and the ParentTree keys. */
interface PageTagging {
  readonly index: number;
  readonly marks: PageMarks;
  readonly parents: StructParents;
}

/** A page as the print variant draws it: bleed added, link areas and link targets removed. */
function printPage(page: Page): Page {
  const items = withBleed(page, PRINT_SHEET.bleed)
    .filter((it) => it.kind !== 'link' && it.kind !== 'goto')
    .map((it) => (it.kind === 'glyphs' && it.link ? { ...it, link: undefined } : it));
  return { ...page, items };
}

/** Draws a page's items in order, each run of them inside its marked-content sequence. */
function drawPage(doc: PDFKit.PDFDocument, page: Page, t: PageTagging, env: DrawEnv): void {
  const { print, opts } = env;
  // print: the trimmed page inside a sheet with room for bleed and crop marks; everything drawn shifted onto it.
  const slug = env.origin;
  doc.addPage({ size: [page.widthPt + 2 * slug, page.heightPt + 2 * slug], margin: 0 });
  if (print) doc.save().translate(slug, slug);
  if (t.marks.mcids.length > 0) t.parents.page(doc, t.index);
  // CFF-flavoured fonts keep pdfkit's first-use codes (cidFonts.ts), so their pages' streams are not cacheable
  const cache = env.stableCodes ? opts.pageCache : undefined;
  const key = cache && pageStreamKey(page, marksKey(t.marks), (id) => opts.charts?.get(id)?.svg, `${cache.scope}\u0000${opts.variant ?? 'screen'}`, env.itemJson);
  const hit = key === undefined ? undefined : cache!.entries.get(key);
  if (key !== undefined) cache!.used?.add(key);
  const unmute = hit ? muteContent(doc) : undefined;
  const recorded = key !== undefined && !hit ? new Map<number, readonly DrawEvent[] | undefined>() : undefined;
  const glyphRecord: GlyphRecord | undefined = recorded && { events: [], seen: new Set() };
  env.muted = !!hit;
  const starts = new Map(t.marks.groups.map((g) => [g.from, g]));
  let end = -1;
  page.items.forEach((item, i) => {
    const group = starts.get(i);
    if (group) {
      beginMark(doc, group.mark);
      end = group.to - 1;
    }
    env.at = 'source' in item ? item.source : undefined;
    // an SVG of a cached page is replayed from its record; on a miss with the cache on, its effects are recorded
    const svg = (draw: () => void) => {
      const events = hit?.svg.get(i);
      if (events) replayDrawing(doc, events, env.fonts);
      else if (recorded) recorded.set(i, recordDrawing(doc, draw));
      else draw();
    };
    // so is an unlinked glyph run (its fonts and glyphs: glyphRuns.ts), so a cached page shapes nothing again
    const glyphs = (g: GlyphItem, o?: object) => {
      const events = g.link ? undefined : hit?.svg.get(i);
      if (events) return replayDrawing(doc, events, env.fonts);
      const from = glyphRecord?.events.length ?? 0;
      env.drawGlyphs(g, o, glyphRecord);
      if (glyphRecord && !g.link) recorded!.set(i, glyphRecord.events.slice(from));
    };
    drawItem(doc, item, env, (contents, draw) => t.parents.link(doc, t.index, i, t.marks.annots.get(i), contents, draw), { svg, glyphs });
    if (i === end) endMark(doc);
  });
  env.at = undefined;
  if (print) {
    doc.restore();
    finishSheet(doc, page.widthPt, page.heightPt);
  }
  unmute?.();
  env.muted = false;
  if (hit) putStream(doc, hit.stream);
  else if (key !== undefined) rememberStream(cache!.entries, key, { stream: compressPage(doc), svg: recorded! });
}

/** What the page's marked-content operators say (structure.ts plans them): part of its stream's key. */
function marksKey(marks: PageMarks): unknown {
  return marks.groups.map((g) => [g.from, g.to, 'mcid' in g.mark ? [g.mark.elem.role, g.mark.mcid] : [g.mark.artifact, g.mark.subtype, g.mark.bbox]]);
}

/** Adds a link annotation with `draw(options)`, registering it with the structure (OBJR, /Contents). */
type LinkHook = (contents: string, draw: (options: object) => void) => void;

/** How drawPage draws an SVG (draw, record or replay) and a glyph run (GlyphWriter, recorded or replayed). */
interface DrawHooks {
  svg(draw: () => void): void;
  glyphs(g: GlyphItem, linkOptions?: object): void;
}

function drawItem(doc: PDFKit.PDFDocument, item: Page['items'][number], env: DrawEnv, link: LinkHook, hooks: DrawHooks): void {
  const { opts, images, svgCmyk } = env;
  const { svg, glyphs: drawGlyphs } = hooks;
  switch (item.kind) {
    case 'glyphs':
      // a linked run draws its own annotation: it joins the run's Link element
      if (item.link) link(item.link, (o) => drawGlyphs(item, o));
      else drawGlyphs(item);
      break;
    case 'rect':
      drawRect(doc, item);
      break;
    case 'rule':
      drawRule(doc, item);
      break;
    case 'image':
      if (env.print) {
        // print: only separated CMYK pixels (cli/build.ts runs images/printRaster.ts first); never RGB
        if (!item.cmyk) throw new Error('print variant: a raster image reached pdf/ without its CMYK separation');
        drawCmykImage(doc, item, item.cmyk, env.cmykImages);
      } else drawImage(doc, item, images);
      break;
    case 'svg':
      svg(() => drawSvg(doc, item.svg, item.x, item.y, item.width, item.height, opts.svgFontKey, undefined, svgCmyk, item.bleed));
      break;
    case 'chart': {
      const chart = opts.charts?.get(item.chartId);
      if (!chart) throw new Error(`chart "${item.chartId}" was laid out but not rendered`);
      svg(() => drawSvg(doc, chart.svg, item.x, item.y, item.width, item.height, opts.svgFontKey, undefined, svgCmyk));
      break;
    }
    case 'link':
      link(item.label ?? item.url, (o) => doc.link(item.x, item.y, item.width, item.height, item.url, o as never));
      break;
    case 'goto':
      link(item.label ?? item.dest, (o) => doc.goTo(item.x, item.y, item.width, item.height, item.dest, o as never));
      break;
    case 'anchor':
      // pdfkit takes the destination in sheet coordinates (it ignores the page's translation): add the origin.
      doc.addNamedDestination(item.name, 'XYZ', env.origin, env.origin + item.y, null);
      break;
    default:
      assertNever(item, 'frame item');
  }
}
