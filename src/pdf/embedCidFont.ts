/**
 * The font dictionary of a TrueType font whose CIDs are its glyph ids (cidFonts.ts switches fonts to that): written
 * in place of pdfkit's EmbeddedFont.embed at doc.end(), as pdfkit writes its own (descriptor, /W, ToUnicode CMap,
 * compressed font program), plus a /CIDToGIDMap stream from each CID to the glyph's place in the subset. The
 * subset is made from the glyphs drawn in glyph id order, so the font program depends only on which glyphs were
 * drawn, and its streams (program, map, CMap: EmbeddedProgram) are reused from the build context's cache. Written against pdfkit 0.20.2 (pinned); the
 * pdfkit shapes it relies on are declared in cidFonts.ts. test/pdf/cidFonts.test.ts reads it all back.
 */
import { deflateSync } from 'node:zlib';
import type { EmbeddedFont, FontkitFont, PdfRef, SubsetCache } from './cidFonts.ts';
import { fontTables } from './fontTables.ts';
import { postHeader } from './postHeader.ts';
import { subsetTrueType, type RawTrueType } from './ttfSubset.ts';

/** Codes as pdfkit writes them (fontTables.ts). */
export { hex4 } from './fontTables.ts';

/** Most subsets kept: a few versions of each face. */
const MAX_SUBSETS = 64;

/**
 * The CIDs drawn in the font, ascending (CID 0, .notdef, is always there, as pdfkit's subset includes it). The
 * widths array is sparse (glyph ids up to the thousands): its own keys, which integer keys list in ascending order,
 * rather than a walk over every hole.
 */
function usedCids(font: EmbeddedFont): number[] {
  const out: number[] = [];
  for (const k of Object.keys(font.widths)) if (font.widths[+k] !== undefined) out.push(+k);
  return out;
}

/** The /CIDToGIDMap stream: two bytes per CID up to the largest, the glyph's index in the subset (0: none). */
function cidToGidMap(mapping: Readonly<Record<number, number>>, cids: readonly number[]): Uint8Array {
  const max = cids[cids.length - 1] ?? 0;
  const out = new Uint8Array(2 * (max + 1));
  for (const cid of cids) {
    const gid = mapping[cid] ?? 0;
    out[2 * cid] = gid >> 8;
    out[2 * cid + 1] = gid & 0xff;
  }
  return out;
}

/** pdfkit's font descriptor flags (EmbeddedFont.embed): fixed pitch, serif, symbolic, script, italic. */
function descriptorFlags(f: FontkitFont): number {
  const familyClass = (f['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2;
  if (postHeader(f).isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (f.head.macStyle.italic) flags |= 1 << 6;
  return flags;
}

/**
 * A font's streams as embedded, each compressed as pdfkit compresses a stream (zlib.deflateSync, default options):
 * the subset's program, the CIDToGIDMap and the ToUnicode CMap (with a hash of its text, which also depends on the
 * text each glyph was first drawn for). Cached by font bytes and the CIDs drawn (build context `pdfSubsets`).
 */
export interface EmbeddedProgram {
  readonly program: Uint8Array;
  readonly map: Uint8Array;
  readonly cmapHash: string;
  readonly cmap: Uint8Array;
}

/** A CMap as pdfkit writes a text chunk to a stream (PDFReference.write: Latin-1 and a newline), compressed. */
const deflateText = (text: string) => new Uint8Array(deflateSync(Buffer.from(`${text}\n`, 'latin1')));

/**
 * The embedded streams of the glyphs drawn: the subset is made in glyph id order (so its program depends only on
 * which glyphs were drawn, never on the order pages drew them). From the cache when the same glyphs of the same
 * bytes were embedded before: then no subset is made and nothing is compressed (only a changed CMap is).
 */
function embeddedProgram(font: EmbeddedFont, cids: readonly number[], cmapText: string, cmapHash: string, hash?: string, cache?: SubsetCache): EmbeddedProgram {
  const make = (): EmbeddedProgram => {
    // fontkit's subset bytes, from the font's bytes (ttfSubset.ts); fontkit's own where that cannot be
    let subset: { bytes: Uint8Array; mapping: Readonly<Record<number, number>> } | undefined = subsetTrueType(font.font as unknown as RawTrueType, cids);
    if (!subset) {
      const s = font.font.createSubset();
      for (const cid of cids) s.includeGlyph(cid);
      subset = { bytes: s.encode(), mapping: s.mapping };
    }
    return { program: new Uint8Array(deflateSync(subset.bytes)), map: new Uint8Array(deflateSync(cidToGidMap(subset.mapping, cids))), cmapHash, cmap: deflateText(cmapText) };
  };
  const programs = cache?.encoded;
  if (hash === undefined || !programs) return make();
  const key = `${hash}:${cids.join(',')}`;
  cache!.used?.add(key);
  let e = programs.get(key);
  if (e) programs.delete(key);
  if (!e) e = make();
  else if (e.cmapHash !== cmapHash) e = { ...e, cmapHash, cmap: deflateText(cmapText) };
  programs.set(key, e); // most recently used last
  while (programs.size > MAX_SUBSETS) programs.delete(programs.keys().next().value as string);
  return e;
}

/** Writes an already compressed stream into `ref` as pdfkit writes a compressed one: /Length, then /Filter. */
function endCompressed(ref: PdfRef, bytes: Uint8Array): void {
  ref.compress = false;
  ref.data.Length = bytes.length;
  ref.data.Filter = 'FlateDecode';
  ref.end(bytes);
}

/** pdfkit's EmbeddedFont.embed for a TrueType font, with CIDs = glyph ids and a CIDToGIDMap stream. */
export function embedWithCidMap(font: EmbeddedFont, hash?: string, cache?: SubsetCache): void {
  const doc = font.document;
  const f = font.font;
  const cids = usedCids(font);
  const tables = fontTables(font, cids, cache?.tables, hash === undefined ? undefined : `${hash}:${font.id}`);
  const streams = embeddedProgram(font, cids, tables.cmapText, tables.cmapHash, hash, cache);
  const fontFile = doc.ref();
  endCompressed(fontFile, streams.program);
  // The subset tag as pdfkit makes it: six letters from the font's resource name.
  const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((font.id.charCodeAt(i) || 73) + 17)).join('');
  const name = `${tag}+${f.postscriptName?.replaceAll(' ', '_')}`;
  const s = font.scale;
  const descriptor = doc.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: descriptorFlags(f),
    FontBBox: [f.bbox.minX * s, f.bbox.minY * s, f.bbox.maxX * s, f.bbox.maxY * s],
    ItalicAngle: postHeader(f).italicAngle,
    Ascent: font.ascender,
    Descent: font.descender,
    CapHeight: (f.capHeight || f.ascent) * s,
    XHeight: (f.xHeight || 0) * s,
    StemV: 0,
    FontFile2: fontFile,
  });
  descriptor.end();
  const map = doc.ref();
  endCompressed(map, streams.map);
  const descendant = doc.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: tables.w,
    CIDToGIDMap: map,
  });
  descendant.end();
  const cmap = doc.ref();
  endCompressed(cmap, streams.cmap);
  font.dictionary.data = { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: cmap };
  font.dictionary.end();
}
