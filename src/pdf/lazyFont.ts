/**
 * A font handed to pdfkit that opens fontkit only when something needs the font program. A next build whose pages
 * and font subsets all come from the cache needs of each face only what its font dictionary says (name, metrics,
 * descriptor flags), yet pdfkit's EmbeddedFont would parse the file with fontkit on open (≈ 28 ms for the bundled
 * report's eight faces in a new process, most of it fontkit decoding tables for the first time). These facts are
 * kept by font bytes (build context / disk pack `pdfFontFacts`), read from the real font the first time; anything
 * else pdfkit, svg-to-pdfkit or embedCidFont.ts asks of the font (shaping chart text, making a subset on a cache
 * miss) opens the real font then, so the output is the same bytes either way (test/pdf/lazyFont.test.ts).
 *
 * Written against pdfkit 0.20.2's PDFFontFactory.open (a source with a `layout` function is taken as a fontkit font)
 * and EmbeddedFont's constructor (createSubset, getGlyph(0), postscriptName, unitsPerEm, ascent, descent, xHeight,
 * capHeight, lineGap, bbox).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontkitFont } from './cidFonts.ts';
import { postHeader } from './postHeader.ts';
import { factsFromBytes, rawTrueType } from './rawFacts.ts';
import type { RawTrueType } from './ttfSubset.ts';

/** What a font dictionary and pdfkit's EmbeddedFont read of a TrueType face, as plain data. */
export interface FontFacts {
  readonly postscriptName?: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly xHeight: number;
  readonly capHeight: number;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  /** As postHeader reads them from the raw `post` table (embedCidFont.ts's descriptor). */
  readonly italicAngle: number;
  readonly isFixedPitch: boolean;
  readonly macItalic: boolean;
  readonly sFamilyClass?: number;
  /** Advance of glyph 0 (.notdef), pdfkit's first /W entry. */
  readonly notdefAdvance: number;
}

/** fontkit's font as far as the facts are read from it. */
type RealFont = FontkitFont & {
  readonly unitsPerEm: number;
  readonly descent: number;
  readonly lineGap: number;
  getGlyph(id: number): { advanceWidth: number };
  createSubset(): { cff?: unknown };
};

/** The facts of an opened fontkit font (TrueType outlines: a CFF face is never made lazy). */
export function factsOf(font: object): FontFacts {
  const f = font as RealFont;
  const post = postHeader(f);
  const b = f.bbox;
  return {
    ...(f.postscriptName !== undefined && { postscriptName: f.postscriptName }),
    unitsPerEm: f.unitsPerEm,
    ascent: f.ascent,
    descent: f.descent,
    lineGap: f.lineGap,
    xHeight: f.xHeight,
    capHeight: f.capHeight,
    bbox: { minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY },
    italicAngle: post.italicAngle,
    isFixedPitch: post.isFixedPitch,
    macItalic: !!f.head.macStyle.italic,
    ...(f['OS/2']?.sFamilyClass !== undefined && { sFamilyClass: f['OS/2'].sFamilyClass }),
    notdefAdvance: f.getGlyph(0).advanceWidth,
  };
}

/** A proxy handler: what the target lacks is read from `real()`, its methods called with it as `this`. */
function forward<T extends object>(real: () => T): ProxyHandler<object> {
  return {
    get(target, prop) {
      if (prop in target) return (target as Record<PropertyKey, unknown>)[prop];
      const r = real();
      const v = (r as Record<PropertyKey, unknown>)[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(r) : v;
    },
    has: (target, prop) => prop in target || prop in real(),
  };
}

/**
 * A stand-in for fontkit's font of a TrueType face: the facts answer what opening and embedding read; every other
 * property (layout, glyphs, tables, a subset's glyphs) comes from `open()`, called at most once. With the file's
 * bytes and table directory (`raw`), postHeader and the subset (ttfSubset.ts) read those, as from fontkit's font.
 */
export function lazyFont(facts: FontFacts, open: () => object, raw?: RawTrueType): object {
  let real: object | undefined;
  const font = () => (real ??= open());
  const base = {
    postscriptName: facts.postscriptName,
    unitsPerEm: facts.unitsPerEm,
    ascent: facts.ascent,
    descent: facts.descent,
    lineGap: facts.lineGap,
    xHeight: facts.xHeight,
    capHeight: facts.capHeight,
    bbox: facts.bbox,
    // postHeader finds no raw table here (no stream, no directory: without them it would open the real font) and
    // takes these, as it read them from the raw table of the real font
    stream: raw?.stream,
    directory: raw?.directory,
    // fontkit's font of a file has none (no variation chosen): ttfSubset.ts asks
    _variationProcessor: undefined,
    italicAngle: facts.italicAngle,
    post: { isFixedPitch: facts.isFixedPitch },
    head: { macStyle: { italic: facts.macItalic } },
    'OS/2': { sFamilyClass: facts.sFamilyClass },
    getGlyph: (id: number) => (id === 0 ? { advanceWidth: facts.notdefAdvance } : (font() as RealFont).getGlyph(id)),
    // pdfkit makes a subset on open; ours is made at embedding, and only on a cache miss (embedCidFont.ts)
    createSubset: () => {
      type RealSubset = { includeGlyph(id: number): number; encode(): Uint8Array };
      let subset: RealSubset | undefined;
      const real = () => (subset ??= (font() as RealFont).createSubset() as unknown as RealSubset);
      // pdfkit's font checks (cidFonts.ts currentFont) see the methods without the font being opened
      return new Proxy({ cff: undefined, includeGlyph: (id: number) => real().includeGlyph(id), encode: () => real().encode() }, forward(real));
    },
    // PDFFontFactory.open takes a source with a layout function as a fontkit font
    layout: (...args: unknown[]) => (font() as { layout(...a: unknown[]): unknown }).layout(...args),
  };
  return new Proxy(base, forward(font));
}

/** Fonts of earlier documents by font bytes: opened ones in the session, facts also on disk (build context). */
export interface FontSourceCache {
  readonly hashes: Readonly<Record<string, string>>;
  /** pdfkit takes a parsed font as a source, so a rebuild does not parse the same tables again. */
  readonly parsed: Map<string, object>;
  readonly facts?: Map<string, FontFacts>;
  /** Collects the hashes whose facts this document used or made (what a disk pack saves). */
  readonly usedFacts?: Set<string>;
}

/**
 * What to register for a font key: the session's parsed font, a lazy one from known facts or from the facts read
 * from the file's bytes (rawFacts.ts: a first build; `given`: the bytes the font store read for shaping, so the
 * file is not read twice), or the file.
 */
export function fontSource(key: string, file: string, cache: FontSourceCache | undefined, given?: Uint8Array): string | object {
  const hash = cache?.hashes[key];
  const parsed = hash ? cache!.parsed.get(hash) : undefined;
  if (parsed) return parsed;
  const facts = hash ? cache!.facts?.get(hash) : undefined;
  // rememberFonts marks the facts used once the document has opened the font
  if (facts) return lazyFont(facts, () => openFontFile(file));
  let bytes: Buffer;
  try {
    // a view of the same memory, not a copy (fontkit reads a Buffer)
    bytes = given ? (Buffer.isBuffer(given) ? given : Buffer.from(given.buffer, given.byteOffset, given.byteLength)) : readFileSync(file);
  } catch {
    return file; // pdfkit reports it as before
  }
  const raw = rawTrueType(bytes);
  const read = raw && factsFromBytes(raw);
  return read ? lazyFont(read, () => openFontFile(file, bytes), raw) : file;
}

/** Keeps the opened fonts (by bytes hash) and the facts of the TrueType ones the cache did not know. */
export function rememberFonts(opened: readonly (readonly [string, { readonly font: object }, boolean])[], cache: FontSourceCache | undefined): void {
  if (!cache) return;
  for (const [key, f, trueType] of opened) {
    const hash = cache.hashes[key];
    if (!hash) continue;
    cache.parsed.set(hash, f.font);
    if (!trueType || !cache.facts) continue;
    cache.usedFacts?.add(hash);
    if (!cache.facts.has(hash)) cache.facts.set(hash, factsOf(f.font));
  }
}

/**
 * fontkit's font of a file, as pdfkit opens it: the same fontkit module as pdfkit's (the CLI bundle's compile step
 * points this require at it, so it is bundled and evaluated on first use).
 */
function openFontFile(file: string, bytes?: Buffer): object {
  const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
  return fontkit.create(bytes ?? readFileSync(file)) as object;
}
