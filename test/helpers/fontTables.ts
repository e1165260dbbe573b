/**
 * A small reader of TrueType/OpenType tables, independent of fontkit and of src/fonts: unitsPerEm (head), advance
 * widths (hhea + hmtx), the Unicode → glyph map (cmap formats 4 and 12) and the PostScript name (name ID 6). Tests
 * take expected widths from here: the font file's own advance table, not the helper under test.
 */
import { readFileSync } from 'node:fs';

export interface FontTables {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** Glyph id of a code point (0 = .notdef). */
  glyph(cp: number): number;
  /** Advance of a glyph in font units. */
  advance(gid: number): number;
  /** Sum of the nominal advances of `text` at `size` pt: no kerning, no ligatures, no substitutions. */
  width(text: string, size: number): number;
  /** Pair kerning between two glyphs from the GPOS 'kern' feature (pair adjustment lookups), in font units. */
  kern(left: number, right: number): number;
  /** Advances plus pair kerning of `text` at `size` pt (text without ligatures). */
  kernedWidth(text: string, size: number): number;
}

export function readFontTables(file: string): FontTables {
  const b = readFileSync(file);
  const u16 = (o: number) => b.readUInt16BE(o);
  const u32 = (o: number) => b.readUInt32BE(o);
  const tables = new Map<string, number>();
  for (let i = 0, n = u16(4); i < n; i++) tables.set(b.toString('latin1', 12 + i * 16, 16 + i * 16), u32(12 + i * 16 + 8));
  const at = (tag: string) => {
    const o = tables.get(tag);
    if (o === undefined) throw new Error(`${file}: no ${tag} table`);
    return o;
  };
  const unitsPerEm = u16(at('head') + 18);
  const numberOfHMetrics = u16(at('hhea') + 34);
  const hmtx = at('hmtx');
  const advance = (gid: number) => u16(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1));

  // cmap: prefer a format 12 (full Unicode) subtable, else format 4 (BMP)
  const cmap = at('cmap');
  let f4: number | undefined;
  let f12: number | undefined;
  for (let i = 0, n = u16(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const [platform, encoding, off] = [u16(rec), u16(rec + 2), cmap + u32(rec + 4)];
    if (!(platform === 3 || platform === 0)) continue;
    if (u16(off) === 12) f12 ??= off;
    if (u16(off) === 4 && (platform === 0 || encoding === 1)) f4 ??= off;
  }
  const glyph = (cp: number): number => {
    if (f12 !== undefined) {
      for (let i = 0, n = u32(f12 + 12); i < n; i++) {
        const g = f12 + 16 + i * 12;
        if (cp >= u32(g) && cp <= u32(g + 4)) return u32(g + 8) + cp - u32(g);
      }
      return 0;
    }
    if (f4 === undefined || cp > 0xffff) return 0;
    const segs = u16(f4 + 6) / 2;
    const ends = f4 + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const ranges = deltas + segs * 2;
    for (let i = 0; i < segs; i++) {
      if (cp > u16(ends + i * 2)) continue;
      const start = u16(starts + i * 2);
      if (cp < start) return 0;
      const ro = u16(ranges + i * 2);
      const delta = b.readInt16BE(deltas + i * 2);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = u16(ranges + i * 2 + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };

  // name ID 6, from a Windows (UTF-16BE) or Macintosh (Roman) record
  const name = at('name');
  const strings = name + u16(name + 4);
  let postscriptName = '';
  for (let i = 0, n = u16(name + 2); i < n && !postscriptName; i++) {
    const rec = name + 6 + i * 12;
    if (u16(rec + 6) !== 6) continue;
    const [platform, len, off] = [u16(rec), u16(rec + 8), strings + u16(rec + 10)];
    postscriptName = platform === 3 ? b.subarray(off, off + len).swap16().toString('utf16le') : b.toString('latin1', off, off + len);
    if (platform === 3) b.subarray(off, off + len).swap16(); // swap back: the buffer is shared
  }

  const kern = gposKerning(b, tables.get('GPOS'));
  const gids = (text: string) => [...text].map((ch) => glyph(ch.codePointAt(0)!));
  return {
    postscriptName,
    kern,
    kernedWidth: (text, size) => {
      const g = gids(text);
      return g.reduce((s, gid, i) => s + advance(gid) + (i + 1 < g.length ? kern(gid, g[i + 1]!) : 0), 0) * (size / unitsPerEm);
    },
    unitsPerEm,
    glyph,
    advance,
    width: (text, size) => [...text].reduce((s, ch) => s + advance(glyph(ch.codePointAt(0)!)), 0) * (size / unitsPerEm),
  };
}

/** Pair kerning of the GPOS 'kern' feature: lookup type 2 (formats 1 and 2), also inside extension lookups (type 9). */
function gposKerning(b: Buffer, gpos: number | undefined): (l: number, r: number) => number {
  if (gpos === undefined) return () => 0;
  const u16 = (o: number) => b.readUInt16BE(o);
  const i16 = (o: number) => b.readInt16BE(o);
  const features = gpos + u16(gpos + 6);
  const lookups = gpos + u16(gpos + 8);
  const indices = new Set<number>();
  for (let i = 0, n = u16(features); i < n; i++) {
    const rec = features + 2 + i * 6;
    if (b.toString('latin1', rec, rec + 4) !== 'kern') continue;
    const f = features + u16(rec + 4);
    for (let k = 0, m = u16(f + 2); k < m; k++) indices.add(u16(f + 4 + k * 2));
  }
  const coverage = (o: number, g: number): number => {
    if (u16(o) === 1) {
      for (let i = 0, n = u16(o + 2); i < n; i++) if (u16(o + 4 + i * 2) === g) return i;
      return -1;
    }
    for (let i = 0, n = u16(o + 2); i < n; i++) {
      const r = o + 4 + i * 6;
      if (g >= u16(r) && g <= u16(r + 2)) return u16(r + 4) + g - u16(r);
    }
    return -1;
  };
  const classOf = (o: number, g: number): number => {
    if (u16(o) === 1) {
      const start = u16(o + 2);
      return g >= start && g < start + u16(o + 4) ? u16(o + 6 + (g - start) * 2) : 0;
    }
    for (let i = 0, n = u16(o + 2); i < n; i++) {
      const r = o + 4 + i * 6;
      if (g >= u16(r) && g <= u16(r + 2)) return u16(r + 4);
    }
    return 0;
  };
  const bits = (f: number) => [...Array(8).keys()].filter((k) => f & (1 << k)).length;
  /** XAdvance (bit 2) of a value record, after XPlacement and YPlacement when present. */
  const xAdvance = (o: number, f: number) => (f & 4 ? i16(o + 2 * bits(f & 3)) : 0);
  /** One pair subtable: the adjustment, or undefined when the pair is not covered. */
  const pair = (st: number, l: number, r: number): number | undefined => {
    const ci = coverage(st + u16(st + 2), l);
    if (ci < 0) return undefined;
    const [vf1, vf2] = [u16(st + 4), u16(st + 6)];
    const size = 2 * (bits(vf1) + bits(vf2));
    if (u16(st) === 1) {
      const set = st + u16(st + 10 + ci * 2);
      for (let i = 0, n = u16(set); i < n; i++) {
        const rec = set + 2 + i * (2 + size);
        if (u16(rec) === r) return xAdvance(rec + 2, vf1);
      }
      return undefined;
    }
    const c1 = classOf(st + u16(st + 8), l);
    const c2 = classOf(st + u16(st + 10), r);
    const class2Count = u16(st + 14);
    return xAdvance(st + 16 + (c1 * class2Count + c2) * size, vf1);
  };
  return (l, r) => {
    let sum = 0;
    for (const li of [...indices].sort((a, b) => a - b)) {
      const lk = lookups + u16(lookups + 2 + li * 2);
      for (let s = 0, n = u16(lk + 4); s < n; s++) {
        let st = lk + u16(lk + 6 + s * 2);
        let type = u16(lk);
        if (type === 9) {
          type = u16(st + 2);
          st += b.readUInt32BE(st + 4);
        }
        if (type !== 2) continue;
        const v = pair(st, l, r);
        if (v !== undefined) {
          sum += v;
          break;
        }
      }
    }
    return sum;
  };
}
