/**
 * Character codes that do not depend on drawing order: every embedded TrueType font is written with CID = the
 * font's own glyph id, and a /CIDToGIDMap stream maps each CID to the glyph's place in the subset. pdfkit numbers
 * subset glyphs in first-use order and draws those numbers, so a page's content stream would change whenever an
 * earlier page starts to use a new glyph; with CIDs equal to glyph ids, a page's stream depends only on that page
 * (what a page-stream cache needs). The subset itself is made when the font is embedded, from the glyphs drawn in
 * glyph id order, so the font program depends only on which glyphs were drawn (and a rebuild can reuse it). /W and the ToUnicode CMap are keyed by the same CIDs, so they cover exactly the
 * codes drawn. Fonts are opened in key order before any page, so their resource names (/F1 …) are fixed too.
 *
 * Written against pdfkit 0.20.2 (pinned) and fontkit's TTFSubset: uses EmbeddedFont's `id`, `font`, `subset`
 * (`includeGlyph`, `mapping`, `encode`, `cff`), `widths`, `unicode`, `scale`, `ascender`, `descender`, `document`,
 * `dictionary`, `layout` and replaces its `encode` (svg-to-pdfkit's text) and `embed` (written at doc.end()).
 * pdfkit's encode is also where svg-to-pdfkit shapes chart text: with a ShapeFn it is shaped by fonts/ (HarfBuzz,
 * cached in the build context) word by word as pdfkit's layout splits it, instead of by pdfkit's fontkit, whose
 * first layout per document parses the GSUB/GPOS tables again (≈ 40 % of drawing the bundled report's charts).
 * A CFF-flavoured font keeps pdfkit's own numbering: its CIDs cannot be remapped without rewriting the CFF
 * (isStableFont says which is which). The font dictionary written at doc.end() is embedCidFont.ts's.
 * test/pdf/cidFonts.test.ts reads widths, ToUnicode and the map back.
 */
import type { ShapedRun } from '../fonts/shaper.ts';
import { quietly, recorderOf } from './drawRecorder.ts';
import { embedWithCidMap, hex4, type EmbeddedProgram } from './embedCidFont.ts';
import type { FontTables } from './fontTables.ts';

/** The shaped run layout measured for a text (fonts/ caches it, so this is a lookup). */
export type ShapeFn = (text: string, font: string, features: readonly string[]) => ShapedRun;

/** What this module relies on in pdfkit's EmbeddedFont (pdfkit 0.20.2, js/pdfkit.js class EmbeddedFont). */
export interface EmbeddedFont {
  readonly id: string;
  ref(): unknown;
  readonly subset: Subset;
  readonly widths: (number | undefined)[];
  readonly unicode: (number[] | undefined)[];
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  readonly font: FontkitFont & { createSubset(): Subset };
  readonly document: DocRefs;
  readonly dictionary: PdfRef;
  layout(text: string, features?: unknown): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  embed(): void;
}

/** fontkit's Subset (TTFSubset): glyphs numbered in the order they are included, .notdef first. */
export interface Subset {
  includeGlyph(id: number): number;
  readonly mapping: Record<number, number>;
  encode(): Uint8Array;
  readonly cff?: unknown;
}

/** The parts of fontkit's font the font dictionary is written from (as pdfkit's own embed reads them). */
export interface FontkitFont {
  readonly postscriptName?: string;
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  readonly italicAngle: number;
  readonly capHeight: number;
  readonly ascent: number;
  readonly xHeight: number;
  readonly head: { macStyle: { italic: boolean } };
  readonly post: { isFixedPitch: boolean };
  readonly 'OS/2'?: { sFamilyClass?: number };
}

export interface PdfRef {
  data: Record<string, unknown>;
  compress?: boolean;
  end(chunk?: Uint8Array | string): void;
}
export interface DocRefs {
  ref(data?: Record<string, unknown>): PdfRef;
}

export { hex4 };

/** Marks fonts whose encode/embed this module has replaced. */
const STABLE = Symbol('reportpress.cidFont');

/**
 * A stable font's registered glyph ids as one byte each (1: width and text set): `widths` holds glyph ids up to the
 * thousands with gaps, which V8 stores as a dictionary, and a rebuild's cached parts ask whether a glyph is
 * registered ≈ 36,000 times in a 10× report (partReplay.ts), ≈ 80 ns each as a dictionary lookup. Sized to the
 * largest glyph id registered and grown by doubling, not 64 KiB per font up front: every build opens every face
 * again, and those zeroed buffers were ≈ 0.4 ms of a one-paragraph watch rebuild. A glyph id beyond the array is
 * answered by `widths` itself, so the size never changes an answer.
 */
const REGISTERED = Symbol('reportpress.registeredGlyphs');
type WithRegistered = { [REGISTERED]?: Uint8Array };

/** The smallest array made: the ids of a Latin text face's common glyphs mostly fit. */
const MIN_REGISTERED = 1024;

/** Marks `gid` in the font's array, growing it (a power of two, at most 64 Ki ids) when the id lies beyond it. */
function markRegistered(font: WithRegistered, gid: number): void {
  let r = font[REGISTERED]!;
  if (gid >= r.length) {
    let n = r.length;
    while (n <= gid) n *= 2;
    const grown = new Uint8Array(Math.min(n, 0x10000));
    grown.set(r);
    font[REGISTERED] = r = grown;
  }
  r[gid] = 1;
}

/** Whether a glyph of a stable font already has its width and text (a glyph's first registration decides them). */
export function isRegisteredGlyph(font: EmbeddedFont, gid: number): boolean {
  const registered = (font as WithRegistered)[REGISTERED];
  return registered !== undefined && (registered[gid] === 1 || font.widths[gid] !== undefined);
}

/** pdfkit's current font as the internals this module needs, or an internal error if pdfkit changed shape. */
export function currentFont(doc: PDFKit.PDFDocument): EmbeddedFont {
  const f = (doc as unknown as { _font: Partial<EmbeddedFont> | undefined })._font;
  if (!f || typeof f.id !== 'string' || typeof f.ref !== 'function' || typeof f.subset?.includeGlyph !== 'function' || !Array.isArray(f.widths) || !Array.isArray(f.unicode)) {
    throw new Error('pdfkit font internals changed: pdf/cidFonts.ts is written against pdfkit 0.20.2');
  }
  return f as EmbeddedFont;
}

/** Whether the font's codes are its glyph ids (TrueType outlines), so they never depend on drawing order. */
export function isStableFont(font: EmbeddedFont): boolean {
  return STABLE in font;
}

/**
 * Embedded font streams of earlier documents, by font bytes and the subset's glyphs in order (the build context's
 * `pdfSubsets`): fontkit's encoder and zlib take most of embedding a font, and a rebuild mostly draws the same glyphs.
 */
export interface SubsetCache {
  readonly hashes: Readonly<Record<string, string>>;
  readonly encoded: Map<string, EmbeddedProgram>;
  /** Collects the keys of the subsets embedded (what a disk pack saves: util/diskCache.ts). */
  readonly used?: Set<string>;
  /** A kept session's last /W array and ToUnicode CMap per face (fontTables.ts; build context `pdfFontTables`). */
  readonly tables?: Map<string, FontTables>;
}

/**
 * Opens every registered font in key order (so resource names do not depend on which page uses a font first) and
 * switches each TrueType font to CID = glyph id. Fonts are embedded only if a page uses them (pdfkit embeds a font
 * once something took its reference). Returns the fonts by resource name.
 */
export function openFontsInOrder(doc: PDFKit.PDFDocument, keys: readonly string[], shape?: ShapeFn, subsets?: SubsetCache): Map<string, EmbeddedFont> {
  const byId = new Map<string, EmbeddedFont>();
  for (const key of [...keys].sort()) {
    doc.font(key);
    const font = currentFont(doc);
    byId.set(font.id, font);
    if (STABLE in font || font.subset.cff != null) continue;
    Object.defineProperty(font, STABLE, { value: true });
    // the ones pdfkit registered itself (.notdef) are marked too
    Object.defineProperty(font, REGISTERED, { value: new Uint8Array(MIN_REGISTERED), writable: true });
    for (const k of Object.keys(font.widths)) if (font.widths[+k] != null && font.unicode[+k] != null) markRegistered(font as WithRegistered, +k);
    // A font's first reference allocates its dictionary: reported to a drawing's recorder (drawRecorder.ts).
    const ref = font.ref.bind(font);
    font.ref = () => {
      const r = recorderOf(doc);
      r?.events.push(['font', font.id]);
      return quietly(r, ref);
    };
    font.encode = (text, features) => (shape && features === undefined ? encodeShaped(font, text, (t) => shape(t, key, [])) : encodeByGlyphId(font, text, features));
    const hash = subsets?.hashes[key];
    font.embed = () => embedWithCidMap(font, hash, subsets);
  }
  return byId;
}

/** The opened fonts by registered key (after openFontsInOrder; pdfkit keeps them by key). */
export function fontsByKey(doc: PDFKit.PDFDocument, keys: readonly string[]): [string, EmbeddedFont][] {
  const families = (doc as unknown as { _fontFamilies: Record<string, EmbeddedFont | undefined> })._fontFamilies;
  return keys.flatMap((k) => (families[k] ? [[k, families[k]] as [string, EmbeddedFont]] : []));
}

/** Code points of text.slice(start, end) (the characters a glyph or ligature stands for). */
function codePoints(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (const ch of text.slice(start, end)) out.push(ch.codePointAt(0)!);
  return out;
}

/** The text a glyph stands for: its cluster's characters for the cluster's first glyph (ligatures: all of them). */
export function clusterText(text: string, run: ShapedRun, i: number): number[] {
  const start = run.clusters[i]!;
  let j = i + 1;
  while (j < run.ids.length && run.clusters[j] === start) j++;
  const end = j < run.ids.length ? run.clusters[j]! : text.length;
  // A glyph that is not its cluster's first (rare in these scripts) still needs an entry: the cluster's text.
  return codePoints(text, start, Math.max(end, start + 1));
}

/** pdfkit's layout pieces: each word with the space or tab after it, shaped on its own (no kerning across). */
function pdfkitWords(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' || text[i] === '\t') {
      out.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** pdfkit's encode with glyphs and positions (thousandths of an em) from a ShapeFn, codes = glyph ids. */
function encodeShaped(font: EmbeddedFont, text: string, shape: (text: string) => ShapedRun): [string[], unknown[]] {
  const codes: string[] = [];
  const positions: unknown[] = [];
  for (const word of pdfkitWords(text)) {
    const run = shape(word);
    const k = 1000 / run.unitsPerEm;
    for (let i = 0; i < run.ids.length; i++) {
      codes.push(hex4(includeGlyph(font, run.ids[i]!, run.widths[i]! * k, clusterText(word, run, i))));
      const dx = run.offsets ? run.offsets[2 * i]! * k : 0;
      const dy = run.offsets ? run.offsets[2 * i + 1]! * k : 0;
      positions.push({ xAdvance: run.advances[i]! * k, yAdvance: 0, xOffset: dx, yOffset: dy, advanceWidth: run.widths[i]! * k });
    }
  }
  return [codes, positions];
}

/**
 * Registers a drawn glyph (width in thousandths of an em, the text it stands for) and returns its code. The first
 * registration of a glyph decides its width and text, as in pdfkit.
 */
export function includeGlyph(font: EmbeddedFont, gid: number, width: number, text: number[]): number {
  recorderOf(font.document)?.events.push(['glyph', font.id, gid, width, text]);
  // A TrueType font's subset is made at embedding, from the glyphs drawn (embedWithCidMap); others number now.
  const cid = STABLE in font ? gid : font.subset.includeGlyph(gid);
  font.widths[cid] ??= width;
  font.unicode[cid] ??= text;
  if ((font as WithRegistered)[REGISTERED] && font.widths[cid] != null && font.unicode[cid] != null) markRegistered(font as WithRegistered, cid);
  return cid;
}

/** pdfkit's encode (used by svg-to-pdfkit for chart text) with glyph ids as codes. */
function encodeByGlyphId(font: EmbeddedFont, text: string, features?: unknown): [string[], unknown[]] {
  const { glyphs, positions } = font.layout(text, features);
  const codes: string[] = new Array(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    codes[i] = hex4(includeGlyph(font, g.id, g.advanceWidth * font.scale, g.codePoints));
  }
  return [codes, positions];
}
