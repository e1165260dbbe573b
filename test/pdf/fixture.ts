/** A small hand-made PagedDocument for the pdf stage's variant tests: text, a link, boxes, an SVG. */
import { join } from 'node:path';
import type { FrameItem, Page, PagedDocument } from '../../src/model/types.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { writePdf, type PdfOptions, type PdfVariant } from '../../src/pdf/writePdf.ts';
import type { Cmyk } from '../../src/pdf/cmyk.ts';
import type { CachedPage } from '../../src/pdf/pageStreams.ts';
import { printRasters } from '../../src/images/printRaster.ts';
import { PRINT_SHEET } from '../../src/pdf/printSheet.ts';

/** Hand-picked CMYK values for the fixture's colours (print variant). */
export const FIXTURE_CMYK = new Map<string, Cmyk>([
  ['#154273', [100, 70, 0, 40]],
  ['#1b1b1b', [0, 0, 0, 90]],
  ['#9fb3c8', [35, 18, 5, 8]],
  ['#dce6f0', [14, 6, 0, 3]],
  ['#ffffff', [0, 0, 0, 0]],
]);

export const W = 595.28;
export const H = 841.89;

/** One A4 page of items (text area: the usual margins). */
export function page(items: FrameItem[], number: number | null = 1): Page {
  return { widthPt: W, heightPt: H, number, master: 'body', textArea: { x: 62, y: 78, width: 485, height: 694 }, items };
}

export function glyphs(text: string, x: number, y: number, extra: Partial<Extract<FrameItem, { kind: 'glyphs' }>> = {}): FrameItem {
  return { kind: 'glyphs', x, y, text, font: 'serif', sizePt: 10, color: '#1b1b1b', features: [], wordSpacingPt: 0, widthPt: 50, ...extra };
}

export function doc(pages: Page[], meta: Partial<PagedDocument['meta']> = {}): PagedDocument {
  return {
    pages,
    outline: [],
    meta: { title: 'Verslag', author: 'Dienst', subject: 'Over het jaar', keywords: ['a', 'b'], language: 'nl-NL', date: '2021-04-30', ...meta },
    fonts: { serif: join(FONTS_DIR, 'SourceSerif4_400Regular.ttf'), sans: join(FONTS_DIR, 'SourceSans3_400Regular.ttf') },
  };
}

/** A page with text, a web link over it, a full-bleed background and a small SVG with text. */
export function samplePage(): Page {
  return page([
    { kind: 'rect', x: 0, y: 0, width: W, height: 120, fill: '#154273' },
    glyphs('Hallo wereld', 62, 200),
    glyphs('ind.nl', 62, 220, { link: 'https://ind.nl/' }),
    { kind: 'link', x: 62, y: 240, width: 100, height: 12, url: 'https://example.org/?a=1&b=2' },
    { kind: 'rule', x1: 62, y1: 300, x2: 300, y2: 300, color: '#9fb3c8', widthPt: 0.5 },
    {
      kind: 'svg', x: 62, y: 320, width: 120, height: 60, alt: 'Een vlak',
      svg: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#dce6f0"/><text x="4" y="30" font-family="Source Sans 3" fill="#154273">Vlak</text></svg>',
    },
  ]);
}

const FONT_FILES = { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' };
let fonts: ReturnType<typeof createFontStore> | undefined;

/** Writes the document as `variant` with the template-free defaults tests need. */
export async function write(d: PagedDocument, variant: PdfVariant, cmyk: ReadonlyMap<string, Cmyk> = FIXTURE_CMYK, extra: Partial<PdfOptions> = {}): Promise<Uint8Array> {
  const store = (fonts ??= createFontStore(FONTS_DIR, FONT_FILES));
  // print: raster images separated into CMYK first, as cli/build.ts does
  const placed = variant === 'print' ? await printRasters(d, PRINT_SHEET.bleed, new Map()) : d;
  return writePdf(placed, { svgFontKey: () => 'sans', shape: (t, k, f) => store.shape!(t, k, f), variant, cmyk, ...extra });
}

/** Writes `pages` as `variant`, with the page stream cache `entries` under `scope` when given (no print rasters). */
export function writePages(pages: Page[], variant: PdfVariant, scope: string, entries?: Map<string, CachedPage>): Promise<Uint8Array> {
  const store = (fonts ??= createFontStore(FONTS_DIR, FONT_FILES));
  return writePdf(doc(pages), {
    svgFontKey: () => 'sans',
    shape: (t, k, f) => store.shape!(t, k, f),
    variant,
    cmyk: FIXTURE_CMYK,
    ...(entries && { pageCache: { entries, scope } }),
  });
}
