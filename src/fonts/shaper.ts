/**
 * One shaping engine for measuring and for drawing: HarfBuzz (the WebAssembly build harfbuzzjs ships, called
 * directly through fonts/hbWasm.ts; harfbuzzjs's own API draws chart outlines, loaded by outlinesReady). Layout
 * measures with the runs this returns and pdf/ draws the very same runs (glyph ids, advances, offsets), so nothing
 * is shaped twice and what is drawn is exactly what was measured. HarfBuzz agreed with fontkit (which pdfkit used to shape with)
 * on every glyph id and advance of every word of the bundled report in all eight faces
 * (test/fonts/shaper.test.ts checks it against the font's own tables), at ~8× the speed.
 */
import type * as Hb from 'harfbuzzjs';
import { asciiPtr, freeWhenCollected, harfBuzz, memoryViews } from './hbWasm.ts';
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
  const x = harfBuzz();
  // the face's bytes live in HarfBuzz's memory as long as the face (the blob does not copy them)
  const data = x.malloc(bytes.byteLength);
  new Uint8Array(x.memory.buffer, data, bytes.byteLength).set(bytes);
  const blob = x.hb_blob_create(data, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = x.hb_face_create(blob, 0);
  const font = x.hb_font_create(face);
  const buffer = x.hb_buffer_create();
  const unitsPerEm = x.hb_face_get_upem(face);
  const text16 = { ptr: 0, capacity: 0 };
  // [0]: the face's bytes, [1]: the text buffer, then the feature arrays (freed with the shaper, hbWasm.ts)
  const allocations = [data, 0];
  // hmtx advances by glyph id (-1: not asked yet), grown to the highest id seen
  let hmtx = new Int32Array(0);
  const width = (id: number): number => {
    if (id >= hmtx.length) {
      const grown = new Int32Array(Math.max(2 * hmtx.length, id + 1, 256)).fill(-1);
      grown.set(hmtx);
      hmtx = grown;
    }
    let w = hmtx[id]!;
    if (w === -1) hmtx[id] = w = x.hb_font_get_glyph_h_advance(font, id);
    return w;
  };
  // features as hb_feature_t arrays in HarfBuzz's memory, by their names (callers pass the styles' few arrays
  // thousands of times: found by identity before joining)
  const featureSets = new Map<string, { ptr: number; count: number }>();
  const byArray = new WeakMap<readonly string[], { ptr: number; count: number }>();
  const featuresOf = (names: readonly string[]) => {
    let set = byArray.get(names);
    if (set) return set;
    const key = names.join(',');
    set = featureSets.get(key);
    if (!set) {
      featureSets.set(key, (set = parseFeatures(names)));
      allocations.push(set.ptr);
    }
    byArray.set(names, set);
    return set;
  };
  let unicodes: Uint32Array | undefined;
  let scratch = { clusters: new Uint32Array(64), advances: new Int32Array(64) };
  /** Shapes `text` into the buffer; the glyph infos and positions as indexes into 32-bit views of the memory. */
  const run = (text: string, features: readonly string[]) => {
    const f = featuresOf(features);
    if (text16.capacity < text.length) {
      if (text16.ptr) x.free(text16.ptr);
      text16.capacity = Math.max(2 * text.length, 64);
      text16.ptr = allocations[1] = x.malloc(2 * text16.capacity);
    }
    const { u16 } = memoryViews(x);
    const at = text16.ptr >>> 1;
    for (let i = 0; i < text.length; i++) u16[at + i] = text.charCodeAt(i);
    x.hb_buffer_reset(buffer);
    x.hb_buffer_add_utf16(buffer, text16.ptr, text.length, 0, text.length);
    x.hb_buffer_guess_segment_properties(buffer);
    x.hb_shape(font, buffer, f.ptr, f.count);
    const n = x.hb_buffer_get_length(buffer);
    // hb_glyph_info_t and hb_glyph_position_t are five 32-bit fields each (views of the memory after shaping,
    // which may have grown it)
    const { u32, i32 } = memoryViews(x);
    return { n, u32, i32, info: x.hb_buffer_get_glyph_infos(buffer, 0) >>> 2, pos: x.hb_buffer_get_glyph_positions(buffer, 0) >>> 2 };
  };
  const shaper: Shaper = {
    unitsPerEm,
    covers(cp) {
      const bits = (unicodes ??= charMap(face));
      const word = cp >>> 5;
      return word < bits.length && (bits[word]! & (1 << (cp & 31))) !== 0;
    },
    outline: outlines(bytes),
    shape(text, features = []) {
      const { n, u32, i32, info, pos } = run(text, features);
      // One backing store for the four arrays: a typed array past V8's 64 on-heap bytes gets its own off-heap
      // buffer, so four separate arrays per line cost four allocations and four finalisations.
      const store = new ArrayBuffer(14 * n + ((2 * n) & 3));
      const advances = new Int32Array(store, 0, n);
      const widths = new Int32Array(store, 4 * n, n);
      const clusters = new Uint32Array(store, 8 * n, n);
      const ids = new Uint16Array(store, 12 * n, n);
      let offsets: Int32Array | undefined;
      let advance = 0;
      for (let i = 0; i < n; i++) {
        const id = u32[info + 5 * i]!;
        const xAdvance = i32[pos + 5 * i]!;
        const xOffset = i32[pos + 5 * i + 2]!;
        const yOffset = i32[pos + 5 * i + 3]!;
        ids[i] = id;
        clusters[i] = u32[info + 5 * i + 2]!;
        advances[i] = xAdvance;
        advance += xAdvance;
        if (xOffset || yOffset) {
          offsets ??= new Int32Array(2 * n);
          offsets[2 * i] = xOffset;
          offsets[2 * i + 1] = yOffset;
        }
      }
      // after the views are read: asking HarfBuzz for an advance could grow its memory and detach them
      for (let i = 0; i < n; i++) widths[i] = width(ids[i]!);
      return { ids, advances, widths, clusters, advance, unitsPerEm, ...(offsets && { offsets }) };
    },
    prefix(text, features = []) {
      const { n, u32, i32, info, pos } = run(text, features);
      // clusters and advances of this call only: scratch arrays reused by every call of this face
      if (scratch.clusters.length < n) scratch = { clusters: new Uint32Array(2 * n), advances: new Int32Array(2 * n) };
      const { clusters, advances } = scratch;
      for (let i = 0; i < n; i++) {
        clusters[i] = u32[info + 5 * i + 2]!;
        advances[i] = i32[pos + 5 * i]!;
      }
      return clusterPrefix(text.length, n, clusters, advances, unitsPerEm);
    },
  };
  freeWhenCollected(shaper, { blob, face, font, buffer, allocations });
  return shaper;
}

/** hb_memory_mode_t HB_MEMORY_MODE_WRITABLE, as harfbuzzjs's Blob passes it. */
const HB_MEMORY_MODE_WRITABLE = 2;

/** hb_feature_t values parsed by HarfBuzz (16 bytes each); names it cannot parse are left out, as harfbuzzjs does. */
function parseFeatures(names: readonly string[]): { ptr: number; count: number } {
  const x = harfBuzz();
  const ptr = names.length ? x.malloc(16 * names.length) : 0;
  let count = 0;
  for (const name of names) {
    const str = asciiPtr(x, name);
    if (x.hb_feature_from_string(str, -1, ptr + 16 * count)) count++;
    x.free(str);
  }
  return { ptr, count };
}

/** The face's character map as a bit set over the code points it has (fallback.ts asks for every character). */
function charMap(face: number): Uint32Array {
  const x = harfBuzz();
  const set = x.hb_set_create();
  x.hb_face_collect_unicodes(face, set);
  const count = x.hb_set_get_population(set);
  const out = x.malloc(4 * count + 4);
  x.hb_set_next_many(set, -1, out, count);
  const cps = new Uint32Array(x.memory.buffer, out, count).slice();
  x.free(out);
  x.hb_set_destroy(set);
  let max = 0;
  for (let i = 0; i < cps.length; i++) if (cps[i]! > max) max = cps[i]!;
  const bits = new Uint32Array((max >>> 5) + 1);
  for (let i = 0; i < cps.length; i++) bits[cps[i]! >>> 5]! |= 1 << (cps[i]! & 31);
  return bits;
}

/** harfbuzzjs's API in this thread, once outlinesReady has loaded it (a library, like hbWasm.ts's engine: no report state). */
let hb: typeof Hb | undefined;

/**
 * Loads harfbuzzjs, whose own HarfBuzz instance starts asynchronously, before the first glyph outline in this thread
 * (charts/rasterize.ts awaits it). Only charts' PNGs need outlines: a build whose PNGs come from its caches (or from
 * the chart worker) neither evaluates harfbuzzjs nor compiles its WebAssembly (≈ 6–8 ms of a next build's start).
 */
export async function outlinesReady(): Promise<void> {
  if (hb) return;
  const m = await import('harfbuzzjs');
  // the CLI bundle's copy exports its start as `ready` (scripts/compile.mjs); the ES module awaited it when imported
  await (m as { ready?: Promise<unknown> }).ready;
  hb = m;
}

/** Whether this thread has loaded harfbuzzjs (what REPORTPRESS_BENCH_JSON reports; test/cli/nextBuild). */
export const outlinesLoaded = (): boolean => hb !== undefined;

/** Glyph outlines through harfbuzzjs's draw API (charts only), its face made on the first outline asked for. */
function outlines(bytes: Uint8Array): (id: number) => string {
  let font: Hb.Font | undefined;
  return (id) => {
    if (!hb) throw new Error('glyph outline asked for before outlinesReady() (fonts/shaper.ts)');
    return (font ??= new hb.Font(new hb.Face(new hb.Blob(bytes), 0))).glyphToPath(id);
  };
}
