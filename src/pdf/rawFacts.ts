/**
 * A TrueType face's facts (lazyFont.ts FontFacts) read from the file's bytes, for a build that has none cached (a
 * first build, or caches off): pdfkit then gets a lazy font as a next build does, and fontkit is neither evaluated
 * nor parses the eight faces' tables (≈ 30–40 ms of a cold build's main thread), since font subsets are made from
 * the same bytes (ttfSubset.ts) and chart text is shaped by fonts/. The values are what fontkit 2.0.4 (pinned)
 * decodes: test/pdf/rawFacts.test.ts compares them with factsOf(fontkit's font) for every bundled face. Anything
 * unusual (a collection, CFF outlines, an old OS/2 table, a PostScript name fontkit would look up another way)
 * gives undefined, and the file is opened by fontkit as before.
 */
import type { FontFacts } from './lazyFont.ts';
import type { RawTrueType } from './ttfSubset.ts';

type Tables = Record<string, { readonly offset: number; readonly length: number } | undefined>;

/** The table directory of a single TrueType font file (what fontkit's `directory.tables` holds), or undefined. */
export function rawTrueType(bytes: Uint8Array): RawTrueType | undefined {
  if (bytes.length < 12) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(0);
  // TrueType outlines: 1.0 or 'true' ('OTTO' is CFF, 'ttcf' a collection)
  if (version !== 0x00010000 && version !== 0x74727565) return undefined;
  const n = dv.getUint16(4);
  if (12 + 16 * n > bytes.length) return undefined;
  const tables: Tables = {};
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = dv.getUint32(at + 8);
    const length = dv.getUint32(at + 12);
    if (offset + length > bytes.length) return undefined;
    tables[tag] = { offset, length };
  }
  return { stream: { buffer: bytes }, directory: { tables } };
}

/** nameID 6's text as fontkit's getName('postscriptName') gives it, from the records it reads as English. */
function postscriptName(bytes: Uint8Array, dv: DataView, name: { offset: number; length: number }): string | undefined {
  const count = dv.getUint16(name.offset + 2);
  const strings = name.offset + dv.getUint16(name.offset + 4);
  let found: string | undefined;
  for (let i = 0; i < count; i++) {
    const r = name.offset + 6 + 12 * i;
    if (dv.getUint16(r + 6) !== 6) continue;
    const [platform, encoding, language, length] = [dv.getUint16(r), dv.getUint16(r + 2), dv.getUint16(r + 4), dv.getUint16(r + 8)];
    const at = strings + dv.getUint16(r + 10);
    if (at + length > bytes.length) return undefined;
    let s = '';
    if (platform === 3 && language === 0x409 && (encoding === 1 || encoding === 10) && length % 2 === 0) {
      // UTF-16BE without surrogates (fontkit's decoder would join or replace them)
      for (let j = 0; j < length; j += 2) s += String.fromCharCode(dv.getUint16(at + j));
      if (/[\ud800-\udfff]/.test(s)) return undefined;
    } else if (platform === 1 && language === 0 && encoding === 0) {
      // Mac Roman, ASCII only (where it and Latin-1 agree)
      for (let j = 0; j < length; j++) s += String.fromCharCode(bytes[at + j]!);
      if (/[^\x00-\x7f]/.test(s)) return undefined;
    } else return undefined; // a record fontkit files under another language (or decodes otherwise)
    found = s; // fontkit keeps the last English record
  }
  return found;
}

/** The facts of a TrueType face from its bytes, as factsOf reads them from fontkit's font; undefined: ask fontkit. */
export function factsFromBytes(raw: RawTrueType): FontFacts | undefined {
  const bytes = raw.stream?.buffer;
  const t = raw.directory?.tables;
  if (!bytes || !t) return undefined;
  const { head, hhea, hmtx, post, name, glyf, loca } = t;
  const os2 = t['OS/2'];
  if (!head || !hhea || !hmtx || !post || !name || !glyf || !loca || head.length < 54 || hhea.length < 36 || hmtx.length < 4 || post.length < 16 || name.length < 6) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const os2Version = os2 && os2.length >= 90 ? dv.getUint16(os2.offset) : undefined;
  // OS/2 before version 2 has no xHeight/capHeight (fontkit gives undefined); present but short: fontkit's own
  if (os2 && (os2Version === undefined || os2Version < 2)) return undefined;
  const ps = postscriptName(bytes, dv, name);
  if (ps === undefined) return undefined;
  const h = head.offset;
  const ascent = dv.getInt16(hhea.offset + 4);
  return {
    postscriptName: ps,
    unitsPerEm: dv.getUint16(h + 18),
    ascent,
    descent: dv.getInt16(hhea.offset + 6),
    lineGap: dv.getInt16(hhea.offset + 8),
    xHeight: os2 ? dv.getInt16(os2.offset + 86) : 0,
    capHeight: os2 ? dv.getInt16(os2.offset + 88) : ascent,
    bbox: { minX: dv.getInt16(h + 36), minY: dv.getInt16(h + 38), maxX: dv.getInt16(h + 40), maxY: dv.getInt16(h + 42) },
    // post's header as postHeader.ts reads it
    italicAngle: dv.getInt32(post.offset + 4) / 65536,
    isFixedPitch: dv.getUint32(post.offset + 12) !== 0,
    macItalic: (dv.getUint16(h + 44) & 2) !== 0,
    ...(os2 && { sFamilyClass: dv.getInt16(os2.offset + 30) }),
    notdefAdvance: dv.getUint16(hmtx.offset),
  };
}
