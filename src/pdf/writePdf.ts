/**
 * pdf stage: PagedDocument → PDF bytes, with pdfkit (the only folder that imports it).
 * Input: finished pages of positioned items. Output: a complete PDF in memory (the CLI writes it
 * atomically). Invariants: byte-identical output for identical input (fixed dates, no randomness);
 * every font comes from the template's files and is embedded as a subset. Never lays anything out.
 * Tagged PDF (PDF/UA-1): every painted item is drawn inside the marked-content sequence its tag asks for
 * (structure.ts plans them, tagged.ts writes them); the structure tree is written after the last page.
 */
import PDFDocument from 'pdfkit';
import type { FrameItem, PagedDocument, Page } from '../model/types.ts';
import { createGlyphWriter, type ShapeFn } from './glyphRuns.ts';
import { fontsByKey, isStableFont, openFontsInOrder } from './cidFonts.ts';
import type { EmbeddedProgram } from './embedCidFont.ts';
import type { FontTables } from './fontTables.ts';
import { fontSource, rememberFonts, type FontSourceCache } from './lazyFont.ts';
import { nameResourcesByContent } from './resourceNames.ts';
import type { PageStreamCache } from './pageStreams.ts';
import { drawPage, type DrawEnv } from './drawPage.ts';
import { addOutline, sortDestinationsByBytes } from './outline.ts';
import { documentInfo, installMetadata } from './metadata.ts';
import { addOutputIntent, FOGRA39_INTENT, SRGB_INTENT } from './outputIntent.ts';
import { documentId } from './documentId.ts';
import { collectOutput } from './output.ts';
import { installObjectText } from './objectText.ts';
import { createItemJson } from './itemJson.ts';
import { createPartKeys } from './partKeys.ts';
import { planStructure } from './structure.ts';
import { currentPageRef, StructParents, writeStructTree } from './tagged.ts';
import { cmykResolver, type Cmyk } from './cmyk.ts';
import { installCmykPaint } from './paint.ts';
import { PRINT_SHEET, withBleed } from './printSheet.ts';
import { pdfMessages } from './messages.ts';
import { ReportError } from '../diag/errors.ts';
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
  /**
   * The charts, when they are still being drawn (cli/build.ts starts the PDF while the chart worker runs vega): the
   * pages before the first chart are drawn meanwhile, that page waits for them. Never changes the output.
   */
  readonly chartsLater?: Promise<ReadonlyMap<string, { readonly svg: string }>>;
  /** Default 'screen'. */
  readonly variant?: PdfVariant;
  /** print: the template's CMYK value of each colour (by "#rrggbb"). */
  readonly cmyk?: ReadonlyMap<string, Cmyk>;
  /**
   * Fonts of earlier documents by font bytes: parsed (the build context's `pdfFonts`) or their facts (`pdfFontFacts`,
   * lazyFont.ts), and their embedded streams by font bytes and glyphs (`pdfSubsets`, embedCidFont.ts); never changes
   * the output.
   */
  readonly fontCache?: FontSourceCache & { readonly encoded?: Map<string, EmbeddedProgram>; readonly used?: Set<string>; readonly tables?: Map<string, FontTables> };
  /**
   * The file's bytes of font `key` (a key of the document's `fonts`) when the build has read them already (the font
   * store's, for shaping), else undefined: the font is then not read a second time; never changes the output.
   */
  readonly fontBytes?: (key: string) => Uint8Array | undefined;
  /** ICC profiles compressed by earlier documents, by file (the build context's `pdfProfiles`); never changes the output. */
  readonly profiles?: Map<string, Uint8Array>;
  /** Page content streams of earlier builds (the build context's `pageStreams`); never changes the output. */
  readonly pageCache?: PageStreamCache;
  /** Called after each page is drawn (the CLI's "pages n/N" progress); never changes the output. */
  readonly onPage?: (done: number, total: number) => void;
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
    // no default font: pdfkit would parse its Helvetica metrics (AFM) for every document, and nothing here draws with
    // a standard font (every font is registered from the template's files below)
    font: null,
  } as unknown as PDFKit.PDFDocumentOptions);
  // every object written by our serialiser (the same text as pdfkit's, faster: objectText.ts); named destinations
  // in byte order, whatever the machine's locale (outline.ts)
  installObjectText(doc);
  sortDestinationsByBytes(doc);
  // Our XMP (escaped, with ModifyDate) instead of pdfkit's; pdfkit's `subset` option is not used, since it would
  // write its own unescaped XMP and an sRGB profile whose licence we cannot pass on.
  const claims = variant === 'pdfa' ? { pdfa: { part: 2, conformance: 'A' as const }, pdfua: 1 } : {};
  // the charts, once in (chartsLater): what drawing a chart item and a chart part's key read
  const o: { -readonly [K in keyof PdfOptions]: PdfOptions[K] } = { ...opts };
  const chartsIn = async () => {
    if (o.chartsLater) o.charts = await o.chartsLater;
    o.chartsLater = undefined;
  };
  // one content key per page part, for the ID and the page-stream cache (remembered by item identity in a session)
  const partKey = createPartKeys({ memo: opts.pageCache?.partKeys, trusted: opts.pageCache?.trustedParts, itemJson: createItemJson(opts.pageCache?.itemJson), chartSvg: (id) => o.charts?.get(id)?.svg });
  addOutputIntent(doc, variant === 'print' ? FOGRA39_INTENT : SRGB_INTENT, opts.profiles);
  // a face whose facts are known is opened by fontkit only if something needs its program (lazyFont.ts)
  for (const [key, file] of Object.entries(docData.fonts)) doc.registerFont(key, fontSource(key, file, opts.fontCache, opts.fontBytes?.(key)) as string);
  // Resource names and glyph codes that do not depend on which page draws something first (cidFonts.ts,
  // resourceNames.ts): a page's content stream is then a function of that page alone.
  const fc = opts.fontCache;
  const fonts = openFontsInOrder(doc, Object.keys(docData.fonts), opts.shape, fc?.encoded && { hashes: fc.hashes, encoded: fc.encoded, used: fc.used, tables: fc.tables });
  rememberFonts(fontsByKey(doc, Object.keys(docData.fonts)).map(([key, font]) => [key, font, isStableFont(font)] as const), opts.fontCache);
  nameResourcesByContent(doc);

  // the bytes as pdfkit writes them, collected without its stream (output.ts)
  const output = collectOutput(doc);

  const print = variant === 'print';
  const origin = print ? PRINT_SHEET.slug : 0;
  const env: DrawEnv = { fonts, partKey, opts: o, drawGlyphs: createGlyphWriter(doc, opts.shape, () => env.muted), print, images: new Map(), cmykImages: new Map(), at: undefined, origin, muted: false, stableCodes: [...fonts.values()].every(isStableFont), keptRuns: variant === 'print' ? undefined : opts.pageCache?.keptRuns, runScope: `${opts.pageCache?.scope}\u0000${variant}`, ...(!opts.pageCache && { drawings: new Map(), deflated: new Map() }) };
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
  const pageRefs: ReturnType<typeof currentPageRef>[] = [];
  for (const [i, page] of pages.entries()) {
    if (o.chartsLater && page.items.some((it) => it.kind === 'chart')) await chartsIn();
    drawPage(doc, page, { index: i, marks: plan.pages[i]!, parents }, env);
    opts.onPage?.(i + 1, pages.length);
    pageRefs.push(currentPageRef(doc));
  }
  // the file ID (a hash of every part, charts' SVGs included) is only written when the document ends: found now
  await chartsIn();
  installMetadata(doc, info, docData.meta.language, documentId(docData, variant, partKey), claims);
  // Figure boxes in each sheet's user space: y up from the media box's foot, the page placed at `origin`
  writeStructTree(doc, plan, parents, pageRefs, (i, [x0, y0, x1, y1]) => {
    const h = pages[i]!.heightPt + 2 * origin;
    return [x0! + origin, h - origin - y1!, x1! + origin, h - origin - y0!];
  });
  addOutline(doc, docData, origin);
  doc.end();
  return output;
}

/** A page as the print variant draws it: bleed added, link areas and link targets removed. */
function printPage(page: Page): Page {
  const keep = (it: FrameItem) => it.kind !== 'link' && it.kind !== 'goto';
  const all = withBleed(page, PRINT_SHEET.bleed);
  const items = all.filter(keep).map((it) => (it.kind === 'glyphs' && it.link ? { ...it, link: undefined } : it));
  // the furniture's counts without the removed items (pdf/drawPage.ts draws each part as a stream)
  const f = page.furniture;
  const furniture = f && { head: all.slice(0, f.head).filter(keep).length, foot: all.slice(all.length - f.foot).filter(keep).length };
  return { ...page, items, ...(furniture && { furniture }) };
}
