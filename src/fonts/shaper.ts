/**
 * One shaping engine for measuring and for drawing: HarfBuzz (harfbuzzjs, WebAssembly). Layout measures with the
 * runs this returns and pdf/ draws the very same runs (glyph ids, advances, offsets), so nothing is shaped twice
 * and what is drawn is exactly what was measured. HarfBuzz agreed with fontkit (which pdfkit used to shape with)
 * on every glyph id and advance of every word of the bundled report in all eight faces
 * (test/fonts/shaper.test.ts checks it against the font's own tables), at ~8× the speed.
 */
import * as hb from 'harfbuzzjs';

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

/** Shapes text in one face. */
export interface Shaper {
  readonly unitsPerEm: number;
  /** Shapes `text` with the OpenType `features` (kerning and ligatures are on unless named off). */
  shape(text: string, features?: readonly string[]): ShapedRun;
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
  const featuresOf = (names: readonly string[]): hb.Feature[] => {
    const key = names.join(',');
    let set = featureSets.get(key);
    if (!set) featureSets.set(key, (set = names.map((n) => hb.Feature.fromString(n)).filter((f): f is hb.Feature => !!f)));
    return set;
  };
  let unicodes: Set<number> | undefined;
  return {
    unitsPerEm,
    covers: (cp) => (unicodes ??= new Set(face.collectUnicodes())).has(cp),
    outline: (id) => font.glyphToPath(id),
    shape(text, features = []) {
      buffer.reset();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      hb.shape(font, buffer, featuresOf(features));
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      const n = infos.length;
      const ids = new Uint16Array(n);
      const advances = new Int32Array(n);
      const widths = new Int32Array(n);
      const clusters = new Uint32Array(n);
      let offsets: Int32Array | undefined;
      let advance = 0;
      for (let i = 0; i < n; i++) {
        const p = positions[i]!;
        ids[i] = infos[i]!.codepoint;
        clusters[i] = infos[i]!.cluster;
        advances[i] = p.xAdvance;
        widths[i] = width(ids[i]!);
        advance += p.xAdvance;
        if (p.xOffset || p.yOffset) {
          offsets ??= new Int32Array(2 * n);
          offsets[2 * i] = p.xOffset;
          offsets[2 * i + 1] = p.yOffset;
        }
      }
      return { ids, advances, widths, clusters, advance, unitsPerEm, ...(offsets && { offsets }) };
    },
  };
}
