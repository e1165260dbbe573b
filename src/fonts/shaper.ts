/**
 * One shaping engine for measuring and for drawing: HarfBuzz (harfbuzzjs, WebAssembly). Layout measures with the
 * runs this returns and pdf/ draws the very same runs (glyph ids, advances, offsets), so nothing is shaped twice
 * and what is drawn is exactly what was measured. HarfBuzz agreed with fontkit (which pdfkit used to shape with)
 * on every glyph id and advance of every word of the bundled report in all eight faces
 * (test/fonts/shaper.test.ts checks it against the font's own tables), at ~8× the speed.
 */
import * as hb from 'harfbuzzjs';
import { clusterPrefix } from './prefixUnits.ts';

/** A shaped text in font units (unitsPerEm), left to right. */
export interface ShapedRun {
  /** Glyph ids, in drawing order. */
  readonly ids: Uint16Array;
  /** Advance of each glyph with kerning (GPOS/kern) applied. */
  readonly advances: Int32Array;
  /** Advance of each glyph from hmtx alone (what the PDF font's /W array says). */
  readonly widths: Int32Array;
  /** x and y offset of each glyph (pairs), or undefined when all are zero (no mark positioning). */
  readonly offsets?: Int32Array;
  /** UTF-16 index of the first code unit of each glyph's cluster (non-decreasing for left-to-right text). */
  readonly clusters: Uint32Array;
  /** Sum of the advances. */
  readonly advance: number;
  readonly unitsPerEm: number;
}

/** Cumulative advances of a shaped text (prefixUnits) and their sum in font units (ShapedRun.advance). */
export interface ShapedPrefix {
  readonly units: Float64Array;
  readonly advance: number;
}

/** Shapes text in one face. */
export interface Shaper {
  readonly unitsPerEm: number;
  /** Shapes `text` with the OpenType `features` (kerning and ligatures are on unless named off). */
  shape(text: string, features?: readonly string[]): ShapedRun;
  /**
   * The same shaping reduced to what breaking needs: the advance at each code-unit boundary (prefixUnits) and the
   * sum. A word is measured, never drawn, so its glyph ids, hmtx widths and offsets are not kept.
   */
  prefix(text: string, features?: readonly string[]): ShapedPrefix;
  /** True when the face's character map has `codePoint` (fallback fonts are chosen by this, before shaping). */
  covers(codePoint: number): boolean;
  /** A glyph's outline as SVG path data in font units, y up (HarfBuzz's draw API). */
  outline(id: number): string;
}

/** A face from the font file's bytes. HarfBuzz's defaults apply (kern, liga, calt …), with no language set. */
export function createShaper(bytes: Uint8Array): Shaper {
  const face = new hb.Face(new hb.Blob(bytes), 0);
  const font = new hb.Font(face);
  const buffer = new hb.Buffer();
  const unitsPerEm = face.upem;
  const hmtx = new Map<number, number>();
  const width = (id: number): number => {
    let w = hmtx.get(id);
    if (w === undefined) hmtx.set(id, (w = font.glyphHAdvance(id)));
    return w;
  };
  const featureSets = new Map<string, hb.Feature[]>();
  // callers pass the same few arrays (the styles' features) thousands of times: found by identity before joining
  const byArray = new WeakMap<readonly string[], hb.Feature[]>();
  const featuresOf = (names: readonly string[]): hb.Feature[] => {
    let set = byArray.get(names);
    if (set) return set;
    const key = names.join(',');
    set = featureSets.get(key);
    if (!set) featureSets.set(key, (set = names.map((n) => hb.Feature.fromString(n)).filter((f): f is hb.Feature => !!f)));
    byArray.set(names, set);
    return set;
  };
  // The character map as a bit set over the code points it has (fallback.ts asks for every character of every run)
  let unicodes: Uint32Array | undefined;
  const charMap = (): Uint32Array => {
    const cps = face.collectUnicodes();
    let max = 0;
    for (let i = 0; i < cps.length; i++) if (cps[i]! > max) max = cps[i]!;
    const bits = new Uint32Array((max >>> 5) + 1);
    for (let i = 0; i < cps.length; i++) bits[cps[i]! >>> 5]! |= 1 << (cps[i]! & 31);
    return bits;
  };
  let scratch = { clusters: new Uint32Array(64), advances: new Int32Array(64) };
  const run = (text: string, features: readonly string[]) => {
    buffer.reset();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer, featuresOf(features));
    return { infos: buffer.getGlyphInfos(), positions: buffer.getGlyphPositions() };
  };
  return {
    unitsPerEm,
    covers(cp) {
      const bits = (unicodes ??= charMap());
      const word = cp >>> 5;
      return word < bits.length && (bits[word]! & (1 << (cp & 31))) !== 0;
    },
    outline: (id) => font.glyphToPath(id),
    shape(text, features = []) {
      const { infos, positions } = run(text, features);
      const n = infos.length;
      // One backing store for the four arrays: a typed array past V8's 64 on-heap bytes gets its own off-heap
      // buffer, so four separate arrays per line cost four allocations and four finalisations.
      const bytes = new ArrayBuffer(14 * n + ((2 * n) & 3));
      const advances = new Int32Array(bytes, 0, n);
      const widths = new Int32Array(bytes, 4 * n, n);
      const clusters = new Uint32Array(bytes, 8 * n, n);
      const ids = new Uint16Array(bytes, 12 * n, n);
      let offsets: Int32Array | undefined;
      let advance = 0;
      for (let i = 0; i < n; i++) {
        const p = positions[i]!;
        const info = infos[i]!;
        ids[i] = info.codepoint;
        clusters[i] = info.cluster;
        advances[i] = p.xAdvance;
        widths[i] = width(info.codepoint);
        advance += p.xAdvance;
        if (p.xOffset || p.yOffset) {
          offsets ??= new Int32Array(2 * n);
          offsets[2 * i] = p.xOffset;
          offsets[2 * i + 1] = p.yOffset;
        }
      }
      return { ids, advances, widths, clusters, advance, unitsPerEm, ...(offsets && { offsets }) };
    },
    prefix(text, features = []) {
      const { infos, positions } = run(text, features);
      const n = infos.length;
      // clusters and advances of this call only: scratch arrays reused by every call of this face
      if (scratch.clusters.length < n) scratch = { clusters: new Uint32Array(2 * n), advances: new Int32Array(2 * n) };
      const { clusters, advances } = scratch;
      for (let i = 0; i < n; i++) {
        clusters[i] = infos[i]!.cluster;
        advances[i] = positions[i]!.xAdvance;
      }
      return clusterPrefix(text.length, n, clusters, advances, unitsPerEm);
    },
  };
}
