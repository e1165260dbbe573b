/**
 * A TrueType subset with exactly the bytes of fontkit's TTFSubset (fontkit 2.0.4, pinned): read straight from the
 * font file's bytes. fontkit's subset decodes every glyph's outline twice (once to find components, once for the
 * vertical metrics its advance width getter also computes) and deep-clones three tables, ≈ 150 ms for the bundled
 * report's eight faces in a first build; here a glyph is a slice of `glyf` and an `hmtx` entry.
 *
 * What fontkit writes, mirrored here: the tables head, hhea, loca, maxp, cvt , prep, glyf, hmtx, fpgm (those the
 * font has), in that order, without padding, behind a directory whose tag is "true" and whose checksums are 0;
 * head, hhea and maxp re-encoded from their decoded fields (head's macStyle keeps the 7 named bits, hhea's reserved
 * words are 0); glyphs numbered in the order they are included (.notdef, then the given ids, then components as
 * composites reach them), each composite's component ids rewritten. Returns undefined where the font is not what
 * this assumes (variation instance, short tables, odd `cvt `): the caller then uses fontkit's own subset.
 * test/pdf/ttfSubset.test.ts compares the bytes with fontkit's for every bundled face.
 */

/** fontkit's TTFFont as far as its raw bytes and table directory go (the same internals postHeader.ts reads). */
export interface RawTrueType {
  readonly stream?: { readonly buffer?: Uint8Array };
  readonly directory?: { readonly tables?: Record<string, { readonly offset: number; readonly length: number } | undefined> };
  readonly _variationProcessor?: unknown;
}

/** The subset: the font program and each original glyph id's place in it. */
export interface TrueTypeSubset {
  readonly bytes: Uint8Array;
  readonly mapping: Record<number, number>;
}

type Table = { readonly offset: number; readonly length: number };

/** Composite glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Positions (from the glyph's start) of a composite glyph's component glyph ids. */
function componentPositions(dv: DataView, start: number): number[] {
  const out: number[] = [];
  let p = start + 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = dv.getUint16(p);
    out.push(p + 2 - start);
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
  }
  return out;
}

/** The subset of `gids` (after .notdef, in this order), or undefined when fontkit's own must be used. */
export function subsetTrueType(font: RawTrueType, gids: readonly number[]): TrueTypeSubset | undefined {
  const buf = font.stream?.buffer;
  const t = font.directory?.tables;
  if (!buf || !t || font._variationProcessor) return undefined;
  const { head, hhea, maxp, loca, glyf, hmtx } = t;
  if (!head || !hhea || !maxp || !loca || !glyf || !hmtx || head.length < 54 || hhea.length < 36 || maxp.length < 32) return undefined;
  const cvt = t['cvt '];
  if (cvt && cvt.length % 2) return undefined;
  for (const tb of [head, hhea, maxp, loca, glyf, hmtx, cvt, t.prep, t.fpgm]) if (tb && tb.offset + tb.length > buf.length) return undefined;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const longLoca = dv.getInt16(head.offset + 50) === 1;
  const numGlyphs = dv.getUint16(maxp.offset + 4);
  const numberOfMetrics = dv.getUint16(hhea.offset + 34);
  const locaAt = (g: number): number => (longLoca ? dv.getUint32(loca.offset + 4 * g) : 2 * dv.getUint16(loca.offset + 2 * g));
  // loca has numGlyphs + 1 entries, hmtx a long metric per glyph up to numberOfMetrics and a bearing per glyph after
  if (numberOfMetrics < 1 || numberOfMetrics > numGlyphs || loca.length < (longLoca ? 4 : 2) * (numGlyphs + 1) || hmtx.length < 2 * numberOfMetrics + 2 * numGlyphs) return undefined;

  const glyphs: number[] = [];
  const mapping: Record<number, number> = {};
  const include = (g: number): number => {
    if (mapping[g] == null) {
      glyphs.push(g);
      mapping[g] = glyphs.length - 1;
    }
    return mapping[g]!;
  };
  include(0);
  for (const g of gids) include(g);

  const pieces: Uint8Array[] = [];
  const offsets: number[] = [];
  const metrics: number[] = [];
  let offset = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    // an id past the font's glyphs or a glyph whose loca entries decrease: fontkit's own subset decides
    if (g >= numGlyphs) return undefined;
    const from = locaAt(g);
    const to = locaAt(g + 1);
    if (to < from || to > glyf.length) return undefined;
    let piece: Uint8Array = buf.subarray(glyf.offset + from, glyf.offset + to);
    if (to > from && dv.getInt16(glyf.offset + from) < 0) {
      // a copy (the font's bytes may be a Node Buffer, whose slice() is a view)
      piece = new Uint8Array(piece);
      const pv = new DataView(piece.buffer);
      for (const at of componentPositions(dv, glyf.offset + from)) pv.setUint16(at, include(dv.getUint16(glyf.offset + from + at)));
    }
    pieces.push(piece);
    offsets.push(offset);
    // fontkit's Glyph._getTableMetrics: past the long metrics, the last advance and a bearing from the short list
    const m = Math.min(g, numberOfMetrics - 1);
    const advance = dv.getUint16(hmtx.offset + 4 * m);
    const bearing = dv.getInt16(g < numberOfMetrics ? hmtx.offset + 4 * g + 2 : hmtx.offset + 4 * numberOfMetrics + 2 * (g - numberOfMetrics));
    metrics.push(advance, bearing);
    offset += piece.length;
  }
  offsets.push(offset);
  return { bytes: writeFont(buf, dv, { head, hhea, maxp, cvt, prep: t.prep, fpgm: t.fpgm }, longLoca, pieces, offsets, metrics), mapping };
}

/** The font file fontkit's Directory.toBuffer writes for these tables. */
function writeFont(buf: Uint8Array, dv: DataView, t: { head: Table; hhea: Table; maxp: Table; cvt?: Table; prep?: Table; fpgm?: Table }, longLoca: boolean, pieces: readonly Uint8Array[], offsets: readonly number[], metrics: readonly number[]): Uint8Array {
  const raw = (tb: Table, n = tb.length) => buf.subarray(tb.offset, tb.offset + n);
  // copies, each its own ArrayBuffer (a Node Buffer's slice() would be a view of the font)
  const head = new Uint8Array(raw(t.head, 54));
  // restructure's Bitfield writes back only the flags fontkit names (bold … extended)
  new DataView(head.buffer).setUint16(44, dv.getUint16(t.head.offset + 44) & 0x7f);
  const hhea = new Uint8Array(raw(t.hhea, 36));
  const hv = new DataView(hhea.buffer);
  for (let o = 24; o < 32; o += 2) hv.setUint16(o, 0);
  hv.setUint16(34, pieces.length);
  const maxp = new Uint8Array(raw(t.maxp, 32));
  new DataView(maxp.buffer).setUint16(4, pieces.length);
  const loca = new Uint8Array(offsets.length * (longLoca ? 4 : 2));
  const lv = new DataView(loca.buffer);
  // fontkit's loca.preEncode halves short offsets (>>> 1) and a uint16 write keeps the low 16 bits
  offsets.forEach((o, i) => (longLoca ? lv.setUint32(4 * i, o) : lv.setUint16(2 * i, o >>> 1)));
  const glyf = new Uint8Array(offsets[offsets.length - 1]!);
  pieces.forEach((p, i) => glyf.set(p, offsets[i]!));
  const hmtx = new Uint8Array(2 * metrics.length);
  const mv = new DataView(hmtx.buffer);
  for (let i = 0; i < metrics.length; i += 2) {
    mv.setUint16(2 * i, metrics[i]!);
    mv.setInt16(2 * i + 2, metrics[i + 1]!);
  }
  const tables: [string, Uint8Array | undefined][] = [
    ['head', head],
    ['hhea', hhea],
    ['loca', loca],
    ['maxp', maxp],
    ['cvt ', t.cvt && raw(t.cvt)],
    ['prep', t.prep && raw(t.prep)],
    ['glyf', glyf],
    ['hmtx', hmtx],
    ['fpgm', t.fpgm && raw(t.fpgm)],
  ];
  const present = tables.filter((e): e is [string, Uint8Array] => e[1] !== undefined);
  const n = present.length;
  let size = 12 + 16 * n;
  for (const [, b] of present) size += b.length;
  const out = new Uint8Array(size);
  const ov = new DataView(out.buffer);
  const ascii = (at: number, s: string) => { for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i); };
  // Directory.preEncode's header fields, computed as it does (Math.log quotients, truncated by the uint16 write)
  const maxPowerOf2 = Math.pow(2, Math.floor(Math.log(n) / Math.LN2));
  ascii(0, 'true');
  ov.setUint16(4, n);
  ov.setUint16(6, maxPowerOf2 * 16);
  ov.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  ov.setUint16(10, n * 16 - maxPowerOf2 * 16);
  let at = 12 + 16 * n;
  present.forEach(([tag, b], i) => {
    const e = 12 + 16 * i;
    ascii(e, tag);
    ov.setUint32(e + 4, 0);
    ov.setUint32(e + 8, at);
    ov.setUint32(e + 12, b.length);
    out.set(b, at);
    at += b.length;
  });
  return out;
}
